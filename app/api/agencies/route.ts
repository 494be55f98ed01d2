/**
 * JSON/CSV twin of /agencies: every agency held, its slug, region, level and years. Streamed
 * (lib/export/stream.ts): at national scale the directory is tens of thousands of rows.
 */
import { getAgencyDirectory } from '@/lib/queries';
import { contentDisposition } from '@/lib/compare/csv';
import { errorResponse } from '@/lib/errors';
import { csvPieces, jsonPieces, textStream } from '@/lib/export/stream';
import { agencyUrl } from '@/lib/urls';
import { formatOf } from '@/app/agencies/_lib/respond';

export const dynamic = 'force-dynamic';

const COLUMNS = ['slug', 'agency', 'province', 'city', 'county', 'level', 'years'];

export async function GET(req: Request): Promise<Response> {
  const format = formatOf(req);
  if (format instanceof Response) return format;
  try {
    const dir = await getAgencyDirectory();
    const rows = dir.agencies.map((a) => ({ slug: dir.index.slugOf.get(a.agency)!, ...a, url: agencyUrl(dir.index.slugOf.get(a.agency)!) }));
    if (format === 'csv') {
      const body = csvPieces(COLUMNS, rows.map((r) => [r.slug, r.agency, r.region.province, r.region.city, r.region.county, r.level, r.years.join(';')]), { per: 500 });
      return new Response(textStream(body), {
        headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': contentDisposition('nianbao-agencies.csv'), 'cache-control': 'no-store' },
      });
    }
    return new Response(textStream(jsonPieces({ ok: true, total: rows.length }, 'agencies', rows, undefined, { per: 500 })), {
      headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
    });
  } catch (e) {
    return errorResponse(e, 'api');
  }
}
