/**
 * Table text → a stream of cells, whatever layout text extraction produced:
 * one cell per line (`\t0`), tab-separated rows, or `| a | b |` rows from HTML tables.
 * Empty lines carry no cell; a line holding only a tab, or an empty slot between
 * separators, IS a cell (blank), because blank cells must come out as null, not vanish.
 */

export type CellKind = 'label' | 'number' | 'blank' | 'slash' | 'unreadable';

export interface CellToken {
  raw: string;
  kind: CellKind;
  /** NFKC-normalised, whitespace removed: what label patterns are matched against */
  norm: string;
  value: number | null;
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

export function classify(raw: string): CellToken {
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

export function tokenize(text: string): CellToken[] {
  const cells: CellToken[] = [];
  for (const line of text.split('\n')) for (const c of splitLine(line)) cells.push(classify(c));
  return cells;
}

export interface Segment {
  /** consecutive label cells (a row label, possibly broken across cells, plus header cells) */
  labels: string[];
  /** value cells that follow, blanks included */
  values: CellToken[];
}

/** Labels longer than this are prose, not table labels: they end a segment without joining it. */
const MAX_LABEL = 80;

/** A segment = a run of label cells and the value cells after them, up to the next label. */
export function segments(cells: CellToken[]): Segment[] {
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
export function takeValues(values: CellToken[], n: number): { cells: CellToken[]; exact: boolean } {
  const v = values.slice();
  while (v.length > n && v[v.length - 1].kind === 'blank') v.pop();
  while (v.length > n && v[0].kind === 'blank') v.shift();
  const exact = v.length === n;
  const cells = v.slice(0, n);
  while (cells.length < n) cells.push(classify(''));
  return { cells, exact };
}
