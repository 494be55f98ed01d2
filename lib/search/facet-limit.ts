/**
 * `SearchQuery.facetLimit` for engines that count every value anyway (Meilisearch returns its
 * facet distribution whole): keep the most frequent values by the shared ranking
 * (facet-rank.ts: count desc, code-point ties) plus any value filtered on, and say how many
 * values each cut facet had. The SQLite engine cuts while counting (sqlite-cache.ts) to the same
 * rule; /api/search's facet_limit cuts with this too (app/api/search/serialize.ts).
 */
import { facetSize, rankValues } from './facet-rank';
import type { FacetName, Filters, SearchResult } from './types';

export function limitFacetCounts(
  facets: SearchResult['facets'],
  limit: number | undefined,
  filters: Filters = {},
): Pick<SearchResult, 'facets' | 'facetValueCounts'> {
  if (!limit) return { facets };
  const out: SearchResult['facets'] = {};
  const sizes: NonNullable<SearchResult['facetValueCounts']> = {};
  for (const [f, counts] of Object.entries(facets) as [FacetName, Record<string, number>][]) {
    const size = facetSize(counts); // memoized on the counts the SQLite engine shares
    if (size <= limit) {
      out[f] = counts;
      continue;
    }
    const cut: Record<string, number> = Object.fromEntries(rankValues(counts, limit));
    for (const v of filters[f] ?? []) if (counts[v]) cut[v] = counts[v];
    out[f] = cut;
    sizes[f] = size;
  }
  return Object.keys(sizes).length ? { facets: out, facetValueCounts: sizes } : { facets: out };
}
