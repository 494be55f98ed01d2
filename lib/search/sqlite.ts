/**
 * The embedded engine: SQLite FTS5 through better-sqlite3, one file under DATA_DIR.
 * See docs/engine.md for the schema, the atomic swap and the matching semantics.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { ReportRecord, SectionKey } from '../types';
import {
  FACETS,
  SearchInputError,
  type AgencyReportRef,
  type AgencySummary,
  type CorpusCounts,
  type FacetName,
  type RebuildProgress,
  type SearchEngine,
  type SearchHit,
  type SearchQuery,
  type SearchResult,
  type SortOrder,
  IndexUnavailableError,
  type IndexProblem,
} from './types';
import { MAX_TERMS, queryTerms, termMatch } from './fts-query';
import { DEFAULT_PER_PAGE, MAX_QUERY_CHARS } from './query';
import { INDEXES_SQL, SECTION_SLOTS, beginBulkLoad, createSchema, finishBulkLoad, makeWriter } from './sqlite-schema';
import { countAll, countFacet, filterMask, selectRows, withoutVersions, type FacetCache, type FacetRow } from './sqlite-cache';
import { rowsMatchingAll } from './sqlite-terms';
import { removeAbandonedBuilds } from './sqlite-leftovers';
import type { AbortedRun } from '../index-status';
import { bestSection, makeSnippet } from './snippet';
import { BYTES_PER_FACET_VALUE, resultKey, type CachedResult } from './sqlite-results';
import { SqliteSnapshot } from './sqlite-snapshot';
import { applyFigureFilters, figureFiltersKey, orderByFigure, rowFigures } from './sqlite-figures';
import { canonicalFigureFilters, noKeyFigures, parseFigureSort, type FigureFilter } from '../key-figures';

export interface SqliteEngineOptions {
  dataDir: string;
  /** file name inside dataDir */
  fileName?: string;
  /** records per write transaction during rebuild */
  batchSize?: number;
  /**
   * True when an index should exist here even though this engine never opened one (the status
   * file records a successful run): a missing file is then a broken service, not a new install.
   */
  indexExpected?: () => boolean;
}

export const DEFAULT_DB_FILE = 'nianbao.sqlite';
/** Above this many matching reports, relevance skips bm25 (see search()). */
export const RANK_MAX_REPORTS = 5000;

/** Pages of hits kept with a cached result (most visits stop at the first pages). */
const CACHED_PAGES = 3;

const copyHit = (h: SearchHit): SearchHit => ({ ...h, region: { ...h.region }, themes: [...h.themes] });

/** Rough bytes of a page of hits: strings at 2 bytes a character plus the objects around them. */
function hitsBytes(hits: SearchHit[]): number {
  let n = 0;
  for (const h of hits) n += 400 + 2 * (h.id.length + h.agency.length + h.snippet.length) + 40 * h.themes.length;
  return n;
}

/**
 * Bytes a cached result keeps alive beyond the index-wide data it may share (sqlite-results.ts).
 * `sizes`: each counted facet's number of values (as evaluate() had them).
 */
function ownBytes(cache: FacetCache, res: CachedResult, sizes: Partial<Record<FacetName, number>>): number {
  const shared = new Set<unknown>([cache.yearDescIdx, cache.yearAscIdx, cache.latestIdx, ...[...cache.allCounts.values()].map((c) => c.counts)]);
  let n = shared.has(res.order) ? 0 : res.order.byteLength;
  for (const [f, counts] of Object.entries(res.facets) as [FacetName, Record<string, number> | undefined][])
    if (counts && !shared.has(counts)) n += (sizes[f] ?? Object.keys(counts).length) * BYTES_PER_FACET_VALUE;
  return n;
}

/**
 * The result set (row positions) in the query's order: year orders as walks over the precomputed
 * ones; relevance as theme tier, then bm25 when it was computed (score: rid → rank), then year.
 */
function orderRows(cache: FacetCache, idx: Int32Array, terms: string[], sort: SortOrder, score: Map<number, number>): Int32Array {
  const n = cache.rows.length;
  // Year orders are precomputed once per index version: walking one and keeping the rows in the
  // result set orders any result in O(reports), with no comparison sort.
  const inSet = (): Uint8Array => {
    const m = new Uint8Array(n);
    for (let j = 0; j < idx.length; j++) m[idx[j]] = 1;
    return m;
  };
  const walk = (order: Int32Array, mark: Uint8Array, tiers: number[]): Int32Array => {
    const out = new Int32Array(idx.length);
    let k = 0;
    for (const t of tiers) for (let p = 0; p < order.length; p++) if (mark[order[p]] === t) out[k++] = order[p];
    return out;
  };
  if (sort === 'year_asc' || sort === 'year_desc' || !terms.length) {
    const order = sort === 'year_asc' ? cache.yearAscIdx : cache.yearDescIdx;
    if (idx.length === n) return order;
    return walk(order, inSet(), [1]);
  }
  // A term that names a theme the report was tagged with ranks it first: the agency itself
  // says this is one of its problems, which beats a passing mention elsewhere.
  const themes = cache.columns.theme;
  const named = new Uint8Array(themes.values.length);
  themes.values.forEach((v, c) => (named[c] = terms.includes(v) ? 1 : 0));
  const tierOf = (i: number) => {
    for (let k = themes.start[i]; k < themes.start[i + 1]; k++) if (named[themes.codes[k]]) return 0;
    return 1;
  };
  if (!score.size) {
    // No bm25 (a huge result set): tier, then year order. Mark 2 = tier 0, 1 = tier 1.
    if (idx.length === n && !named.includes(1)) return cache.yearDescIdx;
    const mark = inSet();
    if (named.includes(1)) for (let j = 0; j < idx.length; j++) if (tierOf(idx[j]) === 0) mark[idx[j]] = 2;
    return walk(cache.yearDescIdx, mark, [2, 1]);
  }
  // Sort keys computed once per row, not once per comparison.
  const list = Array.from(idx, (i) => ({ i, tier: tierOf(i), s: score.get(cache.rows[i].rid) ?? 0, pos: cache.yearDescPos[i] }));
  list.sort((x, y) => x.tier - y.tier || x.s - y.s || x.pos - y.pos);
  return Int32Array.from(list, (x) => x.i);
}

export class SqliteEngine implements SearchEngine {
  readonly name = 'sqlite';
  readonly file: string;
  /** the version of the index file this engine reads, with everything computed from it */
  private snap: SqliteSnapshot | null = null;
  private readonly batchSize: number;
  private readonly indexExpected: () => boolean;
  /** an index file was open at some point: its disappearance is a fault */
  private everOpened = false;

  constructor(opts: SqliteEngineOptions) {
    this.file = path.join(path.resolve(opts.dataDir), opts.fileName ?? DEFAULT_DB_FILE);
    this.batchSize = opts.batchSize ?? 500;
    this.indexExpected = opts.indexExpected ?? (() => false);
  }

  private unavailable(problem: IndexProblem, cause?: unknown): IndexUnavailableError {
    const what = { absent: 'no index file', vanished: 'index file missing', empty: 'index file is empty', corrupt: 'index file is not a readable database' }[problem];
    return new IndexUnavailableError(problem, `${what}: ${this.file}`, cause ? { cause } : undefined);
  }

  // ---- connection management -------------------------------------------------------------

  private openFile(create: boolean): SqliteSnapshot {
    let st: fs.Stats;
    try {
      st = fs.statSync(this.file);
    } catch {
      if (!create) throw this.unavailable(this.everOpened || this.indexExpected() ? 'vanished' : 'absent');
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      const db = new Database(this.file);
      createSchema(db);
      db.exec(INDEXES_SQL);
      db.close();
      st = fs.statSync(this.file);
    }
    // SQLite would take a 0-byte file for a new, empty database and answer "no reports".
    if (st.size === 0) throw this.unavailable('empty');
    let db: Database.Database | null = null;
    try {
      db = new Database(this.file, { fileMustExist: true });
      db.pragma('busy_timeout = 5000');
      // Reads the header and schema: a file that is not a database fails here, not mid-page.
      const dataVersion = db.pragma('data_version', { simple: true }) as number;
      db.prepare(`SELECT 1 FROM reports LIMIT 1`).get();
      this.everOpened = true;
      return new SqliteSnapshot(db, st, dataVersion);
    } catch (e) {
      db?.close();
      throw this.unavailable('corrupt', e);
    }
  }

  /**
   * The snapshot of the current live file; each public method takes it once, at its start. A
   * rebuild (here or in another process) renames a new file over the path, so a changed inode
   * means a new version; so does an in-place upsert by another connection (PRAGMA data_version
   * moves), and a file changed without SQLite (truncated, overwritten: a new size or mtime), whose
   * damage is then seen when opening rather than served from a cache or met mid-page. A new
   * version drops the old snapshot whole and opens a fresh one, checked as it opens. Opening is
   * cheap next to reloading the facet data, which a change needs anyway.
   */
  private current(create = false): SqliteSnapshot {
    let st: fs.Stats | null = null;
    try {
      st = fs.statSync(this.file);
    } catch {
      st = null;
    }
    if (this.snap?.isCurrent(st)) return this.snap;
    this.drop();
    this.snap = this.openFile(create);
    return this.snap;
  }

  /** Closes the current snapshot's handle and lets go of it (and so of all its caches). */
  private drop(): void {
    this.snap?.close();
    this.snap = null;
  }

  /**
   * The snapshot of the current index version, opened if needed: for tests and diagnostics that
   * look at its caches. Dropped by the engine when the version changes; do not keep it.
   */
  snapshot(): SqliteSnapshot {
    return this.current();
  }

  // ---- writing ---------------------------------------------------------------------------

  async rebuild(
    records: AsyncIterable<ReportRecord> | Iterable<ReportRecord>,
    onProgress?: (p: RebuildProgress) => void,
  ): Promise<{ indexed: number }> {
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.building-${process.pid}`;
    for (const f of [tmp, `${tmp}-journal`]) fs.rmSync(f, { force: true });
    const db = new Database(tmp);
    let indexed = 0;
    try {
      // A build file nobody else reads: no journal, no fsync per transaction.
      db.pragma('journal_mode = OFF');
      db.pragma('synchronous = OFF');
      db.pragma('cache_size = -65536');
      createSchema(db);
      beginBulkLoad(db);
      const write = makeWriter(db);
      const flush = db.transaction((batch: ReportRecord[]) => {
        for (const r of batch) write(r);
      });
      let batch: ReportRecord[] = [];
      for await (const rec of records as AsyncIterable<ReportRecord>) {
        batch.push(rec);
        if (batch.length >= this.batchSize) {
          flush(batch);
          indexed += batch.length;
          batch = [];
          onProgress?.({ done: indexed });
        }
      }
      if (batch.length) {
        flush(batch);
        indexed += batch.length;
        onProgress?.({ done: indexed });
      }
      finishBulkLoad(db);
      db.pragma('journal_mode = DELETE');
      db.close();
      // Data on disk before the rename makes it visible (synchronous=OFF skipped the fsyncs).
      const fd = fs.openSync(tmp, 'r');
      fs.fsyncSync(fd);
      fs.closeSync(fd);
      fs.renameSync(tmp, this.file);
    } catch (err) {
      if (db.open) db.close();
      for (const f of [tmp, `${tmp}-journal`]) fs.rmSync(f, { force: true });
      throw err;
    }
    return { indexed };
  }

  async upsert(records: ReportRecord[]): Promise<void> {
    const snap = this.current(true);
    const write = makeWriter(snap.db);
    snap.db.transaction(() => {
      for (const r of records) write(r);
    })();
    // A new version: the next read opens its own snapshot.
    this.drop();
  }

  // ---- reading ---------------------------------------------------------------------------

  async search(query: SearchQuery): Promise<SearchResult> {
    // Checked by the facade (query.ts); the defaults serve callers that hold the engine itself.
    const page = query.page ?? 1;
    const perPage = query.perPage ?? DEFAULT_PER_PAGE;
    const q = query.q ?? '';
    const wanted = query.facets ?? [...FACETS];
    const empty: SearchResult = { total: 0, page, perPage, hits: [], facets: Object.fromEntries(wanted.map((f) => [f, {}])) };

    const snap = this.current();
    const cache = snap.facets;
    const terms = queryTerms(q);
    if (terms.length > MAX_TERMS) throw new SearchInputError(`检索词最多 ${MAX_TERMS} 个`);
    if (q.trim() && terms.length === 0) return empty; // only punctuation: nothing can contain it as a word

    const filters = Object.entries(query.filters ?? {}).filter(([, v]) => v && v.length) as [FacetName, string[]][];
    const sort = query.sort ?? 'relevance';
    const facetLimit = query.facetLimit ?? 0;
    const includeVersions = query.includeVersions === true;
    const figureFilters = canonicalFigureFilters(query.figureFilters ?? []);

    // Matching, filtering, counting and ordering depend only on the query, not the page: cached
    // per index version (the snapshot's results), so paging and repeated queries skip them.
    const results = snap.results;
    const key = resultKey(terms, filters, sort, wanted, facetLimit, includeVersions) + figureFiltersKey(figureFilters);
    let res = results.get(key);
    if (!res) {
      res = this.evaluate(snap, terms, filters, sort, wanted, facetLimit, includeVersions, figureFilters);
      results.set(key, res);
    }
    // The first pages' hits (snippets need each hit's section texts: ~8 ms a page) are kept with
    // the result; callers get copies, so nobody can change what the next caller sees.
    const pageKey = `${page}/${perPage}`;
    let hits = res.pages?.get(pageKey);
    if (!hits) {
      hits = Array.from(res.order.subarray((page - 1) * perPage, page * perPage), (i) => this.hit(snap, cache.rows[i], terms));
      if (page <= CACHED_PAGES) {
        (res.pages ??= new Map()).set(pageKey, hits);
        results.charge(key, hitsBytes(hits));
      }
    }
    return {
      total: res.order.length,
      page,
      perPage,
      hits: hits.map(copyHit),
      facets: res.facets,
      ...(res.facetValueCounts ? { facetValueCounts: { ...res.facetValueCounts } } : {}),
    };
  }

  async searchIds(query: Omit<SearchQuery, 'page' | 'perPage' | 'facets' | 'facetLimit'>, limit: number): Promise<{ total: number; ids: string[] }> {
    const q = query.q ?? '';
    if (q.length > MAX_QUERY_CHARS) throw new SearchInputError(`检索词过长（最多 ${MAX_QUERY_CHARS} 字）`);
    const snap = this.current();
    const cache = snap.facets;
    const terms = queryTerms(q);
    if (terms.length > MAX_TERMS) throw new SearchInputError(`检索词最多 ${MAX_TERMS} 个`);
    if (q.trim() && terms.length === 0) return { total: 0, ids: [] };
    const filters = Object.entries(query.filters ?? {}).filter(([, v]) => v && v.length) as [FacetName, string[]][];
    for (const [f] of filters) if (!FACETS.includes(f)) throw new SearchInputError(`未知的筛选项：${f}`);
    const sort = query.sort ?? 'relevance';
    const includeVersions = query.includeVersions === true;
    const figureFilters = canonicalFigureFilters(query.figureFilters ?? []);
    // The same cached result set search() uses (no facets asked, so none counted).
    const results = snap.results;
    const key = resultKey(terms, filters, sort, [], 0, includeVersions) + figureFiltersKey(figureFilters);
    let res = results.get(key);
    if (!res) {
      res = this.evaluate(snap, terms, filters, sort, [], 0, includeVersions, figureFilters);
      results.set(key, res);
    }
    const ids = Array.from(res.order.subarray(0, limit), (i) => cache.rows[i].id);
    return { total: res.order.length, ids };
  }

  /** The whole ordered result set and its facet counts (no paging, no snippets). */
  private evaluate(
    snap: SqliteSnapshot,
    terms: string[],
    filters: [FacetName, string[]][],
    sort: SortOrder,
    wanted: FacetName[],
    facetLimit: number,
    includeVersions: boolean,
    figureFilters: FigureFilter[] = [],
  ): CachedResult {
    const cache = snap.facets;
    // Rows are handled as positions in cache.rows (typed arrays), not objects: at 100,000
    // reports, object-per-row loops were most of a broad query's time.
    // 1. Reports containing every term (anywhere in the report, not necessarily in one section).
    let idx: Int32Array;
    const score = new Map<number, number>();
    // Older versions of a report are out unless asked for (lib/versions.ts): `scope` is every row
    // the query may return.
    const scope = includeVersions ? cache.yearDescIdx : cache.latestIdx;
    if (terms.length) {
      idx = rowsMatchingAll(snap.stmts, cache, snap.termSets, terms);
      if (!includeVersions) idx = withoutVersions(cache.isVersion, idx);
      // bm25 costs a pass over every match's statistics: worth it for a focused result set, not
      // for a term found nearly everywhere (there, theme tier and recency order the hits).
      if (sort === 'relevance' && idx.length > 1 && idx.length <= RANK_MAX_REPORTS) {
        const stmt = snap.stmts.prepare(`SELECT rowid AS rid, rank AS s FROM report_fts WHERE report_fts MATCH ?`);
        for (const r of stmt.iterate(terms.map(termMatch).join(' AND ')) as Iterable<{ rid: number; s: number }>) score.set(r.rid, r.s);
      }
    } else idx = scope; // every row in scope (order does not matter until step 4)
    // Key-figure conditions (sqlite-figures.ts) narrow the matches before the facet filters, so every
    // facet count, disjunctive ones included, is over reports that pass them.
    const figureSort = parseFigureSort(sort);
    const figs = figureFilters.length || figureSort ? snap.figures : null;
    if (figs && figureFilters.length) idx = applyFigureFilters(figs, idx, figureFilters);

    // 2. Filters: AND across facets, OR within one facet.
    const matched = idx;
    const mask = filters.length ? filterMask(cache, filters) : null;
    if (mask) idx = selectRows(mask, matched, filters.length);

    // 3. Facet counts, disjunctive: a filtered facet is counted over the result set with its own
    // filter left out (the other facets' kept), so each value's count is what ticking it would
    // give (OR within a facet); an unfiltered facet is counted over the result set. 4. Order.
    const n = scope.length;
    const facets: SearchResult['facets'] = {};
    const facetValueCounts: NonNullable<SearchResult['facetValueCounts']> = {};
    const sizes: Partial<Record<FacetName, number>> = {};
    for (const f of wanted) {
      const own = filters.findIndex(([g]) => g === f);
      const keep = own >= 0 ? filters[own][1] : undefined;
      const rows = mask && own >= 0 ? selectRows(mask, matched, filters.length, own) : idx;
      // Every report matches (a near-universal term, or no query): the counts are the corpus's own,
      // computed once per index version. Exact, and it skips building a 20,000-key agency object.
      const { counts, size } = rows.length === n && !keep ? countAll(cache, f, facetLimit, includeVersions) : countFacet(cache, f, rows, facetLimit, keep);
      facets[f] = counts;
      sizes[f] = size;
      if (facetLimit && size > facetLimit) facetValueCounts[f] = size;
    }
    const res: CachedResult = {
      order: figs && figureSort ? orderByFigure(figs, cache, idx, figureSort.key, figureSort.dir) : orderRows(cache, idx, terms, sort, score),
      facets,
      ...(Object.keys(facetValueCounts).length ? { facetValueCounts } : {}),
    };
    res.bytes = ownBytes(cache, res, sizes);
    return res;
  }

  private hit(snap: SqliteSnapshot, r: FacetRow, terms: string[]): SearchHit {
    const hit = this.textHit(snap, r, terms);
    hit.figures = rowFigures(snap.figures, r.idx);
    return hit;
  }

  private textHit(snap: SqliteSnapshot, r: FacetRow, terms: string[]): SearchHit {
    const lo = r.rid * SECTION_SLOTS;
    const secs = snap.stmts.prepare(`SELECT key, title, text FROM sections WHERE sid BETWEEN ? AND ? ORDER BY sid`).all(lo, lo + SECTION_SLOTS - 1) as {
      key: SectionKey;
      title: string;
      text: string;
    }[];
    const sec = terms.length ? bestSection(secs, terms) : (secs.find((x) => x.key === 'overview' && x.text) ?? secs.find((x) => x.text));
    // Headings are indexed too: when only a heading holds the terms, quote it with its text's start.
    const byTitle = !sec && terms.length ? bestSection(secs.map((x) => ({ key: x.key, text: x.title, body: x.text })), terms) : undefined;
    if (byTitle) {
      return this.toHit(r, byTitle.key, makeSnippet(`${byTitle.text}\n${byTitle.body}`, terms));
    }
    return this.toHit(r, sec?.key ?? null, sec ? makeSnippet(sec.text, terms) : '');
  }

  private toHit(r: FacetRow, section: SectionKey | null, snippet: string): SearchHit {
    return {
      id: r.id,
      agency: r.agency,
      year: r.year,
      region: { province: r.province, city: r.city, county: r.county },
      level: r.level,
      kind: r.kind,
      themes: [...r.themes],
      checksFailed: r.checksFailed,
      synthetic: r.synthetic === 1,
      figures: noKeyFigures(), // filled by hit()
      section,
      snippet,
      ...(r.versionOf !== null ? { versionOf: r.versionOf } : {}),
    };
  }

  async getReport(id: string, opts: { sections?: boolean } = {}): Promise<ReportRecord | null> {
    const snap = this.current();
    const row = snap.stmts.prepare(`SELECT rid, json FROM reports WHERE id = ?`).get(id) as { rid: number; json: string } | undefined;
    if (!row) return null;
    const rec = JSON.parse(row.json) as ReportRecord;
    if (rec.sections.length === 0 && opts.sections !== false) {
      const lo = row.rid * SECTION_SLOTS;
      rec.sections = snap.db
        .prepare(`SELECT key, title, text FROM sections WHERE sid BETWEEN ? AND ? ORDER BY sid`)
        .all(lo, lo + SECTION_SLOTS - 1) as ReportRecord['sections'];
    }
    return rec;
  }

  async listAgencyReports(agency: string): Promise<AgencyReportRef[]> {
    const snap = this.current();
    return snap.db
      .prepare(`SELECT id, agency, year FROM reports WHERE agency = ? ORDER BY year IS NULL, year, id`)
      .all(agency) as AgencyReportRef[];
  }

  async listAgencies(): Promise<AgencySummary[]> {
    // Once per index version: agency pages ask on every request (slugs need the whole list).
    return this.current().agencyList;
  }

  async corpusCounts(): Promise<CorpusCounts> {
    const c = this.current().facets;
    return { reports: c.rows.length, synthetic: c.syntheticCount };
  }

  async removeAbandonedBuilds(): Promise<AbortedRun[]> {
    return removeAbandonedBuilds(this.file);
  }

  async close(): Promise<void> {
    this.drop();
  }
}
