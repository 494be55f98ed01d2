/**
 * The five real seed reports (read from ../shared/seeds, never copied here) against
 * ../shared/seeds-expected.json: every table cell as whole structures, plus metadata,
 * sections, checks and themes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { processFile, processText } from '@/lib/indexer/pipeline';
import { isFailure, SECTION_KEYS, type ReportRecord } from '@/lib/types';

const repoRoot = path.resolve(__dirname, '..');
const seedsDir = path.resolve(repoRoot, '../shared/seeds');
const expected: Record<string, any> = JSON.parse(
  fs.readFileSync(path.resolve(repoRoot, '../shared/seeds-expected.json'), 'utf8'),
);
const files = Object.keys(expected).sort();

async function parseSeed(name: string): Promise<ReportRecord> {
  const r = await processFile(path.join(seedsDir, name));
  if (isFailure(r)) throw new Error(`${name}: ${r.error}`);
  return r;
}

const seed = (i: number) => files.find((f) => f.startsWith(String(i).padStart(3, '0') + '_'))!;

describe('seed reports', () => {
  it('finds all five seeds', () => {
    expect(files).toHaveLength(5);
  });

  for (const name of files) {
    describe(name, () => {
      it('metadata: agency, year, region', async () => {
        const r = await parseSeed(name);
        const e = expected[name];
        expect({ agency: r.agency, year: r.year, region: r.region }).toEqual({
          agency: e.agency,
          year: e.year,
          region: e.region,
        });
      });

      it('figures: every cell of tables 二, 三, 四', async () => {
        const r = await parseSeed(name);
        expect(r.figures.active).toEqual(expected[name].figures.active);
        expect(r.figures.requests).toEqual(expected[name].figures.requests);
        expect(r.figures.appeals).toEqual(expected[name].figures.appeals);
      });

      it('sections: preface + all six parts, in order', async () => {
        const r = await parseSeed(name);
        expect(r.sections.map((s) => s.key)).toEqual(SECTION_KEYS);
        for (const s of r.sections) expect(s.text.length).toBeGreaterThan(0);
      });

      it('no warnings on a clean real report', async () => {
        expect((await parseSeed(name)).warnings).toEqual([]);
      });

      it('id is stable and derived from agency and year', async () => {
        const a = await parseSeed(name);
        const b = processText(fs.readFileSync(path.join(seedsDir, name), 'utf8'), 'other-name.txt');
        expect(isFailure(b) ? null : b.id).toBe(a.id);
        expect(a.id).toMatch(/^[0-9a-f]{16}$/);
      });
    });
  }

  it('section titles keep each report’s own wording', async () => {
    const titles = async (i: number) =>
      Object.fromEntries((await parseSeed(seed(i))).sections.map((s) => [s.key, s.title]));
    expect(await titles(0)).toEqual({
      preface: '',
      overview: '一、总体情况',
      active: '主动公开政府信息情况',
      requests: '三、收到和处理政府信息公开申请情况',
      appeals: '四、政府信息公开行政复议、行政诉讼情况',
      problems: '五、存在的主要问题及改进情况',
      other: '六、其他需要报告的事项',
    });
    expect(await titles(3)).toEqual({
      preface: '',
      overview: '总体情况',
      active: '二、主动公开政府信息的情况',
      requests: '三、收到和处理政府信息公开申请情况',
      appeals: '四、因政府信息公开工作被申请行政复议、提起行政诉讼情况',
      problems: '五、工作存在的主要问题及改进情况',
      other: '六、其他需要报告的事项',
    });
    expect((await titles(2)).active).toBe('二、主动公开政府信息情况');
  });

  it('seed 001 (北仑区人民政府 2023): spot values of its tables', async () => {
    const r = await parseSeed(seed(1));
    expect(r.agency).toBe('北仑区人民政府');
    expect(r.year).toBe(2023);
    expect(r.kind).toBe('government');
    expect(r.level).toBe('county');
    const a = r.figures.active as any;
    expect([a.licensing, a.penalty, a.coercion, a.fees_wan_yuan]).toEqual([458711, 889636, 14518, 17516]);
    const q = r.figures.requests!;
    expect(q.new_received.natural_person).toBe(363);
    expect(q.new_received.other_org).toBe(20);
    expect(q.new_received.total).toBe(386);
    expect(q.unavailable_not_held.total).toBe(111);
    expect(q.new_received.total! + q.carried_over.total!).toBe(386 + 2);
    expect(q.total_processed.total! + q.carried_forward.total!).toBe(378 + 10);
    expect(r.figures.appeals!.review).toEqual({ upheld: 5, corrected: 0, other: 0, pending: 0, total: 5 });
  });

  it('seed 003: 行政规范性文件 6 issued, 30 repealed, 7 in force; 其它 row', async () => {
    const r = await parseSeed(seed(3));
    expect((r.figures.active as any).normative_documents).toEqual({ issued: 6, repealed: 30, in_force: 7 });
    expect(r.figures.requests!.other_other.total).toBe(2);
  });

  it('kinds and levels', async () => {
    const kl = async (i: number) => {
      const r = await parseSeed(seed(i));
      return [r.kind, r.level];
    };
    expect(await kl(0)).toEqual(['department', 'county']);
    expect(await kl(3)).toEqual(['department', 'county']);
    expect(await kl(4)).toEqual(['other', 'county']);
  });

  it('checks: all arithmetic passes; seed 004 fails the narrative check with the sentence and number', async () => {
    for (const name of files) {
      const r = await parseSeed(name);
      const ids = r.checks.map((c) => c.id);
      expect(ids).toEqual([
        'requests.row_totals',
        'requests.total_processed',
        'requests.balance',
        'appeals.totals',
        'narrative.requests',
      ]);
      for (const c of r.checks.filter((c) => c.id !== 'narrative.requests')) expect(c).toMatchObject({ ok: true, detail: '' });
    }
    const n4 = (await parseSeed(seed(4))).checks.find((c) => c.id === 'narrative.requests')!;
    expect(n4.ok).toBe(false);
    expect(n4.detail).toContain('本机关2024年度未收到政府信息公开申请');
    expect(n4.detail).toContain('总计为 1');
    // seed 000 says the same thing, and its table agrees (0 requests)
    expect((await parseSeed(seed(0))).checks.find((c) => c.id === 'narrative.requests')!.ok).toBe(true);
  });

  it('themes: 时效性 in seeds 000 and 004 only, with evidence from the problems half', async () => {
    const labels = async (i: number) => (await parseSeed(seed(i))).themes.map((t) => t.label);
    expect(await labels(0)).toEqual(['时效性', '队伍能力', '公开形式']);
    expect(await labels(1)).toEqual(['依申请公开办理', '政务新媒体']);
    expect(await labels(2)).toEqual(['内容质量', '监督考核']);
    expect(await labels(3)).toEqual(['内容质量', '队伍能力']);
    expect(await labels(4)).toEqual(['时效性', '内容质量', '队伍能力']);
    const t0 = (await parseSeed(seed(0))).themes.find((t) => t.label === '时效性')!;
    expect(t0).toEqual({ id: 'timeliness', label: '时效性', evidence: ['二是政府信息公开的时效性还不够高'] });
    // the plans half of seed 004 also says 时效性 ("提高信息时效性"): it must not be evidence
    const t4 = (await parseSeed(seed(4))).themes.find((t) => t.id === 'timeliness')!;
    expect(t4.evidence).toEqual(['二是政务信息时效性有待进一步提升，存在信息公开不及时的情况']);
  });
});
