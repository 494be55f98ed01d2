import { FACET_LABELS } from '@/lib/labels';
import { facetSize } from '@/lib/search/facet-rank';
import type { FacetName, SearchResult } from '@/lib/search/types';
import { hasYearRange, type SearchState } from '@/lib/search-params';
import { clearFacetUrl, facetSectionId, facetValuesJsonUrl } from '@/lib/urls';
import { FACET_MAX, facetEntries, toFacetItems } from '@/lib/facet-items';
import { YearRangeForm } from './YearRangeForm';
import { FacetFilter, FacetLinks } from './FacetFilter';

/** Display order: what researchers narrow by most comes first. */
const ORDER: FacetName[] = ['theme', 'checks', 'year', 'province', 'city', 'level', 'kind', 'agency'];
const TOP_N = 12;
/**
 * Most values a link facet lists (TOP_N shown, the rest under "其余 N 项"). Why not FACET_MAX:
 * at 100,000 reports the city facet's 173 links were ~30 KB of HTML plus their RSC payload on
 * every page, the largest part of a page's render; a value further down is found by typing it.
 */
const LINK_MAX = 50;

export function FacetPanel({ state, result }: { state: SearchState; result: SearchResult }) {
  return (
    <nav aria-label="分面筛选" className="space-y-5" data-testid="facets">
      <p className="text-xs text-stone-600" data-testid="facet-help">
        可多选：同一项内的值为“或”，不同项之间为“且”。每个值后的数字是勾选它之后将得到的报告数。
      </p>
      {ORDER.map((facet) => {
        const entries = facetEntries(state, facet, result.facets[facet], facet === 'agency' ? FACET_MAX : LINK_MAX);
        // The agency box ships only its first TOP_N (see below): URLs for the rest are not built.
        const items = toFacetItems(state, facet, facet === 'agency' ? entries.slice(0, TOP_N) : entries);
        // An engine that cut the facet (SearchQuery.facetLimit) says how many values it has.
        const valueCount = result.facetValueCounts?.[facet] ?? facetSize(result.facets[facet]);
        if (!items.length && !(facet === 'year' && hasYearRange(state))) return null;
        const hasSelection = (state.filters[facet]?.length ?? 0) > 0 || (facet === 'year' && hasYearRange(state));
        return (
          <section key={facet} id={facetSectionId(facet)} className="facet-section" data-testid={`facet-${facet}`}>
            <h2 className="mb-1 flex items-baseline justify-between text-sm font-semibold text-stone-600">
              {FACET_LABELS[facet]}
              {hasSelection && (
                <a href={clearFacetUrl(state, facet)} className="text-xs font-normal text-brand-700" data-testid={`facet-clear-${facet}`} aria-label={`清除${FACET_LABELS[facet]}筛选`}>
                  清除
                </a>
              )}
            </h2>
            {facet === 'agency' ? (
              // Only the first TOP_N go into the page; the filter box fetches the same list whole
              // (facetValuesJsonUrl) when used. 300 agencies with their URLs were ~70 KB of every page.
              <FacetFilter facet={facet} items={items} total={entries.length} valuesUrl={facetValuesJsonUrl(state, facet)} />
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
            {facet === 'year' && <YearRangeForm state={state} />}
            {valueCount > entries.length && (
              <p className="mt-1 text-xs text-stone-500" data-testid={`facet-more-${facet}`}>
                仅列出数量最多的 {entries.length} 项（共 {valueCount} 项），可在检索框中输入名称缩小范围
              </p>
            )}
          </section>
        );
      })}
    </nav>
  );
}
