/**
 * In-memory copy of every report's facet values, loaded once per index version. Filtering and
 * facet counting over the whole result set then cost a loop over integers, not SQL per facet.
 */
import type Database from 'better-sqlite3';
import type { AgencyKind, Level } from '../types';
import type { FacetName } from './types';

export interface FacetRow {
  rid: number;
  id: string;
  agency: string;
  year: number | null;
  province: string | null;
  city: string | null;
  county: string | null;
  level: Level | null;
  kind: AgencyKind;
  checksFailed: number;
  themes: string[];
}

export interface FacetCache {
  rows: FacetRow[];
  byRid: Map<number, FacetRow>;
}

export function loadFacetCache(db: Database.Database): FacetCache {
  const rows = db
    .prepare(
      `SELECT rid, id, agency, year, province, city, county, level, kind, checks_failed AS checksFailed
       FROM reports ORDER BY rid`,
    )
    .all() as FacetRow[];
  const byRid = new Map<number, FacetRow>();
  for (const r of rows) {
    r.themes = [];
    byRid.set(r.rid, r);
  }
  for (const t of db.prepare(`SELECT rid, label FROM report_themes ORDER BY rid, label`).iterate() as Iterable<{
    rid: number;
    label: string;
  }>) {
    byRid.get(t.rid)?.themes.push(t.label);
  }
  return { rows, byRid };
}

/** The facet values of one report (several for themes; none when unknown). */
export function facetValues(r: FacetRow, f: FacetName): string[] {
  switch (f) {
    case 'agency':
      return [r.agency];
    case 'year':
      return r.year == null ? [] : [String(r.year)];
    case 'province':
      return r.province ? [r.province] : [];
    case 'city':
      return r.city ? [r.city] : [];
    case 'level':
      return r.level ? [r.level] : [];
    case 'kind':
      return [r.kind];
    case 'theme':
      return r.themes;
    case 'checks':
      return [r.checksFailed > 0 ? 'failed' : 'ok'];
  }
}
