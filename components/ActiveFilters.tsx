import { FACET_LABELS, facetValueLabel } from '@/lib/labels';
import { FACETS } from '@/lib/search/types';
import { hasFilters, hasYearRange, yearRangeLabel, type SearchState } from '@/lib/search-params';
import { clearYearRangeUrl, removeFigureFilterUrl, searchUrl, toggleFacetUrl } from '@/lib/urls';
import { figureFilterLabel, figureFilterParam } from '@/lib/key-figures';

/** The current narrowing as removable chips, so a pasted link explains itself. */
export function ActiveFilters({ state }: { state: SearchState }) {
  if (!hasFilters(state)) return null;
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm" data-testid="active-filters">
      {FACETS.flatMap((f) =>
        (state.filters[f] ?? []).map((v) => (
          <a
            key={`${f}=${v}`}
            href={toggleFacetUrl(state, f, v)}
            className="rounded-full border border-brand-600 bg-brand-50 px-2.5 py-0.5 text-brand-800 no-underline hover:bg-brand-100"
            title="移除此筛选"
            data-testid="active-filter"
            data-facet={f}
            data-value={v}
          >
            {FACET_LABELS[f]}：{facetValueLabel(f, v)} <span aria-hidden="true">×</span>
          </a>
        )),
      )}
      {hasYearRange(state) && (
        <a
          href={clearYearRangeUrl(state)}
          className="rounded-full border border-brand-600 bg-brand-50 px-2.5 py-0.5 text-brand-800 no-underline hover:bg-brand-100"
          title="移除此筛选"
          data-testid="active-year-range"
        >
          年份范围：{yearRangeLabel(state)} <span aria-hidden="true">×</span>
        </a>
      )}
      {(state.figureFilters ?? []).map((f) => (
        <a
          key={figureFilterParam(f)}
          href={removeFigureFilterUrl(state, f)}
          className="rounded-full border border-brand-600 bg-brand-50 px-2.5 py-0.5 text-brand-800 no-underline hover:bg-brand-100"
          title="移除此筛选"
          data-testid="active-figure-filter"
          data-value={figureFilterParam(f)}
        >
          {figureFilterLabel(f)} <span aria-hidden="true">×</span>
        </a>
      ))}
      <a href={searchUrl({ q: state.q, sort: state.sort })} className="text-stone-500 underline" data-testid="clear-filters">
        清除全部筛选
      </a>
    </div>
  );
}
