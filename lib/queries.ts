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
import { getAgencyDirectory, suggestAgencies, type AgencySuggestion } from './agency/queries';
import { nearestNames, understandQuery, type KnownValues, type Understood } from './search/understand';

export interface UnderstoodSearch {
  /** the state searched: understood words taken out of q and added as filters */
  state: SearchState;
  understood: Understood[];
}

/** What the index holds for query understanding: region and year values (all of them) and agency names. */
async function knownValues(state: SearchState): Promise<KnownValues> {
  const [all, dir] = await Promise.all([
    getEngine().search({ q: '', facets: ['province', 'city', 'year'], perPage: 1, ...(state.includeVersions ? { includeVersions: true } : {}) }),
    getAgencyDirectory(),
  ]);
  return {
    province: Object.keys(all.facets.province ?? {}),
    city: Object.keys(all.facets.city ?? {}),
    year: Object.keys(all.facets.year ?? {}),
    hasAgency: (name) => dir.byName.has(name),
  };
}

/**
 * The search state with the query understood (lib/search/understand.ts): 时效性 浙江 searches
 * 时效性 within province 浙江省. Not with `literal=1`, and never for a facet the state already
 * filters on (a second value would widen the filter, not narrow it). When the index cannot be
 * asked the state is returned as it is, so the search itself reports the failure.
 */
export async function understandSearch({ state }: { state: SearchState }): Promise<UnderstoodSearch> {
  if (state.literal || !state.q) return { state, understood: [] };
  let known: KnownValues;
  try {
    known = await knownValues(state);
  } catch {
    return { state, understood: [] };
  }
  const free: KnownValues = {
    province: state.filters.province ? [] : known.province,
    city: state.filters.city ? [] : known.city,
    year: state.filters.year || state.yearFrom !== undefined || state.yearTo !== undefined ? [] : known.year,
    hasAgency: state.filters.agency ? () => false : known.hasAgency,
  };
  const u = understandQuery(state.q, free);
  if (!u.understood.length) return { state, understood: [] };
  return { state: { ...state, q: u.q, filters: { ...state.filters, ...u.filters } }, understood: u.understood };
}

export interface SearchSuggestions {
  /** words of a literal query that name a filter value: the query understood is worth a try */
  filters: Understood[];
  /** agencies whose names are nearest the query's text */
  agencies: AgencySuggestion[];
}

/**
 * For a query that found nothing: the filters its words could be (when they were taken as text)
 * and the agency names nearest its text: all words in the name, else any one of them, else the
 * names sharing most character pairs with it.
 */
export async function searchSuggestions({ state, searched }: { state: SearchState; searched: SearchState }): Promise<SearchSuggestions> {
  try {
    const filters = state.literal ? (await understandSearch({ state: { ...state, literal: false } })).understood : [];
    const words = searched.q.split(/\s+/).filter((w) => w.length >= 2);
    let agencies = words.length ? await suggestAgencies({ q: words.join(' '), limit: 5 }) : [];
    for (const w of words) {
      if (agencies.length) break;
      agencies = await suggestAgencies({ q: w, limit: 5 });
    }
    if (!agencies.length && words.length) {
      const dir = await getAgencyDirectory();
      agencies = nearestNames(words.join(''), dir.byName.keys()).map((name) => {
        const a = dir.byName.get(name)!;
        return { agency: name, slug: dir.index.slugOf.get(name)!, region: a.region, years: a.years };
      });
    }
    return { filters, agencies };
  } catch {
    return { filters: [], agencies: [] };
  }
}

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
      ...(state.figureFilters?.length ? { figureFilters: state.figureFilters } : {}),
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
let remoteCounts: { at: number; counts: CorpusCounts } | null = null;

export async function getCorpusCounts(): Promise<CorpusCounts | null> {
  try {
    const engine = getEngine();
    // Every page's layout asks. The embedded engine answers from memory; a remote engine's answer
    // (two requests) is reused for a few seconds, as indexProblem trusts its health for a second.
    if (engine.name === 'sqlite') return await engine.corpusCounts();
    if (remoteCounts && Date.now() - remoteCounts.at < 5000) return remoteCounts.counts;
    remoteCounts = { at: Date.now(), counts: await engine.corpusCounts() };
    return remoteCounts.counts;
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
