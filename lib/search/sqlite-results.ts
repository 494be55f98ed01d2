/**
 * Whole-result cache of the SQLite engine: a query's ordered matches and facet counts, keyed by
 * its terms, filters, sort and facets. One per snapshot (sqlite-snapshot.ts: one index version,
 * dropped whenever the index changes), so it can never outlive the data it was computed from. Paging
 * and repeated popular queries then cost a slice plus the page's snippets. Bounded by an estimate
 * of the bytes held (row positions and facet entries), least recently used out first.
 */
import { ByteLru } from './byte-lru';
import { shareCounts } from './facet-rank';
import type { FacetName, SearchHit, SearchResult, SortOrder } from './types';

export interface CachedResult {
  /** the ordered result set as positions in FacetCache.rows (4 bytes a row) */
  order: Int32Array;
  facets: SearchResult['facets'];
  /** facets cut to the query's facetLimit → their number of values */
  facetValueCounts?: SearchResult['facetValueCounts'];
  /**
   * What this entry alone keeps alive, when the producer knows better than resultBytes (order
   * arrays and facet objects shared with the index-wide data cost nothing extra).
   */
  bytes?: number;
  /** hits of the first pages, by `${page}/${perPage}` (added after the entry is stored: see charge) */
  pages?: Map<string, SearchHit[]>;
}

/** A facet value in a counts object: key slot, value and hash-table slack (measured ~40-60). */
export const BYTES_PER_FACET_VALUE = 48;

export function resultBytes(e: CachedResult): number {
  if (e.bytes !== undefined) return e.bytes;
  let n = e.order.byteLength;
  for (const counts of Object.values(e.facets)) n += Object.keys(counts ?? {}).length * BYTES_PER_FACET_VALUE;
  return n;
}

/**
 * 48 MB at most: every query of a 60-query working set over 100,000 reports (about 30 MB). Sized
 * above the working set on purpose: a cyclic access pattern larger than an LRU cache misses
 * every time; and bounded, because the web server's memory is (docs/benchmark.md).
 */
export const MAX_CACHED_BYTES = 48 * 1024 * 1024;
export const MAX_CACHED_RESULTS = 500;

export class ResultCache extends ByteLru<CachedResult> {
  constructor(maxBytes = MAX_CACHED_BYTES, maxEntries = MAX_CACHED_RESULTS) {
    super(maxBytes, maxEntries);
  }

  override set(key: string, e: CachedResult): void {
    // Shared between requests: frozen (a caller that mutates counts fails loudly), with the slot
    // their ranking is memoized in (facet-rank.ts). Before the size check: every counts object
    // the engine returns is shared, stored or not.
    for (const counts of Object.values(e.facets)) if (counts) shareCounts(counts);
    Object.freeze(e.facets);
    super.set(key, e, resultBytes(e));
  }
}

/** Same query, same key: filter values and facets in a fixed order. */
export function resultKey(
  terms: string[],
  filters: [FacetName, string[]][],
  sort: SortOrder,
  facets: FacetName[],
  facetLimit = 0,
  includeVersions = false,
): string {
  const f = filters.map(([k, v]) => [k, [...new Set(v)].sort()] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return JSON.stringify([[...terms].sort(), f, sort, [...new Set(facets)].sort(), facetLimit, ...(includeVersions ? ['versions'] : [])]);
}
