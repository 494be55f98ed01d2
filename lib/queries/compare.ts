/** Comparisons: one agency's two years side by side, and several agencies in one year (peers). */
import 'server-only';
import type { ReportRecord } from '../types';
import { resolveSlug, similarAgencies } from '../agency/slug';
import { peerColumn, type PeerColumn } from '../compare/peers';
import { agencyUrl, compareUrl, peerCompareUrl } from '../urls';
import { cleanText, lastParam } from '../search-params';
import { getAgencyDirectory, getAgencyRecords, loadAgency, type AgencyData, type Loaded } from './agency';

/** "2023-2024" → [2023, 2024]; null when it is not two four-digit years. */
export function parseYearPair(s: string): [number, number] | null {
  const m = /^(\d{4})-(\d{4})$/.exec(s);
  return m ? [Number(m[1]), Number(m[2])] : null;
}

export function consecutivePairs(years: number[]): [number, number][] {
  const ys = [...new Set(years)].sort((a, b) => a - b);
  return ys.slice(1).map((y, i) => [ys[i]!, y]);
}

export interface YearPairData extends AgencyData {
  earlier: ReportRecord;
  later: ReportRecord;
}

/**
 * Two years of one agency (`years` as written in the URL). A malformed or equal pair and a year
 * not held are `missing`, with the pairs that can be compared; a reversed pair redirects.
 */
export async function loadYearPair({ slug, years, suffix = '' }: { slug: string; years: string; suffix?: string }): Promise<Loaded<YearPairData>> {
  const pair = parseYearPair(years);
  const a = await loadAgency({ slug });
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
}

export const MAX_PEERS = 12;

export interface PeerRequest {
  slugs: string[];
  year: number | null;
  sort: string | null;
}

export function parsePeerParams(sp: URLSearchParams | Record<string, string | string[] | undefined>): PeerRequest {
  const get = (k: string) => lastParam(sp, k) ?? null;
  const slugs = [...new Set(cleanText(get('agencies') ?? '').split(',').map((s) => s.trim()).filter(Boolean))].slice(0, MAX_PEERS);
  const y = Number(get('year'));
  return { slugs, year: Number.isInteger(y) && y > 1900 && y < 3000 ? y : null, sort: get('sort') };
}

export interface PeerData {
  year: number | null;
  slugs: string[];
  /** agencies found that hold the year */
  columns: PeerColumn[];
  /** found, but no report for this year: years they do hold */
  withoutYear: { slug: string; agency: string; years: number[] }[];
  /** slugs that match no agency, with suggestions */
  unknown: { slug: string; similar: { agency: string; slug: string }[] }[];
  /** years held by every agency found */
  commonYears: number[];
}

export type PeerLoad = { kind: 'redirect'; to: string } | { kind: 'ok'; value: PeerData };

/**
 * Resolve slugs (legacy ones → redirect to the canonical URL); with no year given, use the
 * latest year all of them hold (so a bare list of agencies is already a useful link).
 */
export async function loadPeers(req: PeerRequest): Promise<PeerLoad> {
  const dir = await getAgencyDirectory();
  const resolved = req.slugs.map((s) => ({ raw: s, r: resolveSlug(dir.index, s) }));
  const canonical = resolved.map(({ raw, r }) => (r.kind === 'missing' ? raw : r.slug));
  const found = resolved.flatMap(({ r }) => (r.kind === 'missing' ? [] : [dir.byName.get(r.agency)!]));
  const sets = found.map((a) => new Set(a.years));
  const commonYears = found.length ? [...sets[0]!].filter((y) => sets.every((s) => s.has(y))).sort((a, b) => a - b) : [];
  const year = req.year ?? commonYears.at(-1) ?? found.flatMap((a) => a.years).sort((a, b) => b - a)[0] ?? null;
  if (resolved.some(({ r }) => r.kind === 'redirect') || (req.year === null && year !== null && found.length)) {
    return { kind: 'redirect', to: peerCompareUrl(canonical, year!, req.sort ? { sort: req.sort } : {}) };
  }
  const columns: PeerColumn[] = [];
  const withoutYear: PeerData['withoutYear'] = [];
  const unknown: PeerData['unknown'] = [];
  for (const { raw, r } of resolved) {
    if (r.kind === 'missing') {
      unknown.push({ slug: raw, similar: similarAgencies(dir.index, raw, 5) });
      continue;
    }
    const a = dir.byName.get(r.agency)!;
    const rec = year === null ? undefined : (await getAgencyRecords({ agency: a.agency })).find((x) => x.year === year);
    if (rec) columns.push(peerColumn(r.slug, rec));
    else withoutYear.push({ slug: r.slug, agency: a.agency, years: a.years });
  }
  return { kind: 'ok', value: { year, slugs: canonical, columns, withoutYear, unknown, commonYears } };
}
