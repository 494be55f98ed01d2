import { describe, expect, it } from 'vitest';
import { facetItems } from '@/components/FacetPanel';
import { DEFAULT_STATE } from '@/lib/search-params';
import { searchUrl } from '@/lib/urls';

describe('facetItems', () => {
  it('orders by count (years newest first), selected values on top, each with its toggle URL', () => {
    const state = { ...DEFAULT_STATE, q: '公开', filters: { year: ['2022'] } };
    expect(facetItems(state, 'year', { '2023': 5, '2024': 1, '2022': 2 })).toEqual([
      { value: '2022', label: '2022年', count: 2, selected: true, href: searchUrl({ q: '公开' }) },
      { value: '2024', label: '2024年', count: 1, selected: false, href: searchUrl({ q: '公开', filters: { year: ['2022', '2024'] } }) },
      { value: '2023', label: '2023年', count: 5, selected: false, href: searchUrl({ q: '公开', filters: { year: ['2022', '2023'] } }) },
    ]);
    expect(facetItems(DEFAULT_STATE, 'level', { city: 1, county: 3, province: 1 }).map((i) => [i.value, i.label, i.count])).toEqual([
      ['county', '县级', 3],
      ['city', '市级', 1],
      ['province', '省级', 1],
    ]);
  });

  it('keeps a selected value with no hits visible (count 0) so it can be unselected', () => {
    const state = { ...DEFAULT_STATE, filters: { checks: ['failed'] } };
    expect(facetItems(state, 'checks', { ok: 4 })).toEqual([
      { value: 'failed', label: '存在未通过的校验', count: 0, selected: true, href: '/' },
      { value: 'ok', label: '全部通过', count: 4, selected: false, href: searchUrl({ filters: { checks: ['failed', 'ok'] } }) },
    ]);
    expect(facetItems(DEFAULT_STATE, 'theme', undefined)).toEqual([]);
  });
});

describe('facet items at national scale', () => {
  it('renders at most FACET_MAX values, most frequent first, and always keeps selected ones', async () => {
    const { facetItems: items, FACET_MAX } = await import('../components/FacetPanel');
    const counts: Record<string, number> = {};
    for (let i = 0; i < 20_000; i++) counts[`机关${i}`] = (i % 7) + 1;
    const state = { ...DEFAULT_STATE, filters: { agency: ['机关0'] } };
    const out = items(state, 'agency', counts);
    expect(out.length).toBe(FACET_MAX + 1);
    expect(out[0]).toMatchObject({ value: '机关0', selected: true, count: 1 });
    expect(out.slice(1).every((i) => i.count === 7)).toBe(true);
  });
});
