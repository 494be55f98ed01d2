/**
 * Server-only data access for pages and route handlers: one function per query, object
 * parameters, engine failures rethrown as typed AppErrors. Pages never touch an engine directly.
 */
import 'server-only';
import { getEngine } from './search/index';
import { DEFAULT_FACET_LIMIT, type AgencyReportRef, type CorpusCounts, type FacetName, type SearchResult } from './search/types';
import type { ReportRecord } from './types';
import { engineFilters, type SearchState } from './search-params';
import { AppError, fromEngineError, type Surface } from './errors';
import { readIndexStatus } from './indexer/status';
import { withoutOlderVersions } from './versions';
import { isKnownAgency } from './agency/known';

/**
 * `facetLimit`: values per facet (default DEFAULT_FACET_LIMIT, the most frequent; 0 = every
 * value). Why a default: at national scale counting 20,000 agency values into an object costs
 * more than the rest of a query, and no page lists them.
 */
export async function searchReports({
  state,
  facetLimit = DEFAULT_FACET_LIMIT,
  facets,
}: {
  state: SearchState;
  facetLimit?: number;
  facets?: FacetName[];
}): Promise<SearchResult> {
  try {
    return await getEngine().search({
      q: state.q,
      filters: engineFilters(state),
      sort: state.sort,
      page: state.page,
      perPage: state.perPage,
      ...(state.includeVersions ? { includeVersions: true } : {}),
      ...(facetLimit > 0 ? { facetLimit } : {}),
      ...(facets ? { facets } : {}),
    });
  } catch (e) {
    throw fromEngineError(e, 'search');
  }
}

export async function getReportById({ id }: { id: string }): Promise<ReportRecord | null> {
  try {
    return await getEngine().getReport(id);
  } catch (e) {
    throw fromEngineError(e, 'report');
  }
}

/** Whether a report id is held (no section texts read: for the proxy's 404 decision). */
export async function reportExists({ id }: { id: string }): Promise<boolean> {
  try {
    return (await getEngine().getReport(id, { sections: false })) !== null;
  } catch (e) {
    throw fromEngineError(e, 'report');
  }
}

/** The same agency's reports (every year held, older re-publications left out), oldest first. */
export async function getAgencyReports({ agency }: { agency: string }): Promise<AgencyReportRef[]> {
  // Reports of unknown agency are not "the same agency" as each other.
  if (!isKnownAgency(agency)) return [];
  try {
    return withoutOlderVersions(await getEngine().listAgencyReports(agency));
  } catch (e) {
    throw fromEngineError(e, 'report');
  }
}

/**
 * What the index holds: all reports and the generated (demo) ones, for the site-wide demo banner
 * and the footer's sourcing sentence. Null when the engine cannot answer (the page still renders).
 */
export async function getCorpusCounts(): Promise<CorpusCounts | null> {
  try {
    return await getEngine().corpusCounts();
  } catch {
    return null;
  }
}

let healthyAt = 0;

/**
 * Whether the index can answer at all: null when it can, else the AppError to show (503 with a
 * Chinese message: no index yet, index file missing, empty or corrupt). One cheap query (an
 * empty search is cached per index version), asked by proxy.ts before every page and API.
 */
export async function indexProblem(surface: Surface = 'api'): Promise<AppError | null> {
  try {
    const engine = getEngine();
    // The embedded engine's check is a stat and a cached query; a remote engine's is a network
    // round trip, so its good answer is trusted for a second rather than asked on every request.
    if (engine.name !== 'sqlite' && Date.now() - healthyAt < 1000) return null;
    await engine.search({ q: '', facets: [], perPage: 1 });
    healthyAt = Date.now();
    return null;
  } catch (e) {
    const err = fromEngineError(e, surface);
    return err.status === 503 ? err : null;
  }
}

export interface SiteStatus {
  ok: boolean;
  engine: string;
  reports: number | null;
  index: unknown;
  error?: string;
}

/** Health for /api/status: answers even when the engine is down (ok: false), so it can say why. */
export async function getSiteStatus(): Promise<SiteStatus> {
  let index: unknown = null;
  try {
    index = await readIndexStatus();
  } catch {
    index = null;
  }
  let engineName = 'unknown';
  try {
    const engine = getEngine();
    engineName = engine.name;
    const r = await engine.search({ q: '', facets: [], perPage: 1 });
    return { ok: true, engine: engineName, reports: r.total, index };
  } catch (e) {
    const err = e instanceof AppError ? e : fromEngineError(e, 'status');
    return { ok: false, engine: engineName, reports: null, index, error: err.message };
  }
}
