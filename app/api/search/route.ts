/**
 * JSON twin of the search page: same parameters (lib/search-params.ts), same results.
 * `?format=csv` gives this page of hits as CSV (the bulk figures export is /api/export).
 * `facet_limit=N` (default 100, 0 = all) caps the values listed per facet; counts stay exact.
 */
import { AppError, errorResponse } from '@/lib/errors';
import { FACET_LIMIT_MESSAGE } from '@/lib/param-messages';
import { searchReports, searchSuggestions, understandSearch } from '@/lib/queries';
import { snippetParts } from '@/lib/search/highlight';
import type { SearchResult } from '@/lib/search/types';
import { lastParam, parseSearchParams } from '@/lib/search-params';
import { CSV_FILES, LIST_SEPARATOR, type HeaderMode } from '@/lib/dictionary';
import { KIND_LABELS, LEVEL_LABELS, SECTION_SHORT_LABELS } from '@/lib/labels';
import { cutCodePoints } from '@/lib/text';
import { FIGURE_KEYS } from '@/lib/key-figures';
import { reportUrl, searchJsonUrl } from '@/lib/urls';
import { dictionaryCsvResponse, formatOf, headerModeOf } from '@/app/agencies/_lib/respond';
import { DEFAULT_FACET_LIMIT, searchResultJson } from './serialize';

export const dynamic = 'force-dynamic';

export async function GET(req: Request): Promise<Response> {
  const params = new URL(req.url).searchParams;
  const format = formatOf(req);
  if (format instanceof Response) return format;
  const limitParam = lastParam(params, 'facet_limit') ?? null;
  const facetLimit = limitParam === null ? DEFAULT_FACET_LIMIT : Number(limitParam);
  if (!Number.isInteger(facetLimit) || facetLimit < 0 || facetLimit > 1_000_000) {
    return errorResponse(new AppError('bad_request:api', FACET_LIMIT_MESSAGE));
  }
  const headers = headerModeOf(req);
  if (headers instanceof Response) return headers;
  const parsed = parseSearchParams(params);
  if (!parsed.ok) return errorResponse(new AppError('bad_request:search', parsed.error));
  try {
    // Words naming a year, place or agency the index holds become filters, as on the page.
    const { state, understood } = await understandSearch({ state: parsed.state });
    const result = await searchReports({ state, facetLimit });
    const versions = { includeVersions: state.includeVersions };
    if (format === 'csv') return csvHits(result, state.q, headers, versions);
    const suggestions = result.total === 0 && parsed.state.q ? await searchSuggestions({ state: parsed.state, searched: state }) : null;
    const body = {
      ...searchResultJson(result, state.q, facetLimit, versions),
      understood: understood.map((u) => ({ ...u, undo: searchJsonUrl({ ...parsed.state, literal: true, page: 1 }) })),
      filters: state.filters,
      figureFilters: state.figureFilters ?? [],
      sort: state.sort,
      ...(suggestions ? { suggestions: { filters: suggestions.filters, agencies: suggestions.agencies.map((a) => a.agency) } } : {}),
    };
    return Response.json(body, { headers: { 'cache-control': 'no-store' } });
  } catch (e) {
    return errorResponse(e, 'search');
  }
}

/**
 * This page of hits; columns as lib/dictionary's CSV_FILES.search defines them, and with
 * include_versions=1 `version_of` after `id` (the canonical id on an older version's row).
 */
function csvHits(result: SearchResult, q: string, headers: HeaderMode, { includeVersions = false } = {}): Response {
  const columns = includeVersions ? ['id', 'version_of', ...CSV_FILES.search.columns.slice(1)] : CSV_FILES.search.columns;
  const rows = result.hits.map((h) => [
    h.id,
    ...(includeVersions ? [h.versionOf ?? null] : []),
    h.agency,
    h.year,
    h.region.province,
    h.region.city,
    h.region.county,
    h.level ? LEVEL_LABELS[h.level] : null,
    KIND_LABELS[h.kind],
    h.section ? SECTION_SHORT_LABELS[h.section] : null,
    h.themes.join(LIST_SEPARATOR),
    h.checksFailed,
    snippetParts(h.snippet).map((p) => p.text).join(''),
    reportUrl(h.id),
    // last, so scripts reading the earlier columns by position keep working
    h.synthetic ? 'true' : 'false',
    ...FIGURE_KEYS.map((k) => h.figures[k]),
  ]);
  const name = `nianbao-search${q ? `-${cutCodePoints(q, 20)}` : ''}-p${result.page}.csv`;
  return dictionaryCsvResponse(name, columns, rows, headers);
}
