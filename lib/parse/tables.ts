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
  type ItemsDecisions,
  type MadePublished,
  type AppealFigures,
  type Cell,
  type RequestFigures,
  type RequestRow,
  type RequestRowKey,
} from '../types';
import { segments, takeValues, tokenize, type Token, type Segment } from './cells';
import { APPEAL_COLUMN_NAMES, APPEAL_GROUP_NAMES, APPLICANT_NAMES, REQUEST_ROW_NAMES } from './row-names';

const APPLICANT_NAMES_LIST = APPLICANT_COLUMNS.map((c) => APPLICANT_NAMES[c]);
import { agreed, propagate, readings, type ColumnKind } from './runs';

import type { Warn as StageWarn } from '../messages';

type Warn = StageWarn<'parse'>;

function cellValue(c: Token, where: string, warn: Warn): Cell {
  if (c.kind === 'number') return c.value;
  const why = c.kind === 'blank' ? '空白' : c.kind === 'slash' ? `“${c.raw}”` : `无法识别“${c.raw}”`;
  warn('parse.cell_empty', `${where}：单元格${why}，记为空值`);
  return null;
}

const COUNTS = (n: number): ColumnKind[] => Array(n).fill('count');

export interface RowRead {
  cells: Cell[];
  /** the row's readings when its numbers were run together (see lib/parse/runs.ts) */
  cands: number[][] | null;
  exact: boolean;
}

/**
 * A row's values: separate cells as they are; digits run together are read every way the
 * column kinds allow and `fits` (the row's own arithmetic) accepts, and a cell is kept only
 * where all readings agree (`settle` warns for the rest).
 */
export function readRow(values: Token[], kinds: ColumnKind[], where: string, warn: Warn, fits?: (v: number[]) => boolean): RowRead {
  const n = kinds.length;
  if (!values.some((v) => v.kind === 'run')) {
    const { cells, exact } = takeValues(values, n);
    return { cells: cells.map((c) => cellValue(c, where, warn)), cands: null, exact };
  }
  const groups: string[] = [];
  for (const v of values) {
    if (v.kind === 'run') groups.push(...v.groups!);
    else if (v.kind === 'number') groups.push(v.norm);
    else if (v.kind !== 'blank') {
      warn('parse.cell_unreadable', `${where}：连写的数字中有无法识别的“${v.raw}”，记为空值`);
      return { cells: Array(n).fill(null), cands: [], exact: false };
    }
  }
  const all = readings(groups, kinds);
  const cands = all === null ? [] : fits ? all.filter(fits) : all;
  if (cands.length === 0) {
    warn('parse.cells_unsplittable', `${where}：连写的数字“${groups.join(' ')}”无法拆成 ${n} 个数值，记为空值`);
    return { cells: Array(n).fill(null), cands: [], exact: false };
  }
  return { cells: agreed(cands, n), cands, exact: true };
}

/** After cross-row checks: the agreed cells of a run-together row, with a warning per open cell. */
function settle(read: RowRead, where: string, warn: Warn, names?: readonly string[]): Cell[] {
  if (!read.cands || read.cands.length === 0) return read.cells;
  const cells = agreed(read.cands, read.cells.length);
  const open = cells.map((c, i) => (c === null ? (names ? names[i] : String(i + 1)) : null)).filter((x) => x !== null);
  if (open.length) warn('parse.cell_ambiguous', `${where}：数字连写，${open.join('、')}无法唯一拆分（${read.cands.length} 种读法），记为空值`);
  return cells;
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

const ACTIVE_ROWS: { key: string; re: RegExp; kinds: ColumnKind[] }[] = [
  { key: 'rules', re: /^(\d+[.、])?规章$|^规章[(（]/, kinds: COUNTS(3) },
  { key: 'normative_documents', re: /规范性文件/, kinds: COUNTS(3) },
  { key: 'licensing', re: /行政许可/, kinds: COUNTS(1) },
  { key: 'penalty', re: /行政处罚/, kinds: COUNTS(1) },
  { key: 'coercion', re: /行政强制/, kinds: COUNTS(1) },
  { key: 'fees_wan_yuan', re: /事业性收费/, kinds: ['amount'] },
];

/** Column words of the 2019 table (国办公开办函〔2019〕60号); the 2021 table has none of them. */
export const IS_2019 = /本年新制作数量|本年新公开数量|对外公开总数量|上一年项目数量/;

const ACTIVE_NAMES: Record<string, string> = {
  rules: '规章',
  normative_documents: '行政规范性文件',
  licensing: '行政许可',
  penalty: '行政处罚',
  coercion: '行政强制',
  fees_wan_yuan: '行政事业性收费',
  other_services: '其他对外管理服务事项',
  fees: '行政事业性收费',
  procurement: '政府集中采购',
};

/** Header cells only the table has: prose that mentions 行政许可 and a number is not a table. */
const ACTIVE_HEADER = /^(信息内容|本年制发件数|本年废止件数|现行有效件数|本年处理决定数量|第二十条第)/;

/** The part-二 table's row cells by key, rows found by label (see parseActive). */
/** Column names of the part-二 rows, for warnings. */
const ACTIVE_COLUMNS: Record<string, readonly string[]> = {
  rules: ['本年制发件数', '本年废止件数', '现行有效件数'],
  normative_documents: ['本年制发件数', '本年废止件数', '现行有效件数'],
};
const ACTIVE_COLUMNS_2019: Record<string, readonly string[]> = {
  rules: ['本年新制作数量', '本年新公开数量', '对外公开总数量'],
  normative_documents: ['本年新制作数量', '本年新公开数量', '对外公开总数量'],
  licensing: ['上一年项目数量', '本年增/减', '处理决定数量'],
  other_services: ['上一年项目数量', '本年增/减', '处理决定数量'],
  penalty: ['上一年项目数量', '本年增/减', '处理决定数量'],
  coercion: ['上一年项目数量', '本年增/减', '处理决定数量'],
  fees: ['上一年项目数量', '本年增/减'],
  procurement: ['采购项目数量', '采购总金额'],
};

function activeRows(
  cells: Token[],
  rows: { key: string; re: RegExp; kinds: ColumnKind[] }[],
  columns: Record<string, readonly string[]>,
  table: string,
  warn: Warn,
  hints: HintSource,
): Map<string, Cell[]> {
  const found = new Map<string, Cell[]>();
  for (const seg of segments(cells)) {
    let best: { key: string; kinds: ColumnKind[]; at: number } | null = null;
    const pairs = joinedPairs(seg.labels);
    for (const row of rows) {
      const at = matchAt(seg.labels, pairs, row.re);
      if (at >= 0 && (!best || at > best.at)) best = { key: row.key, kinds: row.kinds, at };
    }
    if (!best || found.has(best.key)) continue;
    if (seg.values.length === 0) continue;
    const n = best.kinds.length;
    const where = `${table}“${ACTIVE_NAMES[best.key]}”`;
    const read = readRow(seg.values, best.kinds, where, warn);
    if (!read.exact) warn('parse.cell_count', `${where}：应有 ${n} 个数值，实际 ${seg.values.length} 个单元格`);
    // a sentence of the report that states one of the row's cells picks among the readings
    const hint = read.cands && read.cands.length > 1 ? hintsOf(hints)[best.key] : undefined;
    for (const [i, vals] of hint ?? []) {
      if (!read.cands || read.cands.length < 2) break;
      const kept = read.cands.filter((c) => vals.includes(c[i]));
      if (kept.length > 0) read.cands = kept; // a figure the table does not hold is about something else
    }
    found.set(best.key, settle(read, where, warn, columns[best.key] ?? ['数值']));
  }
  return found;
}

/** Values stated in the text for a row's columns: row key → [column index, values][] */
export type ProseHints = Record<string, [number, number[]][]>;
/** Hints, or how to find them: worked out only when a run-together row needs them. */
export type HintSource = ProseHints | (() => ProseHints);
const hintsOf = (h: HintSource): ProseHints => (typeof h === 'function' ? h() : h);

/**
 * Part 二's table of either format: a getter of each row's cells by key (a missing row is all
 * null, with a warning), or null with a warning when there is no table or no row in it.
 * `edition`: the format named in warnings (null for the current one).
 */
function activeTable(
  text: string,
  rows: Parameters<typeof activeRows>[1],
  columns: Parameters<typeof activeRows>[2],
  names: Record<string, string>,
  edition: string | null,
  warn: Warn,
  hints: HintSource,
): ((key: string, n: number) => Cell[]) | null {
  const cells = tokenize(text);
  const table = edition ? `表二（主动公开，${edition}）` : '表二（主动公开）';
  if (!cells.some((c) => c.kind === 'label' && ACTIVE_HEADER.test(c.norm))) {
    warn('parse.table_missing', `${table}未找到表格`);
    return null;
  }
  const found = activeRows(cells, rows, columns, '表二', warn, hints);
  if (found.size === 0) {
    warn('parse.rows_missing', `${table}未找到可识别的数据行`);
    return null;
  }
  return (k, n) => {
    const v = found.get(k);
    if (v) return v;
    warn('parse.row_missing', `${edition ? `表二（${edition}）` : '表二'}缺少“${names[k]}”行，记为空值`);
    return Array(n).fill(null);
  };
}

export function parseActive(text: string, warn: Warn, hints: HintSource = {}): ActiveFigures | null {
  const get = activeTable(text, ACTIVE_ROWS, ACTIVE_COLUMNS, ACTIVE_NAMES, null, warn, hints);
  if (!get) return null;
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

/** Does this part-二 text hold the 2019 table (its column words)? */
export function isActive2019(text: string): boolean {
  return IS_2019.test(text.normalize('NFKC').replace(/\s+/g, ''));
}

const DECISIONS: ColumnKind[] = ['count', 'signed', 'count'];

const ACTIVE2019_NAMES: Record<string, string> = { ...ACTIVE_NAMES, normative_documents: '规范性文件' };

const ACTIVE_ROWS_2019: { key: string; re: RegExp; kinds: ColumnKind[] }[] = [
  { key: 'rules', re: /^(\d+[.、])?规章$|^规章[(（]/, kinds: COUNTS(3) },
  { key: 'normative_documents', re: /规范性文件/, kinds: COUNTS(3) },
  { key: 'licensing', re: /行政许可/, kinds: DECISIONS },
  { key: 'other_services', re: /对外管理服务/, kinds: DECISIONS },
  { key: 'penalty', re: /行政处罚/, kinds: DECISIONS },
  { key: 'coercion', re: /行政强制/, kinds: DECISIONS },
  { key: 'fees', re: /事业性收费/, kinds: ['count', 'signed'] },
  { key: 'procurement', re: /集中采购/, kinds: ['count', 'amount'] },
];

/**
 * The 2019 part-二 table (docs/record-format.md "2019 figures"): rows by label, columns in the
 * printed order (column headers are often truncated: 本年新 | 本年新).
 */
export function parseActive2019(text: string, warn: Warn): ActiveFigures2019 | null {
  const get = activeTable(text, ACTIVE_ROWS_2019, ACTIVE_COLUMNS_2019, ACTIVE2019_NAMES, '2019年格式', warn, {});
  if (!get) return null;
  const mp = (k: string): MadePublished => {
    const [made, published, total_published] = get(k, 3);
    return { made, published, total_published };
  };
  const items = (k: string): ItemsDecisions => {
    const [previous_year, change, decisions] = get(k, 3);
    return { previous_year, change, decisions };
  };
  const [fp, fc] = get('fees', 2);
  const [pp, pa] = get('procurement', 2);
  return {
    rules: mp('rules'),
    normative_documents: mp('normative_documents'),
    licensing: items('licensing'),
    other_services: items('other_services'),
    penalty: items('penalty'),
    coercion: items('coercion'),
    fees: { previous_year: fp, change: fc },
    procurement: { projects: pp, amount_yuan: pa },
  };
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
  other_other: /^(\(六\)其[他它]处理)?(3[.、．]?)?其[他它]$|^\(六\)其[他它]处理$/,
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

const SIX = APPLICANT_COLUMNS.length - 1;
/** A row's own arithmetic: 总计 = the six applicant columns. */
const rowTotal = (v: number[]) => Math.abs(v.slice(0, SIX).reduce((a, b) => a + b, 0) - v[SIX]) < 1e-6;
const RESULT_ROWS = REQUEST_ROWS.slice(REQUEST_ROWS.indexOf('granted'), REQUEST_ROWS.indexOf('total_processed'));

export function parseRequests(text: string, warn: Warn, hints: HintSource = {}): RequestFigures | null {
  const found = new Map<RequestRowKey | 'other_processing', RowRead>();
  let last = -1;
  for (const seg of segments(tokenize(text))) {
    const hit = classifyRequestRow(seg, last);
    if (!hit || seg.values.length === 0) continue;
    // 2019 format: （六）其他处理 is one row, not three
    const key = hit.key === 'other_other' && /其[他它]处理$/.test(seg.labels[hit.at]) ? 'other_processing' : hit.key;
    const name = key === 'other_processing' ? '（六）其他处理' : REQUEST_ROW_NAMES[hit.key];
    if (found.has(key)) {
      warn('parse.row_duplicate', `表三“${name}”行重复出现，保留第一次`);
      continue;
    }
    if (!seg.values.some((v) => v.kind !== 'blank') && seg.values.length < 3) continue; // header filler
    const where = `表三“${name}”`;
    const read = readRow(seg.values, COUNTS(APPLICANT_COLUMNS.length), where, warn, rowTotal);
    if (!read.exact) warn('parse.cell_count', `${where}：应有 7 个数值，实际 ${seg.values.filter((v) => v.kind !== 'blank').length} 个`);
    found.set(key, read);
    last = Math.max(last, IDX[hit.key]);
  }
  // two stray matches in prose are not a table: the standard table has 25 rows
  if (found.size < 3) {
    warn('parse.table_missing', '表三（依申请公开）未找到可识别的表格');
    return null;
  }
  settleRequests(found, hints);
  const out = {} as RequestFigures;
  const nulls = () => Object.fromEntries(APPLICANT_COLUMNS.map((c) => [c, null])) as RequestRow;
  const toRow = (cells: Cell[]) => Object.fromEntries(APPLICANT_COLUMNS.map((c, i) => [c, cells[i]])) as RequestRow;
  const other = found.get('other_processing');
  for (const key of REQUEST_ROWS) {
    const read = found.get(key);
    const sub = key === 'other_no_correction' || key === 'other_no_fee' || key === 'other_other';
    if (!read && !(other && sub)) warn('parse.row_missing', `表三缺少“${REQUEST_ROW_NAMES[key]}”行，记为空值`);
    out[key] = read ? toRow(settle(read, `表三“${REQUEST_ROW_NAMES[key]}”`, warn, APPLICANT_NAMES_LIST)) : nulls();
  }
  if (other) {
    warn('parse.row_combined', '表三“（六）其他处理”为不分项的合计行（2019年格式），记入 other_processing');
    out.other_processing = toRow(settle(other, '表三“（六）其他处理”', warn, APPLICANT_NAMES_LIST));
  }
  return out;
}

/**
 * Rows whose digits ran together and still have several readings: the table's own equations
 * (（七）总计 = Σ results; 一 + 二 = （七） + 四) and the totals the text states pick among them.
 */
function settleRequests(found: Map<string, RowRead>, source: HintSource): void {
  // rows read from separate cells are settled already: nothing to do
  if (![...found.values()].some((r) => r.cands && r.cands.length > 1)) return;
  const hints = hintsOf(source);
  const rows = new Map<string, number[][]>();
  for (const [k, r] of found) {
    if (r.cands) rows.set(k, r.cands);
    else if (r.cells.every((c) => c !== null)) rows.set(k, [r.cells as number[]]);
  }
  for (const [k, hint] of Object.entries(hints)) {
    for (const [i, vals] of hint) {
      const c = rows.get(k);
      if (!c || c.length < 2) continue;
      const kept = c.filter((v) => vals.includes(v[i]));
      if (kept.length > 0) rows.set(k, kept);
    }
  }
  const results = [...RESULT_ROWS, 'other_processing'].filter((k) => found.has(k));
  propagate(
    rows,
    [
      { left: results, right: ['total_processed'] },
      { left: ['new_received', 'carried_over'], right: ['total_processed', 'carried_forward'] },
    ],
    APPLICANT_COLUMNS.length,
  );
  for (const [k, r] of found) if (r.cands && rows.has(k)) r.cands = rows.get(k)!;
}

// ---------------------------------------------------------------- part 四

/**
 * The 15 numbers in the printed order (复议, 直接起诉, 复议后起诉; each 维持/纠正/其他/尚未审结/总计).
 * Usually one run after the last header cell; some layouts give one row of 5 per group, so
 * runs are joined until 15 cells are collected.
 */
const APPEAL_CELL_NAMES = APPEAL_GROUPS.flatMap((g) => APPEAL_COLUMNS.map((c) => `${APPEAL_GROUP_NAMES[g]}${APPEAL_COLUMN_NAMES[c]}`));

export function parseAppeals(text: string, warn: Warn): AppealFigures | null {
  const segs = segments(tokenize(text)).filter((s) => s.values.some((v) => v.kind !== 'blank'));
  if (segs.length === 0) {
    warn('parse.table_missing', '表四（行政复议、行政诉讼）未找到数据');
    return null;
  }
  let values: Token[] = [];
  for (const seg of segs) {
    if (values.length >= 15) break;
    const v = seg.values.slice();
    while (v.length && v[v.length - 1].kind === 'blank') v.pop(); // fillers before the next label
    const nonBlank = v.filter((c) => c.kind !== 'blank').length;
    // a run longer than what is still needed starts the table afresh (it is the whole table)
    if (nonBlank >= 15 || v.some((c) => c.kind === 'run')) values = [];
    values.push(...v);
  }
  // each group's 总计 = 维持 + 纠正 + 其他 + 尚未审结
  const fits = (v: number[]) => [0, 5, 10].every((g) => Math.abs(v[g] + v[g + 1] + v[g + 2] + v[g + 3] - v[g + 4]) < 1e-6);
  const read = readRow(values, COUNTS(15), '表四', warn, fits);
  if (!read.exact) warn('parse.cell_count', `表四：应有 15 个数值，实际 ${values.filter((v) => v.kind !== 'blank').length} 个`);
  const cells = settle(read, '表四', warn, APPEAL_CELL_NAMES);
  const out = {} as AppealFigures;
  APPEAL_GROUPS.forEach((g, gi) => {
    out[g] = {} as AppealFigures[typeof g];
    APPEAL_COLUMNS.forEach((col, ci) => (out[g][col] = cells[gi * 5 + ci]));
  });
  return out;
}
