/**
 * The values a facet lists, each with its toggle URL: shared by the search page (FacetPanel)
 * and the agency filter box's JSON (app/api/search/facet), so both list exactly the same values.
 * No React here: route handlers import it too.
 */
import { facetValueLabel } from '@/lib/labels';
import { compareRanked, facetOrder, rankValues } from '@/lib/search/facet-rank';
import type { FacetName } from '@/lib/search/types';
import type { SearchState } from '@/lib/search-params';
import { toggleFacetUrl } from '@/lib/urls';

export interface FacetItem {
  value: string;
  label: string;
  count: number;
  href: string;
  selected: boolean;
}

/**
 * Most values a facet renders (links, or the client filter box). At national scale the agency
 * facet has tens of thousands of values: building a toggle URL for each, and sorting them with
 * localeCompare, cost hundreds of ms a page. Beyond this, the facet says how many it left out.
 * At most RANK_MEMO (lib/search/facet-rank.ts), so the ranking comes from its memo.
 */
export const FACET_MAX = 300;

/** A listed value before its label and URL are made: [value, count, selected]. */
export type FacetEntry = readonly [value: string, count: number, selected: boolean];

/** The values facetItems lists, in its order, without building labels and URLs (cheap to count). */
export function facetEntries(
  state: SearchState,
  facet: FacetName,
  counts: Record<string, number> | undefined,
  max = FACET_MAX,
): FacetEntry[] {
  const isSelected = new Set(state.filters[facet] ?? []);
  const order = facetOrder(facet);
  // The facet's top `max` (memoized per counts object, lib/search/facet-rank.ts), plus the
  // selected values outside it: a selected value that no longer has hits must stay visible
  // (count 0), or it could not be unselected. Ranked together, so a zero-count selected value
  // takes a place among the first `max` exactly as in a full sort.
  const top = rankValues(counts, max, order);
  const inTop = new Set(top.map(([v]) => v));
  const countOf = (v: string) => (counts && Object.hasOwn(counts, v) ? counts[v]! : 0);
  const extra = [...isSelected].filter((v) => !inTop.has(v)).map((v) => [v, countOf(v)] as const);
  const ranked = extra.length ? [...top, ...extra].sort(compareRanked(order)) : top;
  // Selected values are always kept, whatever their rank.
  const shown: FacetEntry[] = ranked.filter(([v], i) => i < max || isSelected.has(v)).map(([v, c]) => [v, c, isSelected.has(v)]);
  // Selected values first, so the current narrowing is always visible at the top.
  return [...shown.filter((e) => e[2]), ...shown.filter((e) => !e[2])];
}

/** Entries as links: label and toggle URL for each. */
export function toFacetItems(state: SearchState, facet: FacetName, entries: readonly FacetEntry[]): FacetItem[] {
  return entries.map(([value, count, selected]) => ({
    value,
    label: facetValueLabel(facet, value),
    count,
    href: toggleFacetUrl(state, facet, value),
    selected,
  }));
}

export function facetItems(
  state: SearchState,
  facet: FacetName,
  counts: Record<string, number> | undefined,
  max = FACET_MAX,
): FacetItem[] {
  return toFacetItems(state, facet, facetEntries(state, facet, counts, max));
}
