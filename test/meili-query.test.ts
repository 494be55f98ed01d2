import { describe, expect, it } from 'vitest';
import { buildSearchParams, MAX_QUERY_TERMS, meiliQueryText, selectTerms } from '../lib/search/meili-query';
import { segmentQuery } from '../lib/segment/index';
import { SearchInputError } from '../lib/search/types';
import { MARK_END, MARK_START } from '../lib/search/highlight';

const LONG_QUERY = '中华人民共和国政府信息公开条例第二十条规定的主动公开内容包括行政许可行政处罚行政强制和行政事业性收费';

describe('query term limiting', () => {
  it('drops duplicates, phrase quotes, negation and terms inside longer terms', () => {
    expect(selectTerms(['"时效性"', '-网站', '时效', '时效性', '网站', '', '  '])).toEqual(['时效性', '网站']);
  });

  it('keeps at most 10 terms: the longest, in query order', () => {
    const terms = ['的', '甲乙', '丙丁戊', '己', '庚辛', '壬癸子丑', '寅卯', '辰巳午', '未申', '酉戌亥', '天地', '玄黄宇', '宙洪'];
    expect(selectTerms(terms)).toEqual(['甲乙', '丙丁戊', '庚辛', '壬癸子丑', '寅卯', '辰巳午', '未申', '酉戌亥', '天地', '玄黄宇']);
    expect(selectTerms(terms, 3)).toEqual(['壬癸子丑', '丙丁戊', '辰巳午'].sort((a, b) => terms.indexOf(a) - terms.indexOf(b)));
  });

  it('real jieba segmentation of a long query is cut to 10 meaningful terms', () => {
    const seg = segmentQuery(LONG_QUERY);
    expect(seg.length).toBeGreaterThan(MAX_QUERY_TERMS);
    const q = meiliQueryText(LONG_QUERY, segmentQuery)!;
    const kept = q.split(' ');
    expect(kept).toHaveLength(MAX_QUERY_TERMS);
    // function words go first, content words stay
    expect(kept).not.toContain('的');
    expect(kept).not.toContain('和');
    for (const t of ['政府信息公开条例', '主动公开', '行政许可', '行政事业性收费']) expect(kept).toContain(t);
    // query order is kept
    expect(kept).toEqual(seg.filter((t) => kept.includes(t)));
  });

  it("'' lists everything; punctuation only matches nothing", () => {
    expect(meiliQueryText('', segmentQuery)).toBe('');
    expect(meiliQueryText('   ', segmentQuery)).toBe('');
    expect(meiliQueryText('，。！', segmentQuery)).toBeNull();
    expect(meiliQueryText('依申请公开 时效性', segmentQuery)).toBe('依申请公开 时效性');
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
      facets: ['agency', 'themes'],
      attributesToRetrieve: [
        'report_id',
        'section_key',
        'title',
        'text',
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
      ],
      attributesToHighlight: ['text'],
      attributesToCrop: ['text'],
      cropLength: 30,
      cropMarker: '…',
      highlightPreTag: MARK_START,
      highlightPostTag: MARK_END,
      matchingStrategy: 'all',
      locales: ['cmn'],
      filter: [['version_of IS NULL', 'version_of NOT EXISTS'], ['province = "测试省"'], ['themes = "时效性"']],
      sort: ['year:asc', 'agency:asc'],
    });
  });

  it('defaults: page 1 of 20, every facet, relevance (unsorted) for a query, newest first for none', () => {
    const p = buildSearchParams({ q: '公开' }, '公开');
    expect(p.page).toBe(1);
    expect(p.hitsPerPage).toBe(20);
    expect(p.facets).toEqual(['agency', 'year', 'province', 'city', 'level', 'kind', 'themes', 'checks']);
    expect(p.sort).toBeUndefined();
    // older versions of a report are out unless asked for
    expect(p.filter).toEqual([['version_of IS NULL', 'version_of NOT EXISTS']]);
    expect(buildSearchParams({ q: '公开', includeVersions: true }, '公开').filter).toBeUndefined();
    expect(buildSearchParams({ q: '', includeVersions: true, filters: { year: ['2024'] } }, '').filter).toEqual([['year = "2024"']]);
    expect(buildSearchParams({ q: '' }, '').sort).toEqual(['year:desc', 'agency:asc']);
  });
});
