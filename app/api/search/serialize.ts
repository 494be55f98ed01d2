/** The JSON shape of a search result, shared by /api/search and the e2e "twin equals page" test. */
import { SECTION_SHORT_LABELS } from '@/lib/labels';
import { facetSize, rankValues } from '@/lib/search/facet-rank';
import { snippetParts, snippetToHtml } from '@/lib/search/highlight';
import { DEFAULT_FACET_LIMIT, type SearchResult } from '@/lib/search/types';
import { reportUrl } from '@/lib/urls';

/** Values per facet in the JSON unless `facet_limit` says otherwise (0 = all). */
export { DEFAULT_FACET_LIMIT };

/**
 * The most frequent `limit` values of each facet (counts unchanged, so never wrong), plus how many
 * values each cut facet had. Why: at national scale the agency facet has ~20,000 values, which made
 * every response ~660 KB. A facet the engine already cut (SearchQuery.facetLimit) comes with its
 * full number of values in `engineCut`, which is passed on.
 */
export function limitFacets(facets: SearchResult['facets'], limit: number, engineCut: SearchResult['facetValueCounts'] = {}) {
  const out: SearchResult['facets'] = {};
  const valueCounts: Record<string, number> = {};
  for (const [facet, counts] of Object.entries(facets) as [keyof SearchResult['facets'], Record<string, number>][]) {
    const known = engineCut[facet];
    if (known !== undefined) valueCounts[facet] = known;
    const size = known ?? (limit > 0 ? facetSize(counts) : 0);
    if (limit <= 0 || size <= limit) {
      out[facet] = counts;
      continue;
    }
    // Ranked once per counts object (lib/search/facet-rank.ts), not sorted per request.
    out[facet] = Object.fromEntries(rankValues(counts, limit, 'count'));
    valueCounts[facet] = size;
  }
  return { facets: out, facetValueCounts: valueCounts };
}

export function searchResultJson(result: SearchResult, q: string, facetLimit = DEFAULT_FACET_LIMIT) {
  const { facets, facetValueCounts } = limitFacets(result.facets, facetLimit, result.facetValueCounts);
  return {
    ok: true as const,
    q,
    total: result.total,
    page: result.page,
    perPage: result.perPage,
    hits: result.hits.map((h) => ({
      id: h.id,
      url: reportUrl(h.id),
      agency: h.agency,
      year: h.year,
      region: h.region,
      level: h.level,
      kind: h.kind,
      section: h.section,
      sectionLabel: h.section ? SECTION_SHORT_LABELS[h.section] : null,
      themes: h.themes,
      checksFailed: h.checksFailed,
      snippet: snippetToHtml(h.snippet),
      snippetText: snippetParts(h.snippet).map((p) => p.text).join(''),
    })),
    facets,
    /** facets cut to `facet_limit` values → how many values they have in all */
    facetValueCounts,
    facetsTimedOut: result.facetsTimedOut ?? [],
  };
}

