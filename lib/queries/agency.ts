/**
 * Agencies: the directory of every agency with its slug, one agency's page data (found, moved to
 * a new slug, or missing with suggestions), its charts, and agency names → slugs for pickers.
 */
import 'server-only';
import { getEngine } from '../search/index';
import type { AgencySummary } from '../search/types';
import type { ReportRecord } from '../types';
import { buildSlugIndex, resolveSlug, similarAgencies, type SlugIndex } from '../agency/slug';
import { withoutOlderVersions } from '../versions';
import { isKnownAgency } from '../agency/known';
import { agencyCharts, type AgencyChart } from '../charts/agency';
import type { Timeline } from '../compare/timeline';
import { cleanText } from '../text';
import { agencyUrl } from '../urls';
import { engineCall } from './engine-call';

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
 * What a page about one subject gets: the subject, a permanent redirect (an older slug rule), or
 * a missing subject with what exists instead (the 404 page's help and the JSON twin's error).
 */
export type Loaded<T> =
  | { kind: 'ok'; value: T }
  | { kind: 'redirect'; to: string }
  | { kind: 'missing'; title: string; message: string; links: { href: string; label: string }[] };

export interface AgencyData {
  slug: string;
  agency: AgencySummary;
  records: ReportRecord[];
}

/** One agency's page data; `suffix` (e.g. `?format=csv`) is kept on a redirect. */
export async function loadAgency({ slug, suffix = '' }: { slug: string; suffix?: string }): Promise<Loaded<AgencyData>> {
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
}

/**
 * An agency's charts are ECharts rendered on the server, most of an agency page's time (tens of
 * ms each page, seconds under load at 64 connections). They depend only on the agency's reports,
 * so they are kept per agency summary: the engine hands out one summary object per agency per
 * index version, so a re-index starts afresh and old entries go with the old version.
 */
const chartCache = new WeakMap<AgencySummary, AgencyChart[]>();

export function getAgencyCharts({ agency, timeline }: { agency: AgencySummary; timeline: Timeline }): AgencyChart[] {
  let charts = chartCache.get(agency);
  if (!charts) {
    charts = timeline.years.length ? agencyCharts(timeline) : [];
    chartCache.set(agency, charts);
  }
  return charts;
}

/** This agency and up to four others of the same county (or city) that hold the same year, as slugs. */
export async function sameAreaPeers({ agency, slug, year }: { agency: AgencySummary; slug: string; year: number }): Promise<string[]> {
  const dir = await getAgencyDirectory();
  const same = (x: AgencySummary) =>
    x.agency !== agency.agency && x.years.includes(year) && (agency.region.county ? x.region.county === agency.region.county : x.region.city === agency.region.city);
  const others = dir.agencies.filter(same).slice(0, 4);
  return [slug, ...others.map((o) => dir.index.slugOf.get(o.agency)!)];
}
