/** JSON/CSV twin of /agencies: every agency held, its slug, region, level and years. */
import { getAgencyDirectory } from '@/lib/agency/queries';
import { errorResponse } from '@/lib/errors';
import { agencyUrl } from '@/lib/urls';
import { csvResponse, formatOf, jsonResponse } from '@/app/agencies/_lib/respond';

export const dynamic = 'force-dynamic';

export async function GET(req: Request): Promise<Response> {
  const format = formatOf(req);
  if (format instanceof Response) return format;
  try {
    const dir = await getAgencyDirectory();
    const rows = dir.agencies.map((a) => ({ slug: dir.index.slugOf.get(a.agency)!, ...a, url: agencyUrl(dir.index.slugOf.get(a.agency)!) }));
    if (format === 'csv') {
      return csvResponse('nianbao-agencies.csv', ['slug', 'agency', 'province', 'city', 'county', 'level', 'years'], rows.map((r) => [r.slug, r.agency, r.region.province, r.region.city, r.region.county, r.level, r.years.join(';')]));
    }
    return jsonResponse({ ok: true, total: rows.length, agencies: rows });
  } catch (e) {
    return errorResponse(e, 'api');
  }
}
