import { STAT_DIMENSIONS, type DimensionKey } from '@/lib/stats/aggregate';
import type { SearchState } from '@/lib/search-params';
import { statsUrl } from '@/lib/urls';

/** The grouping links (年度, 地区 …): the current one is marked, not linked. */
export function GroupByNav({ state, by }: { state: SearchState; by: DimensionKey }) {
  return (
    <nav className="flex flex-wrap gap-1 text-sm" aria-label="分组方式" data-testid="stats-by">
      <span>分组：</span>
      {STAT_DIMENSIONS.map((d) =>
        d.key === by ? (
          <span key={d.key} className="rounded bg-stone-800 px-2 py-0.5 text-white" aria-current="true">
            {d.label}
          </span>
        ) : (
          <a key={d.key} href={statsUrl(state, d.key)} className="rounded px-2 py-0.5 text-brand-700 hover:bg-stone-100" data-testid={`stats-by-${d.key}`}>
            {d.label}
          </a>
        ),
      )}
    </nav>
  );
}
