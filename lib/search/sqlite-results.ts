/**
 * Whole-result cache of the SQLite engine: a query's ordered matches and facet counts, keyed by
 * its terms, filters, sort and facets. It hangs off the FacetCache (one per index version, dropped
 * whenever the index changes), so it can never outlive the data it was computed from. Paging
 * and repeated popular queries then cost a slice plus the page's snippets. Bounded by the rows
 * held (8 bytes each), least recently used out first.
 */
import type { FacetCache, FacetRow } from './sqlite-cache';
import type { FacetName, SearchResult, SortOrder } from './types';

export interface CachedResult {
  sorted: FacetRow[];
  facets: SearchResult['facets'];
}

/** ~16 MB of row references at most (e.g. 20 results over 100,000 reports). */
export const MAX_CACHED_ROWS = 2_000_000;
export const MAX_CACHED_RESULTS = 500;

export class ResultCache {
  private readonly map = new Map<string, CachedResult>();
  private rows = 0;
  constructor(
    private readonly maxRows = MAX_CACHED_ROWS,
    private readonly maxEntries = MAX_CACHED_RESULTS,
  ) {}

  get(key: string): CachedResult | undefined {
    const e = this.map.get(key);
    if (e) {
      // Re-insert: Map order is the recency order.
      this.map.delete(key);
      this.map.set(key, e);
    }
    return e;
  }

  set(key: string, e: CachedResult): void {
    if (e.sorted.length > this.maxRows) return;
    const old = this.map.get(key);
    if (old) {
      this.rows -= old.sorted.length;
      this.map.delete(key);
    }
    // Shared between requests: frozen, so a caller that mutates counts fails loudly.
    for (const counts of Object.values(e.facets)) Object.freeze(counts);
    Object.freeze(e.facets);
    this.map.set(key, e);
    this.rows += e.sorted.length;
    for (const [k, v] of this.map) {
      if (this.rows <= this.maxRows && this.map.size <= this.maxEntries) break;
      this.map.delete(k);
      this.rows -= v.sorted.length;
    }
  }

  get size(): number {
    return this.map.size;
  }
}

const caches = new WeakMap<FacetCache, ResultCache>();

export function resultsFor(cache: FacetCache): ResultCache {
  let r = caches.get(cache);
  if (!r) caches.set(cache, (r = new ResultCache()));
  return r;
}

/** Same query, same key: filter values and facets in a fixed order. */
export function resultKey(terms: string[], filters: [FacetName, string[]][], sort: SortOrder, facets: FacetName[]): string {
  const f = filters.map(([k, v]) => [k, [...new Set(v)].sort()] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return JSON.stringify([[...terms].sort(), f, sort, [...new Set(facets)].sort()]);
}
