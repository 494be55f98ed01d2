import { FACETS } from '@/lib/search/types';
import { hasYearRange, type SearchState } from '@/lib/search-params';

/** How many filters are on (each ticked value, the year range, each figure condition), for the 筛选 button. */
function activeCount(state: SearchState): number {
  return FACETS.reduce((n, f) => n + (state.filters[f]?.length ?? 0), 0) + (hasYearRange(state) ? 1 : 0) + (state.figureFilters?.length ?? 0);
}

/**
 * Phones only: the 筛选 button above the results. It targets #filters, which globals.css shows on
 * phones only while targeted (or while a facet inside it is), so it works without JavaScript.
 */
export function FiltersButton({ state }: { state: SearchState }) {
  const n = activeCount(state);
  return (
    <a
      href="#filters"
      className="inline-flex items-center gap-1 rounded border border-stone-300 bg-white px-3 py-1.5 text-sm font-semibold text-stone-800 no-underline md:hidden"
      data-testid="filters-button"
    >
      筛选{n > 0 && <span className="rounded-full bg-brand-700 px-1.5 text-xs text-white">{n}</span>}
    </a>
  );
}

/** Phones only: closes the filters (targets the results) and says how many there are. */
export function ShowResultsLink({ total }: { total: number }) {
  return (
    <a
      href="#results"
      className="mt-4 block rounded bg-brand-700 px-3 py-2 text-center text-sm font-semibold text-white no-underline md:hidden"
      data-testid="filters-done"
    >
      查看 {total.toLocaleString('zh-CN')} 份结果
    </a>
  );
}
