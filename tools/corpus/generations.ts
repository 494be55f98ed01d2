/**
 * The two older national formats a real corpus still holds (DESIGN.md "Report generations"):
 * the 2019 format (国办公开办函〔2019〕60号: another part-二 table, one （六）其他处理 row) and the
 * legacy reports of 2008–2018 (prose parts, figures in sentences, sometimes an old 统计表). Each
 * comes with the figures the parser should read back (docs/record-format.md), never more: a
 * legacy figure only the prose states is recorded as read from the prose.
 */
import {
  APPLICANT_COLUMNS,
  type ActiveFigures2019,
  type Cell,
  type Figures,
  type LegacyFigures,
  type RequestFigures,
  type RequestRow,
  type ResultCounts,
} from '../../lib/types';
import { emptyLegacy } from '../../lib/parse/legacy';
import type { Rng } from './prng';
import type { Wording } from './tables';

type Grid = string[][];
const num = (v: Cell) => (v === null ? '' : String(v));
const br = (w: Wording, s: string) => (w.full ? `（${s}）` : `(${s})`);

/** Part 二 figures in the 2019 format, sized like the 2021 ones of the same agency. */
export function makeActive2019(rng: Rng, figures: Figures): ActiveFigures2019 {
  const a = figures.active!;
  const made = (issued: number, total: number) => {
    const m = issued ?? 0;
    return { made: m, published: m - (m > 0 && rng.chance(0.2) ? 1 : 0), total_published: total };
  };
  const items = (decisions: number) => {
    const previous = decisions > 0 || rng.chance(0.3) ? rng.int(1, 120) : 0;
    return { previous_year: previous, change: previous > 0 && rng.chance(0.4) ? rng.int(-Math.min(previous, 9), 9) : 0, decisions };
  };
  return {
    rules: made(a.rules.issued ?? 0, a.rules.in_force ?? 0),
    normative_documents: made(a.normative_documents.issued ?? 0, a.normative_documents.in_force ?? 0),
    licensing: items(a.licensing ?? 0),
    other_services: items(rng.chance(0.3) ? rng.int(1, 400) : 0),
    penalty: items(a.penalty ?? 0),
    coercion: items(a.coercion ?? 0),
    fees: { previous_year: rng.chance(0.3) ? rng.int(1, 12) : 0, change: 0 },
    procurement: rng.chance(0.4) ? { projects: rng.int(1, 30), amount_yuan: rng.int(2, 900) * 1000 } : { projects: 0, amount_yuan: 0 },
  };
}

export function active2019Grid(a: ActiveFigures2019, w: Wording): Grid {
  const items = (label: string, r: ActiveFigures2019['licensing']) => [label, num(r.previous_year), num(r.change), num(r.decisions)];
  return [
    [`第二十条第${br(w, '一')}项`],
    ['信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量'],
    ['规章', num(a.rules.made), num(a.rules.published), num(a.rules.total_published)],
    ['规范性文件', num(a.normative_documents.made), num(a.normative_documents.published), num(a.normative_documents.total_published)],
    [`第二十条第${br(w, '五')}项`],
    ['信息内容', '上一年项目数量', '本年增/减', '处理决定数量'],
    items('行政许可', a.licensing),
    items('其他对外管理服务事项', a.other_services),
    [`第二十条第${br(w, '六')}项`],
    ['信息内容', '上一年项目数量', '本年增/减', '处理决定数量'],
    items('行政处罚', a.penalty),
    items('行政强制', a.coercion),
    [`第二十条第${br(w, '八')}项`],
    ['信息内容', '上一年项目数量', '本年增/减'],
    ['行政事业性收费', num(a.fees.previous_year), num(a.fees.change)],
    [`第二十条第${br(w, '九')}项`],
    ['信息内容', '采购项目数量', '采购总金额'],
    ['政府集中采购', num(a.procurement.projects), num(a.procurement.amount_yuan)],
  ];
}

const SUB_ROWS = ['other_no_correction', 'other_no_fee', 'other_other'] as const;

/** Part 三 as the 2019 format prints it: the three （六） sub-rows as one 其他处理 row. */
export function to2019Requests(r: RequestFigures): RequestFigures {
  const nulls = () => Object.fromEntries(APPLICANT_COLUMNS.map((c) => [c, null])) as RequestRow;
  const other = Object.fromEntries(APPLICANT_COLUMNS.map((c) => [c, SUB_ROWS.reduce((s, k) => s + (r[k][c] ?? 0), 0)])) as RequestRow;
  return { ...r, other_no_correction: nulls(), other_no_fee: nulls(), other_other: nulls(), other_processing: other };
}

/** The 2021 requests grid with the three （六） rows replaced by the single 2019 row. */
export function requests2019Grid(grid2021: Grid, r: RequestFigures, w: Wording): Grid {
  const at = grid2021.findIndex((row) => row.some((c) => c.includes('处理') && c.startsWith(br(w, '六'))));
  const values = APPLICANT_COLUMNS.map((c) => num(r.other_processing![c]));
  return [...grid2021.slice(0, at), ['', `${br(w, '六')}${w.other}处理`, ...values], ...grid2021.slice(at + 3)];
}

// ---- legacy (2008–2018) ----

/** Splits n into parts by weight, every part a whole number. */
function split(rng: Rng, n: number, parts: number): number[] {
  const out = new Array<number>(parts).fill(0);
  for (let left = n; left > 0; ) {
    const k = Math.min(left, 1 + rng.int(0, Math.ceil(left / 2)));
    out[rng.int(0, parts - 1)] += k;
    left -= k;
  }
  return out;
}

/** The complete figures of a legacy report's 统计表 (every row printed). */
export function makeLegacyTable(rng: Rng, f: Figures): LegacyFigures {
  const received = f.requests!.new_received.total ?? 0;
  const completed = received;
  const [in_person, fax, online, letter] = split(rng, received, 4);
  const [already_public, granted, partially_granted, denied, not_this_agency, not_exist, asked_to_amend, other_channel] = split(rng, completed, 8);
  const results = (g: { upheld: Cell; corrected: Cell; other: Cell; total: Cell }): ResultCounts => ({ upheld: g.upheld, corrected: g.corrected, other: g.other, total: g.total });
  const r = f.appeals!.review;
  const l = f.appeals!.litigation_direct;
  const sum = (g: typeof r) => (g.upheld ?? 0) + (g.corrected ?? 0) + (g.other ?? 0);
  return {
    ...emptyLegacy(),
    active_total: rng.int(20, 900),
    active_normative: f.active!.normative_documents.issued,
    requests_received: received,
    by_channel: { in_person, fax, online, letter },
    requests_completed: completed,
    replies: { already_public, granted, partially_granted, denied, not_this_agency, not_exist, asked_to_amend, other_channel },
    review: results({ ...r, total: sum(r) }),
    litigation: results({ ...l, total: sum(l) }),
    complaints: rng.chance(0.2) ? rng.int(1, 5) : 0,
    fees_wan_yuan: 0,
    staff: { full_time: rng.int(0, 3), part_time: rng.int(1, 8) },
    training: { meetings: rng.int(0, 6), courses: rng.int(0, 4), trainees: rng.int(0, 200) },
  };
}

export function legacyTableGrid(t: LegacyFigures): Grid {
  const row = (name: string, unit: string, v: Cell) => [name, unit, num(v)];
  return [
    ['指标名称', '计量单位', '本年度'],
    row('主动公开政府信息数', '条', t.active_total),
    row('其中：规范性文件数', '件', t.active_normative),
    row('受理政府信息公开申请数', '件', t.requests_received),
    row('其中：1.当面申请数', '件', t.by_channel.in_person),
    row('2.传真申请数', '件', t.by_channel.fax),
    row('3.网上申请数', '件', t.by_channel.online),
    row('4.信函申请数', '件', t.by_channel.letter),
    row('对申请的答复总数', '件', t.requests_completed),
    row('其中：1.属于已主动公开范围数', '件', t.replies.already_public),
    row('2.同意公开答复数', '件', t.replies.granted),
    row('3.同意部分公开答复数', '件', t.replies.partially_granted),
    row('4.不同意公开答复数', '件', t.replies.denied),
    row('5.不属于本行政机关公开数', '件', t.replies.not_this_agency),
    row('6.申请信息不存在数', '件', t.replies.not_exist),
    row('7.告知作出更改补充数', '件', t.replies.asked_to_amend),
    row('8.告知通过其他途径办理数', '件', t.replies.other_channel),
    row('行政复议数量', '件', t.review.total),
    row('其中：维持具体行政行为数', '件', t.review.upheld),
    row('被依法纠错数', '件', t.review.corrected),
    row('其他情形数', '件', t.review.other),
    row('行政诉讼数量', '件', t.litigation.total),
    row('其中：维持具体行政行为或者驳回原告诉讼请求数', '件', t.litigation.upheld),
    row('被依法纠错数', '件', t.litigation.corrected),
    row('其他情形数', '件', t.litigation.other),
    row('举报投诉数量', '件', t.complaints),
    row('依申请公开信息收取的费用', '万元', t.fees_wan_yuan),
    row('专职人员数', '人', t.staff.full_time),
    row('兼职人员数', '人', t.staff.part_time),
    row('召开政府信息公开工作会议或专题会议数', '次', t.training.meetings),
    row('举办各类培训班数', '次', t.training.courses),
    row('接受培训人员数', '人次', t.training.trainees),
  ];
}

/**
 * The prose parts of a legacy report. With a 统计表 the sentences carry no figures (prose never
 * overrides the table anyway); without one, each figure a sentence names is the only one of its
 * kind in the text, so the parser can take it — and the truth holds exactly those.
 */
export function legacyProse(rng: Rng, agency: string, year: number, t: LegacyFigures, withTable: boolean) {
  const active = withTable
    ? rng.pick([`${year}年，${agency}通过门户网站、公开栏等渠道主动公开各类政府信息，重点公开机构职能、规划计划、财政预决算等内容。`, `本机关坚持“公开为常态、不公开为例外”，及时更新政府信息公开目录。`])
    : rng.pick([`${year}年，${agency}全年主动公开政府信息${t.active_total}条，内容涵盖机构职能、政策法规、规划计划、财政预决算等。`, `全年共主动公开政府信息${t.active_total}条，均通过门户网站及时发布。`]);
  const received = t.requests_received ?? 0;
  let requests: string;
  if (withTable) requests = rng.pick(['本机关严格按照规定的程序和时限受理、答复政府信息公开申请。', '对政府信息公开申请，本机关做到登记、审核、答复环节规范有序。']);
  else if (received === 0) requests = `${year}年，本机关未收到政府信息公开申请。`;
  else requests = `${year}年，本机关共收到政府信息公开申请${received}件，均已在法定期限内答复，其中同意公开${t.replies.granted}件。`;
  const fees = rng.pick([`${year}年，本机关未收取政府信息公开相关费用，也未发生减免情况。`, '本年度未收取检索、复制、邮寄等费用。']);
  const appeals = withTable
    ? '本年度因政府信息公开申请提起行政复议、行政诉讼的情况见附表。'
    : rng.pick(['本年度未发生因政府信息公开申请提起行政复议、行政诉讼的情况。', '无。']);
  const overview = rng.pick([
    `${year}年，${agency}认真贯彻落实《中华人民共和国政府信息公开条例》，明确分管领导和具体承办机构，健全政府信息公开工作制度，政府信息公开工作平稳有序开展。`,
    `${agency}高度重视政府信息公开工作，将其列入年度重点工作，调整充实政府信息公开工作领导小组，完善主动公开、依申请公开、保密审查等工作制度。`,
  ]);
  return { overview, active, requests, fees, appeals };
}

/** The truth for a legacy report without a 统计表: what its sentences name. */
export function legacyFromProse(t: LegacyFigures): LegacyFigures {
  const out = emptyLegacy();
  out.active_total = t.active_total;
  out.requests_received = t.requests_received;
  out.from_prose = ['requests_received', 'active_total']; // the order the parser reads them in
  if ((t.requests_received ?? 0) > 0) {
    out.replies.granted = t.replies.granted;
    out.from_prose.push('replies.granted');
  }
  return out;
}
