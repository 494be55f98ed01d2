/** The report page's title, description, canonical URL and share card. */
import type { Metadata } from 'next';
import { regionText } from '@/lib/labels';
import { formatCell } from '@/lib/compare/numbers';
import { reportSummary } from '@/lib/report-summary';
import type { ReportRecord } from '@/lib/types';
import { ogImageUrl, reportUrl } from '@/lib/urls';
import { pageMeta } from '../../_lib/meta';

export function reportTitle(r: ReportRecord): string {
  return `${r.agency}${r.year !== null ? ` ${r.year}年` : ''}政府信息公开工作年度报告${r.synthetic ? '（示例）' : ''}`;
}

export async function reportMeta(r: ReportRecord): Promise<Metadata> {
  const failed = r.checks.filter((c) => !c.ok).length;
  const figures = reportSummary(r.figures)
    .filter((s) => s.value !== null)
    .map((s) => `${s.label} ${formatCell(s.value)} 件`)
    .join('，');
  const where = regionText(r.region);
  return pageMeta({
    title: reportTitle(r),
    description: `${where ? `${where} ` : ''}${r.agency}${r.year !== null ? `${r.year}年度` : ''}报告${figures ? `：${figures}` : '：统计表、问题主题'}${failed ? `；${failed} 项数据校验未通过` : ''}。`,
    path: reportUrl(r.id),
    image: ogImageUrl.report(r.id),
    type: 'article',
  });
}
