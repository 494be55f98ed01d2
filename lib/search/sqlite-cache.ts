/**
 * In-memory copy of every report's facet values, loaded once per snapshot (sqlite-snapshot.ts:
 * one index version), with each
 * facet's values dictionary-coded into typed arrays. Filtering and facet counting over the whole
 * result set are then loops over integers, not SQL per facet (100,000 reports: ~1 ms a facet).
 */
import type Database from 'better-sqlite3';
import type { AgencyKind, Level } from '../types';
import { DEFAULT_FACET_LIMIT, FACETS, type FacetName } from './types';
import { shareCounts } from './facet-rank';

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
  /** the canonical report's id when this row is an older version of it, else null */
  versionOf: string | null;
  /** 1: a generated demo report */
  synthetic: number;
  themes: string[];
}

/** One facet, dictionary-coded: row idx → value codes (CSR layout, so themes can have several). */
export interface FacetColumn {
  values: string[];
  codeOf: Map<string, number>;
  start: Int32Array; // row idx → first position in `codes`
  codes: Int32Array;
  /**
   * row idx → its one code (-1: none), when no row has two values (every facet but themes).
   * Why: counting and filtering then skip the CSR indirection, the hot loop of a broad query.
   */
  single: Int32Array | null;
  /** codes in code-point order of their values (the tie-break of a limited facet), made on first use */
  byValue?: Int32Array;
}

export interface FacetCache {
  rows: FacetRow[];
  columns: Record<FacetName, FacetColumn>;
  /** row idx → position in the year_desc order (the final tie-break of relevance) */
  yearDescPos: Int32Array;
  /**
   * The year orders as row positions (year_desc: newest first, reports without a year last, then
   * agency and rowid), and rid → row idx + 1 (0: no such report). Rows are in rid order, so
   * ascending idx is ascending rid.
   */
  yearDescIdx: Int32Array;
  yearAscIdx: Int32Array;
  idxOfRid: Int32Array;
  /**
   * yearDescIdx without older versions: what a search sees by default (lib/versions.ts). The same
   * array as yearDescIdx when the index holds no older version (then nothing below costs a thing).
   */
  latestIdx: Int32Array;
  /** row idx → 1 for an older version; null when there is none */
  isVersion: Uint8Array | null;
  /** rows with synthetic = 1 (the demo-data banner asks on every page) */
  syntheticCount: number;
  /** facet counts over every row (or every latest row), filled on first use (countAll), by `${facet}/${limit}/${scope}` */
  allCounts: Map<string, FacetCount>;
}

/** A facet's counts and how many values it had before a limit cut it (its size when uncut). */
export interface FacetCount {
  counts: Record<string, number>;
  /** Object.keys on a 20,000-value agency facet costs ~5 ms: the count comes with the counts */
  size: number;
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
  let single: Int32Array | null = new Int32Array(rows.length).fill(-1);
  for (let i = 0; i < rows.length; i++) {
    start[i] = codes.length;
    const vs = facetValues(rows[i], f);
    if (vs.length > 1) single = null;
    for (const v of vs) {
      let c = codeOf.get(v);
      if (c === undefined) {
        c = values.length;
        values.push(v);
        codeOf.set(v, c);
      }
      codes.push(c);
      if (single) single[i] = c;
    }
  }
  start[rows.length] = codes.length;
  return { values, codeOf, start, codes: Int32Array.from(codes), single };
}

export function loadFacetCache(db: Database.Database): FacetCache {
  // An index file written before these columns existed reads as none marked (re-indexing marks them).
  const columnNames = new Set(db.prepare(`SELECT name FROM pragma_table_info('reports')`).pluck().all() as string[]);
  const has = (c: string) => columnNames.has(c);
  const rows = db
    .prepare(
      `SELECT rid, id, agency, year, province, city, county, level, kind, checks_failed AS checksFailed,
              ${has('version_of') ? 'version_of' : 'NULL'} AS versionOf, ${has('synthetic') ? 'synthetic' : '0'} AS synthetic
       FROM reports ORDER BY rid`,
    )
    .all() as FacetRow[];
  // Every row's strings arrive as fresh copies; 100,000 rows share a few thousand distinct values,
  // so keeping one copy of each saves ~20 MB of the web server's heap.
  const pool = new Map<string, string>();
  const intern = <T extends string | null>(v: T): T => {
    if (v === null) return v;
    const seen = pool.get(v);
    if (seen !== undefined) return seen as T;
    pool.set(v, v);
    return v;
  };
  const byRid = new Map<number, FacetRow>();
  let syntheticCount = 0;
  rows.forEach((r, i) => {
    syntheticCount += r.synthetic;
    r.idx = i;
    r.themes = [];
    r.agency = intern(r.agency);
    r.province = intern(r.province);
    r.city = intern(r.city);
    r.county = intern(r.county);
    r.level = intern(r.level);
    r.kind = intern(r.kind);
    byRid.set(r.rid, r);
  });
  for (const t of db.prepare(`SELECT rid, label FROM report_themes ORDER BY rid, label`).iterate() as Iterable<{
    rid: number;
    label: string;
  }>) {
    byRid.get(t.rid)?.themes.push(intern(t.label));
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
  let isVersion: Uint8Array | null = null;
  for (const r of rows) if (r.versionOf !== null) (isVersion ??= new Uint8Array(rows.length))[r.idx] = 1;
  const latestIdx = isVersion ? withoutVersions(isVersion, yearDescIdx) : yearDescIdx;
  const cache: FacetCache = {
    rows, columns, yearDescPos, yearDescIdx, yearAscIdx, idxOfRid, latestIdx, isVersion, syntheticCount, allCounts: new Map(),
  };
  // The home page's counts (as the site asks for them), and every query that matches all reports:
  // ready with the index. Every value of every facet (20,000 agencies) only when someone asks.
  for (const f of FACETS) countAll(cache, f, DEFAULT_FACET_LIMIT);
  return cache;
}

/** The rows of `idxs` (order kept) that are not older versions. */
export function withoutVersions(isVersion: Uint8Array | null, idxs: Int32Array): Int32Array {
  if (!isVersion) return idxs;
  const out = new Int32Array(idxs.length);
  let m = 0;
  for (let j = 0; j < idxs.length; j++) if (!isVersion[idxs[j]]) out[m++] = idxs[j];
  return m === idxs.length ? idxs : out.slice(0, m);
}

/**
 * row idx → bit k set when the row has one of the wanted values of filters[k] (at most 8 filtered
 * facets: FACETS has 8). One pass per facet over all rows, so the per-row test of selectRows is a
 * few array reads, not a closure call; and one mask serves both the result set and every facet's
 * disjunctive count set (each facet counted with its own filter left out).
 */
export function filterMask(cache: FacetCache, filters: [FacetName, string[]][]): Uint8Array {
  if (filters.length > 8) throw new Error('at most 8 filtered facets');
  const n = cache.rows.length;
  const mask = new Uint8Array(n);
  filters.forEach(([f, vals], k) => {
    const bit = 1 << k;
    const col = cache.columns[f];
    const want = new Uint8Array(col.values.length);
    for (const v of vals) {
      const c = col.codeOf.get(v);
      if (c !== undefined) want[c] = 1;
    }
    const { single, start, codes } = col;
    if (single) {
      for (let i = 0; i < n; i++) if (single[i] >= 0 && want[single[i]]) mask[i] |= bit;
    } else {
      for (let i = 0; i < n; i++)
        for (let k2 = start[i]; k2 < start[i + 1]; k2++)
          if (want[codes[k2]]) {
            mask[i] |= bit;
            break;
          }
    }
  });
  return mask;
}

/**
 * The rows of `idxs` (order kept) that pass all `count` filters of the mask, except filter
 * `skip` (-1: none) which is ignored: the disjunctive count set of that filter's facet.
 */
export function selectRows(mask: Uint8Array, idxs: Int32Array, count: number, skip = -1): Int32Array {
  const full = (1 << count) - 1;
  const ignore = skip >= 0 ? 1 << skip : 0;
  const out = new Int32Array(idxs.length);
  let m = 0;
  for (let j = 0; j < idxs.length; j++) if ((mask[idxs[j]] | ignore) === full) out[m++] = idxs[j];
  return out.slice(0, m);
}

/**
 * countFacet over every latest row (or every row, with older versions), computed once per index
 * version and limit; shared (frozen, with a ranking memo slot: facet-rank.ts).
 */
export function countAll(cache: FacetCache, f: FacetName, limit = 0, includeVersions = false): FacetCount {
  const key = `${f}/${limit}/${includeVersions ? 'all' : 'latest'}`;
  let counted = cache.allCounts.get(key);
  const rows = includeVersions ? cache.yearDescIdx : cache.latestIdx;
  if (!counted) {
    counted = countFacet(cache, f, rows, limit);
    shareCounts(counted.counts);
    cache.allCounts.set(key, counted);
  }
  return counted;
}

/**
 * value → count over these rows (values with no rows are left out). With a limit, only the
 * `limit` most frequent values (ties by code point) plus any `keep` value with rows; `size`
 * still tells how many values there were.
 */
export function countFacet(cache: FacetCache, f: FacetName, idxs: Int32Array, limit = 0, keep: readonly string[] = []): FacetCount {
  const col = cache.columns[f];
  const n = new Int32Array(col.values.length);
  // Typed arrays only (row positions in, counts out): no object per row is touched. The loops are
  // separate small functions so each stays monomorphic: one function for both shapes (and for the
  // object building) was deoptimized over and over, running ~15x slower.
  if (col.single) countSingle(col.single, idxs, n);
  else countMulti(col.start, col.codes, idxs, n);
  if (limit > 0) {
    let size = 0;
    for (let c = 0; c < n.length; c++) if (n[c]) size++;
    if (size > limit) return { counts: limitedCounts(col, n, limit, keep), size };
  }
  return toCounts(col.values, n);
}

/**
 * The top `limit` values without sorting them: the limit-th largest count is found from a
 * histogram of counts; values above it are all in, and values at it are taken in code-point
 * order (a per-column order made once), so the cut is exactly "count desc, then code point".
 */
function limitedCounts(col: FacetColumn, n: Int32Array, limit: number, keep: readonly string[]): Record<string, number> {
  let max = 0;
  for (let c = 0; c < n.length; c++) if (n[c] > max) max = n[c];
  const hist = new Int32Array(max + 1);
  for (let c = 0; c < n.length; c++) if (n[c]) hist[n[c]]++;
  let threshold = max;
  let above = 0; // values with a count > threshold
  while (threshold > 1 && above + hist[threshold] < limit) above += hist[threshold--];
  let ties = limit - above; // values at the threshold still wanted
  const out: Record<string, number> = {};
  const byValue = (col.byValue ??= codesByValue(col.values));
  for (let j = 0; j < byValue.length; j++) {
    const c = byValue[j];
    if (n[c] > threshold) out[col.values[c]] = n[c];
    else if (n[c] === threshold && ties > 0) {
      out[col.values[c]] = n[c];
      ties--;
    }
  }
  for (const v of keep) {
    const c = col.codeOf.get(v);
    if (c !== undefined && n[c]) out[v] = n[c];
  }
  return out;
}

function codesByValue(values: string[]): Int32Array {
  // Default sort compares UTF-16 code units, like byCode in facet-rank.ts.
  const sorted = values.map((v, c) => [v, c] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return Int32Array.from(sorted, (x) => x[1]);
}

function countSingle(single: Int32Array, idxs: Int32Array, n: Int32Array): void {
  for (let j = 0; j < idxs.length; j++) {
    const c = single[idxs[j]];
    if (c >= 0) n[c]++;
  }
}

function countMulti(start: Int32Array, codes: Int32Array, idxs: Int32Array, n: Int32Array): void {
  for (let j = 0; j < idxs.length; j++) {
    const i = idxs[j];
    for (let k = start[i]; k < start[i + 1]; k++) n[codes[k]]++;
  }
}

function toCounts(values: string[], n: Int32Array): FacetCount {
  const out: Record<string, number> = {};
  let size = 0;
  for (let c = 0; c < n.length; c++)
    if (n[c]) {
      out[values[c]] = n[c];
      size++;
    }
  return { counts: out, size };
}
