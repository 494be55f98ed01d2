/** lib/urls both ways: every builder's path reads back, through matchPage, into what it was built from. */
import { describe, expect, it } from 'vitest';
import {
  agenciesUrl,
  agencyByNameUrl,
  agencyJsonUrl,
  agencySuggestUrl,
  agencyUrl,
  compareFormAction,
  compareJsonUrl,
  compareUrl,
  dictionaryJsonUrl,
  dictionaryUrl,
  exportUrl,
  facetValuesJsonUrl,
  matchPage,
  ogImageUrl,
  peerCompareJsonUrl,
  peerCompareUrl,
  peerPickUrl,
  reportCsvUrl,
  reportJsonUrl,
  reportUrl,
  searchCsvUrl,
  searchJsonUrl,
  searchUrl,
  statsJsonUrl,
  statsUrl,
  statusJsonUrl,
  statusUrl,
  type PageRoute,
} from '@/lib/urls';

/** What a request carries: the path still percent-encoded, the query apart. */
const routeOf = (url: string): PageRoute | null => matchPage(new URL(url, 'http://x').pathname);

const IDS = ['3f2a9c0d1e4b5a6f', 'a b', '100%', 'x/y', '报告#1?'];
const SLUGS = ['zhejiang-ningbo-beilunqu-renminzhengfu', '北仑区人民政府', '宁波市 教育局', 'a%b', 'é', '🙂-emoji', 'suggest-x'];

describe('matchPage: every builder round-trips', () => {
  it('report pages, their twins and share cards give the id back', () => {
    for (const id of IDS) {
      expect(routeOf(reportUrl(id))).toEqual({ page: 'report', id });
      expect(routeOf(reportUrl(id, { q: '公开' }))).toEqual({ page: 'report', id });
      expect(routeOf(reportJsonUrl(id))).toEqual({ page: 'api-report', id });
      expect(routeOf(reportCsvUrl(id))).toEqual({ page: 'api-report', id });
      expect(routeOf(ogImageUrl.report(id))).toEqual({ page: 'og-report', id });
    }
  });

  it('agency pages (Chinese and encoded slugs), their twins and share cards give the slug back', () => {
    for (const slug of SLUGS) {
      expect(routeOf(agencyUrl(slug))).toEqual({ page: 'agency', slug });
      expect(routeOf(agencyJsonUrl(slug))).toEqual({ page: 'api-agency', slug });
      expect(routeOf(agencyJsonUrl(slug, 'csv'))).toEqual({ page: 'api-agency', slug });
      expect(routeOf(ogImageUrl.agency(slug))).toEqual({ page: 'og-agency', slug });
      expect(routeOf(compareFormAction(slug))).toEqual({ page: 'agency-compare-form', slug });
    }
  });

  it('year comparisons give the slug and the years (earlier first) back', () => {
    for (const slug of SLUGS) {
      expect(routeOf(compareUrl(slug, 2024, 2023))).toEqual({ page: 'agency-compare', slug, years: '2023-2024' });
      expect(routeOf(compareJsonUrl(slug, 2021, 2024, 'csv'))).toEqual({ page: 'api-agency-compare', slug, years: '2021-2024' });
      expect(routeOf(ogImageUrl.compare(slug, 2023, 2022))).toEqual({ page: 'og-agency-compare', slug, years: '2022-2023' });
    }
  });

  it('pages without path parameters', () => {
    const s = { q: '公开', filters: { year: ['2023'] } };
    const cases: [string, PageRoute['page']][] = [
      [searchUrl(), 'search'],
      [searchUrl(s), 'search'],
      [searchJsonUrl(s), 'api-search'],
      [searchCsvUrl(s), 'api-search'],
      [facetValuesJsonUrl(s, 'agency'), 'api-search-facet'],
      [agenciesUrl(), 'agencies'],
      [agencyByNameUrl('北仑区人民政府'), 'agencies'],
      [agencySuggestUrl('北仑'), 'api-agencies-suggest'],
      [peerPickUrl(), 'compare'],
      [peerPickUrl(['a', 'b'], { add: ['某局'], year: 2023 }), 'compare'],
      [peerCompareUrl(['a', 'b'], 2023, { sort: '-x' }), 'compare'],
      [peerCompareJsonUrl(['a', 'b'], 2023, 'csv'), 'api-compare'],
      [ogImageUrl.peers(['a', 'b'], 2023), 'og-compare'],
      [ogImageUrl.site(), 'og-site'],
      [exportUrl(s, 'csv'), 'api-export'],
      [statsUrl(s, 'province'), 'stats'],
      [statsJsonUrl(s, 'csv'), 'api-stats'],
      [statusUrl(), 'status'],
      [statusJsonUrl(), 'api-status'],
      [dictionaryUrl(), 'dictionary'],
      [dictionaryJsonUrl(), 'api-dictionary'],
      ['/api/agencies', 'api-agencies'],
    ];
    for (const [url, page] of cases) expect(routeOf(url), url).toEqual({ page });
  });
});

describe('matchPage: paths as requests carry them', () => {
  it('one trailing slash names the same page', () => {
    expect(matchPage('/reports/abc/')).toEqual({ page: 'report', id: 'abc' });
    expect(matchPage('/agencies/')).toEqual({ page: 'agencies' });
    expect(matchPage('/agencies/x/compare/2023-2024/')).toEqual({ page: 'agency-compare', slug: 'x', years: '2023-2024' });
  });

  it('a malformed year pair still names the comparison page (which explains it)', () => {
    expect(matchPage('/agencies/x/compare/2024')).toEqual({ page: 'agency-compare', slug: 'x', years: '2024' });
  });

  it('bad percent-encoding, empty segments, unknown paths → null', () => {
    for (const p of ['/reports/%ZZ', '/agencies/%E5%8C', '/reports/%ED%A0%80', '/reports//', '//reports/x', '/reports/a//', '/reports', '/reports/a/b', '/agencies/x/compare/a/b', '/nope', '/api', '/og/reports', '', 'reports/x']) {
      expect(matchPage(p), p).toBeNull();
    }
  });

  it('static routes win over a parameter at the same depth, as Next routes them', () => {
    expect(matchPage('/api/agencies/suggest')).toEqual({ page: 'api-agencies-suggest' });
    expect(matchPage('/api/agencies/suggest-x')).toEqual({ page: 'api-agency', slug: 'suggest-x' });
  });
});
