/**
 * JSON/CSV twin of /stats: aggregates of the key figures over the reports a search matches,
 * overall and by year, province, city and level. Same search parameters as the search page.
 */
import { AppError, errorResponse } from '@/lib/errors';
import { parseSearchParams } from '@/lib/search-params';
import { getSearchStats } from '@/lib/queries';
import { STAT_MEASURES, STAT_RATES } from '@/lib/stats/aggregate';
import { STATS_HEADER, statsRows } from '@/lib/stats/table';
import { csvResponse, formatOf, jsonResponse } from '@/app/agencies/_lib/respond';

export const dynamic = 'force-dynamic';

export async function GET(req: Request): Promise<Response> {
  const format = formatOf(req);
  if (format instanceof Response) return format;
  const parsed = parseSearchParams(new URL(req.url).searchParams);
  if (!parsed.ok) return errorResponse(new AppError('bad_request:search', parsed.error));
  try {
    const s = await getSearchStats({ state: parsed.state });
    if (format === 'csv') return csvResponse('nianbao-stats.csv', STATS_HEADER, statsRows(s.stats));
    return jsonResponse({
      ok: true,
      total: s.total,
      aggregated: s.used,
      truncated: s.truncated,
      measures: Object.fromEntries(STAT_MEASURES.map((m) => [m.key, m.label])),
      rates: Object.fromEntries(STAT_RATES.map((r) => [r.key, r.label])),
      all: s.stats.all,
      by: s.stats.by,
    });
  } catch (e) {
    return errorResponse(e, 'search');
  }
}
