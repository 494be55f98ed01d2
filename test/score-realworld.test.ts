/**
 * The scorer (tools/score) on ../shared/realworld, with the targets as assertions, plus the
 * scorer's own rules on a small invented labelled folder. The real folder is read from
 * ../shared, never copied: if it is missing the test fails.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatSummary, pct, scoreFolder, type ScoreResult } from '@/tools/score/index';
import { isGarbageName } from '@/tools/score/compare';

const realworld = path.resolve(__dirname, '../../shared/realworld');

describe('scorer on ../shared/realworld', () => {
  let res: ScoreResult;
  beforeAll(async () => {
    if (!fs.existsSync(path.join(realworld, 'labels.json'))) throw new Error(`${realworld}/labels.json is missing: the real-world set is a prerequisite`);
    res = await scoreFolder(realworld);
    console.log(formatSummary(res.summary));
  });

  it('scores every labelled file', () => {
    expect(res.summary.files).toBeGreaterThanOrEqual(65);
  });

  it('agency ≥ 95 %, year ≥ 98 %, region ≥ 95 %', () => {
    expect(pct(res.summary.agency)).toBeGreaterThanOrEqual(95);
    expect(pct(res.summary.year)).toBeGreaterThanOrEqual(98);
    expect(pct(res.summary.region)).toBeGreaterThanOrEqual(95);
  });

  it('cells ≥ 99 % and not one wrong number', () => {
    expect(pct(res.summary.cells)).toBeGreaterThanOrEqual(99);
    expect(res.summary.cells.wrong).toBe(0);
  });

  it('no wrong non-null agency, year or region, no garbage names', () => {
    const wrong = res.files.flatMap((f) => [f.agency, f.year, ...f.region].filter((r) => r.verdict === 'wrong').map((r) => `${f.file} ${r.field}: ${r.got} ≠ ${r.want}`));
    expect(wrong).toEqual([]);
    expect(res.files.filter((f) => f.garbage).map((f) => `${f.file}: ${f.agency.got}`)).toEqual([]);
  });

  it('without the labels’ URLs (text alone) still no wrong values', async () => {
    const bare = await scoreFolder(realworld, { useUrl: false });
    expect(bare.summary.agency.wrong + bare.summary.year.wrong + bare.summary.region.wrong).toBe(0);
    expect(bare.summary.garbage).toBe(0);
  });
});

describe('scorer rules (invented folder)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'score-'));
  const report = (title: string, body = '') =>
    `${title}\n一、总体情况\n${body}本机关认真贯彻落实《条例》。\n二、主动公开政府信息情况\n略。\n三、收到和处理政府信息公开申请情况\n略。\n`;
  beforeAll(() => {
    fs.writeFileSync(path.join(dir, 'a.txt'), report('当前位置:首页>信息公开\n嘉善县民政局2023年政府信息公开工作年度报告'));
    fs.writeFileSync(path.join(dir, 'b.txt'), report('嘉善县民政局2022年政府信息公开工作年度报告'));
    fs.writeFileSync(path.join(dir, 'c.txt'), report('政府信息公开工作年度报告', '我局'));
    fs.writeFileSync(
      path.join(dir, 'labels.json'),
      JSON.stringify([
        { file: 'a.txt', agency: '嘉善县民政局', agency_aliases: [], year: 2023, province: '浙江省', city: '嘉兴市', county: '嘉善县', figures: {} },
        // a label that disagrees with the text: counted wrong
        { file: 'b.txt', agency: '嘉善县民政局', agency_aliases: [], year: 2021, province: '浙江省', city: '嘉兴市', county: '嘉善县', figures: { licensing: 3 } },
        // agency null in the label: null is right
        { file: 'c.txt', agency: null, agency_aliases: ['民政局'], year: null, province: null, city: null, county: null, figures: {} },
      ]),
    );
  });

  it('counts right, missing and wrong values as documented', async () => {
    const { summary } = await scoreFolder(dir);
    expect(summary.files).toBe(3);
    expect(summary.agency).toEqual({ ok: 3, total: 3, wrong: 0 });
    expect(summary.year).toEqual({ ok: 2, total: 3, wrong: 1 });
    expect(summary.region).toEqual({ ok: 9, total: 9, wrong: 0 });
    expect(summary.cells).toEqual({ ok: 0, total: 1, wrong: 0 });
    expect(formatSummary(summary)).toMatch(/^3 files, 0 rejected \| agency 100\.0% \(3\/3\) \| year 66\.7% \(2\/3\) \| region 100\.0% \(9\/9\) \| cells 0\.0% \(0\/1\) \| wrong non-null: agency 0, year 1, region 0, cells 0 \| garbage names 0$/);
  });

  it('a missing folder or labels.json is an error naming it', async () => {
    await expect(scoreFolder(path.join(dir, 'nope'))).rejects.toThrow(/nope: folder not found/);
  });

  it('garbage names: furniture, citations, headings', () => {
    for (const g of ['根据《中华人民共和国', '当前位置:首页>', '首页/', '一、总体情况', '文号:关键字:', '本年报是根据']) expect(isGarbageName(g), g).toBe(true);
    for (const ok of ['嘉善县民政局', '宁波市鄞州区科学技术局（科协）', '高新区(新市区)政府']) expect(isGarbageName(ok), ok).toBe(false);
  });
});
