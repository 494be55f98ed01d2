/**
 * Parallel parsing (lib/indexer/pool.ts): the index built with parser threads holds exactly the
 * records the single-threaded run builds, in the same order (a byte-identical copy is skipped in both).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateReports } from '../tools/corpus/generate';
import { indexDirectory } from '../lib/indexer/run';
import { createParsePool } from '../lib/indexer/pool';
import { SqliteEngine } from '../lib/search/sqlite';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-pool-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('indexing with parser threads', () => {
  it('gives the same index as parsing in one thread', { timeout: 60_000 }, async () => {
    const corpus = path.join(tmp, 'corpus');
    for (const r of generateReports({ seed: 'pool', agencies: 12, limit: 60 })) {
      fs.mkdirSync(path.dirname(path.join(corpus, r.name)), { recursive: true });
      fs.writeFileSync(path.join(corpus, r.name), r.text);
    }
    // A later copy of a report under another name (sorted last): same bytes, skipped in both runs.
    const first = fs.readdirSync(corpus, { recursive: true }).map(String).find((f) => f.endsWith('.txt'))!;
    fs.writeFileSync(path.join(corpus, '齐-copy.txt'), fs.readFileSync(path.join(corpus, first)));
    fs.writeFileSync(path.join(corpus, 'not-a-report.txt'), 'hello');

    const run = async (workers: number) => {
      const dataDir = path.join(tmp, `data-${workers}`);
      const engine = new SqliteEngine({ dataDir });
      const status = await indexDirectory({ dir: corpus, engine, dataDir, workers });
      const all = await engine.search({ q: '', perPage: 100, facets: [] });
      const recs = await Promise.all(all.hits.map((h) => engine.getReport(h.id)));
      await engine.close();
      return { status, recs };
    };
    const one = await run(0);
    const two = await run(2);
    expect(one.status).toMatchObject({ found: 62, indexed: 60, failed: 1, duplicates: 1, swapped: true });
    const untimed = (s: typeof one.status) => ({ ...s, startedAt: '', finishedAt: '', builtAt: '', seconds: 0 });
    expect(untimed(two.status)).toEqual(untimed(one.status));
    expect(two.recs).toEqual(one.recs);
    expect(one.recs.find((r) => r!.file === '齐-copy.txt')).toBeUndefined();
    expect(one.recs.find((r) => r!.file === first)).toBeTruthy();
  });

  it('a file the worker cannot read comes back as a failure, not an exception', { timeout: 30_000 }, async () => {
    const pool = createParsePool(1);
    try {
      const res = await pool.parse(path.join(tmp, 'missing.txt'));
      expect(res).toMatchObject({ file: path.join(tmp, 'missing.txt'), error: expect.any(String) });
    } finally {
      await pool.close();
    }
  });
});
