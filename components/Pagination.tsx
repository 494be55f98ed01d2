import { MAX_PAGE, type SearchState } from '@/lib/search-params';
import { pageUrl } from '@/lib/urls';

/** Page links around the current page (first, last, ±2); plain links, no JS. */
export function Pagination({ state, total }: { state: SearchState; total: number }) {
  const pages = Math.min(Math.max(1, Math.ceil(total / state.perPage)), MAX_PAGE);
  if (pages <= 1) return null;
  const cur = state.page;
  const nums = [...new Set([1, cur - 2, cur - 1, cur, cur + 1, cur + 2, pages])].filter((n) => n >= 1 && n <= pages).sort((a, b) => a - b);
  const cls = 'rounded border border-stone-300 bg-white px-2.5 py-1 no-underline hover:bg-stone-100';
  return (
    <nav aria-label="分页" className="mt-6 flex flex-wrap items-center gap-1 text-sm" data-testid="pagination">
      {cur > 1 && (
        <a href={pageUrl(state, cur - 1)} className={cls} rel="prev" data-testid="page-prev">
          上一页
        </a>
      )}
      {nums.map((n, i) => (
        <span key={n} className="flex items-center gap-1">
          {i > 0 && n - nums[i - 1]! > 1 && <span className="px-1 text-stone-500" aria-hidden="true">…</span>}
          {n === cur ? (
            <span className="rounded bg-brand-700 px-2.5 py-1 font-semibold text-white" aria-current="page" data-testid="page-current">
              {n}
            </span>
          ) : (
            <a href={pageUrl(state, n)} className={cls} data-testid="page-link">
              {n}
            </a>
          )}
        </span>
      ))}
      {cur < pages && (
        <a href={pageUrl(state, cur + 1)} className={cls} rel="next" data-testid="page-next">
          下一页
        </a>
      )}
    </nav>
  );
}
