import { describe, expect, it } from 'vitest';
import { earlierYearPhrase, yearSpan } from '@/lib/year-text';

describe('year texts', () => {
  it('one year is not a range', () => {
    expect(yearSpan([2023])).toBe('2023年');
    expect(yearSpan([2023, 2023])).toBe('2023年');
    expect(yearSpan([2024, 2020, 2022])).toBe('2020–2024年');
    expect(yearSpan([])).toBe('');
  });
  it('only consecutive years are "上一年度"', () => {
    expect(earlierYearPhrase(2022, 2023)).toBe('上一年度');
    expect(earlierYearPhrase(2020, 2023)).toBe('2020年度');
  });
});
