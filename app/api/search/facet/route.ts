/**
 * Every value one facet lists on a search page, with its toggle URL: what the agency filter box
 * (components/FacetFilter) searches in. The page itself ships only the first few, so the ~300
 * values with their URLs are fetched only by someone who uses the box.
 * Same parameters as the page (lib/search-params.ts) plus `facet`.
 */
import { FACET_MAX, facetItems } from '@/lib/facet-items';
import { AppError, errorResponse } from '@/lib/errors';
import { facetChoices } from '@/lib/param-messages';
import { searchReports } from '@/lib/queries';
import { FACETS, type FacetName } from '@/lib/search/types';
import { lastParam, parseSearchParams } from '@/lib/search-params';

export const dynamic = 'force-dynamic';

export async function GET(req: Request): Promise<Response> {
  const params = new URL(req.url).searchParams;
  const facet = lastParam(params, 'facet') ?? '';
  if (!(FACETS as readonly string[]).includes(facet)) {
    return errorResponse(new AppError('bad_request:api', facetChoices(FACETS)));
  }
  const parsed = parseSearchParams(params);
  if (!parsed.ok) return errorResponse(new AppError('bad_request:search', parsed.error));
  try {
    // Facet counts do not depend on the page; one hit keeps the snippet work minimal.
    const result = await searchReports({ state: { ...parsed.state, page: 1, perPage: 1 }, facetLimit: FACET_MAX, facets: [facet as FacetName] });
    const items = facetItems(parsed.state, facet as FacetName, result.facets[facet as FacetName], FACET_MAX);
    return Response.json({ ok: true as const, facet, items }, { headers: { 'cache-control': 'no-store' } });
  } catch (e) {
    return errorResponse(e, 'search');
  }
}
