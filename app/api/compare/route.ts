/** JSON/CSV twin of /compare?agencies=a,b&year=Y[&sort=-key]: one column per agency. */
import { parsePeerSort, peerCsv, PEER_ROW_KEYS, peerValue, sortPeers } from '@/lib/compare/peers';
import { AppError, errorResponse } from '@/lib/errors';
import { agencyUrl, peerCompareUrl, reportUrl } from '@/lib/urls';
import { loadPeers, parsePeerParams } from '@/lib/queries';
import { dictionaryCsvResponse, formatOf, headerModeOf, jsonResponse } from '@/app/agencies/_lib/respond';

export const dynamic = 'force-dynamic';

export async function GET(req: Request): Promise<Response> {
  const format = formatOf(req);
  if (format instanceof Response) return format;
  const headers = headerModeOf(req);
  if (headers instanceof Response) return headers;
  const sp = new URL(req.url).searchParams;
  const p = parsePeerParams(sp);
  if (!p.slugs.length) return errorResponse(new AppError('bad_request:api', '请用 agencies=机关地址1,机关地址2 指定要比较的机关'));
  try {
    const r = await loadPeers(p);
    if (r.kind === 'redirect') {
      const url = new URL(`/api${r.to}`, req.url);
      if (format === 'csv') url.searchParams.set('format', 'csv');
      return Response.redirect(url, 308);
    }
    const d = r.value;
    const sort = parsePeerSort(p.sort);
    const cols = sortPeers(d.columns, sort);
    if (format === 'csv') {
      const { columns, names, rows } = peerCsv(cols);
      return dictionaryCsvResponse(`nianbao-compare-${d.year ?? 'na'}.csv`, columns, rows, headers, names);
    }
    return jsonResponse({
      ok: true,
      year: d.year,
      sort,
      url: d.year === null ? null : peerCompareUrl(d.slugs, d.year, p.sort ? { sort: p.sort } : {}),
      commonYears: d.commonYears,
      agencies: cols.map((c) => ({
        slug: c.slug,
        agency: c.agency,
        id: c.id,
        year: c.year,
        url: agencyUrl(c.slug),
        report: reportUrl(c.id),
        figures: Object.fromEntries(PEER_ROW_KEYS.map((k) => [k, peerValue(c, k)])),
      })),
      withoutYear: d.withoutYear,
      unknown: d.unknown,
    });
  } catch (e) {
    return errorResponse(e, 'api');
  }
}
