/**
 * The three standard tables → canonical figures (DESIGN.md "Canonical figures").
 * Rows are found by label patterns, never by position, so header noise, broken labels and
 * missing rows do not shift numbers into the wrong keys. A blank, `/` or unreadable cell is
 * null plus a warning — never a guessed 0.
 */
import {
  APPEAL_COLUMNS,
  APPEAL_GROUPS,
  APPLICANT_COLUMNS,
  REQUEST_ROWS,
  type ActiveFigures,
  type ActiveFigures2019,
  type AppealFigures,
  type Cell,
  type RequestFigures,
  type RequestRow,
  type RequestRowKey,
} from '../types';
import { segments, takeValues, tokenize, type CellToken, type Segment } from './cells';
import { REQUEST_ROW_NAMES } from './labels';

type Warn = (msg: string) => void;

function cellValue(c: CellToken, where: string, warn: Warn): Cell {
  if (c.kind === 'number') return c.value;
  const why = c.kind === 'blank' ? '空白' : c.kind === 'slash' ? `“${c.raw}”` : `无法识别“${c.raw}”`;
  warn(`${where}：单元格${why}，记为空值`);
  return null;
}

/**
 * Each label joined to the one before it (a label broken across two cells, "…缴纳" + "费用…"),
 * built once per segment: every row pattern is tried against them.
 */
function joinedPairs(labels: string[]): string[] {
  const out = new Array<string>(labels.length);
  out[0] = '';
  // one string per pair (V8 flattens it once, on the first test), not a new one per pattern
  for (let i = 1; i < labels.length; i++) out[i] = labels[i - 1] + labels[i];
  return out;
}

/** Index of the label cell a pattern matches last (rightmost wins: header cells come first). */
function matchAt(labels: string[], pairs: string[], re: RegExp): number {
  for (let i = labels.length - 1; i >= 0; i--) {
    if (re.test(labels[i])) return i;
    // a label broken across two cells
    if (i > 0 && re.test(pairs[i]) && !re.test(labels[i - 1])) return i;
  }
  return -1;
}

// ---------------------------------------------------------------- part 二 (2021 format)

const ACTIVE_ROWS: { key: string; re: RegExp; n: number }[] = [
  { key: 'rules', re: /^(\d+[.、])?规章$|^规章[(（]/, n: 3 },
  { key: 'normative_documents', re: /规范性文件/, n: 3 },
  { key: 'licensing', re: /行政许可/, n: 1 },
  { key: 'penalty', re: /行政处罚/, n: 1 },
  { key: 'coercion', re: /行政强制/, n: 1 },
  { key: 'fees_wan_yuan', re: /事业性收费/, n: 1 },
];

const IS_2019 = /本年新制作数量|本年新公开数量|对外公开总数量|上一年项目数量/;

const ACTIVE_NAMES: Record<string, string> = {
  rules: '规章',
  normative_documents: '行政规范性文件',
  licensing: '行政许可',
  penalty: '行政处罚',
  coercion: '行政强制',
  fees_wan_yuan: '行政事业性收费',
};

/** Header cells only the table has: prose that mentions 行政许可 and a number is not a table. */
const ACTIVE_HEADER = /^(信息内容|本年制发件数|本年废止件数|现行有效件数|本年处理决定数量|第二十条第)/;

export function parseActive(text: string, warn: Warn): ActiveFigures | ActiveFigures2019 | null {
  const cells = tokenize(text);
  if (!cells.some((c) => c.kind === 'label' && ACTIVE_HEADER.test(c.norm))) {
    warn('表二（主动公开）未找到表格');
    return null;
  }
  if (IS_2019.test(cells.map((c) => c.norm).join('|'))) return parseActive2019(cells, warn);
  const found = new Map<string, Cell[]>();
  for (const seg of segments(cells)) {
    let best: { key: string; n: number; at: number } | null = null;
    const pairs = joinedPairs(seg.labels);
    for (const row of ACTIVE_ROWS) {
      const at = matchAt(seg.labels, pairs, row.re);
      if (at >= 0 && (!best || at > best.at)) best = { key: row.key, n: row.n, at };
    }
    if (!best || found.has(best.key)) continue;
    if (!seg.values.some((v) => v.kind !== 'blank') && best.n > 0 && seg.values.length === 0) continue;
    const { cells: vals, exact } = takeValues(seg.values, best.n);
    const name = seg.labels[best.at];
    if (!exact) warn(`表二“${name}”：应有 ${best.n} 个数值，实际 ${seg.values.length} 个单元格`);
    found.set(best.key, vals.map((c) => cellValue(c, `表二“${name}”`, warn)));
  }
  if (found.size === 0) {
    warn('表二（主动公开）未找到可识别的数据行');
    return null;
  }
  const get = (k: string, n: number): Cell[] => {
    const v = found.get(k);
    if (v) return v;
    warn(`表二缺少“${ACTIVE_NAMES[k]}”行，记为空值`);
    return Array(n).fill(null);
  };
  const [ri, rr, rf] = get('rules', 3);
  const [ni, nr, nf] = get('normative_documents', 3);
  return {
    rules: { issued: ri, repealed: rr, in_force: rf },
    normative_documents: { issued: ni, repealed: nr, in_force: nf },
    licensing: get('licensing', 1)[0],
    penalty: get('penalty', 1)[0],
    coercion: get('coercion', 1)[0],
    fees_wan_yuan: get('fees_wan_yuan', 1)[0],
  };
}

/**
 * Older format: kept as printed. Column headers follow 信息内容 in each sub-table; each data
 * row maps its numbers onto the current headers in order.
 */
function parseActive2019(cells: CellToken[], warn: Warn): ActiveFigures2019 | null {
  const rows: Record<string, Record<string, Cell>> = {};
  let columns: string[] = [];
  for (const seg of segments(cells)) {
    const hi = seg.labels.lastIndexOf('信息内容');
    let rowLabels = seg.labels;
    if (hi >= 0) {
      // header run: 信息内容 | col | col … | row label
      const after = seg.labels.slice(hi + 1);
      const hasRow = seg.values.some((v) => v.kind !== 'blank');
      columns = hasRow ? after.slice(0, -1) : after;
      rowLabels = hasRow ? after.slice(-1) : [];
    }
    if (rowLabels.length === 0 || columns.length === 0) continue;
    const label = rowLabels[rowLabels.length - 1];
    if (/^第.+条/.test(label)) continue;
    const { cells: vals, exact } = takeValues(seg.values, columns.length);
    if (!exact) warn(`表二（2019格式）“${label}”：应有 ${columns.length} 个数值`);
    const row: Record<string, Cell> = {};
    columns.forEach((col, i) => (row[col] = cellValue(vals[i], `表二“${label}”${col}`, warn)));
    rows[label] = row;
  }
  if (Object.keys(rows).length === 0) {
    warn('表二（2019格式）未找到可识别的数据行');
    return null;
  }
  warn('表二为2019年旧格式，数据按原表列名保存，未并入2021年格式的键');
  return { format: '2019', rows };
}

// ---------------------------------------------------------------- part 三

const REQUEST_PATTERNS: Record<RequestRowKey, RegExp> = {
  new_received: /本年(度)?新收/,
  carried_over: /上年(度)?(结转|转结)/,
  granted: /予以公开/,
  partially_granted: /部分公开/,
  denied_state_secret: /国家秘密/,
  denied_prohibited_by_law: /法律行政法规禁止|法律、?行政法规禁止/,
  denied_three_safeties: /三安全一稳定|危及/,
  denied_third_party: /第三方/,
  denied_internal_affairs: /内部事务/,
  denied_process_info: /过程性信息/,
  denied_enforcement_files: /执法案卷/,
  denied_admin_query: /行政查询/,
  unavailable_not_held: /不掌握/,
  unavailable_needs_creation: /另行制作|没有现成信息/,
  unavailable_unclear: /仍不明确|不明确/,
  rejected_complaint: /信访|举报投诉/,
  rejected_duplicate: /重复申请/,
  rejected_publication: /公开出版物/,
  rejected_excessive: /大量反复/,
  rejected_confirmation: /确认或重新出具|重新出具/,
  other_no_correction: /逾期不补正/,
  other_no_fee: /收费通知|缴纳费用/,
  // 3.其他; or, in the 2019 table, (六)其他处理 printed as one row without sub-rows
  other_other: /^(\(六\)其他处理)?(3[.、．]?)?其[他它]$|^\(六\)其他处理$/,
  total_processed: /^(\(七\))?总计$/,
  carried_forward: /(结转|转结)下年度|下年度继续办理/,
};

const IDX = Object.fromEntries(REQUEST_ROWS.map((k, i) => [k, i])) as Record<RequestRowKey, number>;

/** 其他 and 总计 are also column headers: they name a row only once the result rows have begun. */
function allowed(key: RequestRowKey, last: number): boolean {
  if (key === 'other_other') return last >= IDX.rejected_complaint;
  if (key === 'total_processed') return last >= IDX.granted;
  return true;
}

function classifyRequestRow(seg: Segment, last: number): { key: RequestRowKey; at: number } | null {
  let best: { key: RequestRowKey; at: number } | null = null;
  const pairs = joinedPairs(seg.labels);
  for (const key of REQUEST_ROWS) {
    if (!allowed(key, last)) continue;
    const at = matchAt(seg.labels, pairs, REQUEST_PATTERNS[key]);
    if (at >= 0 && (!best || at > best.at)) best = { key, at };
  }
  return best;
}

export function parseRequests(text: string, warn: Warn): RequestFigures | null {
  const found = new Map<RequestRowKey, RequestRow>();
  let last = -1;
  for (const seg of segments(tokenize(text))) {
    const hit = classifyRequestRow(seg, last);
    if (!hit || seg.values.length === 0) continue;
    if (found.has(hit.key)) {
      warn(`表三“${REQUEST_ROW_NAMES[hit.key]}”行重复出现，保留第一次`);
      continue;
    }
    if (!seg.values.some((v) => v.kind !== 'blank') && seg.values.length < 3) continue; // header filler
    const where = `表三“${REQUEST_ROW_NAMES[hit.key]}”`;
    if (hit.key === 'other_other' && /其他处理$/.test(seg.labels[hit.at]))
      warn('表三“（六）其他处理”为不分项的合计行（旧格式），记入“（六）3.其他”');
    const { cells, exact } = takeValues(seg.values, APPLICANT_COLUMNS.length);
    if (!exact) warn(`${where}：应有 7 个数值，实际 ${seg.values.filter((v) => v.kind !== 'blank').length} 个`);
    const row = {} as RequestRow;
    APPLICANT_COLUMNS.forEach((col, i) => (row[col] = cellValue(cells[i], where, warn)));
    found.set(hit.key, row);
    last = Math.max(last, IDX[hit.key]);
  }
  // two stray matches in prose are not a table: the standard table has 25 rows
  if (found.size < 3) {
    warn('表三（依申请公开）未找到可识别的表格');
    return null;
  }
  const out = {} as RequestFigures;
  for (const key of REQUEST_ROWS) {
    const row = found.get(key);
    if (!row) warn(`表三缺少“${REQUEST_ROW_NAMES[key]}”行，记为空值`);
    out[key] = row ?? (Object.fromEntries(APPLICANT_COLUMNS.map((c) => [c, null])) as RequestRow);
  }
  return out;
}

// ---------------------------------------------------------------- part 四

/**
 * The 15 numbers in the printed order (复议, 直接起诉, 复议后起诉; each 维持/纠正/其他/尚未审结/总计).
 * Usually one run after the last header cell; some layouts give one row of 5 per group, so
 * runs are joined until 15 cells are collected.
 */
export function parseAppeals(text: string, warn: Warn): AppealFigures | null {
  const segs = segments(tokenize(text)).filter((s) => s.values.some((v) => v.kind !== 'blank'));
  if (segs.length === 0) {
    warn('表四（行政复议、行政诉讼）未找到数据');
    return null;
  }
  let values: CellToken[] = [];
  for (const seg of segs) {
    if (values.length >= 15) break;
    const v = seg.values.slice();
    while (v.length && v[v.length - 1].kind === 'blank') v.pop(); // fillers before the next label
    const nonBlank = v.filter((c) => c.kind !== 'blank').length;
    // a run longer than what is still needed starts the table afresh (it is the whole table)
    if (nonBlank >= 15) values = [];
    values.push(...v);
  }
  const { cells, exact } = takeValues(values, 15);
  if (!exact) warn(`表四：应有 15 个数值，实际 ${values.filter((v) => v.kind !== 'blank').length} 个`);
  const out = {} as AppealFigures;
  APPEAL_GROUPS.forEach((g, gi) => {
    out[g] = {} as AppealFigures[typeof g];
    APPEAL_COLUMNS.forEach((col, ci) => (out[g][col] = cellValue(cells[gi * 5 + ci], '表四', warn)));
  });
  return out;
}
