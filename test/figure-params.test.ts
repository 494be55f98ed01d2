/**
 * Key figures in the URL (lib/search-params.ts, lib/urls.ts) and how each figure is made from the
 * canonical figures (lib/key-figures.ts).
 */
import { describe, expect, it } from 'vitest';
import { FIGURE_DEFS, FIGURE_KEYS, HEADLINE_FIGURES, keyFigures, noKeyFigures, figureFilterLabel } from '@/lib/key-figures';
import { FIGURE_FORM, hasFigureForm, hasFilters, parseSearchParams, type SearchState } from '@/lib/search-params';
import { figureFormFields, removeFigureFilterUrl, searchJsonUrl, searchUrl, sortUrl, toggleFacetUrl } from '@/lib/urls';
import { reportSummary } from '@/lib/report-summary';
import { reportMeasures } from '@/lib/stats/aggregate';
import { appeals, record, requests } from './compare-fixtures';

const state = (s: Partial<SearchState>): SearchState => ({ q: '', filters: {}, sort: 'relevance', page: 1, perPage: 20, includeVersions: false, ...s });

function parse(qs: string) {
  return parseSearchParams(new URLSearchParams(qs));
}
function back(url: string): SearchState {
  const r = parseSearchParams(new URL(url, 'http://x').searchParams);
  if (!r.ok) throw new Error(r.error);
  return r.state;
}

describe('fig= and sort=fig:… in the URL', () => {
  it('reads repeated conditions into canonical order, repeats dropped, blanks ignored', () => {
    const r = parse('fig=refused:gt:0&fig=received:ge:100&fig=&fig=received:ge:100&fig=received:le:5000');
    expect(r).toEqual({
      ok: true,
      state: state({
        figureFilters: [
          { key: 'received', op: 'ge', value: 100 },
          { key: 'received', op: 'le', value: 5000 },
          { key: 'refused', op: 'gt', value: 0 },
        ],
      }),
    });
  });

  it('reads a figure sort; the last sort wins, as for every scalar', () => {
    expect(parse('sort=year_desc&sort=fig:refused:desc')).toEqual({ ok: true, state: state({ sort: 'fig:refused:desc' }) });
    expect(parse('sort=fig:received:asc')).toEqual({ ok: true, state: state({ sort: 'fig:received:asc' }) });
  });

  it('refuses a malformed condition or sort with a Chinese message naming the parameter and the choices', () => {
    for (const bad of ['received', 'received:ge', 'received:ge:-1', 'received:ge:1.5', 'pages:ge:1', 'received:ne:1', 'received:ge:99999999999']) {
      const r = parse(`fig=${encodeURIComponent(bad)}`);
      expect(r.ok, bad).toBe(false);
      if (!r.ok) {
        expect(r.error).toContain(`数字筛选（fig）“${bad}”无法识别`);
        expect(r.error).toContain('新收申请（received）');
        expect(r.error).toContain('≥（ge）');
      }
    }
    const s = parse('sort=fig:pages:desc');
    expect(s.ok).toBe(false);
    if (!s.ok) expect(s.error).toMatch(/^排序方式（sort）只能是相关度（relevance）、年度（新→旧）（year_desc）、年度（旧→新）（year_asc）或按数字项排序（fig:数字项:desc 为从多到少，fig:数字项:asc 为从少到多）；数字项可以是新收申请（received）/);
    const many = parse(Array.from({ length: 11 }, (_, i) => `fig=received:ge:${i}`).join('&'));
    expect(many).toEqual({ ok: false, error: '数字筛选（fig）最多 10 个条件' });
  });

  it('takes the GET form (fig_key, fig_op, fig_value) as one more condition; an empty value adds none', () => {
    expect(parse('fig=refused:gt:0&fig_key=received&fig_op=ge&fig_value=100')).toEqual({
      ok: true,
      state: state({ figureFilters: [{ key: 'received', op: 'ge', value: 100 }, { key: 'refused', op: 'gt', value: 0 }] }),
    });
    expect(parse('fig_key=received&fig_op=ge&fig_value=')).toEqual({ ok: true, state: state({}) });
    expect(parse('fig_key=received&fig_op=ge&fig_value=abc')).toEqual({ ok: false, error: '数字筛选的数值“abc”必须是 0 到 1000000000 之间的整数' });
    expect(parse('fig_key=pages&fig_op=ge&fig_value=3')).toMatchObject({ ok: false, error: expect.stringContaining('数字筛选的数字项“pages”无法识别') });
    expect(parse('fig_key=received&fig_op=ne&fig_value=3')).toMatchObject({ ok: false, error: expect.stringContaining('数字筛选的比较方式“ne”无法识别') });
    expect(hasFigureForm(new URLSearchParams('fig_value='))).toBe(true);
    expect(hasFigureForm(new URLSearchParams('fig=received:ge:1'))).toBe(false);
    expect(Object.values(FIGURE_FORM)).toEqual(['fig_key', 'fig_op', 'fig_value']);
  });

  it('builds canonical URLs that round-trip: conditions after the facets, before the sort', () => {
    const s = state({
      q: '公开',
      filters: { province: ['浙江省'] },
      figureFilters: [
        { key: 'refused', op: 'gt', value: 0 },
        { key: 'received', op: 'ge', value: 100 },
      ],
      sort: 'fig:refused:desc',
      page: 2,
    });
    const url = searchUrl(s);
    expect(url).toBe(`/?q=${encodeURIComponent('公开')}&province=${encodeURIComponent('浙江省')}&fig=received%3Age%3A100&fig=refused%3Agt%3A0&sort=fig%3Arefused%3Adesc&page=2`);
    expect(back(url)).toEqual({ ...s, figureFilters: [s.figureFilters![1], s.figureFilters![0]] });
    expect(searchJsonUrl(s)).toBe(url.replace('/?', '/api/search?'));
    // other links keep the conditions
    expect(back(toggleFacetUrl(s, 'year', '2023')).figureFilters).toEqual(back(url).figureFilters);
    expect(back(sortUrl(s, 'fig:received:asc'))).toMatchObject({ sort: 'fig:received:asc', page: 1, figureFilters: back(url).figureFilters });
  });

  it('removes one condition (its chip), keeping the rest, back to page 1', () => {
    const s = state({ figureFilters: [{ key: 'received', op: 'ge', value: 100 }, { key: 'refused', op: 'gt', value: 0 }], page: 3 });
    expect(removeFigureFilterUrl(s, { key: 'received', op: 'ge', value: 100 })).toBe('/?fig=refused%3Agt%3A0');
    expect(removeFigureFilterUrl(state({ figureFilters: [{ key: 'refused', op: 'gt', value: 0 }] }), { key: 'refused', op: 'gt', value: 0 })).toBe('/');
  });

  it('the form carries the whole state in hidden fields, page back to 1', () => {
    const s = state({ q: '时效性', filters: { year: ['2023'] }, figureFilters: [{ key: 'refused', op: 'gt', value: 0 }], sort: 'fig:received:desc', page: 4 });
    expect(figureFormFields(s)).toEqual([
      ['q', '时效性'],
      ['year', '2023'],
      ['fig', 'refused:gt:0'],
      ['sort', 'fig:received:desc'],
    ]);
  });

  it('counts as a filter (page title, 清除全部筛选)', () => {
    expect(hasFilters(state({ figureFilters: [{ key: 'refused', op: 'gt', value: 0 }] }))).toBe(true);
    expect(hasFilters(state({ sort: 'fig:refused:desc' }))).toBe(false);
  });
});

describe('key figures of a report', () => {
  it('are made from the total column; a sum with an unknown part is unknown, never partial', () => {
    const f = {
      active: null,
      requests: requests({ new_received: { total: 40 }, total_processed: { total: 38 }, granted: { total: 20 }, denied_third_party: { total: 2 }, denied_process_info: { total: 3 } }),
      appeals: appeals({ review: { total: 4, corrected: 1 }, litigation_direct: { corrected: 2 }, litigation_after_review: { corrected: 1 } }),
    };
    expect(keyFigures(f)).toEqual({ received: 40, processed: 38, granted: 20, refused: 5, review: 4, review_corrected: 1, litigation_corrected: 3, corrected: 4 });
    const blank = { ...f, requests: requests({ denied_admin_query: { total: null } }), appeals: appeals({ litigation_after_review: { corrected: null } }) };
    expect(keyFigures(blank)).toMatchObject({ refused: null, review_corrected: 0, litigation_corrected: null, corrected: null });
    expect(keyFigures({ active: null, requests: null, appeals: null })).toEqual(noKeyFigures());
  });

  it('the summary card and /stats read the same numbers (one home)', () => {
    const r = record({
      agency: '甲局',
      year: 2024,
      figures: {
        active: null,
        requests: requests({ new_received: { total: 40 }, total_processed: { total: 38 }, granted: { total: 20 }, denied_third_party: { total: 2 } }),
        appeals: appeals({ review: { total: 4, corrected: 1 }, litigation_direct: { corrected: 2 } }),
      },
    });
    const k = keyFigures(r.figures);
    const card = Object.fromEntries(reportSummary(r.figures).map((s) => [s.key, s.value]));
    expect(card).toEqual({ received: k.received, processed: k.processed, granted: k.granted, denied: k.refused, corrected: k.corrected });
    expect(reportMeasures(r)).toMatchObject({
      received: k.received,
      processed: k.processed,
      granted: k.granted,
      refused: k.refused,
      review: k.review,
      review_corrected: k.review_corrected,
      litigation_corrected: k.litigation_corrected,
    });
  });

  it('every figure has a Chinese label and the headline is a subset', () => {
    for (const k of FIGURE_KEYS) expect(FIGURE_DEFS[k].label).toMatch(/\p{Script=Han}/u);
    for (const k of HEADLINE_FIGURES) expect(FIGURE_KEYS).toContain(k);
    expect(figureFilterLabel({ key: 'received', op: 'ge', value: 1000 })).toBe('新收申请 ≥ 1,000');
  });
});
