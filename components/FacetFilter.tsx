'use client';
/**
 * Long facets (hundreds of agencies): a filter box over every value. Before hydration, or
 * without JavaScript, this renders exactly the server's top-N list, so nothing is lost.
 */
import { useEffect, useMemo, useState } from 'react';

const MIN_FOR_FILTER = 5;

export interface FacetItem {
  value: string;
  label: string;
  count: number;
  href: string;
  selected: boolean;
}

export function FacetFilter({ facet, items, topN }: { facet: string; items: FacetItem[]; topN: number }) {
  const [enhanced, setEnhanced] = useState(false);
  const [filter, setFilter] = useState('');
  // Short lists need no filter box; long ones get it once the client is running.
  useEffect(() => setEnhanced(items.length > MIN_FOR_FILTER), [items.length]);

  const shown = useMemo(() => {
    if (!enhanced) return items.slice(0, topN);
    const f = filter.trim().toLowerCase();
    const matched = f ? items.filter((i) => i.label.toLowerCase().includes(f)) : items.slice(0, topN);
    return matched.slice(0, 200);
  }, [enhanced, filter, items, topN]);

  return (
    <div>
      {enhanced && (
        <input
          type="search"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          placeholder={`在 ${items.length} 个值中筛选…`}
          aria-label="筛选机关"
          className="mb-2 w-full rounded border border-stone-300 px-2 py-1 text-sm"
          data-testid={`facet-filter-${facet}`}
        />
      )}
      <FacetLinks facet={facet} items={shown} />
      {!enhanced && items.length > topN && <p className="mt-1 text-xs text-stone-500">仅显示前 {topN} 项，共 {items.length} 项</p>}
      {enhanced && !filter && items.length > topN && <p className="mt-1 text-xs text-stone-500">输入名称以查找其余 {items.length - topN} 项</p>}
      {enhanced && filter && shown.length === 0 && <p className="text-xs text-stone-500">无匹配项</p>}
    </div>
  );
}

export function FacetLinks({ facet, items }: { facet: string; items: FacetItem[] }) {
  return (
    <ul className="space-y-0.5 text-sm">
      {items.map((i) => (
        <li key={i.value}>
          <a
            href={i.href}
            className={`flex items-baseline justify-between gap-2 rounded px-1.5 py-0.5 no-underline hover:bg-stone-100 ${
              i.selected ? 'bg-brand-50 font-semibold text-brand-800' : 'text-stone-800'
            }`}
            aria-current={i.selected ? 'true' : undefined}
            data-testid="facet-value"
            data-facet={facet}
            data-value={i.value}
            data-selected={i.selected ? 'true' : 'false'}
          >
            <span className="min-w-0 break-all">
              {i.selected && <span aria-hidden="true">✓ </span>}
              {i.label}
            </span>
            <span className="shrink-0 tabular-nums text-stone-500" data-testid="facet-count">
              {i.count.toLocaleString('zh-CN')}
            </span>
          </a>
        </li>
      ))}
    </ul>
  );
}
