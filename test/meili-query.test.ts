import { describe, expect, it } from 'vitest';
import { buildSearchParams, MAX_QUERY_TERMS, meiliQueryText, selectTerms } from '../lib/search/meili-query';
import { segmentQuery } from '../lib/segment/index';
import { SearchInputError } from '../lib/search/types';
import { MARK_END, MARK_START } from '../lib/search/highlight';
import { encodeFacetKey } from '../lib/search/meili-facet-key';

const LONG_QUERY = '中华人民共和国政府信息公开条例第二十条规定的主动公开内容包括行政许可行政处罚行政强制和行政事业性收费';

describe('query term limiting', () => {
  it('drops duplicates, phrase quotes, negation and terms inside longer terms', () => {
    expect(selectTerms(['"时效性"', '-网站', '时效', '时效性', '网站', '', '  '])).toEqual(['时效性', '网站']);
  });

  it('splits terms at non-word characters, so no separator sits inside a phrase', () => {
    expect(selectTerms(['3.5', 'e-mail', '公开'])).toEqual(['3', '5', 'e', 'mail', '公开']);
  });

  it('refuses more than 10 terms instead of silently dropping some', () => {
    const terms = ['的', '甲乙', '丙丁戊', '己', '庚辛', '壬癸子丑', '寅卯', '辰巳午', '未申', '酉戌亥', '天地', '玄黄宇', '宙洪'];
    expect(() => selectTerms(terms)).toThrow(SearchInputError);
    expect(() => selectTerms(terms)).toThrow(/共 13 个不同的词，最多可同时检索 10 个/);
    expect(selectTerms(terms.slice(0, 10))).toEqual(terms.slice(0, 10));
  });

  it('real jieba segmentation of a long query: over 10 terms is refused, naming them', () => {
    const seg = segmentQuery(LONG_QUERY);
    expect(seg.length).toBeGreaterThan(MAX_QUERY_TERMS);
    expect(() => meiliQueryText(LONG_QUERY, segmentQuery)).toThrow(SearchInputError);
  });

  it("'' lists everything; punctuation only matches nothing", () => {
    expect(meiliQueryText('', segmentQuery)).toBe('');
    expect(meiliQueryText('   ', segmentQuery)).toBe('');
    expect(meiliQueryText('，。！', segmentQuery)).toBeNull();
    expect(meiliQueryText('依申请公开 时效性', segmentQuery)).toBe('"依申请公开" "时效性"');
  });
});

describe('search request', () => {
  it('the whole request for a filtered, sorted query', () => {
    expect(
      buildSearchParams(
        { q: '时效性', filters: { province: ['测试省'], theme: ['时效性'] }, facets: ['agency', 'theme'], sort: 'year_asc', page: 2, perPage: 10 },
        '时效性',
      ),
    ).toEqual({
      q: '时效性',
      page: 2,
      hitsPerPage: 10,
      facets: ['keys.agency', 'keys.themes'],
      attributesToRetrieve: [
        'report_id',
        'section_key',
        'title',
        'agency',
        'year',
        'province',
        'city',
        'county',
        'level',
        'kind',
        'themes',
        'checks_failed',
        'version_of',
        'synthetic',
        'fig',
      ],
      attributesToHighlight: ['text'],
      attributesToCrop: ['text'],
      cropLength: 30,
      cropMarker: '…',
      highlightPreTag: MARK_START,
      highlightPostTag: MARK_END,
      matchingStrategy: 'all',
      locales: ['cmn'],
      filter: [['version_of IS NULL', 'version_of NOT EXISTS'], [`keys.province = "${encodeFacetKey('测试省')}"`], [`keys.themes = "${encodeFacetKey('时效性')}"`]],
      sort: ['year:asc', 'keys.agency:asc'],
    });
  });

  it('figure conditions are numeric comparisons ANDed after the facet filters; a figure order breaks ties by year and agency', () => {
    const p = buildSearchParams(
      {
        q: '',
        filters: { province: ['测试省'] },
        figureFilters: [
          { key: 'received', op: 'ge', value: 100 },
          { key: 'refused', op: 'gt', value: 0 },
          { key: 'corrected', op: 'eq', value: 0 },
          { key: 'review', op: 'lt', value: 3 },
          { key: 'granted', op: 'le', value: 7 },
        ],
        sort: 'fig:refused:desc',
      },
      '',
    );
    expect(p.filter).toEqual([
      ['version_of IS NULL', 'version_of NOT EXISTS'],
      [`keys.province = "${encodeFacetKey('测试省')}"`],
      'fig.received >= 100',
      'fig.refused > 0',
      'fig.corrected = 0',
      'fig.review < 3',
      'fig.granted <= 7',
    ]);
    expect(p.sort).toEqual(['fig.refused:desc', 'year:desc', 'keys.agency:asc']);
    expect(buildSearchParams({ q: '', sort: 'fig:received:asc' }, '"公开"').sort).toEqual(['fig.received:asc', 'year:desc', 'keys.agency:asc']);
  });

  it('refuses a figure condition that is not a known key, operator and integer (never pasted into the filter)', () => {
    expect(() => buildSearchParams({ q: '', figureFilters: [{ key: 'received OR 1' as never, op: 'ge', value: 1 }] }, '')).toThrow(SearchInputError);
    expect(() => buildSearchParams({ q: '', figureFilters: [{ key: 'received', op: '>=' as never, value: 1 }] }, '')).toThrow(SearchInputError);
    expect(() => buildSearchParams({ q: '', figureFilters: [{ key: 'received', op: 'ge', value: '1 OR year > 0' as never }] }, '')).toThrow(SearchInputError);
  });

  it('defaults: page 1 of 20, every facet, relevance (unsorted) for a query, newest first for none', () => {
    const p = buildSearchParams({ q: '公开' }, '公开');
    expect(p.page).toBe(1);
    expect(p.hitsPerPage).toBe(20);
    expect(p.facets).toEqual(['keys.agency', 'year', 'keys.province', 'keys.city', 'level', 'kind', 'keys.themes', 'checks']);
    expect(p.sort).toBeUndefined();
    // older versions of a report are out unless asked for
    expect(p.filter).toEqual([['version_of IS NULL', 'version_of NOT EXISTS']]);
    expect(buildSearchParams({ q: '公开', includeVersions: true }, '公开').filter).toBeUndefined();
    expect(buildSearchParams({ q: '', includeVersions: true, filters: { year: ['2024'] } }, '').filter).toEqual([['year = "2024"']]);
    expect(buildSearchParams({ q: '' }, '').sort).toEqual(['year:desc', 'keys.agency:asc']);
  });
});
