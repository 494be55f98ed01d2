/**
 * Table text → a stream of cells, whatever layout text extraction produced:
 * one cell per line (`\t0`), tab-separated rows, `| a | b |` rows from HTML tables, or every
 * cell run together on one line (crawled pages: `规章000行政规范性文件5845546`), where each
 * run of digits becomes one `run` cell that lib/parse/runs.ts splits only when unambiguous.
 * Empty lines carry no cell; a line holding only a tab, or an empty slot between
 * separators, IS a cell (blank), because blank cells must come out as null, not vanish.
 */

export type CellKind = 'label' | 'number' | 'blank' | 'slash' | 'unreadable' | 'run';

export interface Token {
  raw: string;
  kind: CellKind;
  /** NFKC-normalised, whitespace removed: what label patterns are matched against */
  norm: string;
  value: number | null;
  /** `run` cells: the digit groups as printed (split at spaces), one or more numbers each */
  groups?: string[];
}

const NUMBER = /^[+-]?\d+(?:\.\d+)?$/;
/** cells that mean "nothing to report" in a value position: `/`, dashes, 无 */
const SLASH = /^[\/\\\-—–－―_*×xX无]+$/;
const CJK = /[\u3400-\u9fff]/;

/** Width and bracket variants collapse (（→(, ０→0); spaces inside labels are layout noise. */
export function normLabel(s: string): string {
  if (isPlain(s)) return s;
  return s.normalize('NFKC').replace(/[\s\u00a0\u3000]+/g, '');
}

/**
 * Only printable ASCII (no space) and CJK unified ideographs: NFKC leaves such a string alone and
 * there is no whitespace to drop. Most cells are like this (numbers, plain labels); checking is
 * far cheaper than normalising.
 */
function isPlain(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!((c > 0x20 && c < 0x7f) || (c >= 0x4e00 && c <= 0x9fff))) return false;
  }
  return true;
}

function isDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

export function classify(raw: string): Token {
  const norm = normLabel(raw);
  if (norm === '') return { raw, kind: 'blank', norm, value: null };
  // the usual cell, a plain count: what the general path below concludes, without its regexes
  if (isDigits(norm)) return { raw, kind: 'number', norm, value: Number(norm) };
  const num = norm.replace(/,/g, '').replace(/(件|条|个|项|次|万元)$/, '');
  if (NUMBER.test(num)) return { raw, kind: 'number', norm, value: Number(num) };
  if (SLASH.test(norm)) return { raw, kind: 'slash', norm, value: null };
  // short junk without any Chinese (OCR-like "1O", "l2") sits where a number should be
  if (!CJK.test(norm) && norm.length <= 4) return { raw, kind: 'unreadable', norm, value: null };
  return { raw, kind: 'label', norm, value: null };
}

function splitLine(line: string): string[] {
  const t = line.endsWith('\r') ? line.slice(0, -1) : line;
  if (t.trim() === '') return t.includes('\t') ? [''] : [];
  if (t.includes('|')) {
    const inner = t.trim();
    if (inner.includes('-') && /^\|?[\s:|-]+\|?$/.test(inner)) return []; // markdown rule |---|
    // the row's outer pipes (at most one each side) are not cell borders to split at
    const a = inner.startsWith('|') ? 1 : 0;
    const rest = inner.slice(a);
    return (rest.endsWith('|') ? rest.slice(0, -1) : rest).split('|').map((c) => c.trim());
  }
  if (t.includes('\t')) {
    const parts = t.split('\t');
    // "\tX": the one-cell-per-line layout; the leading tab is indentation, not a blank cell
    if (parts.length === 2 && parts[0].trim() === '') return [parts[1].trim()];
    return parts.map((c) => c.trim());
  }
  return [t.trim()];
}

/** Where a table starts on a line holding a whole table run together (header words). */
const TABLE_ANCHOR = /第二十条\s*第|申请人情况|本年新收|指标名称|统计指标|结果维持/;
/** A run of digits (spaces, signs and a decimal point inside); see gluedCells. */
const RUN = /[-+]?\d[\d\s.+-]*/g;
/**
 * Column and header words of the standard tables: in a glued label the row's own name follows
 * the last of them (`…现行有效件数规章` → 规章).
 */
const HEADER_WORDS =
  /(信息内容|本年制发件数|本年废止件数|现行有效件数|本年处理决定数量|本年新制作数量|本年新公开数量|对外公开总数量|上一年项目数量|本年增\/减|处理决定数量|采购项目数量|采购总金额|\(单位:万元\)|申请人情况|法律服务机构|其[他它]|计量单位|历年累计|累计|本年度|年度|总计)/g;

function gluedLabel(text: string): Token[] {
  const full = classify(text.trim());
  if (full.kind !== 'label') return [full];
  let tail = '';
  HEADER_WORDS.lastIndex = 0;
  for (let m = HEADER_WORDS.exec(full.norm); m; m = HEADER_WORDS.exec(full.norm)) {
    const rest = full.norm.slice(m.index + m[0].length);
    if (rest !== '') tail = rest;
  }
  return tail && tail !== full.norm ? [full, classify(tail)] : [full];
}

/**
 * A line holding a whole table with no separators: from the table's first header word on,
 * label text and digit runs alternate. null: the line is a sentence (a number followed by its
 * measure word), read as before. A run's last digit before `.`/`、` and a letter is the
 * next row's number (`…0000002.其他法律…`), not a value.
 */
function gluedCells(line: string, from: number): Token[] | null {
  const out: Token[] = [];
  const head = line.slice(0, from).trim();
  if (head) out.push(classify(head));
  const s = line.slice(from);
  let label = '';
  let last = 0;
  RUN.lastIndex = 0;
  for (let m = RUN.exec(s); m; m = RUN.exec(s)) {
    let run = m[0].replace(/[\s.+-]+$/, '');
    const end = m.index + run.length;
    label += s.slice(last, m.index);
    last = end;
    const next = s.slice(end, end + 2);
    // a number with its measure word is a sentence (收到申请 10 件), not a table's cell
    if (/^\s*[件条个起次份]/.test(next)) return null;
    if (/^[.、．][^\d\s]/.test(next)) {
      // the enumerator of the next label: 1. 2、 …
      const digits = run.match(/\d$/)![0];
      run = run.slice(0, -1).replace(/[\s.+-]+$/, '');
      if (run === '') {
        label += digits;
        continue;
      }
      if (label.trim()) out.push(...gluedLabel(label));
      label = digits;
      out.push(runCell(run));
      continue;
    }
    if (label.trim()) out.push(...gluedLabel(label));
    label = '';
    out.push(runCell(run));
  }
  label += s.slice(last);
  if (label.trim()) out.push(...gluedLabel(label));
  return out;
}

function runCell(run: string): Token {
  const groups = run.trim().split(/\s+/);
  return { raw: run, kind: 'run', norm: run.replace(/\s+/g, ' '), value: null, groups };
}

const PIPES_ONLY = /^\s*\|+\s*$/;
const HAS_DIGIT = /\d/;
const ENDS_WITH_PIPE = /[^|\s]\s*\|\s*$/;

/**
 * Cells on their own lines with lines of bare pipes between them (`规章` / `|` / `0` / `|`):
 * there the pipe lines are borders, not blank cells. Told from the layout where each cell line
 * ends in a pipe (`0 |`, where a bare `|` is an empty cell) by which kind of line is commoner.
 */
function pipeLinesAreBorders(lines: string[]): boolean {
  let bare = 0;
  let ending = 0;
  for (const l of lines) {
    if (!l.includes('|')) continue;
    if (PIPES_ONLY.test(l)) bare++;
    else if (ENDS_WITH_PIPE.test(l)) ending++;
  }
  return bare > 2 * ending;
}

export function tokenize(text: string): Token[] {
  const cells: Token[] = [];
  const lines = text.split('\n');
  const borders = text.includes('|') && pipeLinesAreBorders(lines);
  for (const line of lines) {
    if (borders && PIPES_ONLY.test(line)) continue;
    // a glued table line is long and has digits: most lines (single cells) are not looked at
    if (line.length >= 12 && !line.includes('|') && !line.includes('\t') && HAS_DIGIT.test(line)) {
      const a = line.search(TABLE_ANCHOR);
      const glued = a >= 0 && /\d/.test(line.slice(a)) ? gluedCells(line, a) : null;
      if (glued) {
        cells.push(...glued);
        continue;
      }
    }
    for (const c of splitLine(line)) cells.push(classify(c));
  }
  return cells;
}

export interface Segment {
  /** consecutive label cells (a row label, possibly broken across cells, plus header cells) */
  labels: string[];
  /** value cells that follow, blanks included */
  values: Token[];
}

/** Labels longer than this are prose, not table labels: they end a segment without joining it. */
const MAX_LABEL = 80;

/** A segment = a run of label cells and the value cells after them, up to the next label. */
export function segments(cells: Token[]): Segment[] {
  const out: Segment[] = [];
  let cur: Segment | null = null;
  for (const c of cells) {
    if (c.kind === 'label') {
      if (c.norm.length > MAX_LABEL) {
        cur = null;
        continue;
      }
      if (!cur || cur.values.length > 0) {
        cur = { labels: [], values: [] };
        out.push(cur);
      }
      cur.labels.push(c.norm);
    } else if (cur) {
      cur.values.push(c);
    }
  }
  return out;
}

/**
 * Exactly n value cells from a segment. Layout fillers are blank cells around the real ones
 * (a label column's empty slot before, a row-span placeholder or trailing tab after), so extra
 * blanks are dropped from the end first, then from the start.
 */
export function takeValues(values: Token[], n: number): { cells: Token[]; exact: boolean } {
  const v = values.slice();
  while (v.length > n && v[v.length - 1].kind === 'blank') v.pop();
  while (v.length > n && v[0].kind === 'blank') v.shift();
  const exact = v.length === n;
  const cells = v.slice(0, n);
  while (cells.length < n) cells.push(classify(''));
  return { cells, exact };
}
