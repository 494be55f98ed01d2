import { describe, expect, it } from 'vitest';
import { engineFilters, hasFilters, parseSearchParams, yearRangeLabel, MAX_QUERY_CHARS } from '@/lib/search-params';

const ok = (raw: Record<string, string | string[]> | URLSearchParams) => {
  const r = parseSearchParams(raw);
  if (!r.ok) throw new Error(r.error);
  return r.state;
};
const err = (raw: Record<string, string | string[]>) => {
  const r = parseSearchParams(raw);
  if (r.ok) throw new Error('expected a validation error');
  return r.error;
};

describe('parseSearchParams', () => {
  it('gives the default state for no parameters', () => {
    expect(ok({})).toEqual({ q: '', filters: {}, sort: 'relevance', page: 1, perPage: 20, includeVersions: false });
  });

  it('reads repeated facet params as a multi-select, de-duplicated, blanks dropped', () => {
    const p = new URLSearchParams('q=+时效性+&year=2024&year=2023&year=2024&agency=&theme=时效性&per_page=50&page=2&sort=year_asc');
    expect(ok(p)).toEqual({
      q: '时效性',
      filters: { year: ['2024', '2023'], theme: ['时效性'] },
      sort: 'year_asc',
      page: 2,
      perPage: 50,
      includeVersions: false,
    });
  });

  it('include_versions=1 asks for older versions too; 0 or blank is the default; anything else is a message', () => {
    expect(ok({ include_versions: '1' }).includeVersions).toBe(true);
    expect(ok({ include_versions: '0' }).includeVersions).toBe(false);
    expect(ok({ include_versions: '' }).includeVersions).toBe(false);
    expect(err({ include_versions: 'yes' })).toContain('include_versions');
  });

  it('accepts unknown facet values and ignores unknown parameters', () => {
    expect(ok({ year: 'not-a-year', checks: 'maybe', format: 'csv', utm_source: 'x' }).filters).toEqual({
      year: ['not-a-year'],
      checks: ['maybe'],
    });
  });

  it('treats blank scalars (empty form fields) as defaults', () => {
    expect(ok({ sort: '', page: '', per_page: '' })).toEqual(ok({}));
  });

  it('rejects bad page, per_page and sort with readable messages', () => {
    expect(err({ page: '0' })).toContain('page');
    expect(err({ page: '-1' })).toContain('page');
    expect(err({ page: '1.5' })).toContain('page');
    expect(err({ page: '100000' })).toContain('page');
    expect(err({ per_page: '1000' })).toContain('per_page');
    expect(err({ sort: 'random' })).toContain('sort');
  });

  it('bounds the query length and the number of values', () => {
    expect(ok({ q: 'a'.repeat(MAX_QUERY_CHARS) }).q).toHaveLength(MAX_QUERY_CHARS);
    expect(err({ q: 'a'.repeat(MAX_QUERY_CHARS + 1) })).toContain('检索词过长');
    expect(err({ agency: Array.from({ length: 51 }, (_, i) => `局${i}`) })).toContain('最多选择');
  });
});

describe('year range (year_from / year_to)', () => {
  it('reads either end, validates each in Chinese, and refuses a reversed range', () => {
    expect(ok({ year_from: '2020', year_to: '2024' })).toMatchObject({ yearFrom: 2020, yearTo: 2024 });
    expect(ok({ year_from: '2020' })).toMatchObject({ yearFrom: 2020 });
    expect(ok({ year_from: '2020' }).yearTo).toBeUndefined();
    expect(ok({ year_from: '', year_to: ' ' })).toEqual(ok({}));
    expect(err({ year_from: '20x0' })).toContain('起始年份必须是 2000–2100 之间的四位数年份');
    expect(err({ year_to: '1999' })).toContain('截止年份不能早于 2000 年');
    expect(err({ year_from: '2024', year_to: '2020' })).toBe('起始年份（2024）不能晚于截止年份（2020）');
  });

  it('folds into the engines’ year filter: every year of the range, or the ticked years inside it', () => {
    expect(engineFilters(ok({ year_from: '2021', year_to: '2023', province: '浙江省' }))).toEqual({ province: ['浙江省'], year: ['2021', '2022', '2023'] });
    expect(engineFilters(ok({ year_from: '2021', year_to: '2023', year: ['2019', '2022'] })).year).toEqual(['2022']);
    expect(err({ year_from: '2021', year_to: '2023', year: '2019' })).toBe('所选年度（2019）都不在年份范围 2021–2023 之内');
    // An open end stops at next year.
    const next = new Date().getUTCFullYear() + 1;
    expect(engineFilters(ok({ year_from: '2020' })).year!.at(-1)).toBe(String(next));
    expect(engineFilters(ok({ year_to: '2002' })).year).toEqual(['2000', '2001', '2002']);
    expect(hasFilters(ok({ year_to: '2002' }))).toBe(true);
    expect(yearRangeLabel({ yearFrom: 2020 })).toBe('2020 年起');
  });
});
