/**
 * Runs before routing. One job: a path segment that is not valid percent-encoding (`/reports/%ZZ`,
 * a lone surrogate as `%ED%A0%80`) makes Next's own parameter decoding throw, which it answers
 * with a bare 500 (and without the security headers). Such a URL is the client's mistake: 400.
 * Query strings need no check: URLSearchParams decodes leniently and the handlers validate.
 * Second job: agency, comparison and report pages of something not held get their 404 status
 * here, so the page can server-render its help (app/_lib/missing-page.ts says why).
 */
import { NextResponse, type NextRequest } from 'next/server';

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

export async function proxy(request: NextRequest): Promise<NextResponse | undefined> {
  // nextUrl.pathname is still percent-encoded here (Next decodes params after routing).
  const url = new URL(request.url);
  const raw = url.pathname;
  if (isDecodablePath(raw)) {
    if (request.method !== 'GET' && request.method !== 'HEAD') return undefined;
    // Imported here so this module (isDecodablePath) stays importable outside a server build.
    const { MISSING_HEADER, isMissingPage } = await import('./app/_lib/missing-page');
    if (await isMissingPage(url)) {
      const headers = new Headers(request.headers);
      headers.set(MISSING_HEADER, '1');
      return NextResponse.next({ status: 404, request: { headers } });
    }
    return undefined;
  }
  const error = '网址编码有误（无效的百分号编码），请检查链接。';
  const headers = { 'cache-control': 'no-store' };
  // API callers get the usual JSON error shape; people get a line of text.
  if (raw.startsWith('/api/')) return NextResponse.json({ ok: false, error, code: 'bad_request:api', status: 400 }, { status: 400, headers });
  return new NextResponse(`400 ${error}\n`, { status: 400, headers: { ...headers, 'content-type': 'text/plain; charset=utf-8' } });
}

export const config = {
  // Static assets are built by us and never carry user input in their path.
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
