/**
 * JSON twin of a report page (the whole ReportRecord), or `?format=csv`: its figures, one row
 * per flattened canonical key with the Chinese label, so a spreadsheet reads without a legend.
 */
import { contentDisposition, toCsv } from '@/lib/compare/csv';
import { flattenFigures } from '@/lib/compare/figures';
import { figureLabel } from '@/lib/compare/labels';
import { AppError, errorResponse } from '@/lib/errors';
import { getReportById } from '@/lib/queries';
import { cleanText } from '@/lib/text';
import { formatOf } from '@/app/agencies/_lib/respond';

export const dynamic = 'force-dynamic';

export async function GET(req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await ctx.params;
  const format = formatOf(req);
  if (format instanceof Response) return format;
  try {
    const report = await getReportById({ id });
    if (!report) return errorResponse(new AppError('not_found:report', `未找到编号为 ${cleanText(id)} 的报告`));
    if (format === 'json') return Response.json({ ok: true, report }, { headers: { 'cache-control': 'no-store' } });
    const flat = flattenFigures(report.figures);
    const rows = Object.entries(flat).map(([key, value]) => [report.id, report.agency, report.year, key, figureLabel(key), value]);
    return new Response(toCsv(['id', 'agency', 'year', 'key', 'label', 'value'], rows), {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': contentDisposition(`${report.agency}-${report.year ?? 'unknown'}-figures.csv`),
        'cache-control': 'no-store',
      },
    });
  } catch (e) {
    return errorResponse(e, 'report');
  }
}
