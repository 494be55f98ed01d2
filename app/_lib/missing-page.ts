/**
 * Which page URLs name something the index does not hold, decided before rendering (proxy.ts).
 *
 * Why not just notFound() in the page: Next 16 answers a notFound() thrown while rendering with
 * an empty `<html id="__next_error__">` shell and draws not-found.tsx only after client JS runs
 * (vercel/next.js#62228), so a permalink to a missing year was blank without JavaScript. Instead
 * the proxy sets the 404 status here and marks the request; the page then renders its help
 * itself, server-side, inside the layout (see answeredMissing). The subject looked up here is
 * handed to the page (app/_lib/handoff.ts), so the page does not look it up a second time.
 */
import { headers } from 'next/headers';
import { findAgency, getAgencyDirectory, getReportById, loadAgency, loadYearPair, reportExists } from '@/lib/queries';
import { cleanText, lastParam } from '@/lib/search-params';
import type { PageRoute } from '@/lib/urls';
import { handOver } from './handoff';

/** Request header the proxy sets on the requests it answers 404 for. */
export const MISSING_HEADER = 'x-nianbao-missing';

export interface PageLookup {
  /** the page's subject is not held: answer 404 */
  missing: boolean;
  /** the handed-over subject's token (app/_lib/handoff.ts), when the page has one to load */
  token?: string;
}

/**
 * Looks up the subject of a report, agency, comparison or agency-by-name page, as the page
 * itself would (a redirect is not missing). Other routes: nothing to look up. Engine errors
 * give `{ missing: false }`: the page itself then reports them.
 *
 * `prefetch` (a router prefetch: it renders no page body, as these pages have no loading
 * boundary) asks only whether the subject exists and hands nothing over, so the links of a
 * search page do not read twenty whole reports.
 */
export async function lookupPage(route: PageRoute, search: URLSearchParams, { prefetch = false } = {}): Promise<PageLookup> {
  try {
    if (prefetch && route.page === 'report') return { missing: !(await reportExists({ id: route.id })) };
    if (prefetch && route.page === 'agency') return { missing: (await findAgency({ slug: route.slug })).kind === 'missing' };
    switch (route.page) {
      case 'report': {
        const r = await getReportById({ id: route.id });
        return { missing: r === null, token: handOver(route, r) };
      }
      case 'agency': {
        const r = await loadAgency({ slug: route.slug });
        return { missing: r.kind === 'missing', token: handOver(route, r) };
      }
      case 'agency-compare': {
        const r = await loadYearPair({ slug: route.slug, years: route.years });
        return { missing: r.kind === 'missing', token: handOver(route, r) };
      }
      case 'agencies': {
        // /agencies?name=<exact name> (lib/urls agencyByNameUrl); one name only, as the page reads it.
        const name = cleanText(lastParam(search, 'name') ?? '').trim();
        return { missing: name !== '' && !(await getAgencyDirectory()).index.slugOf.has(name) };
      }
      default:
        return { missing: false };
    }
  } catch {
    return { missing: false };
  }
}

/**
 * For a page that found its subject missing: true when the proxy already answered this request
 * with 404, so the page renders its help inline. False (proxy skipped or disagreed) means the
 * page should call notFound() instead: a missing page must never be served as 200.
 */
export async function answeredMissing(): Promise<boolean> {
  return (await headers()).get(MISSING_HEADER) === '1';
}
