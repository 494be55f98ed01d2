/** Share card of a report: its summary figures (lib/report-summary). */
import { formatCell } from '@/lib/compare/numbers';
import { getReportById } from '@/lib/queries';
import { reportSummary } from '@/lib/report-summary';
import { cardResponse, notFoundImage } from '../../_lib/card';

export const dynamic = 'force-dynamic';

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  const r = await getReportById({ id: decodeURIComponent(id) });
  if (!r) return notFoundImage('该报告');
  const s = reportSummary(r.figures).filter((x) => x.key !== 'processed');
  return cardResponse({
    kicker: '年报 Nianbao · 政府信息公开工作年度报告',
    title: r.agency,
    subtitle: r.year !== null ? `${r.year}年度` : undefined,
    stats: s.map((x) => ({ label: x.label, value: formatCell(x.value), note: '件' })),
  });
}
