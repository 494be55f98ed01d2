/** The site's share card: what it is and how many reports it holds. */
import { getSiteStatus } from '@/lib/queries';
import { cardResponse } from '../_lib/card';

export const dynamic = 'force-dynamic';

export async function GET(): Promise<Response> {
  const s = await getSiteStatus();
  return cardResponse({
    kicker: '年报 Nianbao',
    title: '政府信息公开工作年度报告检索与比较',
    subtitle: '全文检索 · 分面筛选 · 统计表与数据校验 · 年度与机关比较',
    stats: s.ok && s.reports !== null ? [{ label: '已收录报告', value: s.reports.toLocaleString('zh-CN'), note: '份' }] : [],
  });
}
