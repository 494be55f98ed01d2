/** The parser reads generated reports back to exactly the figures they were generated from. */
import { describe, expect, it } from 'vitest';
import { generateReports } from '../tools/corpus/generate';
import { processText } from '../lib/indexer/pipeline';
import { isFailure } from '../lib/types';

describe('corpus round trip through the parser', () => {
  const reports = [...generateReports({ seed: 'roundtrip', agencies: 25, years: [2022, 2023], brokenRate: 0.2 })];

  it('covers all three table layouts', () => {
    expect(new Set(reports.map((r) => r.truth.layout))).toEqual(new Set(['cells', 'tabs', 'pipes']));
    expect(reports).toHaveLength(50);
  });

  for (const r of reports) {
    it(`${r.name} (${r.truth.layout})`, () => {
      const p = processText(r.text, r.name);
      if (isFailure(p)) throw new Error(`parse failed: ${p.error}`);
      expect(p.agency).toBe(r.truth.agency);
      expect(p.year).toBe(r.truth.year);
      expect(p.figures).toEqual(r.truth.figures);
      // A deliberately broken table fails that check; an intact one passes every table check.
      const failed = p.checks.filter((c) => !c.ok && !c.id.startsWith('narrative')).map((c) => c.id);
      if (r.truth.broken) expect(failed).toContain(r.truth.broken);
      else expect(failed).toEqual([]);
    });
  }
});
