/** Several agencies in one year, one column each, sortable by any figure or rate. */
import type { Cell, ReportRecord } from '../types';
import { FIGURE_KEYS, flattenFigures, isFigureKey, type FlatFigures } from './figures';
import { deriveRates, RATE_KEYS, type Rates } from './rates';
import { columnLabel } from '../dictionary';

export interface PeerColumn {
  slug: string;
  agency: string;
  id: string;
  year: number | null;
  figures: FlatFigures;
  rates: Rates;
}

export interface PeerSort {
  key: string;
  dir: 'asc' | 'desc';
}

const RATE_SET = new Set<string>(RATE_KEYS);

export function isSortKey(key: string): boolean {
  return isFigureKey(key) || RATE_SET.has(key);
}

/** `sort` URL value: "key" ascending, "-key" descending; anything unknown means no sort. */
export function parsePeerSort(raw: string | undefined | null): PeerSort | null {
  if (!raw) return null;
  const dir = raw.startsWith('-') ? 'desc' : 'asc';
  const key = raw.replace(/^-/, '');
  return isSortKey(key) ? { key, dir } : null;
}

export function formatPeerSort(s: PeerSort): string {
  return `${s.dir === 'desc' ? '-' : ''}${s.key}`;
}

export function peerValue(c: PeerColumn, key: string): Cell {
  return RATE_SET.has(key) ? (c.rates as Record<string, number | null>)[key] ?? null : c.figures[key] ?? null;
}

export function peerColumn(slug: string, r: ReportRecord): PeerColumn {
  const figures = flattenFigures(r.figures);
  return { slug, agency: r.agency, id: r.id, year: r.year, figures, rates: deriveRates(figures) };
}

/**
 * Sort columns by one figure. Unknown values go last in both directions (they are not small
 * numbers); ties keep the order the agencies were listed in.
 */
export function sortPeers(cols: PeerColumn[], sort: PeerSort | null): PeerColumn[] {
  if (!sort) return cols;
  const sign = sort.dir === 'asc' ? 1 : -1;
  return cols
    .map((c, i) => ({ c, i, v: peerValue(c, sort.key) }))
    .sort((x, y) => {
      if (x.v === null || y.v === null) return x.v === y.v ? x.i - y.i : x.v === null ? 1 : -1;
      return x.v === y.v ? x.i - y.i : sign * (x.v - y.v);
    })
    .map((x) => x.c);
}

export const PEER_ROW_KEYS: readonly string[] = [...FIGURE_KEYS, ...RATE_KEYS];

/**
 * Rows for CSV: one row per key with its Chinese name, one column per agency (as on the page).
 * Agency columns are keyed by address (slug); `names` gives their Chinese headers.
 */
export function peerCsv(cols: PeerColumn[]): { columns: string[]; names: Record<string, string>; rows: (string | number | null)[][] } {
  return {
    columns: ['key', 'label', ...cols.map((c) => c.slug)],
    names: Object.fromEntries(cols.map((c) => [c.slug, c.agency])),
    rows: PEER_ROW_KEYS.map((k) => [k, columnLabel(k), ...cols.map((c) => peerValue(c, k))]),
  };
}
