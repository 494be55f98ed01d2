/** Searching: the query understood, the search itself, suggestions when it finds nothing, all hit ids. */
import 'server-only';
import { getEngine } from '../search/index';
import { DEFAULT_FACET_LIMIT, type FacetName, type SearchQuery, type SearchResult } from '../search/types';
import { engineFilters, type SearchState } from '../search-params';
import { fromEngineError } from '../errors';
import { getAgencyDirectory, suggestAgencies, type AgencySuggestion } from './agency';
import { nearestNames, understandQuery, type KnownValues, type Understood } from '../search/understand';
import { engineCall } from './engine-call';

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
/** What the engine is asked for a page's search state, whatever it then pages or counts. */
function engineQuery(state: SearchState): SearchQuery {
  return {
    q: state.q,
    filters: engineFilters(state),
    ...(state.figureFilters?.length ? { figureFilters: state.figureFilters } : {}),
    sort: state.sort,
    ...(state.includeVersions ? { includeVersions: true } : {}),
  };
}

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
      ...engineQuery(state),
      page: state.page,
      perPage: state.perPage,
      ...(facetLimit > 0 ? { facetLimit } : {}),
      ...(facets ? { facets } : {}),
    });
  } catch (e) {
    throw fromEngineError(e, 'search');
  }
}

/**
 * The ids of every hit of a search (all pages, in the search's order), capped so one request
 * cannot read the whole corpus by accident: `truncated` says when the cap was hit.
 */
export async function getSearchIds({ state, limit }: { state: SearchState; limit: number }): Promise<{
  total: number;
  ids: string[];
  truncated: boolean;
}> {
  return engineCall(async () => {
    const engine = getEngine();
    const query = engineQuery(state);
    if (engine.searchIds) {
      const { total, ids } = await engine.searchIds(query, limit);
      return { total, ids, truncated: total > limit };
    }
    const perPage = 100;
    const ids: string[] = [];
    let total = 0;
    for (let page = 1; ids.length < limit; page++) {
      const res = await engine.search({ ...query, page, perPage, facets: [] });
      total = res.total;
      ids.push(...res.hits.map((h) => h.id));
      if (res.hits.length < perPage || page * perPage >= total) break;
    }
    return { total, ids: ids.slice(0, limit), truncated: total > limit };
  });
}
