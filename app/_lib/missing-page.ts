/**
 * Which page URLs name something the index does not hold, decided before rendering (proxy.ts).
 *
 * Why not just notFound() in the page: Next 16 answers a notFound() thrown while rendering with
 * an empty `<html id="__next_error__">` shell and draws not-found.tsx only after client JS runs
 * (vercel/next.js#62228), so a permalink to a missing year was blank without JavaScript. Instead
 * the proxy sets the 404 status here and marks the request; the page then renders its help
 * itself, server-side, inside the layout (see answeredMissing).
 */
import { headers } from 'next/headers';
import { findAgency, getAgencyDirectory } from '@/lib/agency/queries';
import { reportExists } from '@/lib/queries';
import { cleanText, lastParam } from '@/lib/search-params';
import { loadYearPair } from '../agencies/_lib/load';

/** Request header the proxy sets on the requests it answers 404 for. */
export const MISSING_HEADER = 'x-nianbao-missing';

/**
 * True when `url` is an agency, comparison, report or agency-by-name page whose subject does
 * not exist. Mirrors the pages' own lookups (redirects are not missing). Engine errors give
 * false: the page itself then reports them.
 */
export async function isMissingPage(url: URL): Promise<boolean> {
  const segs = url.pathname.split('/').filter(Boolean);
  try {
    const [root, a, b, c] = segs.map((s) => decodeURIComponent(s));
    if (root === 'reports' && segs.length === 2) return !(await reportExists({ id: a! }));
    if (root !== 'agencies') return false;
    if (segs.length === 1) {
      // /agencies?name=<exact name> (lib/urls agencyByNameUrl); one name only, as the page reads it.
      const name = cleanText(lastParam(url.searchParams, 'name') ?? '').trim();
      return name !== '' && !(await getAgencyDirectory()).index.slugOf.has(name);
    }
    if (segs.length === 2) return (await findAgency({ slug: a! })).kind === 'missing';
    if (segs.length === 4 && b === 'compare') return (await loadYearPair(a!, c!)).kind === 'missing';
    return false;
  } catch {
    return false;
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
