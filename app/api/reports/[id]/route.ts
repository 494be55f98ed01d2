/**
 * JSON twin of a report page (the whole ReportRecord), or `?format=csv`: its figures, one row
 * per flattened canonical key with the Chinese label, so a spreadsheet reads without a legend.
 */
import { flattenFigures, formatKeys } from '@/lib/compare/figures';
import { columnLabel, CSV_FILES } from '@/lib/dictionary';
import { dictionaryCsvResponse, formatOf, headerModeOf } from '@/app/agencies/_lib/respond';
import { AppError, errorResponse } from '@/lib/errors';
import { getReportById } from '@/lib/queries';
import { cleanText } from '@/lib/text';

export const dynamic = 'force-dynamic';

export async function GET(req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await ctx.params;
  const format = formatOf(req);
  if (format instanceof Response) return format;
  const headers = headerModeOf(req);
  if (headers instanceof Response) return headers;
  try {
    const report = await getReportById({ id });
    if (!report) return errorResponse(new AppError('not_found:report', `未找到编号为 ${cleanText(id)} 的报告`));
    if (format === 'json') return Response.json({ ok: true, report: { ...report, synthetic: report.synthetic === true } }, { headers: { 'cache-control': 'no-store' } });
    const flat = flattenFigures(report.figures);
    // the figures of the report's own format; a legacy 统计表's 累计 column as its own rows
    const synthetic = report.synthetic ? 'true' : 'false';
    const rows = formatKeys(report.format).map((key) => [report.id, report.agency, report.year, key, columnLabel(key), flat[key] ?? null, synthetic]);
    for (const [key, value] of Object.entries(report.figures.legacy?.cumulative ?? {}))
      rows.push([report.id, report.agency, report.year, `legacy.cumulative.${key}`, `${columnLabel(`legacy.${key}`)}（累计）`, value, synthetic]);
    return dictionaryCsvResponse(`${report.agency}-${report.year ?? 'unknown'}-figures.csv`, CSV_FILES.report.columns, rows, headers);
  } catch (e) {
    return errorResponse(e, 'report');
  }
}
