/** The JSON shape of a search result, shared by /api/search and the e2e "twin equals page" test. */
import { SECTION_SHORT_LABELS } from '@/lib/labels';
import { limitFacetCounts } from '@/lib/search/facet-limit';
import { snippetParts, snippetToHtml } from '@/lib/search/highlight';
import { DEFAULT_FACET_LIMIT, type SearchResult } from '@/lib/search/types';
import { reportUrl } from '@/lib/urls';

/** Values per facet in the JSON unless `facet_limit` says otherwise (0 = all). */
export { DEFAULT_FACET_LIMIT };

/**
 * The most frequent `limit` values of each facet (counts unchanged, so never wrong), plus how many
 * values each cut facet had. Why: at national scale the agency facet has ~20,000 values, which made
 * every response ~660 KB. The cut is lib/search/facet-limit.ts's (the rule the engines use); a
 * facet the engine already cut (SearchQuery.facetLimit) comes with its full number of values in
 * `engineCut`, which is passed on.
 */
export function limitFacets(facets: SearchResult['facets'], limit: number, engineCut: SearchResult['facetValueCounts'] = {}) {
  const cut = limitFacetCounts(facets, limit);
  return { facets: cut.facets, facetValueCounts: { ...cut.facetValueCounts, ...engineCut } };
}

/** `includeVersions`: older versions were asked for, so each hit says which report it is a version of (`version_of`, null on a canonical one). */
export function searchResultJson(result: SearchResult, q: string, facetLimit = DEFAULT_FACET_LIMIT, { includeVersions = false } = {}) {
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
      synthetic: h.synthetic,
      /** key figures (lib/key-figures.ts; /api/dictionary defines each), null where unknown */
      figures: h.figures,
      snippet: snippetToHtml(h.snippet),
      snippetText: snippetParts(h.snippet).map((p) => p.text).join(''),
      ...(includeVersions ? { version_of: h.versionOf ?? null } : {}),
    })),
    facets,
    /** facets cut to `facet_limit` values → how many values they have in all */
    facetValueCounts,
  };
}

