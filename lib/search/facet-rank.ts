/**
 * The order a facet's values are listed in, shared by the search page (components/FacetPanel)
 * and /api/search (facet_limit): most frequent first, ties by code point; the year facet on the
 * page lists newest first instead.
 *
 * Why memoized: at national scale the agency facet has ~20,000 values, and sorting them on every
 * request was most of a page's and an API response's CPU. The SQLite engine hands out the same
 * counts object for a repeated query (from its result cache or its corpus-wide counts), so the
 * ranking is kept ON that object: `shareCounts` gives it an empty memo slot and freezes it, and
 * `rankValues` fills the slot. The memo therefore lives exactly as long as the counts object,
 * i.e. as long as the engine's snapshot keeps it (docs/engine.md "What is cached"); no map
 * outside it. Counts without a slot (Meilisearch's, a caller's own) are ranked afresh each time.
 * Only the top RANK_MEMO values are kept, so the memo stays small; asking for more computes them
 * afresh.
 */
import type { FacetName } from './types';

export type FacetCounts = Readonly<Record<string, number>>;
export type RankedValue = readonly [value: string, count: number];
/** `count`: count desc, code-point ties; `value_desc`: value desc by code point (years, newest first). */
export type RankOrder = 'count' | 'value_desc';

/** Most values any caller lists from the memo (the page renders up to 300 per facet). */
export const RANK_MEMO = 300;

interface Ranking {
  /** the first min(RANK_MEMO, size) values in order */
  top: readonly RankedValue[];
  /** how many values the facet has */
  size: number;
}

/**
 * The memo slot's key. Symbol.for, not Symbol(): Next bundles this module separately for the page
 * and each route handler, and all of them must find the slot the engine's counts carry.
 */
const MEMO = Symbol.for('nianbao.facetRanking');
type Memo = { -readonly [O in RankOrder]?: Ranking };
type Memoizable = FacetCounts & { readonly [MEMO]?: Memo };

/**
 * Freezes `counts` for sharing between requests, with an empty ranking memo slot (not
 * enumerable: keys, entries, spreads and JSON never see it). The one place counts become
 * shared; a counts object already shared is returned as is.
 */
export function shareCounts<T extends Record<string, number>>(counts: T): Readonly<T> {
  if (Object.hasOwn(counts, MEMO)) return counts;
  if (Object.isExtensible(counts)) Object.defineProperty(counts, MEMO, { value: {} satisfies Memo, enumerable: false });
  return Object.freeze(counts);
}

/** Plain `<` on strings (UTF-16 code units), as the default Array sort compares them. */
export const byCode = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The comparator `rankValues` sorts by, for merging a few extra entries into a ranked list. */
export function compareRanked(order: RankOrder): (a: RankedValue, b: RankedValue) => number {
  return order === 'value_desc' ? (a, b) => byCode(b[0], a[0]) : (a, b) => b[1] - a[1] || byCode(a[0], b[0]);
}

/** How the page orders a facet's values. */
export function facetOrder(facet: FacetName): RankOrder {
  return facet === 'year' ? 'value_desc' : 'count';
}

/** The first `n` values of `counts` in `order` (all of them when n >= their number). */
export function rankValues(counts: FacetCounts | undefined, n: number, order: RankOrder = 'count'): readonly RankedValue[] {
  if (!counts || n <= 0) return [];
  if (n <= RANK_MEMO) {
    const r = ranking(counts, order);
    return n >= r.top.length ? r.top : r.top.slice(0, n);
  }
  return computeTop(counts, n, order);
}

/** How many values the facet has (memoized with the ranking for shared counts). */
export function facetSize(counts: FacetCounts | undefined): number {
  if (!counts) return 0;
  const memo = (counts as Memoizable)[MEMO];
  return memo ? ranking(counts, 'count').size : Object.keys(counts).length;
}

function ranking(counts: FacetCounts, order: RankOrder): Ranking {
  // Only shared counts carry a slot, and they are frozen: nothing can change under the memo.
  const memo = (counts as Memoizable)[MEMO];
  const hit = memo?.[order];
  if (hit) return hit;
  const r: Ranking = { top: Object.freeze(computeTop(counts, RANK_MEMO, order)), size: Object.keys(counts).length };
  if (memo) memo[order] = r;
  return r;
}

/**
 * The top `n` without sorting every value: values are bucketed by count, and only the buckets
 * that reach the top `n` are sorted (with the engine's default string sort, no comparator).
 */
function computeTop(counts: FacetCounts, n: number, order: RankOrder): RankedValue[] {
  const keys = Object.keys(counts);
  if (order === 'value_desc') {
    keys.sort().reverse();
    return keys.slice(0, n).map((k) => [k, counts[k]!] as const);
  }
  const buckets = new Map<number, string[]>();
  for (const k of keys) {
    const c = counts[k]!;
    const b = buckets.get(c);
    if (b) b.push(k);
    else buckets.set(c, [k]);
  }
  const out: RankedValue[] = [];
  for (const c of Float64Array.from(buckets.keys()).sort().reverse()) {
    const vals = buckets.get(c)!.sort();
    for (let i = 0; i < vals.length && out.length < n; i++) out.push([vals[i]!, c]);
    if (out.length >= n) break;
  }
  return out;
}
