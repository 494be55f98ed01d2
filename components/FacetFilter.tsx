'use client';
/**
 * Long facets (hundreds of agencies): a filter box over every value the facet lists. The page
 * ships only the first `items`; the whole list (`total` values, the same ones the server would
 * have rendered) is fetched from `valuesUrl` the first time the box is used. Before hydration,
 * or without JavaScript, this renders exactly the server's top-N list, so nothing is lost.
 */
import { useEffect, useMemo, useState } from 'react';
import type { FacetItem } from '@/lib/facet-items';

const MIN_FOR_FILTER = 5;
const MAX_SHOWN = 200;

type Loaded = { state: 'idle' | 'loading' | 'failed' } | { state: 'done'; items: FacetItem[] };

export function FacetFilter({ facet, items, total, valuesUrl }: { facet: string; items: FacetItem[]; total: number; valuesUrl: string }) {
  const [enhanced, setEnhanced] = useState(false);
  const [filter, setFilter] = useState('');
  const [all, setAll] = useState<Loaded>({ state: 'idle' });
  // Short lists need no filter box; long ones get it once the client is running.
  useEffect(() => setEnhanced(total > MIN_FOR_FILTER), [total]);

  const f = filter.trim().toLowerCase();
  const load = () => {
    if (all.state !== 'idle' && all.state !== 'failed') return;
    setAll({ state: 'loading' });
    fetch(valuesUrl)
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error(String(r.status)))))
      .then((body: { items?: FacetItem[] }) => setAll({ state: 'done', items: body.items ?? [] }))
      .catch(() => setAll({ state: 'failed' }));
  };
  // A new search (another valuesUrl) needs its own list.
  useEffect(() => setAll({ state: 'idle' }), [valuesUrl]);
  useEffect(() => {
    if (f && all.state === 'idle') load();
  });

  const shown = useMemo(() => {
    if (!enhanced || !f) return items;
    if (all.state !== 'done') return [];
    return all.items.filter((i) => i.label.toLowerCase().includes(f)).slice(0, MAX_SHOWN);
  }, [enhanced, f, items, all]);

  return (
    <div>
      {enhanced && (
        <input
          type="search"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          onFocus={load}
          placeholder={`在 ${total} 个值中筛选…`}
          aria-label="筛选机关"
          className="mb-2 w-full rounded border border-stone-300 px-2 py-1 text-sm"
          data-testid={`facet-filter-${facet}`}
        />
      )}
      <FacetLinks facet={facet} items={shown} />
      {!enhanced && total > items.length && <p className="mt-1 text-xs text-stone-500">仅显示前 {items.length} 项，共 {total} 项</p>}
      {enhanced && !f && total > items.length && <p className="mt-1 text-xs text-stone-500">输入名称以查找其余 {total - items.length} 项</p>}
      {enhanced && f && all.state === 'loading' && <p className="text-xs text-stone-500">正在载入…</p>}
      {enhanced && f && all.state === 'failed' && <p className="text-xs text-stone-500">无法载入，请稍后再试</p>}
      {enhanced && f && all.state === 'done' && shown.length === 0 && <p className="text-xs text-stone-500">无匹配项</p>}
    </div>
  );
}

/**
 * A facet's values as toggle links. A client component on purpose, also where the server
 * renders it: the page's RSC payload then carries each value's props, which is about half the
 * size of the rendered <li><a>… tree a server component would put there.
 */
export function FacetLinks({ facet, items }: { facet: string; items: FacetItem[] }) {
  return (
    <ul className="space-y-0.5 text-sm">
      {items.map((i) => (
        <li key={i.value}>
          <a
            href={i.href}
            className={i.selected ? 'facet-link facet-link-selected' : 'facet-link'}
            aria-current={i.selected ? 'true' : undefined}
            data-testid="facet-value"
            data-facet={facet}
            data-value={i.value}
            data-selected={i.selected ? 'true' : 'false'}
          >
            <span className="facet-label">
              <span className="facet-box" aria-hidden="true">
                {i.selected ? '✓' : ''}
              </span>
              {i.label}
            </span>
            <span className="facet-count" data-testid="facet-count">
              {i.count.toLocaleString('zh-CN')}
            </span>
          </a>
        </li>
      ))}
    </ul>
  );
}
