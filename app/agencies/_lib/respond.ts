/** Response helpers for the JSON/CSV twins of agency and comparison pages. */
import { contentDisposition, toCsv, type CsvValue } from '@/lib/compare/csv';
import { AppError, errorResponse } from '@/lib/errors';
import { csvHeaderRows, parseHeaderMode, type HeaderMode } from '@/lib/dictionary';
import { formatChoices, HEADERS_MESSAGE } from '@/lib/param-messages';
import { lastParam } from '@/lib/search-params';
import type { Loaded } from '@/lib/queries';

export type Format = 'json' | 'csv';

export function formatOf(req: Request): Format | Response {
  const f = lastParam(new URL(req.url).searchParams, 'format') ?? 'json';
  if (f === 'json' || f === 'csv') return f;
  return errorResponse(new AppError('bad_request:api', formatChoices()));
}

export function csvResponse(filename: string, header: string[], rows: CsvValue[][]): Response {
  return new Response(toCsv(header, rows), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': contentDisposition(filename),
      'cache-control': 'no-store',
    },
  });
}

/** `?headers=keys` or the default (Chinese labels over keys); a 400 for anything else. */
export function headerModeOf(req: Request): HeaderMode | Response {
  const mode = parseHeaderMode(lastParam(new URL(req.url).searchParams, 'headers') ?? null);
  return mode ?? errorResponse(new AppError('bad_request:api', HEADERS_MESSAGE));
}

/** A CSV whose columns are data-dictionary keys: Chinese header row, then the keys (lib/dictionary). */
export function dictionaryCsvResponse(filename: string, columns: readonly string[], rows: CsvValue[][], mode: HeaderMode, extra?: Record<string, string>): Response {
  const [header, ...more] = csvHeaderRows(columns, mode, extra);
  return csvResponse(filename, header!, [...more, ...rows]);
}

export function jsonResponse(body: unknown): Response {
  return Response.json(body, { headers: { 'cache-control': 'no-store' } });
}

/** A redirect or a 404 for a twin, mirroring its page (404 body lists what exists). */
export function notOk(r: Exclude<Loaded<unknown>, { kind: 'ok' }>, req: Request, toApi: (pagePath: string) => string): Response {
  if (r.kind === 'redirect') {
    const url = new URL(toApi(r.to), req.url);
    const format = lastParam(new URL(req.url).searchParams, 'format');
    if (format) url.searchParams.set('format', format);
    return Response.redirect(url, 308);
  }
  return Response.json(
    { ok: false, error: `${r.title}。${r.message}`, status: 404, links: r.links },
    { status: 404, headers: { 'cache-control': 'no-store' } },
  );
}

/** Page path → its API twin path (/agencies/x → /api/agencies/x). */
export function apiPath(pagePath: string): string {
  return `/api${pagePath.split('?')[0]}`;
}
