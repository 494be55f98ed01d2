/**
 * Runs before routing, and answers itself when routing would give the wrong answer:
 * - a path segment that is not valid percent-encoding (`/reports/%ZZ`, a lone surrogate as
 *   `%ED%A0%80`): 400 (Next's own parameter decoding throws and sends a bare 500);
 * - an index that cannot be read (none built yet, file deleted, emptied or corrupt): 503 with
 *   the reason in Chinese on every page and API, so nothing is shown as "no results" or
 *   "report does not exist" and no page fails blank. /status and /api/status answer for themselves (ok:false).
 * Query strings need no check: URLSearchParams decodes leniently and the handlers validate.
 * Last job: the path is read once, by lib/urls matchPage; agency, comparison and report pages
 * have their subject looked up here, and those not held get their 404 status, so the page can
 * server-render its help (app/_lib/missing-page.ts says why). What was found is handed to the
 * page (app/_lib/handoff.ts), which does not look it up again.
 * Every answer made here carries the security headers (lib/security-headers.mjs).
 */
import { NextResponse, type NextRequest } from 'next/server';
import { securityHeaders } from './lib/security-headers.mjs';
import { matchPage, type PageRoute } from './lib/urls';
import type { Surface } from './lib/errors';

/** True when every segment of the raw path decodes (what Next does to dynamic params). */
export function isDecodablePath(rawPath: string): boolean {
  if (!rawPath.includes('%')) return true;
  try {
    for (const seg of rawPath.split('/')) decodeURIComponent(seg);
    return true;
  } catch {
    return false;
  }
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * An answer the proxy gives itself: the API's JSON error shape under /api/, else a small HTML
 * page (people read it; a monitor reads the status).
 */
export function selfAnswer(pathname: string, status: number, title: string, error: string, code: string, extra: Record<string, string> = {}): NextResponse {
  const headers = { ...securityHeaders(), 'cache-control': 'no-store', ...extra };
  if (pathname.startsWith('/api/')) return NextResponse.json({ ok: false, error, code, status }, { status, headers });
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)} · 年报检索</title></head><body style="font-family:sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem"><h1>${escapeHtml(title)}</h1><p data-testid="service-error">${escapeHtml(error)}</p><p><a href="/">返回首页</a></p></body></html>\n`;
  return new NextResponse(html, { status, headers: { ...headers, 'content-type': 'text/html; charset=utf-8' } });
}

/** The error code names the surface, as the route handlers' own errors do. */
function surfaceOf(route: PageRoute | null): Surface {
  if (route?.page === 'api-search' || route?.page === 'api-search-facet' || route?.page === 'api-export') return 'search';
  return route?.page === 'api-report' ? 'report' : 'api';
}

export async function proxy(request: NextRequest): Promise<NextResponse | undefined> {
  // nextUrl.pathname is still percent-encoded here (Next decodes params after routing).
  const url = new URL(request.url);
  const raw = url.pathname;
  if (!isDecodablePath(raw)) {
    const error = '网址编码有误（无效的百分号编码），请检查链接。';
    if (raw.startsWith('/api/')) return selfAnswer(raw, 400, '网址有误', error, 'bad_request:api');
    // People get a line of text.
    return new NextResponse(`400 ${error}\n`, { status: 400, headers: { ...securityHeaders(), 'cache-control': 'no-store', 'content-type': 'text/plain; charset=utf-8' } });
  }
  // Other methods were answered 405 by the server guard (lib/http/server-guard.ts).
  if (request.method !== 'GET' && request.method !== 'HEAD') return undefined;
  // Imported here so this module (isDecodablePath) stays importable outside a server build.
  const { indexProblem } = await import('./lib/queries');
  const route = matchPage(raw);
  // the status page and its JSON say themselves what is wrong (ok:false, the reason)
  if (route?.page !== 'status' && route?.page !== 'api-status') {
    const problem = await indexProblem(surfaceOf(route));
    if (problem) return selfAnswer(raw, 503, '服务暂时不可用', problem.message, problem.code, { 'retry-after': '30' });
  }
  if (!route) return undefined;
  const { MISSING_HEADER, lookupPage } = await import('./app/_lib/missing-page');
  const { HANDOFF_HEADER } = await import('./app/_lib/handoff');
  const found = await lookupPage(route, url.searchParams, { prefetch: request.headers.has('next-router-prefetch') });
  // Set here only: a visitor's own copies of these headers are dropped.
  const spoofed = request.headers.has(MISSING_HEADER) || request.headers.has(HANDOFF_HEADER);
  if (!found.missing && !found.token && !spoofed) return undefined;
  const headers = new Headers(request.headers);
  headers.delete(MISSING_HEADER);
  headers.delete(HANDOFF_HEADER);
  if (found.token) headers.set(HANDOFF_HEADER, found.token);
  if (found.missing) {
    headers.set(MISSING_HEADER, '1');
    return NextResponse.next({ status: 404, request: { headers } });
  }
  return NextResponse.next({ request: { headers } });
}

export const config = {
  // Static assets are built by us and never carry user input in their path.
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
