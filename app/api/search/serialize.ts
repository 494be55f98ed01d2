/** The JSON shape of a search result, shared by /api/search and the e2e "twin equals page" test. */
import { SECTION_SHORT_LABELS } from '@/lib/labels';
import { snippetParts, snippetToHtml } from '@/lib/search/highlight';
import type { SearchResult } from '@/lib/search/types';
import { reportUrl } from '@/lib/urls';

export function searchResultJson(result: SearchResult, q: string) {
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
    facets: result.facets,
    facetsTimedOut: result.facetsTimedOut ?? [],
  };
}

