import { describe, expect, it } from 'vitest';
import { compareRanked, facetSize, RANK_MEMO, rankValues, shareCounts, type RankedValue, type RankOrder } from '@/lib/search/facet-rank';

/** The ranking spelled out as a full sort, which rankValues must match exactly. */
function fullSort(counts: Record<string, number>, order: RankOrder): RankedValue[] {
  return Object.entries(counts).sort(compareRanked(order));
}

/** Deterministic pseudo-random counts with many ties and mixed scripts. */
function sampleCounts(n: number, seed: number): Record<string, number> {
  let x = seed;
  const next = () => (x = (x * 1103515245 + 12345) % 2 ** 31);
  const out: Record<string, number> = {};
  const chars = ['市', '区', '局', 'A', 'b', '𠀀', '财政', '1', 'Z', '县'];
  for (let i = 0; i < n; i++) {
    const name = Array.from({ length: 1 + (next() % 4) }, () => chars[next() % chars.length]).join('') + String(next() % 1000);
    out[name] = 1 + (next() % 6);
  }
  return out;
}

describe('rankValues', () => {
  it('orders by count desc with code-point ties, or by value desc (years)', () => {
    const counts = { 乙: 2, 甲: 2, b: 5, a: 1, B: 2 };
    expect(rankValues(counts, 10)).toEqual(fullSort(counts, 'count'));
    expect(rankValues(counts, 10).map(([v]) => v)).toEqual(['b', 'B', '乙', '甲', 'a']) // 乙 U+4E59 < 甲 U+7532;
    expect(rankValues({ '2022': 9, '2024': 1, '2023': 5 }, 10, 'value_desc')).toEqual([
      ['2024', 1],
      ['2023', 5],
      ['2022', 9],
    ]);
  });

  it('matches a full sort for every n, frozen (memoized) or not', () => {
    for (const seed of [1, 2, 3]) {
      const counts = sampleCounts(2_000, seed);
      const frozen = Object.freeze({ ...counts });
      for (const order of ['count', 'value_desc'] as const) {
        const want = fullSort(counts, order);
        for (const n of [1, 7, 100, RANK_MEMO, RANK_MEMO + 1, 1_000, 5_000]) {
          expect(rankValues(counts, n, order)).toEqual(want.slice(0, n));
          expect(rankValues(frozen, n, order)).toEqual(want.slice(0, n));
        }
      }
      expect(facetSize(counts)).toBe(Object.keys(counts).length);
      expect(facetSize(frozen)).toBe(Object.keys(counts).length);
    }
  });

  it('ranks shared counts once and hands back the same list', () => {
    const counts = shareCounts(sampleCounts(500, 9));
    expect(Object.isFrozen(counts)).toBe(true);
    const a = rankValues(counts, RANK_MEMO);
    expect(rankValues(counts, RANK_MEMO)).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
    // The memo slot is invisible to keys, spreads and JSON.
    expect(Object.keys(counts)).toHaveLength(Object.keys(sampleCounts(500, 9)).length);
    expect(JSON.stringify({ ...counts })).toBe(JSON.stringify(sampleCounts(500, 9)));
    expect(shareCounts(counts)).toBe(counts);
  });

  it('keeps no memo for counts nobody shared (frozen or not): nothing outlives them', () => {
    const counts = Object.freeze(sampleCounts(500, 9));
    const a = rankValues(counts, RANK_MEMO);
    expect(rankValues(counts, RANK_MEMO)).not.toBe(a);
    expect(rankValues(counts, RANK_MEMO)).toEqual(a);
  });

  it('does not memoize a counts object that can still change', () => {
    const counts: Record<string, number> = { a: 1, b: 2 };
    expect(rankValues(counts, 5).map(([v]) => v)).toEqual(['b', 'a']);
    counts.c = 3;
    expect(rankValues(counts, 5).map(([v]) => v)).toEqual(['c', 'b', 'a']);
    expect(facetSize(counts)).toBe(3);
  });

  it('handles nothing to rank', () => {
    expect(rankValues(undefined, 5)).toEqual([]);
    expect(rankValues({ a: 1 }, 0)).toEqual([]);
    expect(facetSize(undefined)).toBe(0);
  });
});
