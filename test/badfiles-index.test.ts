/**
 * A real index run over the bad-files corpus in test/fixtures/bad (empty, binary, truncated docx/pdf, scanned
 * and locked PDFs, a 50 MB sparse file, …) plus a non-report and a report with tables but no
 * text, alongside good reports: good ones indexed, each bad one a one-line reason in the summary
 * and the status file, exit status as documented; a run where everything fails changes nothing.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateReports } from '../tools/corpus/generate';
import { readIndexStatus } from '../lib/index-status';
import { SqliteEngine, DEFAULT_DB_FILE } from '../lib/search/sqlite';
import { BAD_CASES, buildBadCorpus } from './fixtures/bad/build';

const run = promisify(execFile);
const repoRoot = path.resolve(__dirname, '..');
const GOOD = 6;
let tmp: string;

function write(dir: string, name: string, text: string) {
  fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
  fs.writeFileSync(path.join(dir, name), text);
}

/** The tables of a generated report without any of its text (no title, no headings). */
function tablesOnly(): string {
  const [r] = [...generateReports({ seed: 'badfiles-tables', agencies: 1, years: [2024] })];
  const lines = r.text.split('\n');
  return lines.slice(lines.findIndex((l) => l.startsWith('二、')) + 1, lines.findIndex((l) => l.startsWith('五、'))).filter((l) => !/^[三四]、/.test(l)).join('\n');
}

async function badCorpus(dir: string) {
  await buildBadCorpus(dir);
  write(dir, 'tables-only.txt', tablesOnly());
  write(dir, 'meeting-minutes.txt', '会议纪要\n\n一、会议时间\n2024年3月5日\n\n二、参会人员\n办公室全体人员\n\n三、议定事项\n做好档案整理工作。\n');
  // The fixtures that read fine are one good report (tested as such by read-bad); keep only failures here.
  for (const f of ['pdf-named.txt', 'utf8-damaged.txt', 'not-a-report.txt']) fs.rmSync(path.join(dir, f));
  write(dir, 'not-a-report.txt', '红烧肉做法：五花肉切块，焯水后加冰糖炒色，再加酱油和清水，小火炖一小时。\n');
}

const cli = (dir: string, dataDir: string) =>
  run(process.execPath, ['--import', 'tsx', 'scripts/index.ts', dir], {
    cwd: repoRoot,
    env: { ...process.env, DATA_DIR: dataDir, SEARCH_ENGINE: 'sqlite', REPORTS_DIR: '' },
  }).then(
    (r) => ({ code: 0, stderr: r.stderr }),
    (e) => ({ code: e.code as number, stderr: e.stderr as string }),
  );

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** Bad fixtures the indexer sees: report extensions, regular files. */
const SEEN_BAD = [
  ...BAD_CASES.filter((c) => c.reason && !['not_found', 'not_a_file', 'unsupported_format'].includes(c.reason) && !c.name.endsWith('.bin')).map((c) => c.name),
  'tables-only.txt',
  'meeting-minutes.txt',
  'not-a-report.txt',
].sort();

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-badfiles-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('index run with bad files among good ones', () => {
  it('indexes the good ones and reports every bad one in one line, exit 0', async () => {
    const corpus = path.join(tmp, 'mixed');
    const dataDir = path.join(tmp, 'data-mixed');
    for (const r of generateReports({ seed: 'badfiles', agencies: GOOD / 2, years: [2023, 2024] })) write(corpus, `good/${r.name}`, r.text);
    await badCorpus(path.join(corpus, 'bad'));

    const t0 = Date.now();
    const res = await cli(corpus, dataDir);
    expect(res.code, res.stderr).toBe(0);
    expect(Date.now() - t0).toBeLessThan(60_000); // the 50 MB file is refused by size, not read

    const status = (await readIndexStatus(dataDir))!;
    expect(status).toMatchObject({ found: GOOD + SEEN_BAD.length, indexed: GOOD, failed: SEEN_BAD.length, swapped: true });
    expect(status.failures.map((f) => f.file).sort()).toEqual(SEEN_BAD.map((n) => `bad/${n}`));
    for (const f of status.failures) {
      expect(f.reason, f.file).toMatch(/\S/);
      expect(f.reason, f.file).not.toContain('\n');
      // The same line is in the run's summary on stderr.
      expect(res.stderr).toContain(`✗ ${f.file}: ${f.reason}\n`);
    }
    const reason = (n: string) => status.failures.find((f) => f.file === `bad/${n}`)!.reason;
    const code = (n: string) => status.failures.find((f) => f.file === `bad/${n}`)!.code;
    // the reader's reason and the parser's verdict reach the status file as codes
    for (const c of BAD_CASES) if (SEEN_BAD.includes(c.name) && c.reason) expect(code(c.name), c.name).toBe(`read.${c.reason}`);
    expect(code('not-a-report.txt')).toBe('parse.not_report');
    expect(reason('huge.txt')).toMatch(/50\.0 MB/);
    expect(reason('truncated.docx')).toMatch(/docx/);
    expect(reason('truncated.pdf')).toMatch(/PDF/);
    expect(reason('tables-only.txt')).toMatch(/不是政府信息公开工作年度报告/);
    expect(reason('meeting-minutes.txt')).toMatch(/不是政府信息公开工作年度报告/);
    expect(res.stderr).toMatch(new RegExp(`✓ ${GOOD} indexed, ${SEEN_BAD.length} failed`));

    const engine = new SqliteEngine({ dataDir });
    const all = await engine.search({ q: '', perPage: 100 });
    expect(all.total).toBe(GOOD);
    for (const h of all.hits) expect((await engine.getReport(h.id))!.file).toMatch(/^good\//);
    await engine.close();
  });

  it('a run where every file fails exits 1 and leaves the live index byte-for-byte untouched', async () => {
    const dataDir = path.join(tmp, 'data-allbad');
    const good = path.join(tmp, 'good-only');
    for (const r of generateReports({ seed: 'badfiles-live', agencies: 2, years: [2024] })) write(good, r.name, r.text);
    expect((await cli(good, dataDir)).code).toBe(0);
    const db = path.join(dataDir, DEFAULT_DB_FILE);
    const before = { sha: sha(db), ino: fs.statSync(db).ino };
    const site = new SqliteEngine({ dataDir });
    const hitsBefore = (await site.search({ q: '公开' })).hits.map((h) => h.id);
    expect(hitsBefore.length).toBe(2);

    const allBad = path.join(tmp, 'all-bad');
    await badCorpus(allBad);
    const res = await cli(allBad, dataDir);
    expect(res.code, res.stderr).toBe(1);
    expect(res.stderr).toMatch(/0 indexed/);
    for (const n of SEEN_BAD) expect(res.stderr).toContain(`✗ ${n}: `);

    expect({ sha: sha(db), ino: fs.statSync(db).ino }).toEqual(before);
    expect(fs.readdirSync(dataDir).filter((f) => f.includes('building'))).toEqual([]);
    expect((await site.search({ q: '公开' })).hits.map((h) => h.id)).toEqual(hitsBefore);
    const status = (await readIndexStatus(dataDir))!;
    expect(status).toMatchObject({ swapped: false, indexed: 0, failed: SEEN_BAD.length });
    await site.close();
  });
});
