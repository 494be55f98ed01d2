/**
 * Bulk export of every figure of a search result: the search page's parameters
 * (lib/search-params.ts) plus format=csv|json; one row per report, canonical keys flattened
 * (`requests.new_received.total`). Capped at EXPORT_LIMIT reports; the response says so.
 */
import { EXPORT_LIMIT, exportColumns, exportRow, exportRowValues } from '@/lib/compare/export';
import { AppError, errorResponse } from '@/lib/errors';
import { parseSearchParams } from '@/lib/search-params';
import { getSearchRecords } from '@/lib/agency/queries';
import { dictionaryCsvResponse, formatOf, headerModeOf, jsonResponse } from '@/app/agencies/_lib/respond';

export const dynamic = 'force-dynamic';

export async function GET(req: Request): Promise<Response> {
  const format = formatOf(req);
  if (format instanceof Response) return format;
  const headers = headerModeOf(req);
  if (headers instanceof Response) return headers;
  const parsed = parseSearchParams(new URL(req.url).searchParams);
  if (!parsed.ok) return errorResponse(new AppError('bad_request:search', parsed.error));
  try {
    const { total, records, truncated } = await getSearchRecords({ state: parsed.state, limit: EXPORT_LIMIT });
    // include_versions=1: older versions too, with their `version_of` column
    const versions = { includeVersions: parsed.state.includeVersions };
    const columns = exportColumns(versions);
    const rows = records.map((r) => exportRow(r, versions));
    if (format === 'csv') {
      const res = dictionaryCsvResponse(`nianbao-export${parsed.state.q ? `-${parsed.state.q.slice(0, 20)}` : ''}.csv`, columns, rows.map((r) => exportRowValues(r, columns)), headers);
      res.headers.set('x-total-count', String(total));
      if (truncated) res.headers.set('x-export-truncated', String(EXPORT_LIMIT));
      return res;
    }
    return jsonResponse({ ok: true, total, exported: rows.length, truncated, columns, rows });
  } catch (e) {
    return errorResponse(e, 'search');
  }
}
