import { describe, expect, it } from 'vitest';
import { facetItems } from '@/lib/facet-items';
import { DEFAULT_STATE } from '@/lib/search-params';
import { searchUrl } from '@/lib/urls';

describe('facetItems', () => {
  it('orders by count (years newest first), selected values on top, each with its toggle URL', () => {
    const state = { ...DEFAULT_STATE, q: '公开', filters: { year: ['2022'] } };
    expect(facetItems(state, 'year', { '2023': 5, '2024': 1, '2022': 2 })).toEqual([
      { value: '2022', label: '2022年', count: 2, selected: true, href: searchUrl({ q: '公开' }) + '#facet-year' },
      { value: '2024', label: '2024年', count: 1, selected: false, href: searchUrl({ q: '公开', filters: { year: ['2022', '2024'] } }) + '#facet-year' },
      { value: '2023', label: '2023年', count: 5, selected: false, href: searchUrl({ q: '公开', filters: { year: ['2022', '2023'] } }) + '#facet-year' },
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
      { value: 'failed', label: '存在未通过的校验', count: 0, selected: true, href: '/#facet-checks' },
      { value: 'ok', label: '全部通过', count: 4, selected: false, href: searchUrl({ filters: { checks: ['failed', 'ok'] } }) + '#facet-checks' },
    ]);
    expect(facetItems(DEFAULT_STATE, 'theme', undefined)).toEqual([]);
  });
});

describe('facet items at national scale', () => {
  it('renders at most FACET_MAX values, most frequent first, and always keeps selected ones', async () => {
    const { facetItems: items, FACET_MAX } = await import('../lib/facet-items');
    const counts: Record<string, number> = {};
    for (let i = 0; i < 20_000; i++) counts[`机关${i}`] = (i % 7) + 1;
    const state = { ...DEFAULT_STATE, filters: { agency: ['机关0'] } };
    const out = items(state, 'agency', counts);
    expect(out.length).toBe(FACET_MAX + 1);
    expect(out[0]).toMatchObject({ value: '机关0', selected: true, count: 1 });
    expect(out.slice(1).every((i) => i.count === 7)).toBe(true);
  });
});

describe('facet items from the memoized ranking', () => {
  /** The ranking as a full sort of every value (how facetItems worked before the memo). */
  function reference(state: typeof DEFAULT_STATE, facet: 'agency' | 'year', counts: Record<string, number>, max: number) {
    const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    const selected = state.filters[facet] ?? [];
    const entries = Object.entries(counts);
    for (const v of selected) if (!Object.hasOwn(counts, v)) entries.push([v, 0]);
    entries.sort(facet === 'year' ? (a, b) => byCode(b[0], a[0]) : (a, b) => b[1] - a[1] || byCode(a[0], b[0]));
    const shown = entries.filter(([v], i) => i < max || selected.includes(v)).map(([v, c]) => [v, c, selected.includes(v)] as const);
    return [...shown.filter((i) => i[2]), ...shown.filter((i) => !i[2])];
  }

  it('lists what a full sort would, for selections inside, beyond and outside the counts', () => {
    const counts: Record<string, number> = {};
    for (let i = 0; i < 3_000; i++) counts[`机关${(i * 7919) % 3001}`] = 1 + ((i * 31) % 9);
    const frozen = Object.freeze({ ...counts });
    const selections = [[], ['机关5'], ['无此机关'], ['无此机关', '机关17', 'toString'], Object.keys(counts).slice(-3)];
    for (const agency of selections) {
      const state = { ...DEFAULT_STATE, filters: { agency } };
      for (const max of [1, 10, 300]) {
        const want = reference(state, 'agency', counts, max);
        for (const c of [counts, frozen]) expect(facetItems(state, 'agency', c, max).map((i) => [i.value, i.count, i.selected])).toEqual(want);
      }
    }
    const years = Object.freeze({ '2021': 3, '2024': 1, '2023': 7 });
    const state = { ...DEFAULT_STATE, filters: { year: ['2020'] } };
    expect(facetItems(state, 'year', years, 2).map((i) => [i.value, i.count, i.selected])).toEqual(reference(state, 'year', years, 2));
  });

  it('under a year range, the range’s years with reports show ticked; a click ticks among them and drops the range', () => {
    const years = Object.freeze({ '2021': 3, '2022': 2, '2023': 7, '2024': 1 });
    const state = { ...DEFAULT_STATE, yearFrom: 2022, yearTo: 2023 };
    const items = facetItems(state, 'year', years);
    expect(items.map((i) => [i.value, i.selected])).toEqual([['2023', true], ['2022', true], ['2024', false], ['2021', false]]);
    const href = (v: string) => items.find((i) => i.value === v)!.href;
    expect(href('2024')).toBe(searchUrl({ filters: { year: ['2022', '2023', '2024'] } }) + '#facet-year');
    expect(href('2022')).toBe(searchUrl({ filters: { year: ['2023'] } }) + '#facet-year');
  });
});
