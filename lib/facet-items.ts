/**
 * The values a facet lists, each with its toggle URL: shared by the search page (FacetPanel)
 * and the agency filter box's JSON (app/api/search/facet), so both list exactly the same values.
 * In lib/, free of React, so the route handler needs no component.
 */
import { facetValueLabel } from '@/lib/labels';
import { compareRanked, facetOrder, rankValues } from '@/lib/search/facet-rank';
import type { FacetName } from '@/lib/search/types';
import { engineFilters, hasYearRange, type SearchState } from '@/lib/search-params';
import { setYearsUrl, toggleFacetUrl, withFacetAnchor } from '@/lib/urls';

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
  const isSelected = new Set(selectedValues(state, facet, counts));
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

/**
 * The values shown ticked: the facet's filter; for the year under a range, the years of the range
 * that have reports (and any ticked one), as the range is what narrows the result.
 */
function selectedValues(state: SearchState, facet: FacetName, counts: Record<string, number> | undefined): string[] {
  if (facet !== 'year' || !hasYearRange(state)) return state.filters[facet] ?? [];
  const ticked = state.filters.year ?? [];
  return (engineFilters(state).year ?? []).filter((v) => ticked.includes(v) || (counts && Object.hasOwn(counts, v)));
}

/**
 * Entries as links: label and toggle URL for each (back to the facet's place on the page). Under
 * a year range, a year link ticks or unticks it among the years shown ticked, and drops the range.
 */
export function toFacetItems(state: SearchState, facet: FacetName, entries: readonly FacetEntry[]): FacetItem[] {
  const range = facet === 'year' && hasYearRange(state);
  const ticked = range ? entries.filter((e) => e[2]).map((e) => e[0]) : [];
  return entries.map(([value, count, selected]) => ({
    value,
    label: facetValueLabel(facet, value),
    count,
    href: withFacetAnchor(
      range ? setYearsUrl(state, selected ? ticked.filter((v) => v !== value) : [...ticked, value]) : toggleFacetUrl(state, facet, value),
      facet,
    ),
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
