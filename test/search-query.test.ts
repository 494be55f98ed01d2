/**
 * The one query contract (lib/search/query.ts): limits, defaults and refusals, checked once by
 * the facade for every engine.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../lib/search/index';
import { ALL_SORTS, DEFAULT_PER_PAGE, MAX_PER_PAGE, MAX_QUERY_CHARS, normalizeQuery, SORTS } from '../lib/search/query';
import { FACETS, SearchInputError, type SearchEngine, type SearchQuery } from '../lib/search/types';
import * as urlState from '../lib/search-params';
import { FIXTURES } from './engine-contract';

/** Every way a query is refused, with the words of its Chinese message. */
const REFUSED: [string, SearchQuery, RegExp][] = [
  ['overlong query', { q: '公'.repeat(MAX_QUERY_CHARS + 1) }, /检索词过长（最多 200 字）/],
  ['query not text', { q: 42 as never }, /检索词必须是文本/],
  ['page 0', { q: '', page: 0 }, /page 必须是正整数/],
  ['fractional page', { q: '', page: 1.5 }, /page 必须是正整数/],
  ['page as text', { q: '', page: '2' as never }, /page 必须是正整数/],
  ['perPage 0', { q: '', perPage: 0 }, /perPage 必须是 1 到 100 之间的整数/],
  ['perPage over the limit', { q: '', perPage: MAX_PER_PAGE + 1 }, /perPage 必须是 1 到 100 之间的整数/],
  ['unknown sort', { q: '', sort: 'agency' as never }, /排序方式只能是相关度（relevance）、年度（year_desc \/ year_asc）或按数字项排序（fig:数字项:desc \/ asc，数字项：新收申请（received）/],
  ['unknown figure sort', { q: '', sort: 'fig:pages:desc' as never }, /排序方式只能是/],
  ['unknown figure', { q: '', figureFilters: [{ key: 'pages' as never, op: 'ge', value: 1 }] }, /未知的数字项："pages"；可选：新收申请（received）、办结（processed）/],
  ['unknown figure operator', { q: '', figureFilters: [{ key: 'refused', op: 'ne' as never, value: 1 }] }, /不予公开的比较方式只能是≥（ge）、>（gt）、≤（le）、<（lt）、=（eq）/],
  ['negative figure value', { q: '', figureFilters: [{ key: 'refused', op: 'ge', value: -1 }] }, /不予公开的数值必须是 0 到 1000000000 之间的整数/],
  ['fractional figure value', { q: '', figureFilters: [{ key: 'refused', op: 'ge', value: 0.5 }] }, /不予公开的数值必须是 0 到 1000000000 之间的整数/],
  ['figure filters not a list', { q: '', figureFilters: { key: 'refused' } as never }, /数字筛选必须是列表/],
  ['too many figure filters', { q: '', figureFilters: Array.from({ length: 11 }, (_, i) => ({ key: 'received' as const, op: 'ge' as const, value: i })) }, /数字筛选最多 10 个条件/],
  ['negative facetLimit', { q: '', facetLimit: -1 }, /facetLimit 必须是非负整数/],
  ['fractional facetLimit', { q: '', facetLimit: 2.5 }, /facetLimit 必须是非负整数/],
  ['unknown facet', { q: '', facets: ['text' as never] }, /未知的分面："text"/],
  ['facets not a list', { q: '', facets: 'year' as never }, /facets 必须是列表/],
  ['unknown filter', { q: '', filters: { nope: ['x'] } as never }, /未知的筛选项："nope"/],
  ['filter not a list', { q: '', filters: { agency: 'x' as never } }, /筛选项 agency 必须是文本列表/],
  ['filter value not text', { q: '', filters: { year: [2024 as never] } }, /筛选项 year 必须是文本列表/],
];

describe('normalizeQuery', () => {
  it('fills every default', () => {
    expect(normalizeQuery({ q: '' })).toEqual({
      q: '',
      filters: {},
      figureFilters: [],
      facets: [...FACETS],
      facetLimit: 0,
      sort: 'relevance',
      includeVersions: false,
      page: 1,
      perPage: DEFAULT_PER_PAGE,
    });
  });

  it('accepts each limit itself', () => {
    const n = normalizeQuery({ q: '公'.repeat(MAX_QUERY_CHARS), perPage: MAX_PER_PAGE, page: 10_000, facetLimit: 1 });
    expect([n.q.length, n.perPage, n.page, n.facetLimit]).toEqual([MAX_QUERY_CHARS, MAX_PER_PAGE, 10_000, 1]);
    for (const sort of SORTS) expect(normalizeQuery({ q: '', sort }).sort).toBe(sort);
  });

  it('accepts every figure sort and puts figure conditions in canonical order without repeats', () => {
    for (const sort of ALL_SORTS) expect(normalizeQuery({ q: '', sort }).sort).toBe(sort);
    expect(ALL_SORTS).toContain('fig:refused:desc');
    const n = normalizeQuery({
      q: '',
      figureFilters: [
        { key: 'refused', op: 'gt', value: 0 },
        { key: 'received', op: 'le', value: 500 },
        { key: 'received', op: 'ge', value: 100 },
        { key: 'refused', op: 'gt', value: 0 },
      ],
    });
    expect(n.figureFilters).toEqual([
      { key: 'received', op: 'ge', value: 100 },
      { key: 'received', op: 'le', value: 500 },
      { key: 'refused', op: 'gt', value: 0 },
    ]);
  });

  it('drops empty filter lists and repeated values, keeps the rest as given', () => {
    const n = normalizeQuery({ q: '公开', filters: { year: [], agency: ['甲', '乙', '甲'], city: undefined }, facets: ['year', 'year', 'agency'], includeVersions: true });
    expect(n.filters).toEqual({ agency: ['甲', '乙'] });
    expect(n.facets).toEqual(['year', 'agency']);
    expect(n.includeVersions).toBe(true);
  });

  it.each(REFUSED)('refuses %s with a Chinese message', (_, query, message) => {
    expect(() => normalizeQuery(query)).toThrow(SearchInputError);
    expect(() => normalizeQuery(query)).toThrow(message);
  });

  it('is where the URL state takes its limits from', () => {
    expect([urlState.MAX_QUERY_CHARS, urlState.MAX_PER_PAGE, urlState.DEFAULT_PER_PAGE, urlState.SORTS]).toEqual([MAX_QUERY_CHARS, MAX_PER_PAGE, DEFAULT_PER_PAGE, SORTS]);
  });
});

describe('the facade checks every query once, for every engine', () => {
  let dir: string;
  let sqlite: SearchEngine;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-query-'));
    sqlite = createEngine({ kind: 'sqlite', dataDir: dir });
    await sqlite.rebuild(FIXTURES);
  });
  afterAll(async () => {
    await sqlite.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it.each(REFUSED)('SQLite refuses %s', async (_, query, message) => {
    await expect(sqlite.search(query)).rejects.toThrow(SearchInputError);
    await expect(sqlite.search(query)).rejects.toThrow(message);
  });

  it('SQLite answers at the limits', async () => {
    const r = await sqlite.search({ q: '公'.repeat(MAX_QUERY_CHARS), perPage: MAX_PER_PAGE });
    expect(r.perPage).toBe(MAX_PER_PAGE);
    expect((await sqlite.search({ q: '', perPage: MAX_PER_PAGE })).total).toBe(FIXTURES.length);
  });

  it.each(REFUSED)('Meilisearch refuses %s before any request is made', async (_, query, message) => {
    // Nothing listens on port 9: a query that got past the facade would fail as unavailable.
    const meili = createEngine({ kind: 'meilisearch', host: 'http://127.0.0.1:9', indexName: 'never-used' });
    await expect(meili.search(query)).rejects.toThrow(message);
  });
});
