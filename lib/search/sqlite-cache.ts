/**
 * In-memory copy of every report's facet values, loaded once per index version, with each
 * facet's values dictionary-coded into typed arrays. Filtering and facet counting over the whole
 * result set are then loops over integers, not SQL per facet (100,000 reports: ~1 ms a facet).
 */
import type Database from 'better-sqlite3';
import type { AgencyKind, Level } from '../types';
import { FACETS, type FacetName } from './types';

export interface FacetRow {
  /** position in FacetCache.rows */
  idx: number;
  rid: number;
  id: string;
  agency: string;
  year: number | null;
  province: string | null;
  city: string | null;
  county: string | null;
  level: Level | null;
  kind: AgencyKind;
  checksFailed: number;
  themes: string[];
}

/** One facet, dictionary-coded: row idx → value codes (CSR layout, so themes can have several). */
export interface FacetColumn {
  values: string[];
  codeOf: Map<string, number>;
  start: Int32Array; // row idx → first position in `codes`
  codes: Int32Array;
}

export interface FacetCache {
  rows: FacetRow[];
  byRid: Map<number, FacetRow>;
  columns: Record<FacetName, FacetColumn>;
  /** newest first, reports without a year last, then agency and rowid: the year_desc order */
  yearDesc: FacetRow[];
  yearAsc: FacetRow[];
  /** row idx → position in yearDesc (the final tie-break of relevance) */
  yearDescPos: Int32Array;
  /** the year orders as row positions, and rid → row idx + 1 (0: no such report) */
  yearDescIdx: Int32Array;
  yearAscIdx: Int32Array;
  idxOfRid: Int32Array;
}

/** The facet values of one report (several for themes; none when unknown). */
export function facetValues(r: FacetRow, f: FacetName): string[] {
  switch (f) {
    case 'agency':
      return [r.agency];
    case 'year':
      return r.year == null ? [] : [String(r.year)];
    case 'province':
      return r.province ? [r.province] : [];
    case 'city':
      return r.city ? [r.city] : [];
    case 'level':
      return r.level ? [r.level] : [];
    case 'kind':
      return [r.kind];
    case 'theme':
      return r.themes;
    case 'checks':
      return [r.checksFailed > 0 ? 'failed' : 'ok'];
  }
}

function column(rows: FacetRow[], f: FacetName): FacetColumn {
  const values: string[] = [];
  const codeOf = new Map<string, number>();
  const start = new Int32Array(rows.length + 1);
  const codes: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    start[i] = codes.length;
    for (const v of facetValues(rows[i], f)) {
      let c = codeOf.get(v);
      if (c === undefined) {
        c = values.length;
        values.push(v);
        codeOf.set(v, c);
      }
      codes.push(c);
    }
  }
  start[rows.length] = codes.length;
  return { values, codeOf, start, codes: Int32Array.from(codes) };
}

export function loadFacetCache(db: Database.Database): FacetCache {
  const rows = db
    .prepare(
      `SELECT rid, id, agency, year, province, city, county, level, kind, checks_failed AS checksFailed
       FROM reports ORDER BY rid`,
    )
    .all() as FacetRow[];
  const byRid = new Map<number, FacetRow>();
  rows.forEach((r, i) => {
    r.idx = i;
    r.themes = [];
    byRid.set(r.rid, r);
  });
  for (const t of db.prepare(`SELECT rid, label FROM report_themes ORDER BY rid, label`).iterate() as Iterable<{
    rid: number;
    label: string;
  }>) {
    byRid.get(t.rid)?.themes.push(t.label);
  }
  const columns = Object.fromEntries(FACETS.map((f) => [f, column(rows, f)])) as Record<FacetName, FacetColumn>;
  const byAgency = (a: FacetRow, b: FacetRow) => (a.agency < b.agency ? -1 : a.agency > b.agency ? 1 : a.rid - b.rid);
  const yearDesc = [...rows].sort((a, b) => (b.year ?? -1e9) - (a.year ?? -1e9) || byAgency(a, b));
  const yearAsc = [...rows].sort((a, b) => (a.year ?? 1e9) - (b.year ?? 1e9) || byAgency(a, b));
  const yearDescPos = new Int32Array(rows.length);
  yearDesc.forEach((r, i) => (yearDescPos[r.idx] = i));
  const idxOfRid = new Int32Array(rows.reduce((m, r) => Math.max(m, r.rid), 0) + 1);
  for (const r of rows) idxOfRid[r.rid] = r.idx + 1;
  const yearDescIdx = Int32Array.from(yearDesc, (r) => r.idx);
  const yearAscIdx = Int32Array.from(yearAsc, (r) => r.idx);
  return { rows, byRid, columns, yearDesc, yearAsc, yearDescPos, yearDescIdx, yearAscIdx, idxOfRid };
}

/** A predicate on row idx for "row has one of these values" per facet, ANDed across facets. */
export function filterPredicate(cache: FacetCache, filters: [FacetName, string[]][]): (idx: number) => boolean {
  const tests = filters.map(([f, vals]) => {
    const col = cache.columns[f];
    const want = new Uint8Array(col.values.length);
    for (const v of vals) {
      const c = col.codeOf.get(v);
      if (c !== undefined) want[c] = 1;
    }
    return (i: number) => {
      for (let k = col.start[i]; k < col.start[i + 1]; k++) if (want[col.codes[k]]) return true;
      return false;
    };
  });
  return (idx) => tests.every((t) => t(idx));
}

/** value → count over these rows (values with no rows are left out). */
export function countFacet(cache: FacetCache, f: FacetName, idxs: Int32Array): Record<string, number> {
  const col = cache.columns[f];
  const n = new Int32Array(col.values.length);
  const { start, codes } = col;
  // Typed arrays only (row positions in, counts out): no object per row is touched.
  for (let j = 0; j < idxs.length; j++) {
    const i = idxs[j];
    for (let k = start[i]; k < start[i + 1]; k++) n[codes[k]]++;
  }
  const out: Record<string, number> = {};
  for (let c = 0; c < n.length; c++) if (n[c]) out[col.values[c]] = n[c];
  return out;
}
