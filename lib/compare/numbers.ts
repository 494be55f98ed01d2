/**
 * Arithmetic for comparisons. Rules: a null (unknown) input gives a null output, never 0;
 * a zero baseline gives no percentage (there is no ratio to a zero), except 0 → 0 which is 0%.
 * Percentages are rounded to one decimal here, so the JSON twin and the page show the same number.
 */
import type { Cell } from '../types';

export function round1(x: number): number {
  const r = Math.round(x * 10) / 10;
  return Object.is(r, -0) ? 0 : r;
}

/** later − earlier; null when either is unknown. */
export function delta(earlier: Cell, later: Cell): Cell {
  if (earlier === null || later === null) return null;
  // Fees are fractional (万元): avoid 0.30000000000000004 in the twin.
  return Math.round((later - earlier) * 1e6) / 1e6;
}

/** Percentage change from earlier to later, one decimal; null for unknown or zero baseline. */
export function pctChange(earlier: Cell, later: Cell): number | null {
  if (earlier === null || later === null) return null;
  if (earlier === 0) return later === 0 ? 0 : null;
  return round1(((later - earlier) / Math.abs(earlier)) * 100);
}

/** part / whole as a percentage with one decimal; null when unknown or the whole is 0. */
export function share(part: Cell, whole: Cell): number | null {
  if (part === null || whole === null || whole === 0) return null;
  return round1((part / whole) * 100);
}

/** Sum that is unknown as soon as one part is unknown (a partial sum would understate). */
export function sumCells(cells: Cell[]): Cell {
  let s = 0;
  for (const c of cells) {
    if (c === null) return null;
    s += c;
  }
  return s;
}

/** "+6.7%", "−3%", "0%", or a reason when there is no percentage. */
export function formatPct(p: number | null, earlier?: Cell): string {
  if (p === null) return earlier === 0 ? '基数为0' : '—';
  return `${p > 0 ? '+' : ''}${p}%`;
}

export function formatDelta(d: Cell): string {
  if (d === null) return '—';
  return `${d > 0 ? '+' : ''}${d}`;
}

export function formatCell(c: Cell): string {
  return c === null ? '—' : String(c);
}
