/**
 * Invented reports (test/fixtures/parse, written for these tests) covering the layouts and
 * failure modes the seeds do not: pipe rows, blank and `/` cells, broken labels, the 2019 table,
 * pre-2019 free text, sums that do not add up, missing tables, a non-report.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { processFile, processText } from '@/lib/indexer/pipeline';
import { APPLICANT_COLUMNS, isFailure, REQUEST_ROWS, type ReportRecord, type RequestRow } from '@/lib/types';

const dir = path.resolve(__dirname, 'fixtures/parse');

async function parse(name: string): Promise<ReportRecord> {
  const r = await processFile(path.join(dir, name));
  if (isFailure(r)) throw new Error(r.error);
  return r;
}

const row = (...v: (number | null)[]): RequestRow =>
  Object.fromEntries(APPLICANT_COLUMNS.map((c, i) => [c, v[i]])) as RequestRow;
const zero = row(0, 0, 0, 0, 0, 0, 0);
const checkMap = (r: ReportRecord) => Object.fromEntries(r.checks.map((c) => [c.id, c.ok]));

describe('pipe layout (HTML tables), half-width brackets, 其它, 上年转结, thousands separator, fractional fees', () => {
  it('parses every cell', async () => {
    const r = await parse('pipe-2021.txt');
    expect(r.figures.active).toEqual({
      rules: { issued: 0, repealed: 0, in_force: 0 },
      normative_documents: { issued: 3, repealed: 1, in_force: 12 },
      licensing: 1204,
      penalty: 37,
      coercion: 2,
      fees_wan_yuan: 12.5,
    });
    const expected = Object.fromEntries(REQUEST_ROWS.map((k) => [k, zero]));
    Object.assign(expected, {
      new_received: row(14, 3, 0, 1, 2, 0, 20),
      carried_over: row(1, 0, 0, 0, 0, 0, 1),
      granted: row(6, 1, 0, 0, 1, 0, 8),
      partially_granted: row(2, 0, 0, 0, 0, 0, 2),
      denied_third_party: row(1, 0, 0, 0, 0, 0, 1),
      unavailable_not_held: row(3, 1, 0, 0, 1, 0, 5),
      rejected_complaint: row(1, 0, 0, 0, 0, 0, 1),
      other_no_correction: row(1, 0, 0, 1, 0, 0, 2),
      total_processed: row(14, 2, 0, 1, 2, 0, 19),
      carried_forward: row(1, 1, 0, 0, 0, 0, 2),
    });
    expect(r.figures.requests).toEqual(expected);
    expect(r.figures.appeals).toEqual({
      review: { upheld: 1, corrected: 0, other: 0, pending: 1, total: 2 },
      litigation_direct: { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 },
      litigation_after_review: { upheld: 1, corrected: 0, other: 0, pending: 0, total: 1 },
    });
    expect(r.warnings).toEqual([]);
    expect(r.checks.every((c) => c.ok)).toBe(true);
    expect({ agency: r.agency, year: r.year, region: r.region, level: r.level, kind: r.kind }).toEqual({
      agency: '宁波市海曙区文化广电旅游局',
      year: 2022,
      region: { province: '浙江省', city: '宁波市', county: '海曙区' },
      level: 'county',
      kind: 'department',
    });
    expect(r.themes.map((t) => t.id)).toEqual(['timeliness', 'disclosure_format']);
  });
});

describe('blank and `/` cells, labels broken across lines (one cell per line)', () => {
  it('blank and slash cells are null with a warning each, never 0', async () => {
    const r = await parse('blank-slash.txt');
    expect(r.figures.active).toEqual({
      rules: { issued: null, repealed: null, in_force: null },
      normative_documents: { issued: 2, repealed: null, in_force: 5 },
      licensing: 318,
      penalty: 41,
      coercion: null,
      fees_wan_yuan: null,
    });
    const q = r.figures.requests!;
    expect(q.denied_admin_query).toEqual(row(null, null, null, null, null, null, null));
    expect(q.unavailable_not_held).toEqual(row(2, null, 0, 0, 0, 0, 2));
    expect(q.carried_forward).toEqual(row(0, 0, 0, 0, 0, 0, null));
    // broken labels still land on their rows, and nothing shifted
    expect(q.unavailable_unclear).toEqual(zero);
    expect(q.other_no_fee).toEqual(zero);
    expect(q.total_processed).toEqual(row(5, 1, 0, 0, 0, 0, 6));
    expect(r.figures.appeals!.litigation_after_review).toEqual({ upheld: null, corrected: 0, other: 0, pending: 0, total: 0 });
    const nullCells = 3 + 1 + 1 + 1 + 7 + 1 + 1 + 1;
    expect(r.warnings.filter((w) => w.includes('记为空值'))).toHaveLength(nullCells);
    expect(r.warnings).toContain('表二“行政强制”：单元格“—”，记为空值');
    expect(r.warnings).toContain('表三“（四）1.本机关不掌握相关政府信息”：单元格空白，记为空值');
    // comparisons that involve a null are skipped, the rest still run
    expect(checkMap(r)).toEqual({
      'requests.row_totals': true,
      'requests.total_processed': true,
      'requests.balance': true,
      'appeals.totals': true,
      'narrative.requests': true,
    });
  });
});

describe('2019 format', () => {
  it('table 二 goes to figures.active2019 under the 2019 keys, not forced into the 2021 keys', async () => {
    const r = await parse('format-2019.txt');
    expect(r.format).toBe('2019');
    expect(r.figures.active).toBeNull();
    expect(r.figures.active2019).toEqual({
      rules: { made: 0, published: 0, total_published: 0 },
      normative_documents: { made: 4, published: 4, total_published: 23 },
      licensing: { previous_year: 12, change: -2, decisions: 865 },
      other_services: { previous_year: 3, change: 0, decisions: 41 },
      penalty: { previous_year: 30, change: 1, decisions: 57 },
      coercion: { previous_year: 2, change: 0, decisions: 0 },
      fees: { previous_year: 1, change: 0 },
      procurement: { projects: 6, amount_yuan: 88.6 },
    });
  });

  it('table 三: （六）其他处理 without sub-rows goes to other_processing with a warning; the three sub-rows are null', async () => {
    const r = await parse('format-2019.txt');
    const q = r.figures.requests!;
    expect(q.other_processing).toEqual(row(0, 1, 0, 0, 0, 0, 1));
    expect(q.other_other).toEqual(row(null, null, null, null, null, null, null));
    expect(q.other_no_correction).toEqual(row(null, null, null, null, null, null, null));
    expect(q.denied_state_secret).toEqual(zero); // full-width 1．
    expect(r.warnings).toContain('表三“（六）其他处理”为不分项的合计行（2019年格式），记入 other_processing');
    expect(r.checks.every((c) => c.ok)).toBe(true);
    expect(r.region).toEqual({ province: '湖南省', city: '长沙市', county: '岳麓区' });
  });
});

describe('pre-2019 free text', () => {
  it('yields metadata, sections, the legacy figures its sentences name, ambiguous 朝阳区 unresolved', async () => {
    const r = await parse('pre2019.txt');
    expect(r.format).toBe('legacy');
    expect(r.agency).toBe('朝阳区民政局');
    expect(r.year).toBe(2016);
    expect(r.region).toEqual({ province: null, city: null, county: null });
    expect(r.level).toBe('county');
    expect(r.figures).toMatchObject({ active: null, requests: null, appeals: null });
    expect(r.figures.legacy).toMatchObject({
      requests_received: 17,
      active_total: 286,
      replies: { granted: 11, partially_granted: 3, not_exist: 3, denied: null },
      from_prose: ['requests_received', 'active_total', 'replies.granted', 'replies.partially_granted', 'replies.not_exist'],
    });
    expect(r.figures.legacy!.review).toEqual({ upheld: null, corrected: null, other: null, total: null });
    expect(r.checks).toEqual([]);
    expect(r.sections.map((s) => [s.key, s.title])).toEqual([
      ['preface', ''],
      ['overview', '一、概述'],
      ['active', '二、主动公开政府信息情况'],
      ['requests', '三、依申请公开政府信息情况'],
      ['other', '四、政府信息公开的收费及减免情况'],
      ['appeals', '五、因政府信息公开申请行政复议、提起行政诉讼的情况'],
      ['problems', '六、政府信息公开工作存在的主要问题及改进情况'],
      ['other', '七、其他需要报告的事项'],
    ]);
    expect(r.warnings).toEqual([
      '地区不确定：“朝阳区”可指 北京市、吉林省 等地，未猜测',
    ]);
    expect(r.themes.map((t) => t.label)).toEqual(['时效性', '内容质量']);
  });
});

describe('sums that do not add up', () => {
  it('every check fails with the numbers', async () => {
    const r = await parse('sums-fail.txt');
    expect(r.checks).toEqual([
      {
        id: 'requests.row_totals',
        ok: false,
        detail:
          '一、本年新收 总计 13 ≠ 各列之和 12；（七）总计 总计 11 ≠ 各列之和 12；四、结转下年度继续办理 总计 1 ≠ 各列之和 0',
      },
      { id: 'requests.total_processed', ok: false, detail: '（七）总计 自然人 10 ≠ 各项之和 9' },
      {
        id: 'requests.balance',
        ok: false,
        detail: '自然人 一+二 = 10+1 = 11 ≠ （七）+四 = 10+0 = 10；总计 一+二 = 13+1 = 14 ≠ （七）+四 = 11+1 = 12',
      },
      { id: 'appeals.totals', ok: false, detail: '行政复议 总计 3 ≠ 各项之和 2' },
      { id: 'narrative.requests', ok: true, detail: '' },
    ]);
    // a failed check is a finding, not a reason to drop numbers
    expect(r.figures.requests!.new_received.total).toBe(13);
  });
});

describe('tables missing', () => {
  it('figures null with warnings, sections still there', async () => {
    const r = await parse('no-tables.txt');
    expect(r.figures).toEqual({ active: null, requests: null, appeals: null });
    expect(r.checks).toEqual([]);
    expect(r.warnings).toEqual([
      '表二（主动公开）未找到表格',
      '表三（依申请公开）未找到可识别的表格',
      '表四（行政复议、行政诉讼）未找到数据',
    ]);
    expect(r.sections).toHaveLength(7);
    expect(r.region).toEqual({ province: '山东省', city: '临沂市', county: '兰山区' });
  });
});

describe('not a report / unreadable', () => {
  it('returns { file, error } and never throws', async () => {
    expect(await processFile(path.join(dir, 'not-a-report.txt'))).toEqual({
      file: path.join(dir, 'not-a-report.txt'),
      error: '不是政府信息公开工作年度报告：全文未出现“信息公开”',
      code: 'parse.not_report',
    });
    const missing = await processFile(path.join(dir, 'does-not-exist.txt'));
    expect(isFailure(missing) && missing.error).toMatch(/does-not-exist\.txt/);
    expect(isFailure(missing) && missing.code).toBe('read.not_found');
    expect(processText('', 'empty.txt')).toEqual({ file: 'empty.txt', error: '文件为空', code: 'parse.empty' });
  });
});

describe('narrative check', () => {
  it('passes when the table agrees with “未收到申请”, fails when it does not', () => {
    const base = (n: number) =>
      [
        '某县统计局2024年政府信息公开工作年度报告',
        '一、总体情况',
        '本机关2024年度未收到政府信息公开申请。',
        '三、收到和处理政府信息公开申请情况',
        `一、本年新收政府信息公开申请数量\t${n}\t0\t0\t0\t0\t0\t${n}`,
        '二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0',
        `（一）予以公开\t${n}\t0\t0\t0\t0\t0\t${n}`,
        `（七）总计\t${n}\t0\t0\t0\t0\t0\t${n}`,
        '四、结转下年度继续办理\t0\t0\t0\t0\t0\t0\t0',
      ].join('\n');
    const check = (n: number) => {
      const r = processText(base(n), 'x.txt');
      if (isFailure(r)) throw new Error(r.error);
      return r.checks.find((c) => c.id === 'narrative.requests');
    };
    expect(check(0)).toEqual({ id: 'narrative.requests', ok: true, detail: '' });
    expect(check(2)).toEqual({
      id: 'narrative.requests',
      ok: false,
      detail: '正文称“本机关2024年度未收到政府信息公开申请”，但表三“本年新收政府信息公开申请数量”总计为 2',
    });
  });
});

describe('table 四 printed as one row per group', () => {
  it('joins the three runs of five', () => {
    const text = [
      '某市某区档案馆2024年政府信息公开工作年度报告',
      '一、总体情况',
      '正文。',
      '四、政府信息公开行政复议、行政诉讼情况',
      '| | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |',
      '| 行政复议 | 2 | 1 | 0 | 0 | 3 |',
      '| 未经复议直接起诉 | 0 | 0 | 0 | 1 | 1 |',
      '| 复议后起诉 | 0 | 1 | 0 | 0 | 1 |',
      '五、存在的主要问题及改进情况',
      '无。',
    ].join('\n');
    const r = processText(text, 'x.txt');
    if (isFailure(r)) throw new Error(r.error);
    expect(r.figures.appeals).toEqual({
      review: { upheld: 2, corrected: 1, other: 0, pending: 0, total: 3 },
      litigation_direct: { upheld: 0, corrected: 0, other: 0, pending: 1, total: 1 },
      litigation_after_review: { upheld: 0, corrected: 1, other: 0, pending: 0, total: 1 },
    });
  });
});

describe('title block', () => {
  it('skips page furniture above the title and takes the agency from the line above when needed', () => {
    const text = [
      '首页 > 政务公开 > 年度报告',
      '发布日期：2025-01-20 来源：区审计局',
      '临沂市兰山区审计局',
      '二〇二四年度政府信息公开工作年度报告',
      '一、总体情况',
      '正文。',
      '二、主动公开政府信息情况',
      '正文。',
    ].join('\n');
    const r = processText(text, 'x.txt');
    if (isFailure(r)) throw new Error(r.error);
    expect([r.agency, r.year]).toEqual(['临沂市兰山区审计局', 2024]);
  });
});
