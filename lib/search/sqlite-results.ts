/**
 * Whole-result cache of the SQLite engine: a query's ordered matches and facet counts, keyed by
 * its terms, filters, sort and facets. It hangs off the FacetCache (one per index version, dropped
 * whenever the index changes), so it can never outlive the data it was computed from. Paging
 * and repeated popular queries then cost a slice plus the page's snippets. Bounded by the rows
 * held (4 bytes each), least recently used out first.
 */
import type { FacetCache } from './sqlite-cache';
import type { FacetName, SearchResult, SortOrder } from './types';

export interface CachedResult {
  /** the ordered result set as positions in FacetCache.rows (4 bytes a row) */
  order: Int32Array;
  facets: SearchResult['facets'];
}

/**
 * 32 MB at most: every query of a 60-query working set over 100,000 reports. Sized above the
 * working set on purpose: a cyclic access pattern larger than an LRU cache misses every time.
 */
export const MAX_CACHED_ROWS = 8_000_000;
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
    if (e.order.length > this.maxRows) return;
    const old = this.map.get(key);
    if (old) {
      this.rows -= old.order.length;
      this.map.delete(key);
    }
    // Shared between requests: frozen, so a caller that mutates counts fails loudly.
    for (const counts of Object.values(e.facets)) Object.freeze(counts);
    Object.freeze(e.facets);
    this.map.set(key, e);
    this.rows += e.order.length;
    for (const [k, v] of this.map) {
      if (this.rows <= this.maxRows && this.map.size <= this.maxEntries) break;
      this.map.delete(k);
      this.rows -= v.order.length;
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
