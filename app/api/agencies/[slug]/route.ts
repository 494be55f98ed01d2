/** JSON/CSV twin of /agencies/[slug]: every year held, every canonical figure, rates, themes, failed checks. */
import { buildTimeline, TIMELINE_COLUMNS, timelineRows } from '@/lib/compare/timeline';
import { errorResponse } from '@/lib/errors';
import { agencyUrl, compareUrl, reportUrl } from '@/lib/urls';
import { consecutivePairs, loadAgency } from '@/lib/queries';
import { apiPath, dictionaryCsvResponse, formatOf, headerModeOf, jsonResponse, notOk } from '@/app/agencies/_lib/respond';

export const dynamic = 'force-dynamic';

export async function GET(req: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  const format = formatOf(req);
  if (format instanceof Response) return format;
  const headers = headerModeOf(req);
  if (headers instanceof Response) return headers;
  try {
    const { slug } = await params;
    const r = await loadAgency({ slug });
    if (r.kind !== 'ok') return notOk(r, req, apiPath);
    const { agency, records } = r.value;
    const t = buildTimeline(agency.agency, records);
    if (format === 'csv') return dictionaryCsvResponse(`${r.value.slug}.csv`, TIMELINE_COLUMNS, timelineRows(t), headers);
    return jsonResponse({
      ok: true,
      slug: r.value.slug,
      agency: agency.agency,
      region: agency.region,
      level: agency.level,
      years: t.years.map((y) => y.year),
      url: agencyUrl(r.value.slug),
      comparisons: consecutivePairs(t.years.map((y) => y.year)).map(([a, b]) => compareUrl(r.value.slug, a, b)),
      timeline: t.years.map((y) => ({ ...y, url: reportUrl(y.id) })),
    });
  } catch (e) {
    return errorResponse(e, 'api');
  }
}
