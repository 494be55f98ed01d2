import type { ChartSpec } from '@/lib/charts/svg';
import { ScrollRegion } from '@/components/ScrollRegion';

function cell(v: number | null, unit: string | undefined): string {
  if (v === null) return '—';
  return unit === '%' ? `${v}%` : v.toLocaleString('zh-CN');
}

/**
 * A server-rendered ECharts SVG with its text alternative: a visible caption and the chart's
 * numbers as a table (one row per series, one column per year). The SVG comes from lib/charts
 * (numbers and escaped labels only), so embedding it as markup is safe.
 */
export function Chart({ id, spec, svg }: { id: string; spec: ChartSpec; svg: string }) {
  const tableId = `chart-data-${id}`;
  return (
    <figure className="rounded-lg border border-stone-200 bg-white p-2" data-testid="chart" data-chart={id}>
      <div role="img" aria-label={`${spec.title}（图表，数据见下方表格）`} className="[&>svg]:h-auto [&>svg]:w-full" dangerouslySetInnerHTML={{ __html: svg }} />
      <figcaption className="px-1 text-sm text-stone-700">{spec.title}</figcaption>
      <details className="px-1 text-sm">
        <summary className="cursor-pointer text-brand-700">查看图表数据</summary>
        <ScrollRegion label={`${spec.title}：数据表`} className="mt-1">
          <table className="figures-table" id={tableId} data-testid="chart-data">
            <caption className="sr-only">{spec.title}：数据表</caption>
            <thead>
              <tr>
                <th scope="col">项目</th>
                {spec.categories.map((c) => (
                  <th key={c} scope="col">{c}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {spec.series.map((s) => (
                <tr key={s.name}>
                  <th scope="row" className="text-left font-normal">{s.name}</th>
                  {s.data.map((v, i) => (
                    <td key={i} className="num">{cell(v, spec.unit)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </details>
    </figure>
  );
}
