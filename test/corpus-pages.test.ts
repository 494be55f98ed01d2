/**
 * Generated reports dressed as real web pages (tools/corpus/page.ts) parse back to the agency,
 * year, region and figures they were generated from: furniture never becomes a name.
 */
import { describe, expect, it } from 'vitest';
import { generateReports } from '../tools/corpus/generate';
import { processText } from '../lib/indexer/pipeline';
import { isFailure } from '../lib/types';

describe('generated real-world page shapes', () => {
  const plain = [...generateReports({ seed: 'pages', agencies: 20, years: [2023] })];
  const dressed = [...generateReports({ seed: 'pages', agencies: 20, years: [2023], pageShapes: 1 })];

  it('dressing changes the page, never the report', () => {
    expect(dressed.map((r) => r.truth)).toEqual(plain.map((r) => r.truth));
    expect(dressed.filter((r, i) => r.text !== plain[i].text).length).toBe(dressed.length);
    // every shape occurs
    expect(dressed.some((r) => r.text.startsWith('标题: '))).toBe(true);
    expect(dressed.some((r) => /^现公布/m.test(r.text) && !r.text.includes('年度报告（示例）'))).toBe(true);
    // the demo-data marker survives every shape, a lost title too
    expect(dressed.every((r) => r.text.includes('示例数据'))).toBe(true);
  });

  for (const r of dressed)
    it(r.name, () => {
      const p = processText(r.text, r.name);
      if (isFailure(p)) throw new Error(p.error);
      expect({ agency: p.agency, year: p.year, region: p.region }).toEqual({ agency: r.truth.agency, year: r.truth.year, region: r.truth.region });
      expect(p.figures).toEqual(r.truth.figures);
    });
});
