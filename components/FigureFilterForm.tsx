import { FIGURE_OP_SYMBOLS, FIGURE_OP_WORDS, FIGURE_OPS, KEY_FIGURES, MAX_FIGURE_VALUE } from '@/lib/key-figures';
import { FIGURE_FORM, type SearchState } from '@/lib/search-params';
import { FIGURE_FORM_ID, figureFormFields, searchUrl } from '@/lib/urls';

/**
 * Adds a condition on a key figure (新收申请 ≥ 100) as a plain GET form: the rest of the search
 * state rides along in hidden fields, so it works without JavaScript; the page answers with a
 * redirect to the canonical URL (`fig=received:ge:100`), back at this form (inside the phone's
 * 筛选 panel, which stays open because the form's section is the target).
 */
export function FigureFilterForm({ state }: { state: SearchState }) {
  const field = 'rounded border border-stone-300 bg-white px-1.5 py-1 text-sm';
  return (
    <section id={FIGURE_FORM_ID} className="facet-section mb-5" data-testid="figure-filter">
      <h2 className="mb-1 text-sm font-semibold text-stone-600">按数字筛选</h2>
      <form action={`${searchUrl()}#${FIGURE_FORM_ID}`} method="get" className="flex flex-wrap items-center gap-1" data-testid="figure-filter-form">
        {figureFormFields(state).map(([name, value], i) => (
          <input key={`${name}-${i}`} type="hidden" name={name} value={value} />
        ))}
        <label className="sr-only" htmlFor="fig-key">数字项</label>
        <select id="fig-key" name={FIGURE_FORM.key} className={`${field} max-w-full`} data-testid="figure-key" defaultValue="received">
          {KEY_FIGURES.map((d) => (
            <option key={d.key} value={d.key}>
              {d.label}
            </option>
          ))}
        </select>
        <label className="sr-only" htmlFor="fig-op">比较方式</label>
        <select id="fig-op" name={FIGURE_FORM.op} className={field} data-testid="figure-op" defaultValue="ge">
          {FIGURE_OPS.map((o) => (
            <option key={o} value={o} aria-label={FIGURE_OP_WORDS[o]}>
              {FIGURE_OP_SYMBOLS[o]}
            </option>
          ))}
        </select>
        <label className="sr-only" htmlFor="fig-value">数值</label>
        <input
          id="fig-value"
          name={FIGURE_FORM.value}
          type="number"
          inputMode="numeric"
          min={0}
          max={MAX_FIGURE_VALUE}
          step={1}
          required
          placeholder="数值"
          className={`${field} w-20 tabular-nums`}
          data-testid="figure-value"
        />
        <button type="submit" className="rounded border border-stone-300 bg-white px-2 py-1 text-sm text-brand-700 hover:bg-stone-100" data-testid="figure-apply">
          添加
        </button>
      </form>
      <p className="mt-1 text-xs text-stone-600">数字不详（原表空白）的报告不计入，也不当作 0。</p>
    </section>
  );
}
