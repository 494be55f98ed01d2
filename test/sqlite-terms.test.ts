/**
 * Per-term match sets of the SQLite engine (lib/search/sqlite-terms.ts): whatever was cached
 * before, a query returns exactly the reports whose text contains every term, and a cached set
 * never survives a change of the index.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteEngine } from '../lib/search/sqlite';
import Database from 'better-sqlite3';
import { TermSetCache, intersectSorted, matchRowids } from '../lib/search/sqlite-terms';
import { fold, queryTerms } from '../lib/search/fts-query';
import { FIXTURES } from './engine-contract';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-terms-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const rows = (...xs: number[]) => Int32Array.from(xs);

describe('intersectSorted', () => {
  it('keeps the rows in both ascending lists', () => {
    expect([...intersectSorted(rows(1, 3, 5, 7, 9), rows(0, 3, 4, 9, 10))]).toEqual([3, 9]);
    expect([...intersectSorted(rows(), rows(1, 2))]).toEqual([]);
    expect([...intersectSorted(rows(2), rows(2))]).toEqual([2]);
  });
});

describe('matchRowids', () => {
  it('returns every matching rowid, multi-digit and in order, and nothing for no match', () => {
    const db = new Database(':memory:');
    db.exec(`CREATE VIRTUAL TABLE report_fts USING fts5(grams, content='', contentless_delete=1, tokenize='ascii')`);
    const ins = db.prepare('INSERT INTO report_fts(rowid, grams) VALUES (?, ?)');
    const rids = [1, 9, 10, 99, 1000, 123456, 2147483];
    for (const r of rids) ins.run(r, r % 2 ? '公开 开展' : '公开');
    expect([...matchRowids(db, '"公开"')]).toEqual(rids);
    expect([...matchRowids(db, '"开展"')]).toEqual(rids.filter((r) => r % 2));
    expect([...matchRowids(db, '"没有"')]).toEqual([]);
    db.close();
  });
});

describe('TermSetCache', () => {
  it('evicts least recently used sets beyond its byte and entry bounds', () => {
    const c = new TermSetCache(40, 3); // 40 bytes = 10 rows
    c.set('a', new Int32Array(4));
    c.set('b', new Int32Array(4));
    c.get('a');
    c.set('c', new Int32Array(4)); // 12 rows: b (least recent) goes
    expect(['a', 'b', 'c'].map((t) => Boolean(c.get(t)))).toEqual([true, false, true]);
    c.set('huge', new Int32Array(11)); // larger than the whole cache: not kept
    expect(c.get('huge')).toBeUndefined();
    c.set('d', new Int32Array(0));
    c.set('e', new Int32Array(0)); // 4 entries > 3
    expect(c.size).toBe(3);
  });
});

describe('term sets in queries', () => {
  /** Ids of the fixtures whose section text contains every term (the definition of a match). */
  const expected = (q: string, records = FIXTURES) =>
    records
      .filter((r) => queryTerms(q).every((t) => r.sections.some((s) => fold(s.text).includes(t))))
      .map((r) => r.id)
      .sort();
  const ids = async (e: SqliteEngine, q: string) => (await e.search({ q, perPage: 100, facets: [] })).hits.map((h) => h.id).sort();

  it('gives the substring answer whether its terms were cached alone, together or not at all', async () => {
    const e = new SqliteEngine({ dataDir: dir });
    await e.rebuild(FIXTURES);
    const queries = ['公开 培训', '培训', '公开', '公开 培训', '时效性 公开', '时效性', '培训 时效性 公开', '公开 不存在的词'];
    for (const q of queries) expect(await ids(e, q), q).toEqual(expected(q));
    // A fresh handle (nothing cached) agrees.
    const fresh = new SqliteEngine({ dataDir: dir });
    for (const q of queries) expect(await ids(fresh, q), q).toEqual(await ids(e, q));
    await e.close();
    await fresh.close();
  });

  it('forgets cached sets when the index changes', async () => {
    const e = new SqliteEngine({ dataDir: dir });
    await e.rebuild(FIXTURES);
    const before = await ids(e, '培训');
    const added = { ...FIXTURES[0], id: 'added-1', sections: [{ key: 'overview' as const, title: '概述', text: '本年度开展培训三次。' }] };
    await e.upsert([added]);
    expect(await ids(e, '培训')).toEqual([...before, 'added-1'].sort());
    expect(await ids(e, '培训 三次')).toEqual(expected('培训 三次', [...FIXTURES, added]));
    await e.close();
  });
});
