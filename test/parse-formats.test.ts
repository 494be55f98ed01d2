/**
 * End to end through lib/read: the reader's invented report (test/fixtures/read) as TXT, HTML
 * (colspan/rowspan tables), DOCX (merged cells) and PDF must parse to the same record.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { processFile } from '@/lib/indexer/pipeline';
import { isFailure, type ReportRecord } from '@/lib/types';
import { fixtureText, toDocx, toHtml, toPdf } from './fixtures/read/build';

const dir = mkdtempSync(path.join(tmpdir(), 'parse-formats-'));
const records: Record<string, ReportRecord> = {};

beforeAll(async () => {
  const t = fixtureText();
  writeFileSync(path.join(dir, 'r.txt'), t);
  writeFileSync(path.join(dir, 'r.html'), toHtml(t));
  writeFileSync(path.join(dir, 'r.docx'), await toDocx(t));
  writeFileSync(path.join(dir, 'r.pdf'), await toPdf(t));
  for (const ext of ['txt', 'html', 'docx', 'pdf']) {
    const r = await processFile(path.join(dir, `r.${ext}`));
    if (isFailure(r)) throw new Error(`${ext}: ${r.error}`);
    records[ext] = r;
  }
});

describe('the same report in four formats', () => {
  it('TXT parses cleanly with the expected figures', () => {
    const r = records.txt;
    expect([r.agency, r.year]).toEqual(['青禾县自然资源和规划局', 2024]);
    expect(r.figures.requests!.new_received).toEqual({
      natural_person: 30, commercial: 4, research: 0, public_interest: 1, legal_services: 2, other_org: 0, total: 37,
    });
    expect(r.figures.appeals!.review).toEqual({ upheld: 1, corrected: 1, other: 0, pending: 0, total: 2 });
    expect(r.checks.every((c) => c.ok)).toBe(true);
  });

  for (const ext of ['html', 'docx', 'pdf']) {
    it(`${ext} gives the same id, figures, checks, section keys and themes as TXT`, () => {
      const a = records.txt;
      const b = records[ext];
      expect(b.id).toBe(a.id);
      expect(b.figures).toEqual(a.figures);
      expect(b.checks).toEqual(a.checks);
      expect(b.sections.map((s) => s.key)).toEqual(a.sections.map((s) => s.key));
      expect(b.themes).toEqual(a.themes);
    });
  }
});
