/**
 * The SQLite engine's per-version snapshot (lib/search/sqlite-snapshot.ts): one object holds the
 * handle and every cache of an index version; a new version (own upsert, another connection's
 * upsert, a rebuild renamed over the file) drops it whole, closing its handle, and nothing it
 * computed answers for the new version.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteEngine } from '../lib/search/sqlite';
import { RANK_MEMO, rankValues } from '../lib/search/facet-rank';
import { FIXTURES } from './engine-contract';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-snapshot-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const added = (id: string) => ({
  ...FIXTURES[0],
  id,
  agency: `${id}新设机关`,
  sections: [{ key: 'overview' as const, title: '概述', text: '本年度开展培训三次。' }],
});

/** Fills every cache of the current snapshot: facet data, agency list, term sets, results, statements. */
async function warm(e: SqliteEngine) {
  const r = await e.search({ q: '培训', facets: ['agency'], facetLimit: 100 });
  await e.listAgencies();
  await e.getReport(FIXTURES[0].id);
  const s = e.snapshot();
  expect(s.results.size).toBeGreaterThan(0);
  expect(s.termSets.size).toBeGreaterThan(0);
  expect(s.stmts.size).toBeGreaterThan(0);
  return { snap: s, result: r };
}

describe('SQLite snapshot', () => {
  it('is one object per version: repeated calls on an unchanged file share it and its caches', async () => {
    const e = new SqliteEngine({ dataDir: dir });
    await e.rebuild(FIXTURES);
    const { snap, result } = await warm(e);
    const again = await e.search({ q: '培训', facets: ['agency'], facetLimit: 100 });
    expect(e.snapshot()).toBe(snap);
    // The cached result's counts, and the ranking memoized on them, are handed out again.
    expect(again.facets.agency).toBe(result.facets.agency);
    expect(rankValues(again.facets.agency, RANK_MEMO)).toBe(rankValues(result.facets.agency, RANK_MEMO));
    expect(await e.listAgencies()).toBe(await e.listAgencies());
    await e.close();
    expect(snap.closed).toBe(true);
  });

  it("is dropped with its version on this engine's upsert: handle closed, caches not reused", async () => {
    const e = new SqliteEngine({ dataDir: dir });
    await e.rebuild(FIXTURES);
    const { snap: old, result: before } = await warm(e);
    const agenciesBefore = await e.listAgencies();

    await e.upsert([added('snap-a')]);
    expect(old.closed).toBe(true);
    expect(() => old.db.prepare('SELECT 1').get()).toThrow();

    const fresh = e.snapshot();
    expect(fresh).not.toBe(old);
    expect(fresh.results.size).toBe(0);
    expect(fresh.termSets.size).toBe(0);
    expect(fresh.stmts.size).toBe(0);

    const after = await e.search({ q: '培训', facets: ['agency'], facetLimit: 100 });
    expect(after.total).toBe(before.total + 1);
    expect(after.hits.map((h) => h.id)).toContain('snap-a');
    expect(after.facets.agency).not.toBe(before.facets.agency);
    expect(after.facets.agency?.['snap-a新设机关']).toBe(1);
    expect(rankValues(after.facets.agency, 100).map(([v]) => v)).toContain('snap-a新设机关');
    const agenciesAfter = await e.listAgencies();
    expect(agenciesAfter).not.toBe(agenciesBefore);
    expect(agenciesAfter.map((a) => a.agency)).toContain('snap-a新设机关');
    expect(e.snapshot()).toBe(fresh);
    await e.close();
  });

  it("is dropped when another connection changes the file in place or a rebuild replaces it", async () => {
    const site = new SqliteEngine({ dataDir: dir });
    const writer = new SqliteEngine({ dataDir: dir });
    await writer.rebuild(FIXTURES);
    const { snap: first } = await warm(site);
    const n = (await site.search({ q: '' })).total;

    await writer.upsert([added('snap-b')]);
    expect(first.closed).toBe(false); // noticed at the site's next call, not before
    expect((await site.search({ q: '' })).total).toBe(n + 1);
    expect(first.closed).toBe(true);
    const second = site.snapshot();
    expect(second).not.toBe(first);
    expect((await site.search({ q: '培训 三次' })).hits.map((h) => h.id)).toEqual(['snap-b']);

    await writer.rebuild(FIXTURES.slice(0, 2));
    const r = await site.search({ q: '' });
    expect(r.total).toBe(2);
    expect(second.closed).toBe(true);
    expect(site.snapshot()).not.toBe(second);
    expect((await site.search({ q: '培训 三次' })).total).toBe(0);
    await site.close();
    await writer.close();
  });
});

describe('lib/search', () => {
  it('keeps no module-level memo map: per-version state lives in the snapshot (docs/engine.md)', () => {
    const src = path.join(__dirname, '..', 'lib', 'search');
    const found: string[] = [];
    for (const f of fs.readdirSync(src).filter((n) => n.endsWith('.ts'))) {
      fs.readFileSync(path.join(src, f), 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (/\bnew WeakMap\b/.test(line) || /^(export )?(const|let|var) \w+[^=]*= new Map\b/.test(line)) found.push(`${f}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(found).toEqual([]);
  });
});
