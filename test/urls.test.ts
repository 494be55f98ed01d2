import { describe, expect, it } from 'vitest';
import {
  agencyUrl,
  clearFacetUrl,
  compareJsonUrl,
  compareUrl,
  exportUrl,
  facetValuesJsonUrl,
  pageUrl,
  peerCompareJsonUrl,
  peerCompareUrl,
  reportCsvUrl,
  reportJsonUrl,
  reportUrl,
  searchCsvUrl,
  searchJsonUrl,
  searchUrl,
  sortUrl,
  toggleFacetUrl,
  clearYearRangeUrl,
  setYearsUrl,
  yearRangeFormFields,
  withFacetAnchor,
} from '@/lib/urls';
import { parseSearchParams, type SearchState } from '@/lib/search-params';

const state = (s: Partial<SearchState>): SearchState => ({ q: '', filters: {}, sort: 'relevance', page: 1, perPage: 20, includeVersions: false, ...s });

/** Parse a built URL back into a state: the round trip is what makes links shareable. */
function back(url: string): SearchState {
  const r = parseSearchParams(new URL(url, 'http://x').searchParams);
  if (!r.ok) throw new Error(r.error);
  return r.state;
}

describe('searchUrl', () => {
  it('is the bare root for the default state', () => {
    expect(searchUrl()).toBe('/');
    expect(searchUrl(state({}))).toBe('/');
  });

  it('orders parameters canonically, sorts facet values and omits defaults', () => {
    const a = searchUrl(state({ q: '时效性', filters: { year: ['2024', '2023'], agency: ['乙局', '甲局'] }, sort: 'year_desc', page: 3 }));
    const b = searchUrl(state({ q: '时效性', filters: { agency: ['甲局', '乙局'], year: ['2023', '2024'] }, sort: 'year_desc', page: 3 }));
    expect(a).toBe(b);
    expect(a).toBe(
      '/?q=%E6%97%B6%E6%95%88%E6%80%A7&agency=%E4%B9%99%E5%B1%80&agency=%E7%94%B2%E5%B1%80&year=2023&year=2024&sort=year_desc&page=3',
    );
  });

  it('escapes characters that would break the query string', () => {
    const s = state({ q: 'a&b=c #d', filters: { agency: ['x&y'] } });
    expect(back(searchUrl(s))).toEqual(s);
  });

  it('round-trips every field through parseSearchParams', () => {
    const s = state({
      q: '依申请 公开',
      filters: { agency: ['北仑区人民政府'], year: ['2023'], province: ['浙江省'], level: ['county'], checks: ['failed'], theme: ['时效性'] },
      sort: 'year_asc',
      page: 2,
      perPage: 50,
      includeVersions: true,
    });
    expect(back(searchUrl(s))).toEqual(s);
    expect(searchUrl(s)).toContain('include_versions=1');
  });

  it('keeps include_versions on facet toggles and pages', () => {
    const s = state({ includeVersions: true });
    expect(back(toggleFacetUrl(s, 'year', '2024')).includeVersions).toBe(true);
    expect(back(pageUrl(s, 2)).includeVersions).toBe(true);
  });
});

describe('toggleFacetUrl', () => {
  it('adds a value and resets to page 1', () => {
    expect(back(toggleFacetUrl(state({ q: 'x', page: 4 }), 'year', '2024'))).toEqual(state({ q: 'x', filters: { year: ['2024'] } }));
  });

  it('ORs a second value within the same facet', () => {
    const s = state({ filters: { year: ['2024'] } });
    expect(back(toggleFacetUrl(s, 'year', '2023')).filters).toEqual({ year: ['2023', '2024'] });
  });

  it('removes a selected value, dropping the facet when empty', () => {
    const s = state({ filters: { year: ['2024'], theme: ['时效性'] } });
    expect(toggleFacetUrl(s, 'year', '2024')).toBe(searchUrl(state({ filters: { theme: ['时效性'] } })));
    expect(toggleFacetUrl(state({ filters: { year: ['2024'] } }), 'year', '2024')).toBe('/');
  });

  it('does not mutate the state it was given', () => {
    const s = state({ filters: { year: ['2024'] } });
    toggleFacetUrl(s, 'year', '2023');
    toggleFacetUrl(s, 'year', '2024');
    expect(s.filters).toEqual({ year: ['2024'] });
  });
});

describe('other search links', () => {
  const s = state({ q: '公开', filters: { year: ['2024'], city: ['宁波市'] }, page: 2 });
  it('clearFacetUrl drops one facet only', () => {
    expect(back(clearFacetUrl(s, 'year'))).toEqual(state({ q: '公开', filters: { city: ['宁波市'] } }));
  });
  it('pageUrl and sortUrl', () => {
    expect(back(pageUrl(s, 5)).page).toBe(5);
    expect(back(sortUrl(s, 'year_desc'))).toEqual({ ...s, sort: 'year_desc', page: 1 });
  });
  it('data twins carry the same parameters', () => {
    const qs = searchUrl(s).slice(1);
    expect(searchJsonUrl(s)).toBe(`/api/search${qs}`);
    expect(searchCsvUrl(s)).toBe(`/api/search${qs}&format=csv`);
    expect(searchCsvUrl(state({}))).toBe('/api/search?format=csv');
    expect(searchJsonUrl(state({}))).toBe('/api/search');
  });
  it('exportUrl covers the whole result (no page)', () => {
    expect(exportUrl(s, 'csv')).toBe(`${searchUrl({ ...s, page: 1 }).replace('/?', '/api/export?')}&format=csv`);
    expect(exportUrl(state({}), 'json')).toBe('/api/export?format=json');
  });
});

describe('report, agency and comparison URLs', () => {
  it('encodes ids and carries the search term', () => {
    expect(reportUrl('abc')).toBe('/reports/abc');
    expect(reportUrl('a/b c')).toBe('/reports/a%2Fb%20c');
    expect(reportUrl('abc', { q: '时效 性' })).toBe('/reports/abc?q=%E6%97%B6%E6%95%88+%E6%80%A7');
    expect(reportJsonUrl('abc')).toBe('/api/reports/abc');
    expect(reportCsvUrl('abc')).toBe('/api/reports/abc?format=csv');
  });
  it('agency and year-over-year URLs put the earlier year first', () => {
    expect(agencyUrl('zhejiang-ningbo-beilunqu')).toBe('/agencies/zhejiang-ningbo-beilunqu');
    expect(compareUrl('s', 2024, 2023)).toBe('/agencies/s/compare/2023-2024');
    expect(compareJsonUrl('s', 2023, 2024, 'csv')).toBe('/api/agencies/s/compare/2023-2024?format=csv');
  });
  it('peer comparison lists slugs with commas', () => {
    expect(peerCompareUrl(['a', 'b', 'c'], 2024)).toBe('/compare?agencies=a,b,c&year=2024');
    expect(peerCompareUrl(['a', 'b'], 2024, { sort: 'x' })).toBe('/compare?agencies=a,b&year=2024&sort=x');
    expect(peerCompareJsonUrl(['a', 'b'], 2024, 'csv')).toBe('/api/compare?agencies=a,b&year=2024&format=csv');
  });
});

describe('facetValuesJsonUrl', () => {
  it('carries the search state (not the page) and names the facet', () => {
    const s = state({ q: '公开', filters: { year: ['2024'] }, sort: 'year_desc', page: 4, perPage: 50 });
    const url = facetValuesJsonUrl(s, 'agency');
    expect(url).toBe(`/api/search/facet?${searchUrl({ ...s, page: 1 }).slice(2)}&facet=agency`);
    expect(back(url)).toEqual({ ...s, page: 1 });
    expect(facetValuesJsonUrl(state({}), 'city')).toBe('/api/search/facet?facet=city');
  });
});

describe('year range URLs', () => {
  const s = state({ q: 'x', filters: { year: ['2022'], kind: ['office'] }, yearFrom: 2021, yearTo: 2023, page: 3 });
  it('round-trips, right after the year values', () => {
    expect(searchUrl(s)).toBe('/?q=x&year=2022&year_from=2021&year_to=2023&kind=office&page=3');
    expect(back(searchUrl(s))).toEqual(s);
  });
  it('清除 on the year facet drops the range too; the range chip drops only the range', () => {
    expect(clearFacetUrl(s, 'year')).toBe('/?q=x&kind=office');
    expect(clearFacetUrl(s, 'kind')).toBe('/?q=x&year=2022&year_from=2021&year_to=2023');
    expect(clearYearRangeUrl(s)).toBe('/?q=x&year=2022&kind=office');
    expect(setYearsUrl(s, ['2021', '2023'])).toBe('/?q=x&year=2021&year=2023&kind=office');
  });
  it('the range form carries every other part of the state as hidden fields', () => {
    expect(yearRangeFormFields(s)).toEqual([['q', 'x'], ['kind', 'office']]);
    expect(withFacetAnchor('/?q=x', 'year')).toBe('/?q=x#facet-year');
  });
});
