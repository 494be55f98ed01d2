import { KEY_FIGURES, parseFigureSort } from '@/lib/key-figures';
import { SORT_LABELS } from '@/lib/labels';
import type { SearchState } from '@/lib/search-params';
import { sortUrl } from '@/lib/urls';

/**
 * Sorting by a key figure: a disclosure of links (no JavaScript needed), each figure largest or
 * smallest first. Its summary names the current figure order when one is chosen.
 */
export function FigureSortMenu({ state }: { state: SearchState }) {
  const current = parseFigureSort(state.sort);
  return (
    // On phones the open menu takes a row of its own in the flow (an overlay ran off the screen).
    <details className="relative open:basis-full md:open:basis-auto" data-testid="figure-sort">
      <summary
        className={`cursor-pointer rounded px-2 py-0.5 ${current ? 'bg-stone-800 text-white' : 'text-brand-700 hover:bg-stone-100'}`}
        data-testid="figure-sort-toggle"
        {...(current ? { 'data-selected': 'true' } : {})}
      >
        {current ? SORT_LABELS[state.sort] : '按数字'}
      </summary>
      <ul className="z-20 mt-1 w-full space-y-0.5 rounded border md:absolute md:left-0 md:w-64 border-stone-200 bg-white p-2 text-sm shadow-lg" data-testid="figure-sort-menu">
        {KEY_FIGURES.map((d) => (
          <li key={d.key} className="flex items-center justify-between gap-2">
            <span className="text-stone-700">{d.label}</span>
            <span className="flex gap-1">
              {(['desc', 'asc'] as const).map((dir) => {
                const s = `fig:${d.key}:${dir}` as const;
                const on = state.sort === s;
                return on ? (
                  <span key={dir} className="rounded bg-stone-800 px-1.5 text-white" aria-current="true" data-testid={`sort-${s}`} data-selected="true">
                    {dir === 'desc' ? '多→少' : '少→多'}
                  </span>
                ) : (
                  <a key={dir} href={sortUrl(state, s)} className="rounded px-1.5 text-brand-700 hover:bg-stone-100" data-testid={`sort-${s}`} aria-label={SORT_LABELS[s]}>
                    {dir === 'desc' ? '多→少' : '少→多'}
                  </a>
                );
              })}
            </span>
          </li>
        ))}
      </ul>
    </details>
  );
}
