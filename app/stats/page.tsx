import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { Twins } from '@/app/agencies/_components/Twins';
import { ActiveFilters } from '@/components/ActiveFilters';
import { AppError } from '@/lib/errors';
import { parseSearchParams } from '@/lib/search-params';
import { STAT_DIMENSIONS, type DimensionKey } from '@/lib/stats/aggregate';
import { getSearchStats, STATS_MAX_REPORTS, type SearchStats } from '@/lib/queries';
import { searchUrl, statsJsonUrl } from '@/lib/urls';
import { GroupByNav } from './_components/GroupByNav';
import { StatsCharts } from './_components/StatsCharts';
import { StatsTable } from './_components/StatsTable';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '统计' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Aggregates of the key figures over the reports a search matches, by year or region. */
export default async function StatsPage({ searchParams }: Props) {
  const sp = await searchParams;
  const parsed = parseSearchParams(sp);
  if (!parsed.ok) return <Notice title="检索参数有误">{parsed.error}</Notice>;
  const state = parsed.state;
  const by = (STAT_DIMENSIONS.find((d) => d.key === sp.by)?.key ?? 'year') as DimensionKey;
  let s: SearchStats;
  try {
    s = await getSearchStats({ state });
  } catch (e) {
    return <Notice title="暂时无法统计">{e instanceof AppError ? e.message : '检索服务暂时不可用，请稍后再试。'}</Notice>;
  }
  const rows = s.stats.by[by];
  const dimLabel = STAT_DIMENSIONS.find((d) => d.key === by)!.label;
  return (
    <article className="space-y-5" data-testid="stats-page">
      <header className="space-y-2">
        <h1 className="text-2xl font-bold">统计{state.q && `：“${state.q}”`}</h1>
        <p className="text-sm">
          <a href={searchUrl(state)} className="text-brand-700">
            ← 返回检索结果
          </a>
        </p>
        <ActiveFilters state={state} />
        <StatsSummary s={s} />
        <Twins json={statsJsonUrl(state)} csv={statsJsonUrl(state, 'csv')} />
        <GroupByNav state={state} by={by} />
      </header>
      {s.used > 0 && <StatsCharts rows={rows} by={by} dimLabel={dimLabel} />}
      <StatsTable all={s.stats.all} rows={rows} by={by} dimLabel={dimLabel} />
    </article>
  );
}

/** How many reports matched and were counted, and how sums, medians and rates are taken. */
function StatsSummary({ s }: { s: SearchStats }) {
  return (
    <p className="text-sm text-stone-700" data-testid="stats-summary">
      共 <strong data-testid="stats-total">{s.total.toLocaleString('zh-CN')}</strong> 份报告
      {s.truncated && `，统计了其中前 ${s.used.toLocaleString('zh-CN')} 份（每次最多 ${STATS_MAX_REPORTS.toLocaleString('zh-CN')} 份，请缩小范围）`}。
      合计与中位数只计填报了该项的报告；占比为合计之比（不予公开 1–8 项之和 ÷ 办理总计；复议纠正 ÷ 已审结）。
    </p>
  );
}

function Notice({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900" role="status" data-testid="stats-error">
      <p className="font-semibold">{title}</p>
      <p className="mt-1">{children}</p>
    </div>
  );
}
