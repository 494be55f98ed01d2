import { Chart } from '@/app/agencies/_components/Chart';
import { renderChart, type ChartSpec } from '@/lib/charts/svg';
import type { DimensionKey, StatRow } from '@/lib/stats/aggregate';
import { groupLabel } from '@/lib/stats/table';

/** The two charts of the stats page: sums, then rates, over the first 30 named groups. */
export function StatsCharts({ rows, by, dimLabel }: { rows: StatRow[]; by: DimensionKey; dimLabel: string }) {
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
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Chart id="stats-sums" spec={sumsSpec} svg={renderChart(sumsSpec)} />
      <Chart id="stats-rates" spec={ratesSpec} svg={renderChart(ratesSpec)} />
    </div>
  );
}
