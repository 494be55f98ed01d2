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
});
