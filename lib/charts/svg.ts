/**
 * Charts as SVG strings rendered on the server by Apache ECharts (SSR mode), so they show without
 * JavaScript and in link previews. ECharts builds the SVG from numbers and labels only and
 * escapes text itself; we still strip control characters from labels as a second guard.
 */
import * as echarts from 'echarts';

export interface ChartSeries {
  name: string;
  data: (number | null)[];
  /** series with the same stack id are stacked */
  stack?: string;
}

export interface ChartSpec {
  title: string;
  categories: string[];
  series: ChartSeries[];
  type: 'bar' | 'line';
  /** '%' adds a percent axis from 0 to 100 */
  unit?: '%' | '';
  width?: number;
  height?: number;
}

// Single quotes only: ECharts copies this into a double-quoted style attribute unescaped.
const FONT = "'WenQuanYi Micro Hei', 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";

function clean(label: string): string {
  return label.replace(/[\u0000-\u001f\u007f]/g, ' ');
}

export function renderChart(spec: ChartSpec): string {
  const width = spec.width ?? 640;
  const height = spec.height ?? 300;
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: FONT },
      title: { text: clean(spec.title), left: 'center', textStyle: { fontSize: 14 } },
      legend: { bottom: 0, type: 'plain', textStyle: { fontSize: 11 } },
      grid: { left: 48, right: 16, top: 40, bottom: spec.series.length > 3 ? 64 : 44 },
      xAxis: { type: 'category', data: spec.categories.map(clean) },
      yAxis: spec.unit === '%' ? { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } } : { type: 'value', minInterval: 1 },
      series: spec.series.map((s) => ({
        name: clean(s.name),
        type: spec.type,
        stack: s.stack,
        // null is a gap (unknown), never drawn as 0.
        data: s.data,
        connectNulls: false,
        barMaxWidth: 48,
        label: spec.type === 'line' ? { show: true, fontSize: 10 } : undefined,
      })),
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
