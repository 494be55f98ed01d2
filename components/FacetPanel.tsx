import { FACET_LABELS, facetValueLabel } from '@/lib/labels';
import type { FacetName, SearchResult } from '@/lib/search/types';
import type { SearchState } from '@/lib/search-params';
import { clearFacetUrl, toggleFacetUrl } from '@/lib/urls';
import { FacetFilter, FacetLinks, type FacetItem } from './FacetFilter';

/** Display order: what researchers narrow by most comes first. */
const ORDER: FacetName[] = ['theme', 'checks', 'year', 'province', 'city', 'level', 'kind', 'agency'];
const TOP_N = 12;
/** Values passed to the client filter box; beyond this the box would be a page weight problem. */
const CLIENT_MAX = 2000;

export function facetItems(state: SearchState, facet: FacetName, counts: Record<string, number> | undefined): FacetItem[] {
  const selected = state.filters[facet] ?? [];
  const entries = Object.entries(counts ?? {});
  // A selected value that no longer has hits must stay visible, or it could not be unselected.
  for (const v of selected) if (!(v in (counts ?? {}))) entries.push([v, 0]);
  entries.sort(
    facet === 'year'
      ? (a, b) => b[0].localeCompare(a[0])
      : (a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh-CN'),
  );
  const items = entries.map(([value, count]) => ({
    value,
    label: facetValueLabel(facet, value),
    count,
    href: toggleFacetUrl(state, facet, value),
    selected: selected.includes(value),
  }));
  // Selected values first, so the current narrowing is always visible at the top.
  return [...items.filter((i) => i.selected), ...items.filter((i) => !i.selected)];
}

export function FacetPanel({ state, result }: { state: SearchState; result: SearchResult }) {
  return (
    <nav aria-label="分面筛选" className="space-y-5" data-testid="facets">
      {ORDER.map((facet) => {
        const items = facetItems(state, facet, result.facets[facet]);
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
              <FacetFilter facet={facet} items={items.slice(0, CLIENT_MAX)} topN={TOP_N} />
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
          </section>
        );
      })}
    </nav>
  );
}
