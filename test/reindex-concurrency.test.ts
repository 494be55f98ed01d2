/**
 * Searching while the index is rebuilt and swapped: the site's engine handle keeps answering,
 * with the same results, while `npm run index` (another process) rebuilds the same corpus over
 * and over, and while a writer in this process rebuilds batch by batch between searches.
 * Zero failures, zero empty result sets for queries that had hits before.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateReports } from '../tools/corpus/generate';
import { indexDirectory } from '../lib/indexer/run';
import { processText } from '../lib/indexer/pipeline';
import { SqliteEngine } from '../lib/search/sqlite';
import type { SearchQuery } from '../lib/search/types';
import { isFailure, type ReportRecord } from '../lib/types';

const repoRoot = path.resolve(__dirname, '..');
let tmp: string;
let corpus: string;
let dataDir: string;
let site: SqliteEngine;
const expected = new Map<string, number>();

const QUERIES: SearchQuery[] = [
  { q: '时效性' },
  { q: '公开' },
  { q: '依申请' },
  { q: '行政复议 政府信息' },
  { q: '', filters: { year: ['2024'] } },
  { q: '公开', filters: { year: ['2023'] }, sort: 'year_desc', page: 2, perPage: 5 },
];
const key = (q: SearchQuery) => JSON.stringify(q);

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-concurrency-'));
  corpus = path.join(tmp, 'corpus');
  dataDir = path.join(tmp, 'data');
  for (const r of generateReports({ seed: 'concurrency', agencies: 40, years: [2023, 2024] })) {
    const f = path.join(corpus, r.name);
    fs.mkdirSync(path.dirname(f), { recursive: true });
    fs.writeFileSync(f, r.text);
  }
  const writer = new SqliteEngine({ dataDir });
  await indexDirectory({ dir: corpus, engine: writer, dataDir });
  await writer.close();
  site = new SqliteEngine({ dataDir });
  for (const q of QUERIES) {
    const r = await site.search(q);
    expect(r.hits.length, key(q)).toBeGreaterThan(0);
    expected.set(key(q), r.total);
  }
});

afterAll(async () => {
  await site?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** Search every query once; record failures and empty or changed result sets. */
async function round(problems: string[]): Promise<void> {
  for (const q of QUERIES) {
    try {
      const r = await site.search(q);
      if (!r.hits.length) problems.push(`${key(q)}: empty`);
      else if (r.total !== expected.get(key(q))) problems.push(`${key(q)}: total ${r.total}, expected ${expected.get(key(q))}`);
    } catch (e) {
      problems.push(`${key(q)}: ${(e as Error).message}`);
    }
  }
}

const yieldToIo = () => new Promise((r) => setImmediate(r));

describe('search during re-index and swap', () => {
  it('another process runs `npm run index` three times; searches in a loop never fail or come back empty', async () => {
    const db = site.file;
    // inode numbers can be reused once the old file is unlinked: identify a file by inode + mtime
    const fileKey = () => { const st = fs.statSync(db); return `${st.ino}:${st.mtimeMs}`; };
    const inodes = new Set([fileKey()]);
    const problems: string[] = [];
    let rounds = 0;
    let running = true;
    const reindex = (async () => {
      try {
        for (let i = 0; i < 3; i++) {
          const code = await new Promise<number | null>((resolve) => {
            const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/index.ts', corpus], {
              cwd: repoRoot,
              env: { ...process.env, DATA_DIR: dataDir, SEARCH_ENGINE: 'sqlite' },
              stdio: 'ignore',
            });
            child.on('exit', resolve);
          });
          expect(code).toBe(0);
        }
      } finally {
        running = false;
      }
    })();
    while (running) {
      await round(problems);
      rounds++;
      inodes.add(fileKey());
      await yieldToIo();
    }
    await reindex;
    await round(problems);
    expect(problems.slice(0, 10)).toEqual([]);
    // The swaps really happened while searching: a new file per run (each run takes seconds, the
    // loop samples far more often, but allow for a sample falling between two quick swaps).
    inodes.add(fileKey());
    expect(inodes.size).toBeGreaterThanOrEqual(3);
    expect(rounds).toBeGreaterThan(20);
  }, 120_000);

  it('a writer rebuilding batch by batch between searches (same process, other handle)', async () => {
    const records: ReportRecord[] = [];
    for (const r of generateReports({ seed: 'concurrency', agencies: 40, years: [2023, 2024] })) {
      const p = processText(r.text, r.name);
      if (!isFailure(p)) records.push(p);
    }
    const writer = new SqliteEngine({ dataDir, batchSize: 5 });
    const problems: string[] = [];
    let batches = 0;
    async function* slow() {
      for (const r of records) {
        yield r;
        // Searches run while the new file is half built, and right after the swap.
        await round(problems);
        batches++;
      }
    }
    for (let i = 0; i < 2; i++) await writer.rebuild(slow());
    await round(problems);
    await writer.close();
    expect(problems.slice(0, 10)).toEqual([]);
    expect(batches).toBe(records.length * 2);
  }, 120_000);
});
