/**
 * JSON twin of the search page: same parameters (lib/search-params.ts), same results.
 * `?format=csv` gives this page of hits as CSV (the bulk figures export is /api/export).
 * `facet_limit=N` (default 100, 0 = all) caps the values listed per facet; counts stay exact.
 */
import { toCsv, contentDisposition } from '@/lib/compare/csv';
import { AppError, errorResponse } from '@/lib/errors';
import { searchReports } from '@/lib/queries';
import { snippetParts } from '@/lib/search/highlight';
import type { SearchResult } from '@/lib/search/types';
import { lastParam, parseSearchParams } from '@/lib/search-params';
import { cutCodePoints } from '@/lib/text';
import { formatOf } from '@/app/agencies/_lib/respond';
import { reportUrl } from '@/lib/urls';
import { DEFAULT_FACET_LIMIT, searchResultJson } from './serialize';

export const dynamic = 'force-dynamic';

export async function GET(req: Request): Promise<Response> {
  const params = new URL(req.url).searchParams;
  const format = formatOf(req);
  if (format instanceof Response) return format;
  const limitParam = lastParam(params, 'facet_limit') ?? null;
  const facetLimit = limitParam === null ? DEFAULT_FACET_LIMIT : Number(limitParam);
  if (!Number.isInteger(facetLimit) || facetLimit < 0 || facetLimit > 1_000_000) {
    return errorResponse(new AppError('bad_request:api', 'facet_limit 应为 0（全部）或正整数'));
  }
  const parsed = parseSearchParams(params);
  if (!parsed.ok) return errorResponse(new AppError('bad_request:search', parsed.error));
  try {
    const result = await searchReports({ state: parsed.state, facetLimit });
    if (format === 'csv') return csvResponse(result, parsed.state.q);
    return Response.json(searchResultJson(result, parsed.state.q, facetLimit), { headers: { 'cache-control': 'no-store' } });
  } catch (e) {
    return errorResponse(e, 'search');
  }
}

function csvResponse(result: SearchResult, q: string): Response {
  const header = ['id', 'agency', 'year', 'province', 'city', 'county', 'level', 'kind', 'section', 'themes', 'checks_failed', 'snippet', 'url'];
  const rows = result.hits.map((h) => [
    h.id,
    h.agency,
    h.year,
    h.region.province,
    h.region.city,
    h.region.county,
    h.level,
    h.kind,
    h.section,
    h.themes.join(';'),
    h.checksFailed,
    snippetParts(h.snippet).map((p) => p.text).join(''),
    reportUrl(h.id),
  ]);
  const name = `nianbao-search${q ? `-${cutCodePoints(q, 20)}` : ''}-p${result.page}.csv`;
  return new Response(toCsv(header, rows), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': contentDisposition(name),
      'cache-control': 'no-store',
    },
  });
}
