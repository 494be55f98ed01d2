import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateReports } from '../tools/corpus/generate';
import { SqliteEngine } from '../lib/search/sqlite';
import { indexDirectory } from '../lib/indexer/run';
import { readIndexStatus } from '../lib/index-status';
import { findReportFiles } from '../lib/indexer/walk';
import { makeReporter } from '../lib/indexer/progress';

const run = promisify(execFile);
const repoRoot = path.resolve(__dirname, '..');
let tmp: string;
let corpus: string;
let dataDir: string;

function writeCorpus(dir: string, n: number, seed = 'idx') {
  for (const r of generateReports({ seed, agencies: Math.ceil(n / 2), years: [2023, 2024], limit: n })) {
    const f = path.join(dir, r.name);
    fs.mkdirSync(path.dirname(f), { recursive: true });
    fs.writeFileSync(f, r.text);
  }
}

beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-indexer-'));
  corpus = path.join(tmp, 'reports');
  dataDir = path.join(tmp, 'data');
  fs.mkdirSync(corpus);
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('indexDirectory', () => {
  it('indexes every report, records failures with reasons, writes the status file', async () => {
    writeCorpus(corpus, 12);
    fs.writeFileSync(path.join(corpus, 'empty.txt'), '');
    fs.writeFileSync(path.join(corpus, 'menu.html'), '<html><body><p>食堂菜单：周一 米饭</p></body></html>');
    fs.writeFileSync(path.join(corpus, 'notes.md'), 'not a report extension');
    fs.mkdirSync(path.join(corpus, '.hidden'));
    fs.writeFileSync(path.join(corpus, '.hidden', 'x.txt'), 'hidden');
    const engine = new SqliteEngine({ dataDir });
    const seen: string[] = [];
    const status = await indexDirectory({ dir: corpus, engine, dataDir, onFailure: (f) => seen.push(f.file) });
    expect(status).toMatchObject({ found: 14, indexed: 12, failed: 2, swapped: true, engine: 'sqlite', duplicates: 0 });
    expect(status.failures.map((f) => f.file).sort()).toEqual(['empty.txt', 'menu.html']);
    expect(status.skipped).toEqual([{ file: 'notes.md', reason: '不支持的格式 .md：仅读取 .txt .html .htm .docx .pdf', code: 'index.unsupported_extension' }]);
    expect(seen.sort()).toEqual(['empty.txt', 'menu.html']);
    for (const f of status.failures) expect(f.reason.length).toBeGreaterThan(2);
    // each failure keeps its reason's code: empty.txt is empty to the reader, menu.html is no report to the parser
    expect(Object.fromEntries(status.failures.map((f) => [f.file, f.code]))).toEqual({ 'empty.txt': 'read.empty', 'menu.html': 'parse.not_report' });
    expect(await readIndexStatus(dataDir)).toEqual(status);
    const all = await engine.search({ q: '', perPage: 100 });
    expect(all.total).toBe(12);
    // Stored paths are relative to the corpus folder.
    const rec = await engine.getReport(all.hits[0].id);
    expect(path.isAbsolute(rec!.file)).toBe(false);
    expect(fs.existsSync(path.join(corpus, rec!.file))).toBe(true);
    await engine.close();
  });

  it('leaves the live index untouched when no file is a report', async () => {
    writeCorpus(corpus, 4);
    const engine = new SqliteEngine({ dataDir });
    await indexDirectory({ dir: corpus, engine, dataDir });
    const bad = path.join(tmp, 'bad');
    fs.mkdirSync(bad);
    fs.writeFileSync(path.join(bad, 'a.txt'), '今天天气很好。');
    const status = await indexDirectory({ dir: bad, engine, dataDir });
    expect(status).toMatchObject({ found: 1, indexed: 0, failed: 1, swapped: false });
    expect((await engine.search({ q: '' })).total).toBe(4);
    const none = await indexDirectory({ dir: path.join(tmp, 'bad'), engine, dataDir, parse: async (f) => ({ file: f, error: '不是报告', code: 'parse.not_report' }) });
    expect(none.swapped).toBe(false);
    expect((await engine.search({ q: '' })).total).toBe(4);
    await engine.close();
  });

  it('counts duplicates (the same bytes twice): indexed once', async () => {
    writeCorpus(corpus, 2);
    const [a] = await findReportFiles(corpus);
    fs.copyFileSync(a, path.join(corpus, 'zz-copy.txt'));
    const engine = new SqliteEngine({ dataDir });
    const status = await indexDirectory({ dir: corpus, engine, dataDir });
    expect(status).toMatchObject({ found: 3, indexed: 2, duplicates: 1, versions: 0 });
    expect((await engine.search({ q: '' })).total).toBe(2);
    await engine.close();
  });

  it('finds report files recursively, sorted, by extension', async () => {
    for (const f of ['b/2.PDF', 'a.docx', 'b/1.htm', 'c.html', 'd.txt', 'e.doc', 'f.json']) {
      fs.mkdirSync(path.dirname(path.join(corpus, f)), { recursive: true });
      fs.writeFileSync(path.join(corpus, f), '');
    }
    expect((await findReportFiles(corpus)).map((f) => path.relative(corpus, f))).toEqual(['a.docx', 'b/1.htm', 'b/2.PDF', 'c.html', 'd.txt']);
  });
});

describe('progress reporter', () => {
  const p = (done: number, elapsedMs: number) => ({ total: 10, done, indexed: done, failed: 0, elapsedMs });
  it('prints plain lines at intervals when stderr is not a terminal', () => {
    let t = 0;
    const lines: string[] = [];
    const r = makeReporter({ isTTY: false, write: (s) => lines.push(s) }, { now: () => t });
    r.progress(p(1, 500));
    t = 1000;
    r.progress(p(2, 1000)); // too soon
    t = 2100;
    r.progress(p(5, 2100));
    r.failure({ file: 'x.txt', reason: '文件为空' });
    r.progress(p(10, 2200)); // the last one always prints
    expect(lines.map((l) => l.replace(/[█░]+ /, ''))).toEqual([
      '1/10 files  2 files/s  1 indexed  0 failed\n',
      '5/10 files  2 files/s  5 indexed  0 failed\n',
      '✗ x.txt: 文件为空\n',
      '10/10 files  5 files/s  10 indexed  0 failed\n',
    ]);
  });
  it('redraws one line on a terminal', () => {
    const out: string[] = [];
    const r = makeReporter({ isTTY: true, write: (s) => out.push(s) }, { now: () => 0 });
    r.progress(p(10, 1000));
    expect(out[0]).toMatch(/^\r\x1b\[2K█+ 10\/10 files {2}10 files\/s/);
  });
});

describe('npm run index (CLI)', () => {
  const cli = (args: string[]) =>
    run(process.execPath, ['--import', 'tsx', 'scripts/index.ts', ...args], {
      cwd: repoRoot,
      env: { ...process.env, DATA_DIR: dataDir, SEARCH_ENGINE: 'sqlite', REPORTS_DIR: '' },
    }).then(
      (r) => ({ code: 0, ...r }),
      (e) => ({ code: e.code as number, stdout: e.stdout as string, stderr: e.stderr as string }),
    );

  it('exits 0 with a summary when reports were indexed, 1 when none were', async () => {
    writeCorpus(corpus, 3);
    fs.writeFileSync(path.join(corpus, 'junk.txt'), 'hello');
    const ok = await cli([corpus]);
    expect(ok.code).toBe(0);
    expect(ok.stderr).toContain('✗ junk.txt: ');
    expect(ok.stderr).toMatch(/✓ 3 indexed, 1 failed/);
    const empty = path.join(tmp, 'empty');
    fs.mkdirSync(empty);
    const none = await cli([empty]);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('No report files');
    expect((await readIndexStatus(dataDir))?.swapped).toBe(false);
    const engine = new SqliteEngine({ dataDir });
    expect((await engine.search({ q: '' })).total).toBe(3);
    await engine.close();
    expect((await cli([])).code).toBe(1);
  });
});
