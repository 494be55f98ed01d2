/** Share card of a year-over-year comparison: its headline numbers. */
import { formatCell } from '@/lib/compare/numbers';
import { compareYears, HEADLINE_KEY } from '@/lib/compare/yoy';
import { earlierYearPhrase } from '@/lib/year-text';
import { loadYearPair } from '@/lib/queries';
import { cardResponse, notFoundImage } from '../../../../_lib/card';

export const dynamic = 'force-dynamic';

export async function GET(_req: Request, { params }: { params: Promise<{ slug: string; years: string }> }): Promise<Response> {
  const { slug, years } = await params;
  const r = await loadYearPair({ slug: decodeURIComponent(slug), years });
  if (r.kind !== 'ok') return notFoundImage('可比较的年度');
  const c = compareYears(r.value.earlier, r.value.later);
  const yA = c.earlier.year!;
  const yB = c.later.year!;
  const head = c.figures.find((f) => f.key === HEADLINE_KEY)!;
  const rate = c.rates.find((x) => x.key === 'rate.granted_share')!;
  const pct = (v: number | null) => (v === null ? '—' : `${v}%`);
  return cardResponse({
    kicker: '年报 Nianbao · 年度比较',
    title: c.agency,
    subtitle: `${yA}年 → ${yB}年`,
    stats: [
      {
        label: '新收政府信息公开申请',
        value: `${formatCell(head.earlier)} → ${formatCell(head.later)}`,
        note: head.pct === null ? '件' : `件（${head.pct > 0 ? '+' : ''}${head.pct}%）`,
      },
      { label: '予以公开及部分公开占比', value: `${pct(rate.earlier)} → ${pct(rate.later)}` },
      ...(c.repeated.share !== null
        ? [{ label: `问题部分与${earlierYearPhrase(yA, yB)}逐字重复`, value: `${c.repeated.share}%` }]
        : []),
    ],
  });
}
