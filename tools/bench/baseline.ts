/**
 * The exact-substring baseline for recall and precision, computed without the search index:
 * a report matches a query when, for every query term, one of its sections' heading or text (as the
 * parser produced it, read back whole through the engine's getReport) contains the term, and the report passes the
 * query's filters (read from the record too). Terms are split as the engine splits them
 * (queryTerms) and text is folded as the engine folds it (fold: ASCII case, traditional →
 * simplified) — that is the definition of a match, not an implementation detail.
 */
import { fold, queryTerms } from '../../lib/search/fts-query';
import { stripMarkers } from '../../lib/search/highlight';
import type { FacetName, SearchEngine } from '../../lib/search/types';
import type { ReportRecord } from '../../lib/types';
import { facetFilterEntries, type BenchQuery } from './queries';

export interface Baseline {
  /** report id → its index in the bitmaps */
  posOf: Map<string, number>;
  /** per query: one byte per report, 1 = the report matches */
  match: Uint8Array[];
  counts: number[];
  seconds: number;
}

/** A record's values for one facet, straight from the record (independent of the engine's tables). */
export function recordFacetValues(r: ReportRecord, f: FacetName): string[] {
  switch (f) {
    case 'agency':
      return [r.agency];
    case 'year':
      return r.year == null ? [] : [String(r.year)];
    case 'province':
      return r.region?.province ? [r.region.province] : [];
    case 'city':
      return r.region?.city ? [r.region.city] : [];
    case 'level':
      return r.level ? [r.level] : [];
    case 'kind':
      return [r.kind];
    case 'theme':
      return r.themes.map((t) => t.label);
    case 'checks':
      return [r.checks.some((c) => !c.ok) ? 'failed' : 'ok'];
  }
}

export async function computeBaseline(engine: SearchEngine, queries: BenchQuery[]): Promise<Baseline> {
  const t0 = performance.now();
  const terms = queries.map((q) => queryTerms(q.q));
  const filters = queries.map((q) => facetFilterEntries(q.filters).map(([f, v]) => [f, new Set(v)] as const));
  const distinct = [...new Set(terms.flat())];
  // Every report the engine holds, through its interface only (no storage details).
  const ids: string[] = [];
  for (const a of await engine.listAgencies()) for (const r of await engine.listAgencyReports(a.agency)) ids.push(r.id);
  const posOf = new Map(ids.map((id, i) => [id, i]));
  const match = queries.map(() => new Uint8Array(ids.length));
  const counts = queries.map(() => 0);
  const present = new Set<string>();
  for (let n = 0; n < ids.length; n++) {
    const rec = await engine.getReport(ids[n]);
    if (!rec) throw new Error(`engine lists report ${ids[n]} but getReport cannot find it`);
    if (rec.versionOf) continue; // an older version of a report: searches leave it out (lib/versions.ts)
    // Sections apart, and a heading apart from its text: a term never spans them in the engine either.
    const secs = rec.sections.flatMap((s) => [fold(stripMarkers(s.title)), fold(stripMarkers(s.text))]);
    present.clear();
    for (const t of distinct) if (secs.some((s) => s.includes(t))) present.add(t);
    for (let i = 0; i < queries.length; i++) {
      if (!terms[i].every((t) => present.has(t))) continue;
      if (!filters[i].every(([f, vals]) => recordFacetValues(rec, f).some((v) => vals.has(v)))) continue;
      match[i][n] = 1;
      counts[i]++;
    }
  }
  return { posOf, match, counts, seconds: (performance.now() - t0) / 1000 };
}
