/**
 * The scenarios recorded from a real Meilisearch (scripts/record-meili.ts) and replayed in
 * test/meili-engine.test.ts: each runs engine calls from a server holding no index, and returns
 * what the engine answered, so the unit tests can check the answers and the requests made.
 */
import type { MeilisearchEngine } from '../lib/search/meilisearch';
import type { ReportRecord } from '../lib/types';
import { makeRecord, tables } from './meili-fixtures';

export const RECS: ReportRecord[] = [
  makeRecord({ id: 'a-2022', agency: '甲局', year: 2022 }),
  makeRecord({ id: 'a-2023', agency: '甲局', year: 2023, region: { province: '乙省', city: null, county: null } }),
  makeRecord({
    id: 'b-2023',
    agency: '乙局',
    year: 2023,
    sections: [
      { key: 'overview', title: '一、总体情况', text: '年底尚有2件申请待处理，已结转下年度继续办理。' },
      { key: 'problems', title: '五、存在的主要问题及改进情况', text: '部分信息发布不够及时，时效性有待提高。' },
    ],
  }),
  makeRecord({ id: 'c-full', agency: '丙局（试点）', year: 2024 }),
  makeRecord({ id: 'c-half', agency: '丙局(试点)', year: 2024 }),
];

/** a-2022 again: lost its problems section, gained appeals */
export const A2022_V2 = makeRecord({ id: 'a-2022', agency: '甲局', year: 2022, sections: [{ key: 'appeals', title: '四', text: '行政复议零件。' }] });

/** Reports with tables, for key-figure conditions and orders. */
export const FIGURE_RECS: ReportRecord[] = [
  makeRecord({ id: 'f-a', agency: '甲局', year: 2023, figures: tables({ received: 120, refused: 5, reviewCorrected: 1 }) }),
  makeRecord({ id: 'f-b', agency: '乙局', year: 2024, figures: tables({ received: 100, refused: 0, reviewCorrected: 0 }) }),
  makeRecord({ id: 'f-c', agency: '丙局', year: 2023, region: { province: '乙省', city: null, county: null }, figures: tables({ received: 100, refused: null }) }),
  makeRecord({ id: 'f-d', agency: '丁局', year: 2022 }),
];

/** The index uid every scenario uses (its records index is `${INDEX}_records`). */
export const INDEX = 'rec_reports';

type Run = (engine: MeilisearchEngine) => Promise<Record<string, unknown>>;

export const SCENARIOS: Record<string, Run> = {
  async rebuild(engine) {
    const progress: number[] = [];
    const first = await engine.rebuild(RECS, (p) => progress.push(p.done));
    return {
      first,
      progress,
      report: await engine.getReport('a-2023'),
      missing: await engine.getReport('nope'),
      agencyReports: await engine.listAgencyReports('甲局'),
      bracketFull: await engine.listAgencyReports('丙局（试点）'),
      agencies: await engine.listAgencies(),
      timeliness: await engine.search({ q: '时效性', facets: ['agency', 'theme', 'year'], perPage: 2 }),
      hostile: await engine.search({ q: '时效性', filters: { agency: ['a" OR year > 0'] }, facets: ['agency'] }),
      byBracket: await engine.search({ q: '', filters: { agency: ['丙局(试点)'] }, facets: ['agency'] }),
      newest: await engine.search({ q: '公开', sort: 'year_desc', facets: [] }),
      pending: await engine.search({ q: '处理', facets: [] }),
      second: await engine.rebuild([RECS[2]]),
      afterSecond: await engine.listAgencies(),
    };
  },
  async upsert(engine) {
    await engine.upsert([RECS[0]]);
    const before = await engine.search({ q: '时效性', facets: [] });
    await engine.upsert([A2022_V2]);
    return {
      before,
      report: await engine.getReport('a-2022'),
      appeals: await engine.search({ q: '行政复议', facets: [] }),
      problems: await engine.search({ q: '时效性', facets: [] }),
    };
  },
  async figures(engine) {
    await engine.rebuild(FIGURE_RECS);
    return {
      atLeast100: await engine.search({ q: '', figureFilters: [{ key: 'received', op: 'ge', value: 100 }], facets: ['province'] }),
      // a facet filter with a figure condition: the province count is disjunctive, the condition kept
      refusedZero: await engine.search({ q: '', figureFilters: [{ key: 'refused', op: 'eq', value: 0 }], filters: { province: ['测试省'] }, facets: ['province'] }),
      byReceived: await engine.search({ q: '时效性', sort: 'fig:received:desc', facets: [] }),
      byRefusedAsc: await engine.search({ q: '', sort: 'fig:refused:asc', facets: [] }),
    };
  },
  async empty(engine) {
    return {
      search: await engine.search({ q: '公开', facets: ['year'] }),
      report: await engine.getReport('x'),
      agencies: await engine.listAgencies(),
    };
  },
};

/** Recorded with a wrong API key: Meilisearch's own refusal. */
export const WRONG_KEY_SCENARIO = 'wrong-key';
export const wrongKey: Run = async (engine) => ({ error: await engine.search({ q: '公开' }).then(() => null, (e: Error) => e.message) });
