/** Loading and URL parsing shared by the agency pages and their JSON/CSV twins. */
import 'server-only';
import { cache } from 'react';
import { findAgency, getAgencyRecords } from '@/lib/agency/queries';
import type { AgencySummary } from '@/lib/search/types';
import type { ReportRecord } from '@/lib/types';
import { agencyUrl, compareUrl } from '@/lib/urls';
import { agencyCharts, type AgencyChart } from '@/lib/charts/agency';
import type { Timeline } from '@/lib/compare/timeline';
import { cleanText } from '@/lib/text';

export type Loaded<T> =
  | { kind: 'ok'; value: T }
  | { kind: 'redirect'; to: string }
  | { kind: 'missing'; title: string; message: string; links: { href: string; label: string }[] };

/**
 * An agency's charts are ECharts rendered on the server, most of an agency page's time (tens of
 * ms each page, seconds under load at 64 connections). They depend only on the agency's reports,
 * so they are kept per agency summary: the engine hands out one summary object per agency per
 * index version, so a re-index starts afresh and old entries go with the old version.
 */
const chartCache = new WeakMap<AgencySummary, AgencyChart[]>();

export function chartsOf(agency: AgencySummary, t: Timeline): AgencyChart[] {
  let charts = chartCache.get(agency);
  if (!charts) {
    charts = t.years.length ? agencyCharts(t) : [];
    chartCache.set(agency, charts);
  }
  return charts;
}

export interface AgencyData {
  slug: string;
  agency: AgencySummary;
  records: ReportRecord[];
}


/** Cached per request: generateMetadata and the page share one lookup. */
export const loadAgency = cache(async (slug: string, suffix = ''): Promise<Loaded<AgencyData>> => {
  const found = await findAgency({ slug });
  if (found.kind === 'redirect') return { kind: 'redirect', to: agencyUrl(found.slug) + suffix };
  if (found.kind === 'missing') {
    const shown = cleanText(slug); // echoed in the page and the JSON twin
    return {
      kind: 'missing',
      title: '未找到该机关',
      message: found.similar.length
        ? `没有地址为“${shown}”的机关。以下机关的地址与之相近：`
        : `没有地址为“${shown}”的机关。可以在检索页按机关名称查找。`,
      links: found.similar.map((s) => ({ href: agencyUrl(s.slug), label: s.agency })),
    };
  }
  const records = await getAgencyRecords({ agency: found.agency.agency });
  return { kind: 'ok', value: { slug: found.slug, agency: found.agency, records } };
});

/** "2023-2024" → [2023, 2024]; null when it is not two four-digit years. */
export function parseYearPair(s: string): [number, number] | null {
  const m = /^(\d{4})-(\d{4})$/.exec(s);
  return m ? [Number(m[1]), Number(m[2])] : null;
}

export interface YearPairData extends AgencyData {
  earlier: ReportRecord;
  later: ReportRecord;
}

export const loadYearPair = cache(async (slug: string, years: string, suffix = ''): Promise<Loaded<YearPairData>> => {
  const pair = parseYearPair(years);
  const a = await loadAgency(slug);
  if (a.kind === 'redirect') return pair ? { kind: 'redirect', to: compareUrl(a.to.split('/').pop()!, pair[0], pair[1]) + suffix } : a;
  if (a.kind === 'missing') return a;
  const { value } = a;
  const held = value.records.filter((r) => r.year !== null);
  const heldYears = held.map((r) => r.year!);
  const pairs = consecutivePairs(heldYears).map(([x, y]) => ({ href: compareUrl(value.slug, x, y), label: `${value.agency.agency} ${x}→${y}` }));
  const agencyLink = { href: agencyUrl(value.slug), label: `${value.agency.agency}：全部年度（${heldYears.join('、') || '无'}）` };
  if (!pair || pair[0] === pair[1]) {
    return {
      kind: 'missing',
      title: '比较地址有误',
      message: `年度应写成“较早年度-较晚年度”，例如 ${heldYears.length > 1 ? `${heldYears.at(-2)}-${heldYears.at(-1)}` : '2023-2024'}，且两个年度不同。`,
      links: [agencyLink, ...pairs],
    };
  }
  if (pair[0] > pair[1]) return { kind: 'redirect', to: compareUrl(value.slug, pair[0], pair[1]) + suffix };
  const earlier = held.find((r) => r.year === pair[0]);
  const later = held.find((r) => r.year === pair[1]);
  if (!earlier || !later) {
    const missing = [pair[0], pair[1]].filter((y) => !heldYears.includes(y));
    return {
      kind: 'missing',
      title: `${value.agency.agency}：没有 ${missing.join('、')} 年度的报告`,
      message: heldYears.length
        ? `已收录的年度：${heldYears.join('、')}。${heldYears.length > 1 ? '可以比较：' : '只有一个年度，暂无可比较的年度。'}`
        : '该机关没有带年度的报告。',
      links: [...pairs, agencyLink],
    };
  }
  return { kind: 'ok', value: { ...value, earlier, later } };
});

export function consecutivePairs(years: number[]): [number, number][] {
  const ys = [...new Set(years)].sort((a, b) => a - b);
  return ys.slice(1).map((y, i) => [ys[i]!, y]);
}
