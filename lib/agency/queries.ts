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
import { isKnownAgency } from './known';

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
 * Every agency with its slug. Kept per index version when the engine keeps its agency list (the
 * SQLite engine does), so a re-indexed corpus is picked up at once and agency pages under load
 * do not rebuild the slug index on every request.
 */
export async function getAgencyDirectory(): Promise<AgencyDirectory> {
  const listed = await engineCall(() => getEngine().listAgencies());
  // An engine that keeps its list per index version returns the same array: so is the directory.
  const held = directories.get(listed);
  if (held) return held;
  // Reports of unknown agency are searchable and have their own pages, but no agency entry.
  const agencies = listed.filter((a) => isKnownAgency(a.agency));
  const dir = { agencies, byName: new Map(agencies.map((a) => [a.agency, a])), index: buildSlugIndex(agencies) };
  directories.set(listed, dir);
  return dir;
}

const directories = new WeakMap<AgencySummary[], AgencyDirectory>();

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
  if (!isKnownAgency(agency)) return [];
  return engineCall(async () => {
    const engine = getEngine();
    const refs = withoutOlderVersions(await engine.listAgencyReports(agency));
    const recs = await Promise.all(refs.map((r) => engine.getReport(r.id)));
    // one report per year: older re-publications (versionOf set) stay out of timelines
    return recs.filter((r): r is ReportRecord => r !== null && !r.versionOf);
  });
}

/**
 * The ids of every hit of a search (all pages, in the search's order), capped so one request
 * cannot read the whole corpus by accident: `truncated` says when the cap was hit.
 */
export async function getSearchIds({ state, limit }: { state: SearchState; limit: number }): Promise<{
  total: number;
  ids: string[];
  truncated: boolean;
}> {
  return engineCall(async () => {
    const engine = getEngine();
    const query = {
      q: state.q,
      filters: engineFilters(state),
      ...(state.figureFilters?.length ? { figureFilters: state.figureFilters } : {}),
      sort: state.sort,
      ...(state.includeVersions ? { includeVersions: true } : {}),
    };
    if (engine.searchIds) {
      const { total, ids } = await engine.searchIds(query, limit);
      return { total, ids, truncated: total > limit };
    }
    const perPage = 100;
    const ids: string[] = [];
    let total = 0;
    for (let page = 1; ids.length < limit; page++) {
      const res = await engine.search({ ...query, page, perPage, facets: [] });
      total = res.total;
      ids.push(...res.hits.map((h) => h.id));
      if (res.hits.length < perPage || page * perPage >= total) break;
    }
    return { total, ids: ids.slice(0, limit), truncated: total > limit };
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

/**
 * Records for `ids`, one at a time, for streamed exports: only one record is in memory at a time,
 * and an id gone since the search (a re-index) is skipped. Without section texts (`sections: []`)
 * unless asked: exports carry figures and metadata, and the texts are most of a report's bytes.
 */
export async function* streamRecords({ ids, sections = false }: { ids: string[]; sections?: boolean }): AsyncGenerator<ReportRecord> {
  const engine = getEngine();
  for (const id of ids) {
    const r = await engineCall(() => engine.getReport(id, { sections }));
    if (r) yield r;
  }
}
