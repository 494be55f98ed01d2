import { noKeyFigures } from '../lib/key-figures';
import { describe, expect, it } from 'vitest';
import {
  bestSection,
  clampSnippet,
  facetKeys,
  MAX_POSITIONS,
  positionBound,
  splitForPositions,
  meiliReportKey,
  sectionDocId,
  toFacets,
  toRecordDocument,
  toSearchHit,
  toSectionDocuments,
  toTotal,
} from '../lib/search/meili-map';
import { segmentForIndex } from '../lib/segment/index';
import { MARK_END, MARK_START } from '../lib/search/highlight';
import { makeRecord } from './meili-fixtures';
import { encodeFacetKey } from '../lib/search/meili-facet-key';

const M = (s: string) => `${MARK_START}${s}${MARK_END}`;

describe('documents from a ReportRecord', () => {
  const rec = makeRecord({
    id: 'city-2023-abc',
    sections: [
      { key: 'preface', title: '', text: '按照条例要求编制本报告。' },
      { key: 'overview', title: '一、总体情况', text: `本机关${M('伪造')}主动公开政府信息。` },
      { key: 'problems', title: '五、存在的主要问题及改进情况', text: '信息发布不够及时，时效性有待提高。' },
    ],
    checks: [
      { id: 'requests.balance', ok: false, detail: '一+二≠七+四' },
      { id: 'appeals.totals', ok: false, detail: '复议合计不符' },
      { id: 'requests.row_totals', ok: true, detail: '' },
    ],
    themes: [
      { id: 'timeliness', label: '时效性', evidence: ['…'] },
      { id: 'timeliness', label: '时效性', evidence: ['…'] },
    ],
  });
  const docs = toSectionDocuments(rec, segmentForIndex);
  const facets = {
    report_id: 'city-2023-abc',
    agency: '测试市人民政府办公室',
    year: 2023,
    province: '测试省',
    city: '测试市',
    county: null,
    level: 'city',
    kind: 'office',
    themes: ['时效性'],
    checks: 'failed',
    checks_failed: 2,
    synthetic: false,
  };

  it('one document per section (overview first) plus the whole report, each with the facet fields', () => {
    expect(docs.map((d) => [d.id, d.section_key])).toEqual([
      ['city-2023-abc__overview', 'overview'],
      ['city-2023-abc__preface', 'preface'],
      ['city-2023-abc__problems', 'problems'],
      ['city-2023-abc__report', null],
    ]);
    for (const d of docs) expect(d).toMatchObject(facets);
  });

  it('section text is the original text with stray highlight markers stripped; text_seg is real jieba', () => {
    const problems = docs.find((d) => d.section_key === 'problems')!;
    expect(problems).toEqual({
      id: 'city-2023-abc__problems',
      section_key: 'problems',
      title: '五、存在的主要问题及改进情况',
      text: '信息发布不够及时，时效性有待提高。',
      // the heading is searchable with the text (segmented with it)
      text_seg: '五 存在 的 主要 问题 及 改进 情况 信息 发布 不够 及时 时效 时效性 有待 提高',
      theme_labels: ['时效性'],
      ...facets,
      version_of: null,
      keys: facetKeys(rec),
      // no tables in this record: every key figure unknown (null, never 0)
      fig: noKeyFigures(),
    });
    expect(facetKeys(rec)).toEqual({
      report: encodeFacetKey('city-2023-abc'),
      agency: encodeFacetKey('测试市人民政府办公室'),
      province: encodeFacetKey('测试省'),
      city: encodeFacetKey('测试市'),
      themes: [encodeFacetKey('时效性')],
    });
    const overview = docs.find((d) => d.section_key === 'overview')!;
    expect(overview.text).toBe('本机关伪造主动公开政府信息。');
    // theme labels (a ranking field) sit on the problems section only
    expect(docs.map((d) => d.theme_labels)).toEqual([[], [], ['时效性'], []]);
    expect(docs.some((d) => /[\uE000\uE001]/.test(d.text + d.title + d.text_seg))).toBe(false);
  });

  it('the whole-report document holds every distinct word of every section once, and no text', () => {
    const whole = docs.at(-1)!;
    expect(whole.text).toBe('');
    const words = whole.text_seg.split(' ');
    expect(words).toEqual(expect.arrayContaining(['主动公开', '时效性', '编制']));
    expect(new Set(words).size).toBe(words.length);
    expect(new Set(words)).toEqual(new Set(docs.slice(0, -1).flatMap((d) => d.text_seg.split(' '))));
  });

  it('a section beyond the position limit becomes several documents, each under it, cut at sentence ends', () => {
    const sentence = '本机关全年主动公开政府信息，依法答复申请。';
    const long = sentence.repeat(6000) + '末尾关键词出现在这里。';
    expect(positionBound(long)).toBeGreaterThan(MAX_POSITIONS * 2);
    const parts = splitForPositions(long, segmentForIndex);
    expect(parts.length).toBeGreaterThanOrEqual(3);
    expect(parts.map((p) => p.text).join('')).toBe(long);
    for (const p of parts) {
      expect(positionBound(p.text)).toBeLessThanOrEqual(MAX_POSITIONS);
      expect(positionBound(p.seg)).toBeLessThanOrEqual(MAX_POSITIONS);
      expect(p.text.endsWith('。')).toBe(true);
    }
    const r = makeRecord({ id: 'long', sections: [{ key: 'overview', title: '一', text: long }] });
    const d = toSectionDocuments(r, segmentForIndex);
    expect(d.map((x) => x.id)).toEqual([...parts.map((_, i) => (i ? `long__overview__${i}` : 'long__overview')), 'long__report']);
    expect(d.at(-1)!.text_seg.split(' ')).toContain('关键词');
    expect(positionBound(d.at(-1)!.text_seg)).toBeLessThan(MAX_POSITIONS);
  });

  it('a report without sections is still one listable document', () => {
    const bare = toSectionDocuments(makeRecord({ id: 'r0', sections: [], checks: [], themes: [] }), segmentForIndex);
    expect(bare).toEqual([
      expect.objectContaining({ id: 'r0__report', section_key: null, text: '', text_seg: '', checks: 'ok', checks_failed: 0, themes: [] }),
    ]);
    // without a problems section the whole-report document carries the theme labels
    const noProblems = toSectionDocuments(
      makeRecord({ id: 'r1', sections: [{ key: 'overview', title: '一', text: '概况。' }] }),
      segmentForIndex,
    );
    expect(noProblems.map((d) => [d.section_key, d.theme_labels])).toEqual([
      ['overview', []],
      [null, ['时效性']],
    ]);
  });

  it('ids Meilisearch would refuse are mapped to a stable hash; valid ones are kept', () => {
    expect(meiliReportKey('abc_DEF-123')).toBe('abc_DEF-123');
    const k = meiliReportKey('测试市/2023');
    expect(k).toMatch(/^h-[0-9a-f]{40}$/);
    expect(meiliReportKey('测试市/2023')).toBe(k);
    expect(meiliReportKey('测试市/2024')).not.toBe(k);
    expect(sectionDocId('a b', 'overview')).toMatch(/^h-[0-9a-f]{40}__overview$/);
  });

  it('the records document stores the full record once', () => {
    const d = toRecordDocument(rec);
    expect(d).toEqual({
      id: 'city-2023-abc',
      report_id: 'city-2023-abc',
      agency: '测试市人民政府办公室',
      year: 2023,
      province: '测试省',
      city: '测试市',
      county: null,
      level: 'city',
      synthetic: false,
      record: JSON.stringify(rec),
      keys: { report: encodeFacetKey('city-2023-abc'), agency: encodeFacetKey('测试市人民政府办公室') },
    });
    expect(JSON.parse(d.record)).toEqual(rec);
  });
});

describe('responses to app types', () => {
  it('a hit with _formatted becomes a SearchHit whose snippet carries the markers', () => {
    const hit = toSearchHit({
      report_id: 'r1',
      section_key: 'problems',
      text: '信息发布不够及时，时效性有待提高。',
      agency: '甲局',
      year: 2022,
      province: '测试省',
      city: null,
      county: null,
      level: 'province',
      kind: 'department',
      themes: ['时效性'],
      checks_failed: 1,
      synthetic: true,
      _formatted: { text: ` …信息发布不够及时，${M('时效性')}有待提高。 ` } as never,
    });
    expect(hit).toEqual({
      id: 'r1',
      agency: '甲局',
      year: 2022,
      region: { province: '测试省', city: null, county: null },
      level: 'province',
      kind: 'department',
      themes: ['时效性'],
      checksFailed: 1,
      synthetic: true,
      // a document indexed before key figures were stored has none: all unknown
      figures: noKeyFigures(),
      section: 'problems',
      snippet: `…信息发布不够及时，${M('时效性')}有待提高。`,
    });
    const withFigures = toSearchHit({ report_id: 'r2', section_key: null, text: '', agency: '乙局', year: 2023, province: null, city: null, county: null, level: null, kind: 'other', themes: [], checks_failed: 0, fig: { ...noKeyFigures(), received: 12, refused: 0 } });
    expect(withFigures.figures).toEqual({ ...noKeyFigures(), received: 12, refused: 0 });
  });

  it('the whole-report document maps to section null; no marked _formatted → snippet cut from the text around the terms', () => {
    const base = {
      report_id: 'r3',
      section_key: 'overview' as const,
      text: '全区依申请公开工作平稳有序，年底尚有2件申请待处理，已结转下年度继续办理。Email 回复。',
      agency: '丙区',
      year: 2024,
      province: null,
      city: null,
      county: null,
      level: null,
      kind: 'government' as const,
      themes: [],
      checks_failed: 0,
    };
    // Meilisearch matched 处理 only in the jieba field: its own tokens kept 待处理 whole
    const unmarked = toSearchHit({ ...base, _formatted: { text: base.text } as never }, ['处理']);
    expect(unmarked.snippet).toBe(`全区依申请公开工作平稳有序，年底尚有2件申请待${M('处理')}，已结转下年度继续办理。Email 回复。`);
    expect(toSearchHit(base, ['email']).snippet).toContain(M('Email'));
    const hit = toSearchHit({
      report_id: 'r2',
      section_key: null,
      text: '文'.repeat(300),
      agency: '乙局',
      year: null,
      province: null,
      city: null,
      county: null,
      level: null,
      kind: 'other',
      themes: [],
      checks_failed: 0,
    });
    expect(hit.section).toBeNull();
    expect(hit.year).toBeNull();
    expect(hit.snippet).toBe('文'.repeat(80) + '…');
  });

  it('a long _formatted snippet is clamped to 160 visible characters without leaving a mark open', () => {
    const long = '甲'.repeat(150) + M('时效性'.repeat(10)) + '乙'.repeat(50);
    const hit = toSearchHit({
      report_id: 'r4',
      section_key: 'problems',
      text: '',
      agency: '丁局',
      year: 2024,
      province: null,
      city: null,
      county: null,
      level: null,
      kind: 'other',
      themes: [],
      checks_failed: 0,
      _formatted: { text: `${long}\n` } as never,
    });
    expect(hit.snippet).toBe('甲'.repeat(150) + M('时效性时效性时效性时') + '…');
    expect(clampSnippet(`短${M('句')}`)).toBe(`短${M('句')}`);
  });

  it('facetDistribution (by attribute) → facets (by app name), every requested facet present', () => {
    expect(
      toFacets({ 'keys.agency': { [encodeFacetKey('甲局')]: 3, [encodeFacetKey('乙局')]: 1 }, 'keys.themes': { [encodeFacetKey('时效性')]: 2 }, year: { '2023': 4 }, checks: { ok: 3, failed: 1 } }, [
        'agency',
        'theme',
        'year',
        'checks',
        'city',
      ]),
    ).toEqual({ agency: { 甲局: 3, 乙局: 1 }, theme: { 时效性: 2 }, year: { '2023': 4 }, checks: { ok: 3, failed: 1 }, city: {} });
    expect(toFacets(undefined, ['kind'])).toEqual({ kind: {} });
  });

  it('total: exact totalHits when paging by page, else the estimate', () => {
    expect(toTotal({ totalHits: 42 })).toBe(42);
    expect(toTotal({ estimatedTotalHits: 1000 })).toBe(1000);
    expect(toTotal({})).toBe(0);
  });
});
