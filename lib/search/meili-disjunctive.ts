/**
 * Disjunctive facet counts for Meilisearch: a facet that is filtered on is counted with its own
 * filter left out (the other facets' filters kept), so each value's count is what ticking it
 * would give (OR within a facet), as in the SQLite engine. Meilisearch counts a facet over the
 * filtered result only, so each filtered facet costs one more search (no hits, that facet only),
 * sent with the main search in one multi-search request.
 */
import type { FacetDistribution, SearchParams } from 'meilisearch';
import { FACET_ATTRIBUTE } from './meili-filter';
import { filterItems } from './meili-query';
import { FACETS, type FacetName, type SearchQuery } from './types';

export interface FacetSearch {
  facet: FacetName;
  params: SearchParams;
}

/** One count-only search per requested facet that has a filter of its own. */
export function disjunctiveSearches(query: SearchQuery, main: SearchParams): FacetSearch[] {
  const wanted = query.facets ?? [...FACETS];
  const filters = query.filters ?? {};
  const out: FacetSearch[] = [];
  for (const facet of wanted) {
    if (!filters[facet]?.length) continue;
    const others = { ...filters };
    delete others[facet];
    // Figure conditions stay: they narrow the result set like a search term, not like a facet.
    const filter = filterItems({ ...query, filters: others });
    const params: SearchParams = {
      q: main.q,
      page: 1,
      hitsPerPage: 0,
      facets: [FACET_ATTRIBUTE[facet]],
      attributesToRetrieve: [],
      ...(main.matchingStrategy ? { matchingStrategy: main.matchingStrategy } : {}),
      ...(main.locales ? { locales: main.locales } : {}),
    };
    if (filter) params.filter = filter;
    out.push({ facet, params });
  }
  return out;
}

/** The main search's distribution with each filtered facet's counts from its own search. */
export function mergeDistributions(
  main: FacetDistribution | undefined,
  searches: readonly FacetSearch[],
  results: readonly { facetDistribution?: FacetDistribution }[],
): FacetDistribution {
  const out: FacetDistribution = { ...(main ?? {}) };
  searches.forEach((s, i) => {
    const attr = FACET_ATTRIBUTE[s.facet];
    out[attr] = { ...(results[i]?.facetDistribution?.[attr] ?? {}) };
  });
  return out;
}
