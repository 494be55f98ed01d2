/**
 * The real `npm run crawl` command as a child process against the fixture site: a full crawl
 * with --index into a real SQLite index in a temporary DATA_DIR, and a crawl killed with
 * SIGKILL mid-way, then started again: it resumes without refetching what it had and ends with
 * the same corpus as the uninterrupted crawl.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../lib/crawl/store';
import { SqliteEngine } from '../lib/search/sqlite';
import { buildSiteFiles, startSite, type FixtureSite } from './fixtures/crawl/site';

const ROOT = path.resolve(__dirname, '..');
let site: FixtureSite;
let tmp: string;
let seedsFile: string;

function cli(args: string[], env: Record<string, string> = {}): { child: ChildProcess; done: Promise<{ code: number | null; signal: string | null; stderr: string }> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/crawl.ts', ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  child.stdout!.on('data', () => {});
  const done = new Promise<{ code: number | null; signal: string | null; stderr: string }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, stderr })));
  return { child, done };
}

const crawlArgs = (out: string, delay: string) => ['--seeds', seedsFile, '--out', out, '--since', '2020', '--max-pages', '20', '--delay', delay, '--timeout', '2', '--retries', '1', '--retry-base', '0.02', '--max-bytes', String(1024 * 1024), '--contact', 'crawler-test@example.invalid', '--progress', '0.2'];

/** relative path → sha256 of every file in a corpus (sidecars excepted: they hold fetch times). */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (e.name.startsWith('.')) continue;
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (!e.name.endsWith('.json')) out[path.relative(dir, p)] = sha256(fs.readFileSync(p));
    }
  };
  walk(dir);
  return out;
}

function journalDone(out: string): { url: string; outcome: string }[] {
  const f = path.join(out, '.crawl', 'journal.jsonl');
  if (!fs.existsSync(f)) return [];
  return fs
    .readFileSync(f, 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('{"t":"done"'))
    .map((l) => JSON.parse(l));
}

let reference: Record<string, string>;
let refRun: { code: number | null; stderr: string };

beforeAll(async () => {
  site = await startSite(await buildSiteFiles(), { slowMs: 6000 });
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-crawl-cli-'));
  seedsFile = path.join(tmp, 'seeds.csv');
  fs.writeFileSync(seedsFile, `url,agency,province\n# the fixture county's column\n${site.main}/ndbg/index.html,青禾县人民政府,某省\n`);
  const ref = cli([...crawlArgs(path.join(tmp, 'ref'), '0.01'), '--index'], { DATA_DIR: path.join(tmp, 'data') });
  refRun = await ref.done;
  reference = snapshot(path.join(tmp, 'ref'));
}, 120_000);

afterAll(async () => {
  await site?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('npm run crawl', () => {
  it('crawls, prints progress and a summary, and --index builds the SQLite index', async () => {
    expect(refRun.code, refRun.stderr).toBe(0);
    expect(Object.keys(reference)).toHaveLength(7);
    expect(refRun.stderr).toMatch(/sites \d\/1 {2}pages \d+ {2}reports found \d+ fetched \d+ unchanged \d+ failed \d+/);
    expect(refRun.stderr).toMatch(/reports: \d+ found, 7 new, 0 changed \(kept as new versions\), 0 unchanged, 3 failed, 1 blocked by robots\.txt/);
    expect(refRun.stderr).toMatch(/disallowed by http:\/\/127\.0\.0\.1:\d+\/robots\.txt/);
    const dataDir = path.join(tmp, 'data');
    expect(fs.existsSync(path.join(dataDir, 'nianbao.sqlite'))).toBe(true);
    const engine = new SqliteEngine({ dataDir });
    try {
      const all = await engine.search({ q: '', perPage: 20 });
      // seven files, six reports: the legacy .doc is listed as skipped by the indexer
      expect(all.total).toBe(6);
      const hit = (await engine.search({ q: '青禾县林业局', perPage: 5 })).hits[0];
      const rec = (await engine.getReport(hit.id))!;
      expect(rec.agency).toBe('青禾县林业局');
      expect(rec.source).toMatchObject({ sourceUrl: `${site.main}/ndbg/202502/t20250203_5.html`, encoding: 'gb18030', format: 'html' });
    } finally {
      await engine.close();
    }
  });

  it('a crawl killed with SIGKILL resumes without refetching and ends with the same corpus', async () => {
    const out = path.join(tmp, 'killed');
    const from = site.log.length;
    const first = cli(crawlArgs(out, '0.15'));
    // kill once a few reports are stored and journalled, well before the end
    const t0 = Date.now();
    while (journalDone(out).filter((e) => e.outcome === 'new').length < 3) {
      expect(first.child.exitCode, 'the crawl finished before it could be killed').toBeNull();
      expect(Date.now() - t0).toBeLessThan(30_000);
      await new Promise((r) => setTimeout(r, 20));
    }
    first.child.kill('SIGKILL');
    const killed = await first.done;
    expect(killed.signal).toBe('SIGKILL');
    const doneBefore = journalDone(out);
    const storedBefore = Object.keys(snapshot(out));
    expect(storedBefore.length).toBeGreaterThanOrEqual(3);
    expect(storedBefore.length).toBeLessThan(7);
    const killedAt = site.log.length;

    const second = cli(crawlArgs(out, '0.01'));
    const resumed = await second.done;
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toMatch(/resuming run \S+: \d+ tasks already done/);
    expect(resumed.stderr).toMatch(/\(resumed\)/);

    expect(snapshot(out)).toEqual(reference);
    const after = site.log.slice(killedAt);
    // nothing the killed crawl had finished is asked for again
    for (const ev of doneBefore) {
      const p = new URL(ev.url).pathname + new URL(ev.url).search;
      expect(after.filter((e) => e.path === p).map((e) => e.path), ev.url).toEqual([]);
    }
    // and over both processes each stored report was downloaded once, or twice when the kill cut its download
    const finals = fs
      .readdirSync(out, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && e.name.endsWith('.json') && !e.parentPath.includes('.crawl'))
      .map((e) => new URL(JSON.parse(fs.readFileSync(path.join(e.parentPath, e.name), 'utf8')).sourceUrl).pathname);
    expect(finals).toHaveLength(7);
    const both = site.log.slice(from);
    for (const p of finals) {
      const n = both.filter((e) => e.path === p && e.status === 200).length;
      expect(n, p).toBeGreaterThanOrEqual(1);
      expect(n, p).toBeLessThanOrEqual(2);
    }
    // the journal of the finished run ends with its end line; a new crawl starts a new run
    expect(fs.readFileSync(path.join(out, '.crawl', 'journal.jsonl'), 'utf8').trim().split('\n').pop()).toMatch(/^\{"t":"end"/);
  }, 120_000);
});
