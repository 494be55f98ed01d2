/**
 * Key figures in the SQLite engine (lib/key-figures.ts): stored one row per report in
 * `key_figures`, and held per index version as one Float64Array per figure (row idx → value, NaN
 * when unknown), so a figure condition or a figure order over the whole result set is a loop over
 * a typed array. Loaded on first use, kept with the index version's FacetCache (dropped with it).
 */
import type Database from 'better-sqlite3';
import { FIGURE_KEYS, keyFigures, passesFigure, type FigureFilter, type FigureKey, type FigureSortDir, type KeyFigureValues } from '../key-figures';
import type { ReportRecord } from '../types';
import type { FacetCache } from './sqlite-cache';

export const FIGURES_TABLE_SQL = `
CREATE TABLE IF NOT EXISTS key_figures(rid INTEGER PRIMARY KEY, ${FIGURE_KEYS.map((k) => `${k} INTEGER`).join(', ')});
`;

/** Writes (or replaces) one report's key figures; call inside the record's write transaction. */
export function makeFigureWriter(db: Database.Database): (rid: number, rec: ReportRecord) => void {
  const ins = db.prepare(`INSERT OR REPLACE INTO key_figures(rid, ${FIGURE_KEYS.join(', ')}) VALUES (?, ${FIGURE_KEYS.map(() => '?').join(', ')})`);
  return (rid, rec) => {
    const v = keyFigures(rec.figures);
    ins.run(rid, ...FIGURE_KEYS.map((k) => v[k]));
  };
}

export interface FigureColumns {
  /** figure → row idx → value (NaN: unknown) */
  values: Record<FigureKey, Float64Array>;
  /** every row in a figure order, by `${key}:${dir}`, made on first use (see orderByFigure) */
  orders: Map<string, Int32Array>;
}

/**
 * The key figures of every row of this index version (held by its snapshot, sqlite-snapshot.ts). An index file written before the table
 * existed has every figure unknown (re-indexing fills them; SCHEMA_VERSION says it is stale).
 */
export function loadFigureColumns(db: Database.Database, cache: FacetCache): FigureColumns {
  const n = cache.rows.length;
  const values = Object.fromEntries(FIGURE_KEYS.map((k) => [k, new Float64Array(n).fill(NaN)])) as Record<FigureKey, Float64Array>;
  const hasTable = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'key_figures'`).get() !== undefined;
  if (hasTable) {
    const stmt = db.prepare(`SELECT rid, ${FIGURE_KEYS.join(', ')} FROM key_figures`).raw();
    for (const row of stmt.iterate() as Iterable<(number | null)[]>) {
      const rid = row[0]!;
      const idx = rid < cache.idxOfRid.length ? cache.idxOfRid[rid] - 1 : -1;
      if (idx < 0) continue;
      FIGURE_KEYS.forEach((k, j) => {
        const v = row[j + 1];
        if (v !== null) values[k][idx] = v;
      });
    }
  }
  return { values, orders: new Map() };
}

/** The rows of `idxs` (order kept) whose figures pass every condition; an unknown figure fails. */
export function applyFigureFilters(cols: FigureColumns, idxs: Int32Array, filters: readonly FigureFilter[]): Int32Array {
  if (!filters.length) return idxs;
  const out = new Int32Array(idxs.length);
  let m = 0;
  for (let j = 0; j < idxs.length; j++) {
    const i = idxs[j];
    let ok = true;
    for (const f of filters) {
      const v = cols.values[f.key][i];
      if (Number.isNaN(v) || !passesFigure(v, f.op, f.value)) {
        ok = false;
        break;
      }
    }
    if (ok) out[m++] = i;
  }
  return out.slice(0, m);
}

/**
 * Every row in one figure order (largest or smallest first), ties in year_desc order (newest
 * year, then agency name, then rid); rows whose figure is unknown last, in year_desc order.
 */
function fullOrder(cols: FigureColumns, cache: FacetCache, key: FigureKey, dir: FigureSortDir): Int32Array {
  const k = `${key}:${dir}`;
  let order = cols.orders.get(k);
  if (order) return order;
  const v = cols.values[key];
  const pos = cache.yearDescPos;
  const sign = dir === 'desc' ? -1 : 1;
  const known: number[] = [];
  const unknown: number[] = [];
  // Walking the year_desc order leaves the unknown rows already in their final order.
  for (const i of cache.yearDescIdx) (Number.isNaN(v[i]) ? unknown : known).push(i);
  known.sort((a, b) => sign * (v[a] - v[b]) || pos[a] - pos[b]);
  order = new Int32Array(cache.rows.length);
  order.set(known, 0);
  order.set(unknown, known.length);
  cols.orders.set(k, order);
  return order;
}

/**
 * The rows of `idxs` in a figure order: a walk over that order, made once per index version
 * (as the year orders are), keeping the rows in the set; no comparison sort per query.
 */
export function orderByFigure(cols: FigureColumns, cache: FacetCache, idxs: Int32Array, key: FigureKey, dir: FigureSortDir): Int32Array {
  const order = fullOrder(cols, cache, key, dir);
  if (idxs.length === order.length) return order;
  const inSet = new Uint8Array(order.length);
  for (let j = 0; j < idxs.length; j++) inSet[idxs[j]] = 1;
  const out = new Int32Array(idxs.length);
  let m = 0;
  for (let p = 0; p < order.length && m < idxs.length; p++) if (inSet[order[p]]) out[m++] = order[p];
  return out;
}

/** One row's key figures, for its hit. */
export function rowFigures(cols: FigureColumns, idx: number): KeyFigureValues {
  const out = {} as KeyFigureValues;
  for (const k of FIGURE_KEYS) {
    const v = cols.values[k][idx];
    out[k] = Number.isNaN(v) ? null : v;
  }
  return out;
}

/** The part of a result-cache key the figure conditions add (the figure sort is in the sort). */
export function figureFiltersKey(filters: readonly FigureFilter[]): string {
  return filters.length ? `|fig:${JSON.stringify(filters.map((f) => [f.key, f.op, f.value]))}` : '';
}
