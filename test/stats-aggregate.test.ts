import { describe, expect, it } from 'vitest';
import { aggregate, median } from '@/lib/stats/aggregate';
import { appeals, record, requests } from './compare-fixtures';

const rec = (agency: string, year: number | null, received: number | null, processed: number, granted: number, denied: [number, number], review: [number, number, number], province = '测试省') =>
  record({
    agency,
    year,
    region: { province, city: null, county: null },
    figures: {
      active: null,
      requests: requests({
        new_received: { total: received },
        total_processed: { total: processed },
        granted: { total: granted },
        denied_state_secret: { total: denied[0] },
        denied_prohibited_by_law: { total: denied[1] },
      }),
      appeals: appeals({ review: { upheld: review[0], corrected: review[1], other: review[2], total: review[0] + review[1] + review[2] } }),
    },
  });

describe('aggregate', () => {
  const records = [
    rec('甲', 2022, 10, 10, 6, [1, 1], [2, 1, 1]),
    rec('乙', 2023, 30, 20, 10, [3, 1], [0, 0, 0], '另一省'),
    rec('丙', 2023, null, 10, 4, [0, 0], [1, 1, 0]),
  ];
  const s = aggregate(records);

  it('totals, medians and counts per measure; a figure a report does not state is left out, not 0', () => {
    expect(s.all.reports).toBe(3);
    expect(s.all.measures.received).toEqual({ n: 2, sum: 40, median: 20 });
    expect(s.all.measures.processed).toEqual({ n: 3, sum: 40, median: 10 });
    // 不予公开 is the sum of its eight rows (two set here, the rest 0 in the fixture).
    expect(s.all.measures.refused).toEqual({ n: 3, sum: 6, median: 2 });
    expect(s.all.measures.review_corrected).toEqual({ n: 3, sum: 2, median: 1 });
  });

  it('rates are ratios of totals: 不予公开占比 = Σ不予公开 ÷ Σ办理, 纠错率 = Σ纠正 ÷ Σ审结', () => {
    expect(s.all.rates.refused_share).toBe(15); // 6 / 40
    expect(s.all.rates.granted_share).toBe(50); // 20 / 40
    expect(s.all.rates.review_correction).toBe(33.3); // 2 / 6
  });

  it('groups by year (ascending) and by province (largest first); unknown values last', () => {
    expect(s.by.year.map((r) => [r.group, r.reports])).toEqual([['2022', 1], ['2023', 2]]);
    expect(s.by.year[1]!.measures.received).toEqual({ n: 1, sum: 30, median: 30 });
    expect(s.by.year[1]!.rates.review_correction).toBe(50);
    expect(s.by.province.map((r) => [r.group, r.reports])).toEqual([['测试省', 2], ['另一省', 1]]);
    expect(s.by.city.map((r) => r.group)).toEqual([null]);
    const undated = aggregate([...records, rec('丁', null, 1, 1, 1, [0, 0], [0, 0, 0])]);
    expect(undated.by.year.at(-1)).toMatchObject({ group: null, reports: 1 });
  });

  it('nothing to aggregate: zero reports, null totals and rates', () => {
    const e = aggregate([]);
    expect(e.all.reports).toBe(0);
    expect(e.all.measures.received).toEqual({ n: 0, sum: null, median: null });
    expect(e.all.rates.refused_share).toBeNull();
    expect(median([3, 1, 2, 10])).toBe(2.5);
  });
});
