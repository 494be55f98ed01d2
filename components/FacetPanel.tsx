import { FACET_LABELS, facetValueLabel } from '@/lib/labels';
import { compareRanked, facetOrder, facetSize, rankValues } from '@/lib/search/facet-rank';
import type { FacetName, SearchResult } from '@/lib/search/types';
import type { SearchState } from '@/lib/search-params';
import { clearFacetUrl, toggleFacetUrl } from '@/lib/urls';
import { FacetFilter, FacetLinks, type FacetItem } from './FacetFilter';

/** Display order: what researchers narrow by most comes first. */
const ORDER: FacetName[] = ['theme', 'checks', 'year', 'province', 'city', 'level', 'kind', 'agency'];
const TOP_N = 12;
/**
 * Most values a facet renders (links, or the client filter box). At national scale the agency
 * facet has tens of thousands of values: building a toggle URL for each, and sorting them with
 * localeCompare, cost hundreds of ms a page. Beyond this, the facet says how many it left out.
 * At most RANK_MEMO (lib/search/facet-rank.ts), so the ranking comes from its memo.
 */
export const FACET_MAX = 300;

export function facetItems(
  state: SearchState,
  facet: FacetName,
  counts: Record<string, number> | undefined,
  max = FACET_MAX,
): FacetItem[] {
  const selected = state.filters[facet] ?? [];
  const isSelected = new Set(selected);
  const order = facetOrder(facet);
  // The facet's top `max` (memoized per counts object, lib/search/facet-rank.ts), plus the
  // selected values outside it: a selected value that no longer has hits must stay visible
  // (count 0), or it could not be unselected. Ranked together, so a zero-count selected value
  // takes a place among the first `max` exactly as in a full sort.
  const top = rankValues(counts, max, order);
  const inTop = new Set(top.map(([v]) => v));
  const countOf = (v: string) => (counts && Object.hasOwn(counts, v) ? counts[v]! : 0);
  const extra = [...isSelected].filter((v) => !inTop.has(v)).map((v) => [v, countOf(v)] as const);
  const entries = extra.length ? [...top, ...extra].sort(compareRanked(order)) : top;
  // Selected values are always kept, whatever their rank.
  const shown = entries.filter(([v], i) => i < max || isSelected.has(v));
  const items = shown.map(([value, count]) => ({
    value,
    label: facetValueLabel(facet, value),
    count,
    href: toggleFacetUrl(state, facet, value),
    selected: isSelected.has(value),
  }));
  // Selected values first, so the current narrowing is always visible at the top.
  return [...items.filter((i) => i.selected), ...items.filter((i) => !i.selected)];
}

export function FacetPanel({ state, result }: { state: SearchState; result: SearchResult }) {
  return (
    <nav aria-label="分面筛选" className="space-y-5" data-testid="facets">
      {ORDER.map((facet) => {
        const items = facetItems(state, facet, result.facets[facet]);
        const valueCount = facetSize(result.facets[facet]);
        const timedOut = result.facetsTimedOut?.includes(facet);
        if (!items.length && !timedOut) return null;
        const hasSelection = (state.filters[facet]?.length ?? 0) > 0;
        return (
          <section key={facet} data-testid={`facet-${facet}`}>
            <h2 className="mb-1 flex items-baseline justify-between text-sm font-semibold text-stone-600">
              {FACET_LABELS[facet]}
              {hasSelection && (
                <a href={clearFacetUrl(state, facet)} className="text-xs font-normal text-brand-700" data-testid={`facet-clear-${facet}`}>
                  清除
                </a>
              )}
            </h2>
            {timedOut ? (
              <p className="text-xs text-stone-500">统计超时，未显示计数</p>
            ) : facet === 'agency' ? (
              <FacetFilter facet={facet} items={items} topN={TOP_N} />
            ) : items.length > TOP_N ? (
              <>
                <FacetLinks facet={facet} items={items.slice(0, TOP_N)} />
                <details className="mt-1">
                  <summary className="cursor-pointer text-xs text-brand-700">其余 {items.length - TOP_N} 项</summary>
                  <FacetLinks facet={facet} items={items.slice(TOP_N)} />
                </details>
              </>
            ) : (
              <FacetLinks facet={facet} items={items} />
            )}
            {valueCount > items.length && (
              <p className="mt-1 text-xs text-stone-500" data-testid={`facet-more-${facet}`}>
                仅列出数量最多的 {items.length} 项（共 {valueCount} 项），可在检索框中输入名称缩小范围
              </p>
            )}
          </section>
        );
      })}
    </nav>
  );
}
