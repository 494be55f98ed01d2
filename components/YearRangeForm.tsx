import { YEAR_MAX, YEAR_MIN, type SearchState } from '@/lib/search-params';
import { facetSectionId, searchUrl, yearRangeFormFields } from '@/lib/urls';

/**
 * The year range (year_from / year_to) as a plain GET form: the rest of the search state rides
 * along in hidden fields, so it works without JavaScript and the result returns to the year facet.
 */
export function YearRangeForm({ state }: { state: SearchState }) {
  const input = 'w-[4.5rem] rounded border border-stone-300 px-1.5 py-0.5 text-sm tabular-nums';
  return (
    <form action={`${searchUrl()}#${facetSectionId('year')}`} method="get" className="mt-2 flex flex-wrap items-center gap-1 text-sm" data-testid="year-range">
      {yearRangeFormFields(state).map(([name, value], i) => (
        <input key={`${name}-${i}`} type="hidden" name={name} value={value} />
      ))}
      <label className="sr-only" htmlFor="year-from">起始年份</label>
      <input id="year-from" name="year_from" type="number" inputMode="numeric" min={YEAR_MIN} max={YEAR_MAX} placeholder="起" defaultValue={state.yearFrom ?? ''} className={input} data-testid="year-from" />
      <span aria-hidden="true">–</span>
      <label className="sr-only" htmlFor="year-to">截止年份</label>
      <input id="year-to" name="year_to" type="number" inputMode="numeric" min={YEAR_MIN} max={YEAR_MAX} placeholder="止" defaultValue={state.yearTo ?? ''} className={input} data-testid="year-to" />
      <button type="submit" className="rounded border border-stone-300 bg-white px-2 py-0.5 text-brand-700 hover:bg-stone-100" data-testid="year-range-apply">
        应用
      </button>
    </form>
  );
}
