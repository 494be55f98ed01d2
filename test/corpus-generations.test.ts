/**
 * Generated reports in the older national formats (tools/corpus/generations.ts) parse back to the
 * format, agency, year and figures they were generated from: the 2019 part-二 table and single
 * （六）其他处理 row, the legacy 统计表 and the figures legacy sentences name.
 */
import { describe, expect, it } from 'vitest';
import { generateReports } from '../tools/corpus/generate';
import { processText } from '../lib/indexer/pipeline';
import { isFailure } from '../lib/types';

describe('generated old-format reports round trip', () => {
  const years = [2019, 2020, 2022, 2023];
  const plain = [...generateReports({ seed: 'generations', agencies: 40, years, brokenRate: 0.1 })];
  const mixed = [...generateReports({ seed: 'generations', agencies: 40, years, brokenRate: 0.1, oldFormats: 0.6, pageShapes: 0.2 })];

  it('a share of old formats, current reports unchanged, every shape present', () => {
    const current = mixed.filter((r) => r.truth.format === '2021');
    // a current-format report is byte-identical to the one generated without the option (unless dressed)
    const same = current.filter((r) => plain.some((p) => p.name === r.name && p.text === r.text));
    expect(same.length).toBeGreaterThan(current.length / 2);
    const formats = mixed.map((r) => r.truth.format);
    expect(formats.filter((f) => f === '2019').length).toBeGreaterThan(20);
    // the label variant 其它处理 for the single （六） row occurs too
    expect(mixed.some((r) => r.truth.format === '2019' && r.text.includes('其它处理'))).toBe(true);
    expect(mixed.some((r) => r.truth.format === '2019' && r.truth.broken)).toBe(true);
    expect(formats.filter((f) => f === 'legacy').length).toBeGreaterThan(15);
    expect(mixed.every((r) => r.text.includes('示例数据'))).toBe(true);
    // 2019 format only for 2019–2020, legacy only for 2008–2018; one file per agency and year
    for (const r of mixed) {
      if (r.truth.format === '2019') expect([2019, 2020]).toContain(r.truth.year);
      if (r.truth.format === 'legacy') expect(r.truth.year).toBeLessThanOrEqual(2018);
    }
    expect(new Set(mixed.map((r) => r.name)).size).toBe(mixed.length);
    const legacy = mixed.filter((r) => r.truth.format === 'legacy');
    expect(legacy.some((r) => r.text.includes('指标名称'))).toBe(true);
    expect(legacy.some((r) => !r.text.includes('指标名称') && r.truth.figures.legacy!.from_prose.length > 0)).toBe(true);
  });

  for (const r of mixed.filter((x) => x.truth.format !== '2021'))
    it(`${r.name} (${r.truth.format}, ${r.truth.layout})`, () => {
      const p = processText(r.text, r.name);
      if (isFailure(p)) throw new Error(p.error);
      expect(p.format).toBe(r.truth.format);
      // a few generated township names double their county (永修县永修县…): the parser reads a doubled prefix once
      expect({ agency: p.agency, year: p.year }).toEqual({ agency: r.truth.agency.replace(/^(.{2,}?)\1/, '$1'), year: r.truth.year });
      expect(p.figures).toEqual(r.truth.figures);
      const failed = p.checks.filter((c) => !c.ok && !c.id.startsWith('narrative')).map((c) => c.id);
      if (r.truth.broken) expect(failed).toContain(r.truth.broken);
      else expect(p.checks.filter((c) => !c.ok).map((c) => c.id)).toEqual([]);
    });
});
