/**
 * An index run killed mid-build (kill -9) leaves its build file; the next run removes it and
 * records the aborted run in index-status.json. Real `npm run index` processes, real files.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateReports } from '../tools/corpus/generate';
import { readIndexStatus } from '../lib/index-status';
import { removeAbandonedBuilds } from '../lib/search/sqlite-leftovers';

const ROOT = path.resolve(import.meta.dirname, '..');
let root: string;
let corpus: string;

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-leftovers-'));
  corpus = path.join(root, 'corpus');
  for (const r of generateReports({ seed: 'leftovers', agencies: 150, years: [2023, 2024] })) {
    const p = path.join(corpus, r.name);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, r.text);
  }
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const building = (dataDir: string) => (fs.existsSync(dataDir) ? fs.readdirSync(dataDir).filter((f) => f.includes('.building-')) : []);

describe('build files of killed index runs', () => {
  it('kill -9 mid-build leaves the file; the next run removes it and records the aborted run', async () => {
    const dataDir = path.join(root, 'data');
    const env = { ...process.env, DATA_DIR: dataDir, SEARCH_ENGINE: 'sqlite' };
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/index.ts', corpus], { cwd: ROOT, env, stdio: 'ignore' });
    const deadline = Date.now() + 90_000;
    while (!building(dataDir).length && child.exitCode === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
    expect(building(dataDir), 'the run should be mid-build').not.toEqual([]);
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const left = building(dataDir);
    expect(left).toContain(`nianbao.sqlite.building-${child.pid}`);
    const bytes = left.reduce((n, f) => n + fs.statSync(path.join(dataDir, f)).size, 0);

    const next = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/index.ts', corpus], { cwd: ROOT, env, encoding: 'utf8' });
    expect(next.status).toBe(0);
    expect(building(dataDir)).toEqual([]);
    expect(next.stderr).toContain(`left by index run ${child.pid}`);
    const status = await readIndexStatus(dataDir);
    expect(status?.aborted).toEqual([
      expect.objectContaining({ pid: child.pid, bytes, files: left.sort() }),
    ]);
    expect(status?.swapped).toBe(true);
    expect(status?.builtAt).toBeTruthy();

    // A later run that indexes nothing records nothing aborted and keeps when the index was built.
    fs.mkdirSync(path.join(root, 'empty'));
    const third = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/index.ts', path.join(root, 'empty')], { cwd: ROOT, env, encoding: 'utf8' });
    expect(third.status).toBe(1);
    const after = await readIndexStatus(dataDir);
    expect(after).toMatchObject({ swapped: false, builtAt: status!.builtAt });
    expect(after?.aborted).toBeUndefined();
  }, 180_000);

  it('files of a live run (another indexer at work) are kept', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-live-'));
    try {
      const db = path.join(dir, 'nianbao.sqlite');
      fs.writeFileSync(`${db}.building-111`, 'x');
      fs.writeFileSync(`${db}.building-111-journal`, 'yy');
      fs.writeFileSync(`${db}.building-222`, 'zzz');
      fs.writeFileSync(`${db}.building-abc`, 'not ours');
      fs.writeFileSync(`${db}-journal`, 'the live index journal: never touched');
      const gone = removeAbandonedBuilds(db, (pid) => pid === 222);
      expect(gone).toEqual([expect.objectContaining({ pid: 111, bytes: 3, files: ['nianbao.sqlite.building-111', 'nianbao.sqlite.building-111-journal'] })]);
      expect(fs.readdirSync(dir).sort()).toEqual(['nianbao.sqlite-journal', 'nianbao.sqlite.building-222', 'nianbao.sqlite.building-abc']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
