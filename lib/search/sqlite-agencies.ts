/**
 * The agency list of an index version, from its facet data: one entry per agency with the years
 * of its latest reports and its region and level as of the most recent one. Built once per
 * snapshot (sqlite-snapshot.ts).
 */
import type { AgencySummary } from './types';
import type { FacetCache } from './sqlite-cache';

export function agencyList(cache: FacetCache): AgencySummary[] {
  const byAgency = new Map<string, AgencySummary & { latest: number }>();
  for (const r of cache.rows) {
    if (r.versionOf !== null) continue; // an older version adds no year, and its region is not current
    let a = byAgency.get(r.agency);
    if (!a) {
      a = { agency: r.agency, region: { province: r.province, city: r.city, county: r.county }, level: r.level, years: [], latest: -Infinity };
      byAgency.set(r.agency, a);
    }
    if (r.year != null && !a.years.includes(r.year)) a.years.push(r.year);
    // Region and level as of the most recent report (agencies get renamed and re-parented).
    const y = r.year ?? -Infinity;
    if (y >= a.latest) {
      a.latest = y;
      a.region = { province: r.province, city: r.city, county: r.county };
      a.level = r.level;
    }
  }
  return [...byAgency.values()]
    .map(({ latest: _latest, ...a }) => ({ ...a, years: a.years.sort((x, y) => x - y) }))
    .sort((a, b) => (a.agency < b.agency ? -1 : a.agency > b.agency ? 1 : 0));
}
