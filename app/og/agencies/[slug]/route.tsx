/** Share card of an agency page: its years and new requests per year. */
import { buildTimeline } from '@/lib/compare/timeline';
import { formatCell } from '@/lib/compare/numbers';
import { yearSpan } from '@/lib/year-text';
import { loadAgency } from '@/lib/queries';
import { regionText } from '@/lib/labels';
import { cardResponse, notFoundImage } from '../../_lib/card';

export const dynamic = 'force-dynamic';

export async function GET(_req: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  const { slug } = await params;
  const r = await loadAgency({ slug: decodeURIComponent(slug) });
  if (r.kind !== 'ok') return notFoundImage('该机关');
  const t = buildTimeline(r.value.agency.agency, r.value.records);
  const last = t.years.at(-1);
  const pct = (v: number | null) => (v === null ? '—' : `${v}%`);
  return cardResponse({
    kicker: `年报 Nianbao · 机关年度报告 ${yearSpan(t.years.map((y) => y.year))}`,
    title: r.value.agency.agency,
    subtitle: regionText(r.value.agency.region) || undefined,
    stats: last
      ? [
          { label: `${last.year}年 新收申请`, value: formatCell(last.figures['requests.new_received.total'] ?? null), note: '件' },
          { label: `${last.year}年 予以公开及部分公开`, value: pct(last.rates['rate.granted_share']), note: '占办理总计' },
        ]
      : [],
    barsTitle: '新收政府信息公开申请（件）',
    bars: t.years.map((y) => ({ label: String(y.year), value: y.figures['requests.new_received.total'] ?? null })),
  });
}
