import { describe, expect, it } from 'vitest';
import { parseSearchParams, MAX_QUERY_CHARS } from '@/lib/search-params';

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
