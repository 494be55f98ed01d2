import { describe, expect, it } from 'vitest';
import { limitFacets } from '@/app/api/search/serialize';

describe('/api/search facet_limit', () => {
  it('keeps the most frequent values with exact counts and says how many a cut facet had', () => {
    const agency: Record<string, number> = {};
    for (let i = 0; i < 500; i++) agency[`机关${String(i).padStart(3, '0')}`] = i % 10;
    const { facets, facetValueCounts } = limitFacets({ agency, year: { '2023': 3, '2024': 2 } }, 3);
    expect(facets).toEqual({ agency: { 机关009: 9, 机关019: 9, 机关029: 9 }, year: { '2023': 3, '2024': 2 } });
    expect(facetValueCounts).toEqual({ agency: 500 });
  });
  it('0 means every value', () => {
    const agency = Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`a${i}`, 1]));
    expect(limitFacets({ agency }, 0)).toEqual({ facets: { agency }, facetValueCounts: {} });
  });
  it('passes on how many values a facet the engine already cut had', () => {
    const agency = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`a${String(i).padStart(3, '0')}`, 200 - i]));
    const year = { '2023': 3 };
    expect(limitFacets({ agency, year }, 100, { agency: 20_000 })).toEqual({ facets: { agency, year }, facetValueCounts: { agency: 20_000 } });
    const cut = limitFacets({ agency, year }, 2, { agency: 20_000 });
    expect(cut.facets.agency).toEqual({ a000: 200, a001: 199 });
    expect(cut.facetValueCounts).toEqual({ agency: 20_000 });
    expect(limitFacets({ agency }, 0, { agency: 20_000 }).facetValueCounts).toEqual({ agency: 20_000 });
  });
});
