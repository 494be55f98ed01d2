/**
 * Server-only data access for agency, comparison and export pages: one function per query,
 * engine failures rethrown as typed AppErrors (lib/errors.ts), like lib/queries.ts.
 */
import 'server-only';
import { getEngine } from '../search/index';
import type { AgencySummary } from '../search/types';
import type { ReportRecord } from '../types';
import { engineFilters, type SearchState } from '../search-params';
import { fromEngineError } from '../errors';
import { buildSlugIndex, resolveSlug, similarAgencies, type SlugIndex } from './slug';
import { withoutOlderVersions } from '../versions';

async function engineCall<T>(f: () => Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (e) {
    throw fromEngineError(e, 'report');
  }
}

export interface AgencyDirectory {
  agencies: AgencySummary[];
  byName: Map<string, AgencySummary>;
  index: SlugIndex;
}

/**
 * Every agency with its slug. Rebuilt per request (pinyin is memoised in lib/agency/slug), so a
 * re-indexed corpus is picked up at once; a large corpus is tens of ms.
 */
export async function getAgencyDirectory(): Promise<AgencyDirectory> {
  const agencies = await engineCall(() => getEngine().listAgencies());
  return { agencies, byName: new Map(agencies.map((a) => [a.agency, a])), index: buildSlugIndex(agencies) };
}

export type AgencyLookup =
  | { kind: 'found'; agency: AgencySummary; slug: string }
  | { kind: 'redirect'; slug: string }
  | { kind: 'missing'; similar: { agency: string; slug: string }[] };

export async function findAgency({ slug }: { slug: string }): Promise<AgencyLookup> {
  const dir = await getAgencyDirectory();
  const r = resolveSlug(dir.index, slug);
  if (r.kind === 'redirect') return { kind: 'redirect', slug: r.slug };
  const a = r.kind === 'canonical' ? dir.byName.get(r.agency) : undefined;
  if (r.kind === 'canonical' && a) return { kind: 'found', agency: a, slug: r.slug };
  return { kind: 'missing', similar: similarAgencies(dir.index, slug) };
}

/** Canonical slug of an agency by its exact name, or null if no report of it is held. */
export async function slugForAgencyName({ name }: { name: string }): Promise<string | null> {
  const dir = await getAgencyDirectory();
  return dir.index.slugOf.get(name) ?? null;
}

/** Every report of an agency, oldest first (full records, for timelines and comparisons). */
export async function getAgencyRecords({ agency }: { agency: string }): Promise<ReportRecord[]> {
  return engineCall(async () => {
    const engine = getEngine();
    const refs = withoutOlderVersions(await engine.listAgencyReports(agency));
    const recs = await Promise.all(refs.map((r) => engine.getReport(r.id)));
    // one report per year: older re-publications (versionOf set) stay out of timelines
    return recs.filter((r): r is ReportRecord => r !== null && !r.versionOf);
  });
}

/**
 * Full records of every hit of a search (all pages), for the bulk export; capped so one request
 * cannot read the whole corpus by accident. `truncated` says when the cap was hit.
 */
export async function getSearchRecords({ state, limit }: { state: SearchState; limit: number }): Promise<{
  total: number;
  records: ReportRecord[];
  truncated: boolean;
}> {
  return engineCall(async () => {
    const engine = getEngine();
    const perPage = 100;
    const ids: string[] = [];
    let total = 0;
    for (let page = 1; ids.length < limit; page++) {
      const res = await engine.search({
        q: state.q,
        filters: engineFilters(state),
        sort: state.sort,
        page,
        perPage,
        facets: [],
        ...(state.includeVersions ? { includeVersions: true } : {}),
      });
      total = res.total;
      ids.push(...res.hits.map((h) => h.id));
      if (res.hits.length < perPage || page * perPage >= total) break;
    }
    const records: ReportRecord[] = [];
    for (const id of ids.slice(0, limit)) {
      const r = await engine.getReport(id);
      if (r) records.push(r);
    }
    return { total, records, truncated: total > limit };
  });
}

export interface AgencySuggestion {
  agency: string;
  slug: string;
  region: AgencySummary['region'];
  years: number[];
}

/**
 * Agencies whose Chinese name contains every character group of `q` (spaces split groups), for a
 * picker's autocomplete: names starting with the text first, then shorter names (the more general
 * office), then code-point order.
 */
export async function suggestAgencies({ q, limit = 10 }: { q: string; limit?: number }): Promise<AgencySuggestion[]> {
  const parts = q.trim().split(/\s+/).filter(Boolean);
  if (!parts.length) return [];
  const dir = await getAgencyDirectory();
  return dir.agencies
    .filter((a) => parts.every((p) => a.agency.includes(p)))
    .sort((a, b) => Number(!a.agency.startsWith(parts[0]!)) - Number(!b.agency.startsWith(parts[0]!)) || a.agency.length - b.agency.length || (a.agency < b.agency ? -1 : 1))
    .slice(0, limit)
    .map((a) => ({ agency: a.agency, slug: dir.index.slugOf.get(a.agency)!, region: a.region, years: a.years }));
}

/**
 * Agency names (as typed or kept in the comparison tray) → their slugs. A name held exactly is
 * found; any other gets up to five suggestions that contain it or that it contains.
 */
export async function resolveAgencyNames({ names }: { names: string[] }): Promise<{
  slugs: string[];
  missing: { name: string; similar: { agency: string; slug: string }[] }[];
}> {
  const dir = await getAgencyDirectory();
  const slugs: string[] = [];
  const missing: { name: string; similar: { agency: string; slug: string }[] }[] = [];
  for (const name of names) {
    const slug = dir.index.slugOf.get(name);
    if (slug) {
      slugs.push(slug);
      continue;
    }
    const similar = dir.agencies
      .filter((a) => a.agency.includes(name) || name.includes(a.agency))
      .slice(0, 5)
      .map((a) => ({ agency: a.agency, slug: dir.index.slugOf.get(a.agency)! }));
    missing.push({ name, similar });
  }
  return { slugs, missing };
}
