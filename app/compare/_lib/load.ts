/** Loading for the peer comparison page and its twin: several agencies, one year. */
import 'server-only';
import { getAgencyDirectory, getAgencyRecords } from '@/lib/agency/queries';
import { resolveSlug, similarAgencies } from '@/lib/agency/slug';
import { peerColumn, type PeerColumn } from '@/lib/compare/peers';
import { peerCompareUrl } from '@/lib/urls';
import { cleanText, lastParam } from '@/lib/search-params';

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
