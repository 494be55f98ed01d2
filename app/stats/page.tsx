import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { Chart } from '@/app/agencies/_components/Chart';
import { Twins } from '@/app/agencies/_components/Twins';
import { ActiveFilters } from '@/components/ActiveFilters';
import { renderChart, type ChartSpec } from '@/lib/charts/svg';
import { AppError } from '@/lib/errors';
import { parseSearchParams } from '@/lib/search-params';
import { STAT_DIMENSIONS, STAT_MEASURES, STAT_RATES, type DimensionKey, type StatRow } from '@/lib/stats/aggregate';
import { getSearchStats, STATS_MAX_REPORTS, type SearchStats } from '@/lib/queries';
import { groupLabel } from '@/lib/stats/table';
import { searchUrl, statsJsonUrl, statsUrl } from '@/lib/urls';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '统计' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const fmt = (v: number | null, pct = false) => (v === null ? '—' : pct ? `${v}%` : v.toLocaleString('zh-CN'));

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
  const chartRows = rows.filter((r) => r.group !== null).slice(0, 30);
  const categories = chartRows.map((r) => groupLabel(by, r.group));
  const sumsSpec: ChartSpec = {
    title: `新收申请与不予公开（合计，按${dimLabel}）`,
    type: 'bar',
    categories,
    series: [
      { name: '新收申请', data: chartRows.map((r) => r.measures.received.sum) },
      { name: '不予公开', data: chartRows.map((r) => r.measures.refused.sum) },
    ],
  };
  const sums = renderChart(sumsSpec);
  const ratesSpec: ChartSpec = {
    title: `不予公开占比与行政复议纠错率（按${dimLabel}）`,
    type: by === 'year' ? 'line' : 'bar',
    unit: '%',
    categories,
    series: [
      { name: '不予公开占比', data: chartRows.map((r) => r.rates.refused_share) },
      { name: '行政复议纠错率', data: chartRows.map((r) => r.rates.review_correction) },
    ],
  };
  const rates = renderChart(ratesSpec);
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
        <p className="text-sm text-stone-700" data-testid="stats-summary">
          共 <strong data-testid="stats-total">{s.total.toLocaleString('zh-CN')}</strong> 份报告
          {s.truncated && `，统计了其中前 ${s.used.toLocaleString('zh-CN')} 份（每次最多 ${STATS_MAX_REPORTS.toLocaleString('zh-CN')} 份，请缩小范围）`}。
          合计与中位数只计填报了该项的报告；占比为合计之比（不予公开 1–8 项之和 ÷ 办理总计；复议纠正 ÷ 已审结）。
        </p>
        <Twins json={statsJsonUrl(state)} csv={statsJsonUrl(state, 'csv')} />
        <nav className="flex flex-wrap gap-1 text-sm" aria-label="分组方式" data-testid="stats-by">
          <span>分组：</span>
          {STAT_DIMENSIONS.map((d) =>
            d.key === by ? (
              <span key={d.key} className="rounded bg-stone-800 px-2 py-0.5 text-white" aria-current="true">
                {d.label}
              </span>
            ) : (
              <a key={d.key} href={statsUrl(state, d.key)} className="rounded px-2 py-0.5 text-brand-700 hover:bg-stone-100" data-testid={`stats-by-${d.key}`}>
                {d.label}
              </a>
            ),
          )}
        </nav>
      </header>
      {s.used > 0 && (
        <div className="grid gap-4 lg:grid-cols-2">
          <Chart id="stats-sums" spec={sumsSpec} svg={sums} />
          <Chart id="stats-rates" spec={ratesSpec} svg={rates} />
        </div>
      )}
      <div className="overflow-x-auto">
        <table className="figures-table" data-testid="stats-table">
          <caption className="mb-1 text-left text-sm text-stone-600">按{dimLabel}：每项为 合计 / 中位数</caption>
          <thead>
            <tr>
              <th scope="col">{dimLabel}</th>
              <th scope="col">报告数</th>
              {STAT_MEASURES.map((m) => (
                <th key={m.key} scope="col">{m.label}</th>
              ))}
              {STAT_RATES.map((r) => (
                <th key={r.key} scope="col">{r.label}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            <StatsRow label="全部" r={s.stats.all} testId="stats-all" />
            {rows.map((r) => (
              <StatsRow key={r.group ?? ''} label={groupLabel(by, r.group)} r={r} testId="stats-row" />
            ))}
          </tbody>
        </table>
      </div>
    </article>
  );
}

function StatsRow({ label, r, testId }: { label: string; r: StatRow; testId: string }) {
  return (
    <tr data-testid={testId} data-group={r.group ?? ''}>
      <th scope="row" className="text-left">{label}</th>
      <td className="num">{r.reports}</td>
      {STAT_MEASURES.map((m) => (
        <td key={m.key} className="num" data-key={m.key} title={`${r.measures[m.key].n} 份报告填报`}>
          {fmt(r.measures[m.key].sum)} / {fmt(r.measures[m.key].median)}
        </td>
      ))}
      {STAT_RATES.map((x) => (
        <td key={x.key} className="num" data-key={x.key}>
          {fmt(r.rates[x.key], true)}
        </td>
      ))}
    </tr>
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
