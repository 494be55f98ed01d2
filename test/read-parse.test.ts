/**
 * The point of the readers: every format and encoding of a report parses to the same record as
 * its plain-text twin. Invented fixture in all formats; the real seeds re-encoded (temp copies only).
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { processFile } from '@/lib/indexer/pipeline';
import { isFailure, type ParseResult, type ReportRecord } from '@/lib/types';
import { fixtureText, toDocx, toHtml, toPdf } from './fixtures/read/build';

const repoRoot = path.resolve(__dirname, '..');
const SEEDS = path.resolve(repoRoot, '../shared/seeds');
let dir: string;
const f = (n: string) => path.join(dir, n);

function record(r: ParseResult): ReportRecord {
  if (isFailure(r)) throw new Error(`${r.file}: ${r.error}`);
  return r;
}
/** What must not depend on the input format. */
const essence = (r: ReportRecord) => ({
  agency: r.agency,
  year: r.year,
  figures: r.figures,
  checks: r.checks,
  themes: r.themes.map((t) => t.id),
  sections: r.sections.map((s) => s.key),
});

const TWINS = ['report.html', 'report-gbk.html', 'report.docx', 'report.pdf', 'report-gbk.txt', 'report-gb18030.txt', 'report-utf16.txt'];

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'nianbao-read-parse-'));
  const t = fixtureText();
  writeFileSync(f('report.txt'), t);
  writeFileSync(f('report.html'), toHtml(t));
  writeFileSync(f('report-gbk.html'), iconv.encode(toHtml(t, 'gbk'), 'gbk'));
  writeFileSync(f('report.docx'), await toDocx(t));
  writeFileSync(f('report.pdf'), await toPdf(t));
  writeFileSync(f('report-gbk.txt'), iconv.encode(t, 'gbk'));
  writeFileSync(f('report-gb18030.txt'), iconv.encode(t, 'gb18030'));
  writeFileSync(f('report-utf16.txt'), iconv.encode(t, 'utf-16le', { addBOM: true }));
});

describe('format twins parse to the same record', () => {
  it('the plain-text original parses cleanly, all checks passing', async () => {
    const r = record(await processFile(f('report.txt')));
    expect(r.agency).toBe('青禾县自然资源和规划局');
    expect(r.year).toBe(2024);
    // 青禾县 is invented, so the parser may not place it; every other warning would be a reading problem
    expect(r.warnings.filter((w) => !w.includes('地区'))).toEqual([]);
    expect(r.checks.every((c) => c.ok)).toBe(true);
    expect(r.figures.requests?.new_received.total).toBe(37);
    expect(r.figures.active).toMatchObject({ licensing: 156, fees_wan_yuan: 1.25 });
  });

  for (const name of TWINS) {
    it(`${name} ≡ report.txt`, async () => {
      const base = record(await processFile(f('report.txt')));
      const twin = record(await processFile(f(name)));
      expect(essence(twin)).toEqual(essence(base));
    });
  }
});

describe('real seeds survive re-encoding', () => {
  const seeds = readdirSync(SEEDS).filter((n) => n.endsWith('.txt')).sort();
  it('finds the seeds', () => expect(seeds.length).toBeGreaterThanOrEqual(5));
  for (const name of seeds) {
    it(`${name}: GBK and UTF-16 copies parse like the original`, async () => {
      const text = readFileSync(path.join(SEEDS, name), 'utf8');
      const base = record(await processFile(path.join(SEEDS, name)));
      for (const [suffix, bytes] of [
        ['gbk.txt', iconv.encode(text, 'gbk')],
        ['utf16.txt', iconv.encode(text, 'utf-16le', { addBOM: true })],
      ] as const) {
        const copy = f(`${name}.${suffix}`);
        writeFileSync(copy, bytes);
        expect(essence(record(await processFile(copy)))).toEqual(essence(base));
      }
    });
  }
});
