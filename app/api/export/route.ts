/**
 * Bulk export of every figure of a search result: the search page's parameters
 * (lib/search-params.ts) plus format=csv|json; one row per report, canonical keys flattened
 * (`requests.new_received.total`). Capped at EXPORT_LIMIT reports; the response says so.
 * The body is streamed (lib/export/stream.ts) and exports take turns (lib/export/gate.ts): a
 * broad export neither holds its whole result in memory nor keeps searches waiting.
 */
import { EXPORT_LIMIT, exportColumns, exportRow, exportRowValues } from '@/lib/compare/export';
import { AppError, errorResponse } from '@/lib/errors';
import { parseSearchParams, type SearchState } from '@/lib/search-params';
import { csvHeaderRows, type HeaderMode } from '@/lib/dictionary';
import { getSearchIds, streamRecords } from '@/lib/queries';
import { cutCodePoints } from '@/lib/text';
import { BUSY_MESSAGE, RETRY_AFTER_SECONDS, exportGate } from '@/lib/export/gate';
import { csvPieces, jsonPieces, textStream } from '@/lib/export/stream';
import { contentDisposition } from '@/lib/compare/csv';
import { formatOf, headerModeOf, type Format } from '@/app/agencies/_lib/respond';

export const dynamic = 'force-dynamic';

/** a streamed piece: at most 20 rows or 4 ms of work, so a search waits milliseconds behind one */
const PIECE = { per: 20, budgetMs: 4 };

/** Everything an export request asks for, parsed from its URL (add new options here). */
interface ExportRequest {
  format: Format;
  /** CSV header rows: Chinese labels over the keys, or keys only */
  headers: HeaderMode;
  state: SearchState;
}

function parseExportRequest(req: Request): ExportRequest | Response {
  const format = formatOf(req);
  if (format instanceof Response) return format;
  const headers = headerModeOf(req);
  if (headers instanceof Response) return headers;
  const parsed = parseSearchParams(new URL(req.url).searchParams);
  if (!parsed.ok) return errorResponse(new AppError('bad_request:search', parsed.error));
  return { format, headers, state: parsed.state };
}

async function* prepend<T>(first: T[], rest: AsyncIterable<T>): AsyncGenerator<T> {
  yield* first;
  yield* rest;
}

async function* mapRows<T, U>(items: AsyncIterable<T>, f: (x: T) => U): AsyncGenerator<U> {
  for await (const x of items) yield f(x);
}

export async function GET(req: Request): Promise<Response> {
  const ex = parseExportRequest(req);
  if (ex instanceof Response) return ex;
  const release = await exportGate().acquire();
  if (!release) {
    return Response.json(
      { ok: false, error: BUSY_MESSAGE, code: 'unavailable:api', status: 429 },
      { status: 429, headers: { 'retry-after': String(RETRY_AFTER_SECONDS), 'cache-control': 'no-store' } },
    );
  }
  try {
    const { total, ids, truncated } = await getSearchIds({ state: ex.state, limit: EXPORT_LIMIT });
    // include_versions=1: older versions too, with their `version_of` column
    const versions = { includeVersions: ex.state.includeVersions };
    const columns = exportColumns(versions);
    const rows = mapRows(streamRecords({ ids }), (r) => exportRow(r, versions));
    const headers: Record<string, string> = { 'cache-control': 'no-store', 'x-total-count': String(total) };
    if (truncated) headers['x-export-truncated'] = String(EXPORT_LIMIT);
    if (ex.format === 'csv') {
      const name = `nianbao-export${ex.state.q ? `-${cutCodePoints(ex.state.q, 20)}` : ''}.csv`;
      const [header, ...keyRow] = csvHeaderRows(columns, ex.headers);
      const values = mapRows(rows, (r) => exportRowValues(r, columns));
      const body = csvPieces(header!, prepend(keyRow, values), PIECE);
      return new Response(textStream(body, release), {
        headers: { ...headers, 'content-type': 'text/csv; charset=utf-8', 'content-disposition': contentDisposition(name) },
      });
    }
    let exported = 0;
    const counted = mapRows(rows, (r) => (exported++, r));
    const body = jsonPieces({ ok: true, total, truncated, columns }, 'rows', counted, () => ({ exported }), PIECE);
    return new Response(textStream(body, release), { headers: { ...headers, 'content-type': 'application/json' } });
  } catch (e) {
    release();
    return errorResponse(e, 'search');
  }
}
