/**
 * Figures of legacy reports (2008–2018; docs/record-format.md "Legacy figures"): the old
 * 政府信息公开情况统计表 (指标名称 / 计量单位 / 本年度 / 累计) in any layout, and the few figures
 * a sentence names unambiguously. Rows are found by their indicator name, never by position.
 */
import type { Cell as Cell, LegacyFigures } from '../types';
import { segments, tokenize } from './cells';
import type { ColumnKind } from './runs';
import { proseMentions, proseReplies } from './prose';
import { readRow, type ProseHints } from './tables';

import type { Warn as StageWarn } from '../messages';

type Warn = StageWarn<'parse'>;

/** indicator name (enumerator, 其中 and unit removed) → dotted key of LegacyFigures */
const LEGACY_ROWS: { key: string; re: RegExp }[] = [
  { key: 'active_total', re: /^主动公开(政府)?(信息|文件)(总)?数(量)?$/ },
  { key: 'active_normative', re: /^(主动公开)?规范性文件(数|件数)$/ },
  { key: 'requests_received', re: /^(受理|收到)(依申请公开|政府信息公开)?(信息)?(申请)?(总)?数(量)?$|^依申请公开信息(总)?数$/ },
  { key: 'by_channel.in_person', re: /^当面申请(数)?$/ },
  { key: 'by_channel.fax', re: /^传真申请(数)?$/ },
  { key: 'by_channel.online', re: /^(网上|网络|互联网)申请(数)?$/ },
  { key: 'by_channel.letter', re: /^信函申请(数)?$/ },
  { key: 'requests_completed', re: /^对申请的答复(总)?数$|^(申请)?(办结|已答复)(申请)?(总)?数$/ },
  { key: 'replies.granted', re: /^同意公开(答复)?数$/ },
  { key: 'replies.partially_granted', re: /^同意部分公开(答复)?数$/ },
  { key: 'replies.denied', re: /^(不予|否决|不同意)公开(答复)?数$/ },
  { key: 'replies.already_public', re: /^(属于)?(信息)?已主动公开(范围)?(答复)?数$/ },
  { key: 'replies.not_this_agency', re: /^(非本|不属于本)(行政)?(机关|单位|部门)(掌握|公开)?(答复)?数$/ },
  { key: 'replies.not_exist', re: /^(申请)?信息不存在(答复)?数$/ },
  { key: 'replies.asked_to_amend', re: /^(告知|要求)?(申请人)?(作出)?(补正|更改补充)(答复)?数$/ },
  { key: 'replies.other_channel', re: /^告知(通过)?其他途径(获取|办理)?(答复)?数$/ },
  { key: 'review.total', re: /^(申请)?行政复议(案件)?(总)?(件)?数(量)?$/ },
  { key: 'litigation.total', re: /^(提起)?行政诉讼(案件)?(总)?(件)?数(量)?$/ },
  { key: 'complaints', re: /^(行政)?(申诉|举报投诉|投诉举报)(案件)?(件)?数(量)?$/ },
  { key: 'fees_wan_yuan', re: /^(依申请公开(信息)?)?(收取(的)?费用|收费)(总)?(金额|额|数)?$/ },
  { key: 'staff.full_time', re: /^专职(工作)?人员(数)?$/ },
  { key: 'staff.part_time', re: /^兼职(工作)?人员(数)?$/ },
  { key: 'training.meetings', re: /^召开.{0,20}会议(次)?数$/ },
  { key: 'training.courses', re: /^举办.{0,6}培训班(次)?数$/ },
  { key: 'training.trainees', re: /^(接受)?培训(的)?人(员|次)(数)?$/ },
];

/**
 * Result rows printed under 行政复议数量 and 行政诉讼数量 alike (维持具体行政行为数, 被依法纠错数,
 * 其他情形数): they belong to the group whose total row came just before.
 */
const RESULT_ROWS: { col: 'upheld' | 'corrected' | 'other'; re: RegExp }[] = [
  { col: 'upheld', re: /^(结果)?维持(具体)?(行政)?(行为)?(决定)?(或者?驳回(原告)?(诉讼)?(请求)?)?数$/ },
  { col: 'corrected', re: /^(被依法)?(纠错|纠正)数$/ },
  { col: 'other', re: /^其他(情形|结果)数$/ },
];

const UNIT = /(?<=数|额|量)(万元|人次|条|件|项|个|人|次|元|份|期)$/;
const UNIT_CELL = /^(万元|人次|条|件|项|个|人|次|元|份|期)$/;

/** An indicator label as printed → its bare name and unit (`其中：1.网上申请数条` → 网上申请数, 条). */
function indicator(label: string): { name: string; unit: string } {
  let name = label.replace(/^([一二三四五六七八九十]+[、.．])?(其中[:：]?)?(\d+[.、．]|[(（][一二三四五六七八九十\d]+[)）])?(其中[:：]?)?/, '');
  const u = name.match(UNIT);
  const unit = u ? u[1] : '';
  if (u) name = name.slice(0, -unit.length);
  return { name, unit };
}

export function emptyLegacy(): LegacyFigures {
  const rc = () => ({ upheld: null, corrected: null, other: null, total: null });
  return {
    active_total: null,
    active_normative: null,
    requests_received: null,
    by_channel: { in_person: null, fax: null, online: null, letter: null },
    requests_completed: null,
    replies: {
      already_public: null,
      granted: null,
      partially_granted: null,
      denied: null,
      not_this_agency: null,
      not_exist: null,
      asked_to_amend: null,
      other_channel: null,
    },
    review: rc(),
    litigation: rc(),
    complaints: null,
    fees_wan_yuan: null,
    staff: { full_time: null, part_time: null },
    training: { meetings: null, courses: null, trainees: null },
    cumulative: {},
    from_prose: [],
  };
}

export function setKey(f: LegacyFigures, key: string, v: Cell): void {
  const [a, b] = key.split('.');
  if (b === undefined) (f as unknown as Record<string, Cell>)[a] = v;
  else (f as unknown as Record<string, Record<string, Cell>>)[a][b] = v;
}

export function getKey(f: LegacyFigures, key: string): Cell {
  const [a, b] = key.split('.');
  const v = b === undefined ? (f as unknown as Record<string, unknown>)[a] : (f as unknown as Record<string, Record<string, unknown>>)[a]?.[b];
  return typeof v === 'number' ? v : null;
}

/** the 统计表's header: 指标名称 / 统计指标, then (计量)单位 */
const TABLE_START = /(指标名称|统计指标)[\s|]{0,6}(计量)?单位/;

/**
 * The old 统计表, from its 指标名称 header on. Returns the keys it filled (an empty map: no
 * table). `hints`: values the text states, by key, to pick among readings of run-together digits.
 */
export function parseLegacyTable(text: string, f: LegacyFigures, warn: Warn, hints: ProseHints): number {
  const at = text.search(TABLE_START);
  if (at < 0) return 0;
  // from the start of the header's line: a glued table is tokenized from the header word on
  const lineStart = text.lastIndexOf('\n', at) + 1;
  const cells = tokenize(text.slice(lineStart));
  const header = cells.slice(0, 12).map((c) => c.norm).join('');
  const cumulative = /累计/.test(header);
  let filled = 0;
  let group: 'review' | 'litigation' | null = null;
  for (const seg of segments(cells)) {
    // the indicator: the last label that is not a unit cell
    const labels = seg.labels.filter((l) => !UNIT_CELL.test(l));
    if (labels.length === 0 || seg.values.length === 0) continue;
    const { name, unit: glued } = indicator(labels[labels.length - 1]);
    const unit = glued || seg.labels.filter((l) => UNIT_CELL.test(l)).pop() || '';
    const result: (typeof RESULT_ROWS)[number] | undefined = group ? RESULT_ROWS.find((r) => r.re.test(name)) : undefined;
    const row: { key: string } | undefined = result ? { key: `${group}.${result.col}` } : LEGACY_ROWS.find((r) => r.re.test(name));
    if (!row) continue;
    if (!result) group = row.key === 'review.total' ? 'review' : row.key === 'litigation.total' ? 'litigation' : null;
    if (row.key === 'fees_wan_yuan' && unit !== '万元' && unit !== '元') {
      warn('parse.unit_unknown', `统计表“${name}”：金额单位不明（${unit || '无'}），记为空值`);
      continue;
    }
    const money = row.key === 'fees_wan_yuan';
    const kinds: ColumnKind[] = Array(cumulative ? 2 : 1).fill(money ? 'amount' : 'count');
    const where = `统计表“${name}”`;
    // the 累计 column includes this year
    const read = readRow(seg.values, kinds, where, warn, cumulative ? (v) => v[1] >= v[0] : undefined);
    for (const [i, vals] of hints[row.key] ?? []) {
      if (!read.cands || read.cands.length < 2) break;
      const kept = read.cands.filter((c) => vals.includes(c[i]));
      if (kept.length > 0) read.cands = kept;
    }
    const cells2 = read.cands && read.cands.length ? agreedCells(read.cands, kinds.length) : read.cells;
    if (read.cands && read.cands.length > 1 && cells2.some((c) => c === null))
      warn('parse.cell_ambiguous', `${where}：数字连写，无法唯一拆分（${read.cands.length} 种读法），记为空值`);
    const scale = money && unit === '元' ? 1 / 10000 : 1;
    const [year, total] = cells2.map((c) => (c === null ? null : c * scale));
    if (getKey(f, row.key) !== null) continue; // the first row of a name wins
    setKey(f, row.key, year);
    if (cumulative) f.cumulative[row.key] = total ?? null;
    filled++;
  }
  return filled;
}

function agreedCells(cands: number[][], n: number): Cell[] {
  return Array.from({ length: n }, (_, i) => (cands.every((c) => c[i] === cands[0][i]) ? cands[0][i] : null));
}

/**
 * Legacy figures for a report: the 统计表 when there is one; otherwise (or for what it lacks)
 * a figure the prose names with a single value. Null when neither gives anything.
 */
export function parseLegacy(text: string, warn: Warn): LegacyFigures | null {
  const f = emptyLegacy();
  const said = proseMentions(text);
  const hints: ProseHints = {
    requests_received: said.requests_received.length ? [[0, said.requests_received]] : [],
    active_total: said.active_total.length ? [[0, said.active_total]] : [],
  };
  const fromTable = parseLegacyTable(text, f, warn, hints);
  // received requests: the one figure the format's prose names reliably
  if (f.requests_received === null) {
    const vals = [...new Set(said.requests_received)];
    if (vals.length === 1) {
      f.requests_received = vals[0];
      f.from_prose.push('requests_received');
    } else if (vals.length > 1) warn('parse.prose_conflict', `正文中收到申请数有多个不同的数字（${vals.join('、')}），记为空值`);
  }
  if (f.active_total === null && said.active_total.length === 1) {
    f.active_total = said.active_total[0];
    f.from_prose.push('active_total');
  }
  // replies only as a single statement each (同意公开 11 件), never over the 统计表
  for (const [key, vals] of Object.entries(proseReplies(text)))
    if (getKey(f, key) === null && vals.length === 1) {
      setKey(f, key, vals[0]);
      f.from_prose.push(key);
    }
  if (fromTable === 0 && f.from_prose.length === 0) return null;
  return f;
}
