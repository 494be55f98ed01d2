/**
 * Aggregates of the key figures over a set of reports, by year and by province / city / level:
 * per group the number of reports, and per measure its total, median and how many reports state
 * it; plus rates as ratios of totals over the reports that state both parts. A report that does
 * not state a figure is left out of that figure (never counted as 0: 0 is a reported value).
 */
import type { Cell, Level, ReportRecord } from '../types';
import { flattenFigures } from '../compare/figures';
import { keyFigures } from '../key-figures';
import { round1, sumCells } from '../compare/numbers';

export const STAT_MEASURES = [
  { key: 'received', label: '新收申请' },
  { key: 'processed', label: '办理总计' },
  { key: 'granted', label: '予以公开' },
  { key: 'refused', label: '不予公开（8 项之和）' },
  { key: 'review', label: '行政复议' },
  { key: 'review_corrected', label: '行政复议纠错' },
  { key: 'litigation_corrected', label: '行政诉讼纠错' },
] as const;
export type MeasureKey = (typeof STAT_MEASURES)[number]['key'];

export const STAT_RATES = [
  { key: 'granted_share', label: '予以公开占比', num: 'granted', den: 'processed' },
  { key: 'refused_share', label: '不予公开占比', num: 'refused', den: 'processed' },
  { key: 'review_correction', label: '行政复议纠错率', num: 'review_corrected', den: 'review_concluded' },
] as const;
export type RateKey = (typeof STAT_RATES)[number]['key'];

export const STAT_DIMENSIONS = [
  { key: 'year', label: '年度' },
  { key: 'province', label: '省份' },
  { key: 'city', label: '城市' },
  { key: 'level', label: '层级' },
] as const;
export type DimensionKey = (typeof STAT_DIMENSIONS)[number]['key'];

type Values = Record<MeasureKey | 'review_concluded', Cell>;


/** One report's measures (null when the report does not state them, or states only part). */
export function reportMeasures(r: ReportRecord): Values {
  const f = flattenFigures(r.figures);
  const a = (k: string): Cell => f[`appeals.${k}`] ?? null;
  // The key figures are made in lib/key-figures.ts (search filters and hits show the same numbers).
  const { corrected: _, ...k } = keyFigures(r.figures);
  return {
    ...k,
    review_concluded: sumCells(['upheld', 'corrected', 'other'].map((c) => a(`review.${c}`))),
  };
}

export interface MeasureStat {
  /** reports that state this figure */
  n: number;
  sum: number | null;
  median: number | null;
}

export interface StatRow {
  /** the group's value: a year, a province …; null for reports where it is unknown */
  group: string | null;
  reports: number;
  measures: Record<MeasureKey, MeasureStat>;
  /** percentage with one decimal; null when no report states both parts or the base is 0 */
  rates: Record<RateKey, number | null>;
}

export interface Stats {
  all: StatRow;
  by: Record<DimensionKey, StatRow[]>;
}

export function median(xs: number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : round1((s[m - 1]! + s[m]!) / 2);
}

function row(group: string | null, vals: Values[]): StatRow {
  const measures = {} as Record<MeasureKey, MeasureStat>;
  for (const { key } of STAT_MEASURES) {
    const xs = vals.map((v) => v[key]).filter((x): x is number => x !== null);
    measures[key] = { n: xs.length, sum: xs.length ? xs.reduce((a, b) => a + b, 0) : null, median: median(xs) };
  }
  const rates = {} as Record<RateKey, number | null>;
  for (const r of STAT_RATES) {
    let num = 0;
    let den = 0;
    for (const v of vals) {
      const a = v[r.num];
      const b = v[r.den];
      if (a === null || b === null) continue;
      num += a;
      den += b;
    }
    rates[r.key] = den > 0 ? round1((num / den) * 100) : null;
  }
  return { group, reports: vals.length, measures, rates };
}

function groupOf(r: ReportRecord, d: DimensionKey): string | null {
  if (d === 'year') return r.year === null ? null : String(r.year);
  if (d === 'level') return (r.level as Level | null) ?? null;
  return r.region[d] ?? null;
}

/** Group order: years ascending; other groups by number of reports, then name; unknown last. */
function order(d: DimensionKey) {
  return (a: StatRow, b: StatRow) => {
    if (a.group === null || b.group === null) return a.group === null ? (b.group === null ? 0 : 1) : -1;
    if (d === 'year') return Number(a.group) - Number(b.group);
    return b.reports - a.reports || (a.group < b.group ? -1 : a.group > b.group ? 1 : 0);
  };
}

export function aggregate(records: readonly ReportRecord[]): Stats {
  const vals = records.map(reportMeasures);
  const by = {} as Record<DimensionKey, StatRow[]>;
  for (const { key: d } of STAT_DIMENSIONS) {
    const groups = new Map<string | null, Values[]>();
    records.forEach((r, i) => {
      const g = groupOf(r, d);
      let list = groups.get(g);
      if (!list) groups.set(g, (list = []));
      list.push(vals[i]!);
    });
    by[d] = [...groups.entries()].map(([g, v]) => row(g, v)).sort(order(d));
  }
  return { all: row(null, vals), by };
}
