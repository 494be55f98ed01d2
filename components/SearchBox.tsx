import { FACETS } from '@/lib/search/types';
import { MAX_QUERY_CHARS, PARAM, type SearchState } from '@/lib/search-params';
import { figureFilterParam } from '@/lib/key-figures';

/**
 * A plain GET form, so searching works without JavaScript. Current filters and sort ride
 * along as hidden fields: a new query keeps the narrowing, and starts again at page 1.
 */
export function SearchBox({ state }: { state: SearchState }) {
  return (
    <form action="/" method="get" role="search" className="flex gap-2" data-testid="search-form">
      <label htmlFor="q" className="sr-only">
        检索词
      </label>
      <input
        id="q"
        name={PARAM.q}
        type="search"
        defaultValue={state.q}
        maxLength={MAX_QUERY_CHARS}
        placeholder="输入检索词，如：时效性、依申请公开、行政复议"
        className="min-w-0 flex-1 rounded-md border border-stone-300 bg-white px-3 py-2 text-base shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-100"
        data-testid="search-input"
      />
      {FACETS.flatMap((f) => (state.filters[f] ?? []).map((v) => <input key={`${f}=${v}`} type="hidden" name={f} value={v} />))}
      {(state.figureFilters ?? []).map((f) => (
        <input key={figureFilterParam(f)} type="hidden" name={PARAM.figure} value={figureFilterParam(f)} />
      ))}
      {state.sort !== 'relevance' && <input type="hidden" name={PARAM.sort} value={state.sort} />}
      {state.includeVersions && <input type="hidden" name={PARAM.includeVersions} value="1" />}
      <button
        type="submit"
        className="rounded-md bg-brand-700 px-5 py-2 font-semibold text-white shadow-sm hover:bg-brand-800"
        data-testid="search-submit"
      >
        检索
      </button>
    </form>
  );
}
