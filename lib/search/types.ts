/**
 * The one interface every search engine implements (SQLite FTS5 by default, Meilisearch in
 * production). Pages and scripts reach engines only through this interface.
 */
import type { ReportRecord, SectionKey, Level, AgencyKind } from '../types';
import type { AbortedRun } from '../index-status';
import type { FigureFilter, FigureSort, KeyFigureValues } from '../key-figures';

export const FACETS = ['agency', 'year', 'province', 'city', 'level', 'kind', 'theme', 'checks'] as const;
export type FacetName = (typeof FACETS)[number];

/** Filters are ANDed across facets and ORed within one facet's values. */
export type Filters = Partial<Record<FacetName, string[]>>;

/**
 * relevance, year, or a key figure (lib/key-figures.ts): `fig:received:desc` is largest first,
 * `fig:received:asc` smallest first; either way reports whose figure is unknown come last, and
 * ties go newest year first, then agency name (code-point order).
 */
export type SortOrder = 'relevance' | 'year_desc' | 'year_asc' | FigureSort;

/** Values per facet the site asks for (page and /api/search; facet_limit=0 asks for all). */
export const DEFAULT_FACET_LIMIT = 100;

export interface SearchQuery {
  /** raw user text; '' lists everything */
  q: string;
  filters?: Filters;
  /**
   * Conditions on key figures (lib/key-figures.ts), ANDed with each other and the filters. A
   * report whose figure is unknown (null) fails every condition on it: unknown is never 0.
   * Facet counts are taken over reports that pass them (they are not a facet of their own).
   */
  figureFilters?: FigureFilter[];
  /** facets to count; default: all FACETS */
  facets?: FacetName[];
  /**
   * At most this many values per facet: the most frequent, ties by code point, counts exact; a
   * value filtered on is always included. Default: every value. Why: at national scale the agency
   * facet has ~20,000 values, and no page lists them all.
   */
  facetLimit?: number;
  sort?: SortOrder;
  /**
   * Older versions of a report (records with versionOf, lib/versions.ts) are left out of hits,
   * totals and facets unless this is true; their hits then carry versionOf.
   */
  includeVersions?: boolean;
  /** 1-based */
  page?: number;
  perPage?: number;
}

export interface SearchHit {
  id: string;
  agency: string;
  year: number | null;
  region: { province: string | null; city: string | null; county: string | null };
  level: Level | null;
  kind: AgencyKind;
  themes: string[];
  checksFailed: number;
  /** a generated demo report (ReportRecord.synthetic) */
  synthetic: boolean;
  /** the report's key figures (lib/key-figures.ts), null where unknown */
  figures: KeyFigureValues;
  /** the section the best snippet came from */
  section: SectionKey | null;
  /** plain text with matches wrapped as «mark» … «/mark» markers: see lib/search/highlight.ts */
  snippet: string;
  /** on an older version of a report (only returned with includeVersions): the canonical id */
  versionOf?: string;
}

export interface SearchResult {
  total: number;
  page: number;
  perPage: number;
  hits: SearchHit[];
  /** facet → value → count, over the whole result set (not just this page) */
  facets: Partial<Record<FacetName, Record<string, number>>>;
  /** facets cut to `facetLimit` values → how many values they have over the result set */
  facetValueCounts?: Partial<Record<FacetName, number>>;
}

export interface AgencyReportRef {
  id: string;
  agency: string;
  year: number | null;
}

export interface AgencySummary {
  agency: string;
  region: { province: string | null; city: string | null; county: string | null };
  level: Level | null;
  years: number[];
}

/** How many reports the index holds, and how many of them are generated demo reports. */
export interface CorpusCounts {
  reports: number;
  synthetic: number;
}

export interface RebuildProgress {
  done: number;
}

export interface SearchEngine {
  readonly name: string;
  /**
   * Replace the whole index with these records, atomically: readers see the old index until
   * the new one is complete, then the new one. A failure leaves the old index in place.
   */
  rebuild(records: AsyncIterable<ReportRecord> | Iterable<ReportRecord>, onProgress?: (p: RebuildProgress) => void): Promise<{ indexed: number }>;
  /** Insert or replace records (by id) in the live index. */
  upsert(records: ReportRecord[]): Promise<void>;
  search(query: SearchQuery): Promise<SearchResult>;
  /**
   * The ids of a query's whole result set, in its order, at most `limit` (no snippets, no
   * facets): what a bulk export needs. Optional: callers page through search() without it.
   */
  searchIds?(query: Omit<SearchQuery, 'page' | 'perPage' | 'facets' | 'facetLimit'>, limit: number): Promise<{ total: number; ids: string[] }>;
  /**
   * `sections: false` lets an engine that stores section texts apart skip reading them (a bulk
   * export needs figures, not text); the record then has `sections: []`. Engines may ignore it.
   */
  getReport(id: string, opts?: { sections?: boolean }): Promise<ReportRecord | null>;
  /** every report whose agency name equals `agency`, oldest year first */
  listAgencyReports(agency: string): Promise<AgencyReportRef[]>;
  /** every agency held, with its region and the years held (for agency pages, slugs, peers) */
  listAgencies(): Promise<AgencySummary[]>;
  /** cheap (kept with the index, not counted per call where avoidable): for the demo-data banner */
  corpusCounts(): Promise<CorpusCounts>;
  close(): Promise<void>;
  /**
   * Remove what index runs killed mid-build left behind (their processes are gone), reporting
   * each run. Optional: engines that build elsewhere (Meilisearch) leave nothing here.
   */
  removeAbandonedBuilds?(): Promise<AbortedRun[]>;
}

export class SearchInputError extends Error {
  readonly code = 'bad_request:search';
}

export class EngineUnavailableError extends Error {
  readonly code = 'unavailable:search';
}

/**
 * Why an index cannot be read: `absent` (no index file and none was ever built here: a new
 * installation), `vanished` (no file, but one was open earlier or the status file says a run
 * built one), `empty` (a 0-byte file), `corrupt` (not a readable database).
 */
export type IndexProblem = 'absent' | 'vanished' | 'empty' | 'corrupt';

/** The index problem an error reports, whichever bundle's copy of the class made it. */
export function indexProblemOf(e: unknown): IndexProblem | null {
  const x = e as { indexUnavailable?: unknown; problem?: unknown } | null;
  return x && x.indexUnavailable === true && typeof x.problem === 'string' ? (x.problem as IndexProblem) : null;
}

export class IndexUnavailableError extends EngineUnavailableError {
  /** marker checked instead of instanceof: Next bundles this module once per route and proxy */
  readonly indexUnavailable = true;
  constructor(
    readonly problem: IndexProblem,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
