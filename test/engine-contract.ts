/**
 * The contract every SearchEngine passes (SQLite here, Meilisearch in its own test file):
 * `runEngineContract(name, makeEngine)` registers vitest describe blocks. Fixtures are invented
 * ReportRecord literals; expectations compare whole structures.
 *
 * makeEngine must return an engine on an EMPTY, private index (a temp dir, a unique index name).
 */
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from 'vitest';
import type { ReportRecord, Section, SectionKey, ThemeHit } from '../lib/types';
import type { SearchEngine, SearchQuery } from '../lib/search/types';
import { MARK_END, MARK_START } from '../lib/search/highlight';
import { noKeyFigures, type FigureFilter, type KeyFigureValues } from '../lib/key-figures';
import { appeals, requests } from './compare-fixtures';

type Opts = {
  id: string;
  agency: string;
  year: number | null;
  region: [string | null, string | null, string | null];
  level: ReportRecord['level'];
  kind: ReportRecord['kind'];
  sections: Partial<Record<SectionKey, string>>;
  themes?: string[];
  failedChecks?: number;
};

const THEME_IDS: Record<string, string> = {
  时效性: 'timeliness',
  队伍能力: 'staff',
  依申请公开办理: 'requests',
  政务新媒体: 'new_media',
};

export function fixtureRecord(o: Opts): ReportRecord {
  const sections: Section[] = Object.entries(o.sections).map(([key, text]) => ({
    key: key as SectionKey,
    title: key === 'preface' ? '' : `${key} title`,
    text: text!,
  }));
  const themes: ThemeHit[] = (o.themes ?? []).map((label) => ({ id: THEME_IDS[label] ?? label, label, evidence: [label] }));
  const checks = ['requests.row_totals', 'requests.total_processed', 'requests.balance', 'appeals.totals'].map((id, i) => ({
    id,
    ok: i >= (o.failedChecks ?? 0),
    detail: i >= (o.failedChecks ?? 0) ? '' : `${id} 不符：1 ≠ 2`,
  }));
  return {
    file: `fixtures/${o.id}.txt`,
    id: o.id,
    agency: o.agency,
    year: o.year,
    region: { province: o.region[0], city: o.region[1], county: o.region[2] },
    level: o.level,
    kind: o.kind,
    sections,
    figures: { active: null, requests: null, appeals: null },
    checks,
    themes,
    warnings: [],
  };
}

/** Seven invented reports. Texts are written so that each query below has a known answer. */
export const FIXTURES: ReportRecord[] = [
  fixtureRecord({
    id: 'qsq-czj-2023',
    agency: '青山区财政局',
    year: 2023,
    region: ['浙江省', '宁波市', '青山区'],
    level: 'county',
    kind: 'department',
    sections: {
      preface: '青山区财政局2023年政府信息公开工作年度报告',
      overview: '2023年，青山区财政局认真贯彻《中华人民共和国政府信息公开条例》，全年主动公开预算决算信息58条。',
      problems: '一是信息发布的时效性有待提高；二是公开内容不够全面。下一步将完善发布流程。',
      other: '本机关未收取信息处理费。',
    },
    themes: ['时效性'],
  }),
  fixtureRecord({
    id: 'qsq-czj-2024',
    agency: '青山区财政局',
    year: 2024,
    region: ['浙江省', '宁波市', '青山区'],
    level: 'county',
    kind: 'department',
    sections: {
      preface: '青山区财政局2024年政府信息公开工作年度报告',
      overview: '2024年，青山区财政局组织业务培训3次，全年主动公开财政资金信息61条。',
      problems: '工作人员业务能力仍需加强，培训覆盖面不够广。',
    },
    themes: ['队伍能力'],
    failedChecks: 1,
  }),
  fixtureRecord({
    id: 'qsq-rmzf-2024',
    agency: '青山区人民政府',
    year: 2024,
    region: ['浙江省', '宁波市', '青山区'],
    level: 'county',
    kind: 'government',
    sections: {
      preface: '青山区人民政府2024年政府信息公开工作年度报告',
      overview: '全区依申请公开工作平稳有序，年底尚有2件申请待处理，已结转下年度继续办理。',
      requests: '收到政府信息公开申请情况见下表。',
      problems: '依申请公开答复文书还不够规范。',
    },
    themes: ['依申请公开办理'],
  }),
  fixtureRecord({
    id: 'hks-jyj-2022',
    agency: '河口市教育局',
    year: 2022,
    region: ['河南省', '河口市', null],
    level: 'city',
    kind: 'department',
    sections: {
      preface: '河口市教育局2022年度政府信息公开工作年度报告',
      overview: '我局依托政务新媒体发布招生入学政策解读12篇，回应家长关切。',
      problems: '政务新媒体更新不及时，信息时效性不强。Email 回复较慢。',
    },
    themes: ['政务新媒体', '时效性'],
    failedChecks: 2,
  }),
  fixtureRecord({
    id: 'dhjd-2023',
    agency: '东湖街道办事处',
    year: 2023,
    region: ['浙江省', '宁波市', '青山区'],
    level: 'township',
    kind: 'other',
    sections: {
      overview: '东湖街道在便民服务中心设立政府信息公开查阅点，现场处理群众咨询40余次。',
      other: '答复注重时效性。',
      problems: '查阅点设施较为简陋。',
    },
  }),
  fixtureRecord({
    id: 'gds-bgt-2021',
    agency: '南岭省人民政府办公厅',
    year: 2021,
    region: ['南岭省', null, null],
    level: 'province',
    kind: 'office',
    sections: {
      overview: '省政府办公厅统筹推进全省政务公开，编制公开目录，EMAIL 与门户网站同步发布。',
      appeals: '本年度发生政府信息公开行政复议案件1件，结果维持。',
    },
  }),
  fixtureRecord({
    id: 'wnj-zx-undated',
    agency: '某某服务中心',
    year: null,
    region: [null, null, null],
    level: null,
    kind: 'other',
    sections: {
      overview: '本中心按要求做好信息公开，年份不详。',
    },
  }),
];

/** Agency names a normalizing engine would merge: full/half-width brackets, case, traditional/simplified. */
const EDGE_AGENCIES = [
  { id: 'bracket-full', agency: '临江区综合行政执法局（试点）' },
  { id: 'bracket-half', agency: '临江区综合行政执法局(试点)' },
  { id: 'case-upper', agency: '临江区IT中心' },
  { id: 'case-lower', agency: '临江区it中心' },
  { id: 'script-trad', agency: '临江區教育局' },
  { id: 'script-simp', agency: '临江区教育局' },
];

/** Eleven words jieba keeps whole, none inside another. */
const ELEVEN_WORDS = ['预算', '决算', '培训', '网站', '档案', '信访', '统计', '审计', '环保', '交通', '气象'];

/** Filler past the position limit in the text (~22 positions a sentence) and in its jieba field (~8 words a sentence). */
const LONG_TEXT = '本机关全年主动公开政府信息，依法答复各类申请。'.repeat(12000);

export const EDGE_FIXTURES: ReportRecord[] = [
  ...EDGE_AGENCIES.map((a) =>
    fixtureRecord({ id: a.id, agency: a.agency, year: 2023, region: ['临江省', null, null], level: 'county', kind: 'department', sections: { overview: '机构名称测试。' } }),
  ),
  fixtureRecord({
    id: 'long-2023',
    agency: '长文市政府',
    year: 2023,
    region: ['临江省', null, null],
    level: 'city',
    kind: 'government',
    sections: { overview: `开篇说明。${LONG_TEXT}结尾提到鲲鹏。`, appeals: '本年度发生行政复议案件2件。' },
  }),
  fixtureRecord({
    id: 'words-10',
    agency: '十词局',
    year: 2022,
    region: ['临江省', null, null],
    level: 'city',
    kind: 'department',
    sections: { overview: ELEVEN_WORDS.slice(0, 10).join('，') + '。' },
  }),
  fixtureRecord({
    id: 'words-11',
    agency: '十一词局',
    year: 2022,
    region: ['临江省', null, null],
    level: 'city',
    kind: 'department',
    sections: { overview: ELEVEN_WORDS.join('，') + '。' },
  }),
];

const ids = (hits: { id: string }[]) => hits.map((h) => h.id).sort();
const unmark = (s: string) => s.replace(/[\uE000\uE001]/g, '');

/** A fresh copy of the fixtures with one record changed (records are plain data). */
function variant(id: string, patch: Partial<ReportRecord>): ReportRecord {
  return { ...structuredClone(FIXTURES.find((r) => r.id === id)!), ...patch };
}

const ALL_FACETS = {
  agency: {
    青山区财政局: 2,
    青山区人民政府: 1,
    河口市教育局: 1,
    东湖街道办事处: 1,
    南岭省人民政府办公厅: 1,
    某某服务中心: 1,
  },
  year: { '2021': 1, '2022': 1, '2023': 2, '2024': 2 },
  province: { 浙江省: 4, 河南省: 1, 南岭省: 1 },
  city: { 宁波市: 4, 河口市: 1 },
  level: { county: 3, city: 1, township: 1, province: 1 },
  kind: { department: 3, government: 1, other: 2, office: 1 },
  theme: { 时效性: 2, 队伍能力: 1, 依申请公开办理: 1, 政务新媒体: 1 },
  checks: { ok: 5, failed: 2 },
};

/**
 * Reports with tables, for the key-figure filters and sorts (lib/key-figures.ts). Figures per id:
 *            received granted refused review(total/corr) litigation corr  corrected
 * fa-2023    120      80      5       3/1                0                1
 * fa-2024    150      90      0       0/0                0                0
 * fb-2024    100      40      12      2/1                1                2
 * fc-2023    100      60      3       (no appeals table)                  null
 * fd-2022    30       20      null    1/0                null             null
 * fe-2021    (no tables at all)                                            null
 */
function tabled(id: string, agency: string, year: number, province: string, f: { received: number; granted: number; refused: number | null; appeals?: { review: [number, number]; litigation: number | null } }): ReportRecord {
  const rec = fixtureRecord({
    id,
    agency,
    year,
    region: [province, null, null],
    level: 'county',
    kind: 'department',
    sections: { overview: `${agency}${year}年政府信息公开工作年度报告。全年依申请公开工作有序开展。` },
  });
  // the refusals sit in the first 不予公开 row; null there makes the 8-row sum unknown
  rec.figures = {
    active: null,
    requests: requests({ new_received: { total: f.received }, granted: { total: f.granted }, denied_state_secret: { total: f.refused } }),
    appeals: f.appeals
      ? appeals({ review: { total: f.appeals.review[0], corrected: f.appeals.review[1] }, litigation_direct: { corrected: f.appeals.litigation } })
      : null,
  };
  return rec;
}

export const FIGURE_FIXTURES: ReportRecord[] = [
  tabled('fa-2023', '甲市财政局', 2023, '浙江省', { received: 120, granted: 80, refused: 5, appeals: { review: [3, 1], litigation: 0 } }),
  tabled('fa-2024', '甲市财政局', 2024, '浙江省', { received: 150, granted: 90, refused: 0, appeals: { review: [0, 0], litigation: 0 } }),
  tabled('fb-2024', '乙县人民政府', 2024, '浙江省', { received: 100, granted: 40, refused: 12, appeals: { review: [2, 1], litigation: 1 } }),
  tabled('fc-2023', '丙街道办事处', 2023, '河南省', { received: 100, granted: 60, refused: 3 }),
  tabled('fd-2022', '丁市教育局', 2022, '河南省', { received: 30, granted: 20, refused: null, appeals: { review: [1, 0], litigation: null } }),
  fixtureRecord({
    id: 'fe-2021',
    agency: '戊省人民政府办公厅',
    year: 2021,
    region: ['浙江省', null, null],
    level: 'province',
    kind: 'office',
    sections: { overview: '戊省人民政府办公厅2021年政府信息公开工作年度报告。全年依申请公开工作有序开展。' },
  }),
];

export function runEngineContract(name: string, makeEngine: () => Promise<SearchEngine>): void {
  describe(`${name}: key-figure filters and sorts`, () => {
    let engine: SearchEngine;
    const find = async (figureFilters: FigureFilter[], more: Partial<SearchQuery> = {}) =>
      ids((await engine.search({ q: '', figureFilters, perPage: 100, ...more })).hits);
    const order = async (sort: SearchQuery['sort'], more: Partial<SearchQuery> = {}) =>
      (await engine.search({ q: '', sort, perPage: 100, facets: [], ...more })).hits.map((h) => h.id);

    beforeAll(async () => {
      engine = await makeEngine();
      expect((await engine.rebuild(FIGURE_FIXTURES)).indexed).toBe(FIGURE_FIXTURES.length);
    });
    afterAll(async () => {
      await engine?.close();
    });

    it('filters by each operator; a report whose figure is unknown passes no condition on it (null is never 0)', async () => {
      expect(await find([{ key: 'received', op: 'ge', value: 100 }])).toEqual(['fa-2023', 'fa-2024', 'fb-2024', 'fc-2023']);
      expect(await find([{ key: 'received', op: 'gt', value: 100 }])).toEqual(['fa-2023', 'fa-2024']);
      expect(await find([{ key: 'received', op: 'lt', value: 100 }])).toEqual(['fd-2022']);
      expect(await find([{ key: 'refused', op: 'gt', value: 0 }])).toEqual(['fa-2023', 'fb-2024', 'fc-2023']);
      // fd-2022 (a blank refusal row) and fe-2021 (no table) are unknown, not 0
      expect(await find([{ key: 'refused', op: 'eq', value: 0 }])).toEqual(['fa-2024']);
      expect(await find([{ key: 'refused', op: 'le', value: 5 }])).toEqual(['fa-2023', 'fa-2024', 'fc-2023']);
      expect(await find([{ key: 'corrected', op: 'gt', value: 0 }])).toEqual(['fa-2023', 'fb-2024']);
      expect(await find([{ key: 'review_corrected', op: 'ge', value: 0 }])).toEqual(['fa-2023', 'fa-2024', 'fb-2024', 'fd-2022']);
      expect(await find([{ key: 'received', op: 'ge', value: 1000 }])).toEqual([]);
    });

    it('ANDs conditions, on one figure (a range) and across figures, with facet filters and text', async () => {
      expect(await find([{ key: 'received', op: 'ge', value: 100 }, { key: 'received', op: 'le', value: 120 }])).toEqual(['fa-2023', 'fb-2024', 'fc-2023']);
      expect(await find([{ key: 'received', op: 'ge', value: 100 }, { key: 'refused', op: 'le', value: 3 }])).toEqual(['fa-2024', 'fc-2023']);
      expect(await find([{ key: 'received', op: 'ge', value: 100 }], { filters: { province: ['河南省'] } })).toEqual(['fc-2023']);
      expect(await find([{ key: 'granted', op: 'ge', value: 60 }], { q: '依申请公开' })).toEqual(['fa-2023', 'fa-2024', 'fc-2023']);
      expect(await find([{ key: 'granted', op: 'ge', value: 60 }], { q: '甲市财政局' })).toEqual(['fa-2023', 'fa-2024']);
    });

    it('counts facets over the reports that pass the figure conditions, disjunctive counts included (whole structure)', async () => {
      const r = await engine.search({
        q: '',
        figureFilters: [{ key: 'received', op: 'ge', value: 100 }],
        filters: { province: ['浙江省'] },
        facets: ['province', 'year', 'level'],
      });
      expect(r.total).toBe(3);
      expect(r.facets).toEqual({
        // counted without the province filter but with the figure condition: fd-2022 and fe-2021 are out
        province: { 浙江省: 3, 河南省: 1 },
        year: { '2023': 1, '2024': 2 },
        level: { county: 3 },
      });
    });

    it('sorts by a figure, largest or smallest first; ties newest year first; unknown last either way', async () => {
      expect(await order('fig:received:desc')).toEqual(['fa-2024', 'fa-2023', 'fb-2024', 'fc-2023', 'fd-2022', 'fe-2021']);
      expect(await order('fig:received:asc')).toEqual(['fd-2022', 'fb-2024', 'fc-2023', 'fa-2023', 'fa-2024', 'fe-2021']);
      expect(await order('fig:refused:desc')).toEqual(['fb-2024', 'fa-2023', 'fc-2023', 'fa-2024', 'fd-2022', 'fe-2021']);
      expect(await order('fig:refused:asc')).toEqual(['fa-2024', 'fc-2023', 'fa-2023', 'fb-2024', 'fd-2022', 'fe-2021']);
      expect(await order('fig:corrected:desc')).toEqual(['fb-2024', 'fa-2023', 'fa-2024', 'fc-2023', 'fd-2022', 'fe-2021']);
    });

    it('a figure order holds with a text query, with figure conditions and across pages', async () => {
      expect(await order('fig:granted:desc', { q: '依申请公开' })).toEqual(['fa-2024', 'fa-2023', 'fc-2023', 'fb-2024', 'fd-2022', 'fe-2021']);
      const cond = { figureFilters: [{ key: 'received', op: 'ge', value: 100 } as FigureFilter] };
      expect(await order('fig:refused:desc', cond)).toEqual(['fb-2024', 'fa-2023', 'fc-2023', 'fa-2024']);
      const pages: string[][] = [];
      for (let page = 1; page <= 3; page++) {
        const r = await engine.search({ q: '公开', sort: 'fig:received:desc', perPage: 2, page, facets: [] });
        expect(r.total).toBe(6);
        pages.push(r.hits.map((h) => h.id));
      }
      expect(pages).toEqual([['fa-2024', 'fa-2023'], ['fb-2024', 'fc-2023'], ['fd-2022', 'fe-2021']]);
    });

    it('hits carry the key figures, null where unknown', async () => {
      const r = await engine.search({ q: '', sort: 'fig:received:desc', perPage: 100, facets: [] });
      const by = Object.fromEntries(r.hits.map((h) => [h.id, h.figures]));
      const fb: KeyFigureValues = { received: 100, processed: 0, granted: 40, refused: 12, review: 2, review_corrected: 1, litigation_corrected: 1, corrected: 2 };
      expect(by['fb-2024']).toEqual(fb);
      expect(by['fd-2022']).toEqual({ received: 30, processed: 0, granted: 20, refused: null, review: 1, review_corrected: 0, litigation_corrected: null, corrected: null });
      expect(by['fe-2021']).toEqual(noKeyFigures());
    });

    it('searchIds honours figure conditions and figure order (the bulk export)', async () => {
      if (!engine.searchIds) return expect(engine.name).toBe('meilisearch'); // only SQLite has it
      expect(await engine.searchIds({ q: '', sort: 'fig:received:asc', figureFilters: [{ key: 'refused', op: 'ge', value: 0 }] }, 10)).toEqual({
        total: 4,
        ids: ['fb-2024', 'fc-2023', 'fa-2023', 'fa-2024'],
      });
    });
  });

  describe(`${name}: search contract (read-only)`, () => {
    let engine: SearchEngine;
    const search = (q: Partial<SearchQuery>) => engine.search({ q: '', ...q });

    beforeAll(async () => {
      engine = await makeEngine();
      const r = await engine.rebuild(FIXTURES);
      expect(r.indexed).toBe(FIXTURES.length);
    });
    afterAll(async () => {
      await engine?.close();
    });

    it('lists everything for an empty query, with facet counts over the whole set', async () => {
      const r = await search({ perPage: 100 });
      expect(r.total).toBe(7);
      expect(ids(r.hits)).toEqual(ids(FIXTURES));
      expect(r.facets).toEqual(ALL_FACETS);
    });

    it('matches substrings: a 2-character query finds the longer word (时效 → 时效性, 处理 → 待处理)', async () => {
      expect(ids((await search({ q: '时效' })).hits)).toEqual(['dhjd-2023', 'hks-jyj-2022', 'qsq-czj-2023']);
      expect(ids((await search({ q: '时效性' })).hits)).toEqual(['dhjd-2023', 'hks-jyj-2022', 'qsq-czj-2023']);
      expect(ids((await search({ q: '处理' })).hits)).toEqual(['dhjd-2023', 'qsq-czj-2023', 'qsq-rmzf-2024']);
      expect(ids((await search({ q: '新媒体' })).hits)).toEqual(['hks-jyj-2022']);
      expect(ids((await search({ q: '依申请公开' })).hits)).toEqual(['qsq-rmzf-2024']);
    });

    it('is precise: reports lacking a term are not returned', async () => {
      const r = await search({ q: '时效性差' });
      expect(r.total).toBe(0);
      expect(r.hits).toEqual([]);
      expect(await search({ q: '培训覆盖' }).then((x) => ids(x.hits))).toEqual(['qsq-czj-2024']);
    });

    it('requires every term, wherever in the report it occurs (AND across sections)', async () => {
      // 财政局 2023: 预算 in the overview, 时效性 in the problems section.
      expect(ids((await search({ q: '预算 时效性' })).hits)).toEqual(['qsq-czj-2023']);
      expect(ids((await search({ q: '时效性 新媒体' })).hits)).toEqual(['hks-jyj-2022']);
      expect((await search({ q: '时效性 培训' })).total).toBe(0);
    });

    it('matches Latin letters case-insensitively and digits as text', async () => {
      expect(ids((await search({ q: 'email' })).hits)).toEqual(['gds-bgt-2021', 'hks-jyj-2022']);
      expect(ids((await search({ q: '58条' })).hits)).toEqual(['qsq-czj-2023']);
    });

    it('never passes query syntax through: quotes, operators and brackets are plain text', async () => {
      for (const q of ['"', '" OR "', 'AND', 'NEAR(时效 性)', '时效*', '(', 'grams:时效', '-时效', '时效" OR "公开', "'; DROP TABLE reports; --"]) {
        const r = await search({ q });
        expect(r.total, q).toBeGreaterThanOrEqual(0);
      }
      expect(ids((await search({ q: '"时效性"' })).hits)).toEqual(['dhjd-2023', 'hks-jyj-2022', 'qsq-czj-2023']);
      expect((await search({ q: 'OR' })).total).toBe(0);
    });

    it('filters: OR within a facet, AND across facets', async () => {
      expect(ids((await search({ filters: { year: ['2023', '2024'] } })).hits)).toEqual([
        'dhjd-2023',
        'qsq-czj-2023',
        'qsq-czj-2024',
        'qsq-rmzf-2024',
      ]);
      expect(ids((await search({ filters: { year: ['2023', '2024'], kind: ['department'] } })).hits)).toEqual([
        'qsq-czj-2023',
        'qsq-czj-2024',
      ]);
      expect(ids((await search({ filters: { theme: ['时效性'] } })).hits)).toEqual(['hks-jyj-2022', 'qsq-czj-2023']);
      expect(ids((await search({ filters: { checks: ['failed'] } })).hits)).toEqual(['hks-jyj-2022', 'qsq-czj-2024']);
      expect(ids((await search({ filters: { province: ['河南省', '南岭省'] } })).hits)).toEqual(['gds-bgt-2021', 'hks-jyj-2022']);
      expect(ids((await search({ filters: { agency: ['青山区财政局'], level: ['county'] } })).hits)).toEqual([
        'qsq-czj-2023',
        'qsq-czj-2024',
      ]);
      expect((await search({ filters: { city: ['不存在市'] } })).total).toBe(0);
    });

    it('counts facets over the filtered, matched set (whole structure)', async () => {
      const r = await search({ q: '公开', filters: { province: ['浙江省'] } });
      expect(ids(r.hits)).toEqual(['dhjd-2023', 'qsq-czj-2023', 'qsq-czj-2024', 'qsq-rmzf-2024']);
      expect(r.facets).toEqual({
        agency: { 青山区财政局: 2, 青山区人民政府: 1, 东湖街道办事处: 1 },
        year: { '2023': 2, '2024': 2 },
        // The filtered facet itself is counted without its own filter (disjunctive, below).
        province: { 浙江省: 4, 河南省: 1, 南岭省: 1 },
        city: { 宁波市: 4 },
        level: { county: 3, township: 1 },
        kind: { department: 2, government: 1, other: 1 },
        theme: { 时效性: 1, 队伍能力: 1, 依申请公开办理: 1 },
        checks: { ok: 3, failed: 1 },
      });
      const some = await search({ q: '时效', facets: ['theme', 'checks'] });
      expect(some.facets).toEqual({ theme: { 时效性: 2, 政务新媒体: 1 }, checks: { ok: 2, failed: 1 } });
      const none = await search({ q: '没有这个词', facets: ['year', 'theme'] });
      expect(none).toEqual({ total: 0, page: 1, perPage: 20, hits: [], facets: { year: {}, theme: {} } });
    });

    it('counts a filtered facet without its own filter: each value says what ticking it would give (OR within a facet)', async () => {
      // 2023 + 2024 among departments: the year facet counts every year among departments (the kind
      // filter kept, the year filter left out); the kind facet counts every kind in 2023/2024.
      const r = await search({ filters: { year: ['2023'], kind: ['department'] }, facets: ['year', 'kind', 'province'] });
      expect(ids(r.hits)).toEqual(['qsq-czj-2023']);
      expect(r.facets).toEqual({
        year: { '2022': 1, '2023': 1, '2024': 1 },
        kind: { department: 1, other: 1 },
        province: { 浙江省: 1 },
      });
      // The promise kept: ticking 2024 too gives exactly 2023's count + 2024's count.
      const both = await search({ filters: { year: ['2023', '2024'], kind: ['department'] }, facets: ['year'] });
      expect(both.total).toBe(r.facets.year!['2023'] + r.facets.year!['2024']);
      expect(both.facets.year).toEqual(r.facets.year);
      // Themes (several per report) too, with a text query; a value filtered on with no hits stays 0-less.
      const t = await search({ q: '时效', filters: { theme: ['政务新媒体'] }, facets: ['theme', 'checks'] });
      expect(ids(t.hits)).toEqual(['hks-jyj-2022']);
      expect(t.facets).toEqual({ theme: { 时效性: 2, 政务新媒体: 1 }, checks: { failed: 1 } });
      const t2 = await search({ q: '时效', filters: { theme: ['政务新媒体', '时效性'] }, facets: ['theme'] });
      expect(t2.total).toBe(2);
      expect(t2.facets.theme).toEqual(t.facets.theme);
    });

    it('facetLimit keeps the most frequent values (ties by code point) with exact counts, and says how many there were', async () => {
      const full = await search({});
      const r = await search({ facetLimit: 2 });
      const sizes: Record<string, number> = {};
      for (const [f, counts] of Object.entries(full.facets)) {
        const ranked = Object.entries(counts!).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
        expect(r.facets[f as keyof typeof r.facets], f).toEqual(Object.fromEntries(ranked.slice(0, 2)));
        if (ranked.length > 2) sizes[f] = ranked.length;
      }
      expect(r.facetValueCounts).toEqual(sizes);
      expect(r.facets.level).toEqual({ county: 3, city: 1 }); // city, province, township tie at 1
      expect(r.total).toBe(full.total);
      // A value filtered on stays listed whatever its rank; no limit, no facetValueCounts.
      const kept = await search({ facetLimit: 1, filters: { kind: ['office', 'department'] }, facets: ['kind'] });
      expect(kept.facets.kind).toEqual({ department: 3, office: 1 });
      expect(full.facetValueCounts).toBeUndefined();
    });

    it('returns hits with the report fields and a highlighted snippet of the original text', async () => {
      const r = await search({ q: '时效性', filters: { agency: ['河口市教育局'] } });
      expect(r.hits).toHaveLength(1);
      const h = r.hits[0];
      expect({ ...h, snippet: '' }).toEqual({
        id: 'hks-jyj-2022',
        agency: '河口市教育局',
        year: 2022,
        region: { province: '河南省', city: '河口市', county: null },
        level: 'city',
        kind: 'department',
        themes: expect.arrayContaining(['政务新媒体', '时效性']),
        checksFailed: 2,
        synthetic: false,
        figures: noKeyFigures(), // this fixture has no tables
        section: 'problems',
        snippet: '',
      });
      expect(h.themes).toHaveLength(2);
      expect(h.snippet).toContain(`${MARK_START}时效性${MARK_END}`);
      expect(h.snippet).not.toMatch(/<|>/);
      // The original wording, not segmented tokens.
      expect(unmark(h.snippet)).toContain('信息时效性不强');
      expect(unmark(h.snippet).length).toBeLessThanOrEqual(160);

      const two = await search({ q: '处理', filters: { agency: ['青山区人民政府'] } });
      expect(two.hits[0].snippet).toContain(`${MARK_START}处理${MARK_END}`);
      expect(unmark(two.hits[0].snippet)).toContain('待处理');
    });

    it('pages through the result set without gaps or repeats', async () => {
      const seen: string[] = [];
      for (let page = 1; page <= 4; page++) {
        const r = await search({ perPage: 2, page, sort: 'year_desc' });
        expect(r.total).toBe(7);
        expect(r.page).toBe(page);
        expect(r.perPage).toBe(2);
        expect(r.hits.length).toBe(page < 4 ? 2 : 1);
        seen.push(...r.hits.map((h) => h.id));
      }
      expect([...seen].sort()).toEqual(ids(FIXTURES));
      expect((await search({ perPage: 2, page: 5 })).hits).toEqual([]);
    });

    it('sorts by year, newest or oldest first, reports without a year last', async () => {
      const desc = (await search({ sort: 'year_desc', perPage: 100 })).hits.map((h) => h.year);
      expect(desc).toEqual([2024, 2024, 2023, 2023, 2022, 2021, null]);
      const asc = (await search({ sort: 'year_asc', perPage: 100 })).hits.map((h) => h.year);
      expect(asc).toEqual([2021, 2022, 2023, 2023, 2024, 2024, null]);
      const q = (await search({ q: '公开', sort: 'year_asc', perPage: 100 })).hits.map((h) => h.year);
      expect(q).toEqual([...q].sort((a, b) => (a ?? 1e9) - (b ?? 1e9)));
    });

    it('orders by year with a query too: newest first means newest first, not a tie-breaker of relevance', async () => {
      // 公开 sits in different fields and positions across these reports, so relevance alone mixes years.
      const r = await search({ q: '公开', sort: 'year_desc', perPage: 100 });
      const years = r.hits.map((h) => h.year);
      expect(r.total).toBeGreaterThanOrEqual(5);
      expect(years).toEqual([...years].sort((a, b) => (b ?? -1e9) - (a ?? -1e9)));
      expect(new Set(years).size).toBeGreaterThanOrEqual(3);
      // ties between years by agency name, code-point order
      const keyed = r.hits.map((h) => [h.year, h.agency] as const);
      for (let i = 1; i < keyed.length; i++) {
        if (keyed[i][0] === keyed[i - 1][0]) expect(keyed[i - 1][1] <= keyed[i][1], JSON.stringify(keyed)).toBe(true);
      }
    });

    it('ranks a report tagged with the queried theme above a passing mention', async () => {
      // 东湖街道 mentions 时效性 in passing (overview); the other two name it as their problem.
      const r = await search({ q: '时效性', sort: 'relevance' });
      expect(r.hits.map((h) => h.id).slice(2)).toEqual(['dhjd-2023']);
      expect(ids(r.hits.slice(0, 2))).toEqual(['hks-jyj-2022', 'qsq-czj-2023']);
    });

    it('gets a report by id, whole', async () => {
      expect(await engine.getReport('hks-jyj-2022')).toEqual(FIXTURES[3]);
      expect(await engine.getReport('no-such-id')).toBeNull();
    });

    it("lists an agency's reports, oldest first", async () => {
      expect(await engine.listAgencyReports('青山区财政局')).toEqual([
        { id: 'qsq-czj-2023', agency: '青山区财政局', year: 2023 },
        { id: 'qsq-czj-2024', agency: '青山区财政局', year: 2024 },
      ]);
      expect(await engine.listAgencyReports('青山区')).toEqual([]);
    });

    it('lists agencies with region, level and years held', async () => {
      const list = await engine.listAgencies();
      expect([...list].sort((a, b) => a.agency.localeCompare(b.agency))).toEqual(
        [
          { agency: '东湖街道办事处', region: { province: '浙江省', city: '宁波市', county: '青山区' }, level: 'township', years: [2023] },
          { agency: '南岭省人民政府办公厅', region: { province: '南岭省', city: null, county: null }, level: 'province', years: [2021] },
          { agency: '某某服务中心', region: { province: null, city: null, county: null }, level: null, years: [] },
          { agency: '河口市教育局', region: { province: '河南省', city: '河口市', county: null }, level: 'city', years: [2022] },
          { agency: '青山区人民政府', region: { province: '浙江省', city: '宁波市', county: '青山区' }, level: 'county', years: [2024] },
          { agency: '青山区财政局', region: { province: '浙江省', city: '宁波市', county: '青山区' }, level: 'county', years: [2023, 2024] },
        ].sort((a, b) => a.agency.localeCompare(b.agency)),
      );
    });
  });

  describe(`${name}: edge cases (names, long reports, long queries)`, () => {
    let engine: SearchEngine;
    beforeAll(async () => {
      engine = await makeEngine();
      await engine.rebuild([...FIXTURES, ...EDGE_FIXTURES]);
    });
    afterAll(async () => {
      await engine?.close();
    });

    it('agency names that differ only in bracket width, letter case or script variant stay apart (facets, filters, agency lists)', async () => {
      for (const a of EDGE_AGENCIES) {
        expect(await engine.listAgencyReports(a.agency), a.agency).toEqual([{ id: a.id, agency: a.agency, year: 2023 }]);
        const r = await engine.search({ q: '', filters: { agency: [a.agency] }, facets: ['agency', 'year'] });
        expect(r.hits.map((h) => h.id), a.agency).toEqual([a.id]);
        // the filter kept one report; the agency facet is counted without its own filter
        // (disjunctive), so the variant's count is its own report alone
        expect(r.facets.year, a.agency).toEqual({ '2023': 1 });
        expect(r.facets.agency?.[a.agency], a.agency).toBe(1);
      }
      const all = await engine.search({ q: '', facets: ['agency'], perPage: 1 });
      for (const a of EDGE_AGENCIES) expect(all.facets.agency?.[a.agency], a.agency).toBe(1);
      const names = (await engine.listAgencies()).map((a) => a.agency);
      for (const a of EDGE_AGENCIES) expect(names).toContain(a.agency);
    });

    it('a report longer than 65,536 word positions is searchable to its last word, alone and with a term from another section', async () => {
      expect(ids((await engine.search({ q: '鲲鹏' })).hits)).toEqual(['long-2023']);
      expect(ids((await engine.search({ q: '鲲鹏 行政复议' })).hits)).toEqual(['long-2023']);
      expect(ids((await engine.search({ q: '开篇 鲲鹏' })).hits)).toEqual(['long-2023']);
      const hit = (await engine.search({ q: '鲲鹏' })).hits[0];
      expect(hit.snippet).toContain(`${MARK_START}鲲鹏${MARK_END}`);
    });

    it('never ignores part of a long query: 11 words find exactly the reports holding all 11, or the query is refused', async () => {
      const q = ELEVEN_WORDS.join(' ');
      let result: string[] | 'refused';
      try {
        result = ids((await engine.search({ q })).hits);
      } catch (e) {
        expect((e as Error).constructor.name).toBe('SearchInputError');
        expect((e as Error).message).toMatch(/11|at most/);
        result = 'refused';
      }
      // words-10 holds the first ten words only; it must never be returned.
      if (result !== 'refused') expect(result).toEqual(['words-11']);
      // Ten of them are fine for every engine.
      expect(ids((await engine.search({ q: ELEVEN_WORDS.slice(0, 10).join(' ') })).hits)).toEqual(['words-10', 'words-11']);
    });
  });

  describe(`${name}: writes (upsert, atomic rebuild)`, () => {
    let engine: SearchEngine;
    const total = async (q: string) => (await engine.search({ q })).total;

    beforeEach(async () => {
      engine = await makeEngine();
      await engine.rebuild(FIXTURES);
    });
    afterEach(async () => {
      await engine?.close();
    });

    it('upsert adds new records and replaces existing ones by id', async () => {
      const changed = variant('qsq-czj-2023', {
        sections: [{ key: 'problems', title: '问题', text: '政府网站栏目设置不够合理。' }],
        themes: [{ id: 'platform', label: '平台建设', evidence: ['政府网站栏目设置不够合理'] }],
      });
      const added = variant('dhjd-2023', { id: 'dhjd-2024', year: 2024, file: 'fixtures/dhjd-2024.txt' });
      await engine.upsert([changed, added]);
      expect((await engine.search({ q: '' })).total).toBe(8);
      expect(ids((await engine.search({ q: '时效性' })).hits)).toEqual(['dhjd-2023', 'dhjd-2024', 'hks-jyj-2022']);
      expect(ids((await engine.search({ q: '栏目设置' })).hits)).toEqual(['qsq-czj-2023']);
      expect(ids((await engine.search({ q: '查阅点' })).hits)).toEqual(['dhjd-2023', 'dhjd-2024']);
      expect(await engine.getReport('qsq-czj-2023')).toEqual(changed);
      const f = (await engine.search({ q: '', facets: ['theme', 'year'] })).facets;
      expect(f).toEqual({
        theme: { 时效性: 1, 队伍能力: 1, 依申请公开办理: 1, 政务新媒体: 1, 平台建设: 1 },
        year: { '2021': 1, '2022': 1, '2023': 2, '2024': 3 },
      });
      expect(await engine.listAgencyReports('东湖街道办事处')).toEqual([
        { id: 'dhjd-2023', agency: '东湖街道办事处', year: 2023 },
        { id: 'dhjd-2024', agency: '东湖街道办事处', year: 2024 },
      ]);
    });

    it('rebuild replaces the whole index', async () => {
      const fresh = [variant('dhjd-2023', {}), variant('gds-bgt-2021', {})];
      expect(await engine.rebuild(fresh)).toEqual({ indexed: 2 });
      expect(ids((await engine.search({ q: '' })).hits)).toEqual(['dhjd-2023', 'gds-bgt-2021']);
      expect(await total('预算')).toBe(0);
      expect(await engine.getReport('qsq-czj-2023')).toBeNull();
    });

    it('rebuild is atomic: readers see the old index until the new one is complete', async () => {
      const before = await engine.search({ q: '', perPage: 100 });
      const during: number[] = [];
      async function* slow() {
        for (const r of FIXTURES.slice(0, 3)) {
          yield variant(r.id, { id: `${r.id}-new` });
          // While the rebuild is under way, searches still see all 7 old reports.
          during.push((await engine.search({ q: '' })).total);
          expect(await engine.getReport('qsq-czj-2023-new')).toBeNull();
        }
      }
      const progress: number[] = [];
      await engine.rebuild(slow(), (p) => progress.push(p.done));
      expect(during).toEqual([7, 7, 7]);
      expect(progress.at(-1)).toBe(3);
      expect(before.total).toBe(7);
      const after = await engine.search({ q: '', perPage: 100 });
      expect(ids(after.hits)).toEqual(['qsq-czj-2023-new', 'qsq-czj-2024-new', 'qsq-rmzf-2024-new']);
    });

    it('a failing rebuild leaves the old index intact', async () => {
      function* broken() {
        yield variant('dhjd-2023', { id: 'partial-1' });
        yield variant('gds-bgt-2021', { id: 'partial-2' });
        throw new Error('disk on fire');
      }
      await expect(engine.rebuild(broken())).rejects.toThrow('disk on fire');
      const r = await engine.search({ q: '', perPage: 100 });
      expect(ids(r.hits)).toEqual(ids(FIXTURES));
      expect(r.facets).toEqual(ALL_FACETS);
      expect(await engine.getReport('partial-1')).toBeNull();
    });

    it('counts generated (synthetic) reports and flags their hits; upsert keeps the count current', async () => {
      expect(await engine.corpusCounts()).toEqual({ reports: 7, synthetic: 0 });
      const demo = FIXTURES.slice(0, 2).map((r) => variant(r.id, { synthetic: true }));
      await engine.rebuild([...demo, ...FIXTURES.slice(2)]);
      expect(await engine.corpusCounts()).toEqual({ reports: 7, synthetic: 2 });
      const hits = (await engine.search({ q: '', perPage: 100 })).hits;
      expect(hits.filter((h) => h.synthetic).map((h) => h.id).sort()).toEqual(demo.map((r) => r.id).sort());
      expect(hits.filter((h) => !h.synthetic)).toHaveLength(5);
      expect((await engine.getReport(demo[0].id))?.synthetic).toBe(true);
      expect((await engine.getReport(FIXTURES[2].id))?.synthetic).toBeUndefined();
      // A real report replacing a generated one under the same id: one fewer synthetic.
      await engine.upsert([variant(demo[0].id, {})]);
      expect(await engine.corpusCounts()).toEqual({ reports: 7, synthetic: 1 });
    });
  });
}
