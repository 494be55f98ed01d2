/** The aggregate table as header + rows of plain values: the CSV twin and the page share it. */
import { LEVEL_LABELS } from '../labels';
import type { Level } from '../types';
import { STAT_DIMENSIONS, STAT_MEASURES, STAT_RATES, type DimensionKey, type StatRow, type Stats } from './aggregate';

export const STATS_HEADER: string[] = [
  '维度',
  '分组',
  '报告数',
  ...STAT_MEASURES.flatMap((m) => [`${m.label}合计`, `${m.label}中位数`, `${m.label}（填报的报告数）`]),
  ...STAT_RATES.map((r) => `${r.label}（%）`),
];

export function groupLabel(d: DimensionKey | 'all', g: string | null): string {
  if (d === 'all') return '全部';
  if (g === null) return '未知';
  if (d === 'level') return LEVEL_LABELS[g as Level] ?? g;
  if (d === 'year') return `${g}年`;
  return g;
}

export function statsRow(d: DimensionKey | 'all', r: StatRow): (string | number | null)[] {
  const dim = d === 'all' ? '全部' : STAT_DIMENSIONS.find((x) => x.key === d)!.label;
  return [
    dim,
    groupLabel(d, r.group),
    r.reports,
    ...STAT_MEASURES.flatMap((m) => [r.measures[m.key].sum, r.measures[m.key].median, r.measures[m.key].n]),
    ...STAT_RATES.map((x) => r.rates[x.key]),
  ];
}

/** Every row: the whole set first, then each dimension's groups. */
export function statsRows(s: Stats): (string | number | null)[][] {
  return [statsRow('all', s.all), ...STAT_DIMENSIONS.flatMap(({ key }) => s.by[key].map((r) => statsRow(key, r)))];
}
