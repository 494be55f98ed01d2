/**
 * Recall and precision of the engine against the substring baseline: every result id is
 * fetched (paging through at the largest page size), so a hit missing from page 37 counts.
 */
import type { SearchEngine } from '../../lib/search/types';
import type { Baseline } from './baseline';
import { queryLabel, type BenchQuery } from './queries';

export const PAGE_SIZE = 100;

/** A query's result ids in the engine's order, its reported total and the requests it took. */
export type MatchSet = (q: BenchQuery) => Promise<{ ids: string[]; total: number; requests: number }>;

export interface QueryQuality {
  label: string;
  expected: number;
  returned: number;
  /** returned reports that match the baseline */
  correct: number;
  /** result ids returned twice across pages (a paging bug) */
  duplicates: number;
  /** the engine's reported total differs from the ids it actually returned */
  totalMismatch: boolean;
  recall: number;
  precision: number;
}

export interface QualityResult {
  /** micro-averaged over all queries: Σcorrect / Σexpected */
  recall: number;
  /** Σcorrect / Σreturned */
  precision: number;
  minRecall: number;
  minPrecision: number;
  pagesFetched: number;
  /** how the ids were collected: every page through engine.search, or one match-set request */
  method: 'pages' | 'match-set';
  seconds: number;
  perQuery: QueryQuality[];
}

/**
 * Every result id of a query by paging engine.search at the largest page size (the default way);
 * `requests`: the pages fetched.
 */
export function pagedMatchSet(engine: SearchEngine): MatchSet {
  return async (q) => {
    const ids: string[] = [];
    let total = 0;
    let requests = 0;
    for (let page = 1; ; page++) {
      const res = await engine.search({ q: q.q, filters: q.filters, sort: q.sort, page, perPage: PAGE_SIZE, facets: [] });
      requests++;
      total = res.total;
      ids.push(...res.hits.map((h) => h.id));
      if (res.hits.length < PAGE_SIZE || page * PAGE_SIZE >= res.total) break;
    }
    return { ids, total, requests };
  };
}

/** With `matchSet`, each query's ids come from it (one request each) instead of paging engine.search. */
export async function measureQuality(engine: SearchEngine, queries: BenchQuery[], base: Baseline, matchSet?: MatchSet): Promise<QualityResult> {
  const t0 = performance.now();
  const collect = matchSet ?? pagedMatchSet(engine);
  let pages = 0;
  const perQuery: QueryQuality[] = [];
  for (let i = 0; i < queries.length; i++) {
    const q = queries[i];
    const res = await collect(q);
    pages += res.requests;
    const total = res.total;
    const seen = new Set<string>();
    let duplicates = 0;
    for (const id of res.ids) {
      if (seen.has(id)) duplicates++;
      seen.add(id);
    }
    let correct = 0;
    for (const id of seen) {
      const pos = base.posOf.get(id);
      if (pos !== undefined && base.match[i][pos]) correct++;
    }
    const expected = base.counts[i];
    perQuery.push({
      label: queryLabel(q),
      expected,
      returned: seen.size,
      correct,
      duplicates,
      totalMismatch: total !== seen.size + duplicates,
      recall: expected ? correct / expected : 1,
      precision: seen.size ? correct / seen.size : 1,
    });
  }
  const sum = (f: (x: QueryQuality) => number) => perQuery.reduce((a, x) => a + f(x), 0);
  const expected = sum((x) => x.expected);
  const returned = sum((x) => x.returned);
  const correct = sum((x) => x.correct);
  return {
    recall: expected ? correct / expected : 1,
    precision: returned ? correct / returned : 1,
    minRecall: Math.min(...perQuery.map((x) => x.recall)),
    minPrecision: Math.min(...perQuery.map((x) => x.precision)),
    pagesFetched: pages,
    method: matchSet ? 'match-set' : 'pages',
    seconds: (performance.now() - t0) / 1000,
    perQuery,
  };
}
