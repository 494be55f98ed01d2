import { FACET_LABELS, facetValueLabel } from '@/lib/labels';
import type { AgencySuggestion } from '@/lib/queries';
import type { Understood } from '@/lib/search/understand';
import type { SearchState } from '@/lib/search-params';
import { searchUrl } from '@/lib/urls';

const CHIP = 'rounded-full border border-brand-600 bg-brand-50 px-2.5 py-0.5 text-brand-800';

/**
 * The words of the query taken as filters, each as a chip whose link searches the query as typed
 * instead (`literal=1`), so understanding is never a trap.
 */
export function UnderstoodQuery({ typed, understood }: { typed: SearchState; understood: Understood[] }) {
  if (!understood.length) return null;
  const undo = searchUrl({ ...typed, literal: true, page: 1 });
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm" data-testid="understood">
      {understood.map((u) => (
        <span key={`${u.facet}=${u.value}=${u.word}`} className={CHIP} data-testid="understood-chip" data-facet={u.facet} data-value={u.value}>
          已将“{u.word}”作为{FACET_LABELS[u.facet]}筛选
          <a href={undo} className="ml-1 text-brand-700 no-underline" title={`把“${u.word}”作为检索词`} aria-label={`撤销：把“${u.word}”作为检索词`} data-testid="understood-undo">
            ×
          </a>
        </span>
      ))}
      <a href={undo} className="text-stone-500 underline" data-testid="understood-literal">
        按原文“{typed.q}”检索
      </a>
    </div>
  );
}

/** For a search that found nothing: the filters its words could be, and the nearest agency names. */
export function SearchSuggestions({ typed, filters, agencies }: { typed: SearchState; filters: Understood[]; agencies: AgencySuggestion[] }) {
  if (!filters.length && !agencies.length) return null;
  return (
    // Spans, not blocks: the notice that holds this is a paragraph.
    <span className="mt-2 block space-y-1 text-sm" data-testid="suggestions">
      {filters.length > 0 && (
        <span className="block">
          试试把{' '}
          {filters.map((u, i) => (
            <span key={`${u.facet}=${u.value}`}>
              {i > 0 && '、'}“{u.word}”作为{FACET_LABELS[u.facet]}（{facetValueLabel(u.facet, u.value)}）
            </span>
          ))}{' '}
          筛选：
          <a href={searchUrl({ ...typed, literal: false, page: 1 })} className="text-brand-700 underline" data-testid="suggest-understood">
            按筛选检索
          </a>
        </span>
      )}
      {agencies.length > 0 && (
        <span className="block">
          相近的机关：
          {agencies.map((a, i) => (
            <span key={a.agency}>
              {i > 0 && '、'}
              <a href={searchUrl({ filters: { agency: [a.agency] } })} className="text-brand-700 underline" data-testid="suggest-agency">
                {a.agency}
              </a>
            </span>
          ))}
        </span>
      )}
    </span>
  );
}
