/**
 * Search latency through the engine interface, in process, facet counts included (the query's
 * default: every facet). The first run of each query is "cold" (nothing cached for it yet);
 * later rounds are "warm". Rounds interleave the queries so no query runs twice in a row.
 */
import type { SearchEngine, SearchResult } from '../../lib/search/types';
import { queryLabel, type BenchQuery, type QueryKind } from './queries';
import { summarize, type Summary } from './stats';

export interface QueryTiming {
  label: string;
  kind: QueryKind;
  total: number;
  coldMs: number;
  warmMs: number[];
}

export interface LatencyResult {
  /** values per facet asked for (SearchQuery.facetLimit; 0 = every value) */
  facetLimit: number;
  /** first search after opening: connection plus the engine's in-memory facet data */
  openMs: number;
  rounds: number;
  all: Summary;
  cold: Summary;
  warm: Summary;
  byKind: Partial<Record<QueryKind, Summary>>;
  perQuery: QueryTiming[];
}

export async function measureLatency(engine: SearchEngine, queries: BenchQuery[], rounds: number, facetLimit = 0): Promise<LatencyResult> {
  const t0 = performance.now();
  await engine.search({ q: '', facets: [], perPage: 1 });
  const openMs = performance.now() - t0;

  const timings: QueryTiming[] = queries.map((q) => ({ label: queryLabel(q), kind: q.kind, total: 0, coldMs: NaN, warmMs: [] }));
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < queries.length; i++) {
      const q = queries[i];
      const s = performance.now();
      const res: SearchResult = await engine.search({ q: q.q, filters: q.filters, sort: q.sort, facetLimit });
      const ms = performance.now() - s;
      const t = timings[i];
      if (round === 0) {
        t.coldMs = ms;
        t.total = res.total;
      } else t.warmMs.push(ms);
    }
  }
  const cold = timings.map((t) => t.coldMs);
  const warm = timings.flatMap((t) => t.warmMs);
  const byKind: LatencyResult['byKind'] = {};
  for (const kind of new Set(timings.map((t) => t.kind)))
    byKind[kind] = summarize(timings.filter((t) => t.kind === kind).flatMap((t) => [t.coldMs, ...t.warmMs]));
  return { facetLimit, openMs, rounds, all: summarize([...cold, ...warm]), cold: summarize(cold), warm: summarize(warm), byKind, perQuery: timings };
}
