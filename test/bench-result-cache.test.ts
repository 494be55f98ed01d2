/**
 * The SQLite engine's whole-result cache (lib/search/sqlite-results.ts): repeated queries and
 * pages come from it, yet a result is never stale after an upsert or rebuild, from this handle
 * or another one, and the cache stays within its bounds.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteEngine } from '../lib/search/sqlite';
import { BYTES_PER_FACET_VALUE, ResultCache, resultBytes, resultKey } from '../lib/search/sqlite-results';
import { FIXTURES } from './engine-contract';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-rcache-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const extra = (id: string) => ({ ...FIXTURES[0], id, agency: `${id}机关`, themes: [{ id: 'x', label: '新主题', evidence: [] }] });

describe('result cache', () => {
  it('pages of one cached result are disjoint and complete, and equal an uncached run', async () => {
    const e = new SqliteEngine({ dataDir: dir });
    await e.rebuild(FIXTURES);
    const all = await e.search({ q: '', perPage: 100 });
    const paged = [];
    for (let page = 1; page <= 3; page++) paged.push(...(await e.search({ q: '', perPage: 3, page })).hits.map((h) => h.id));
    expect(paged).toEqual(all.hits.map((h) => h.id));
    // A fresh handle (empty cache) gives the same answer.
    const fresh = new SqliteEngine({ dataDir: dir });
    expect(await fresh.search({ q: '', perPage: 100 })).toEqual(all);
    await e.close();
    await fresh.close();
  });

  it('is never stale: upsert on this handle, upsert and rebuild by another handle', async () => {
    const site = new SqliteEngine({ dataDir: dir });
    const writer = new SqliteEngine({ dataDir: dir });
    await writer.rebuild(FIXTURES);
    const q = { q: '', facets: ['theme' as const] };
    const n = (await site.search(q)).total;
    expect((await site.search(q)).facets.theme?.['新主题']).toBeUndefined();

    await site.upsert([extra('a')]);
    let r = await site.search(q);
    expect(r.total).toBe(n + 1);
    expect(r.facets.theme?.['新主题']).toBe(1);

    await writer.upsert([extra('b')]);
    r = await site.search(q);
    expect(r.total).toBe(n + 2);
    expect(r.facets.theme?.['新主题']).toBe(2);

    await writer.rebuild(FIXTURES.slice(0, 2));
    r = await site.search(q);
    expect(r.total).toBe(2);
    await site.close();
    await writer.close();
  });

  it('shares frozen facet counts: a caller cannot corrupt the next answer', async () => {
    const e = new SqliteEngine({ dataDir: dir });
    await e.rebuild(FIXTURES);
    const r = await e.search({ q: '', facets: ['year'] });
    expect(() => {
      (r.facets.year as Record<string, number>)['1999'] = 5;
    }).toThrow(TypeError);
    expect((await e.search({ q: '', facets: ['year'] })).facets.year?.['1999']).toBeUndefined();
    await e.close();
  });

  it('keeps the first pages of hits, handing out copies a caller cannot use to change the next answer', async () => {
    const e = new SqliteEngine({ dataDir: dir });
    await e.rebuild(FIXTURES);
    const first = await e.search({ q: '公开', perPage: 2 });
    const again = await e.search({ q: '公开', perPage: 2 });
    expect(again).toEqual(first);
    again.hits[0].themes.push('改过');
    again.hits[0].region.province = '改过';
    again.hits[0].snippet = '改过';
    expect(await e.search({ q: '公开', perPage: 2 })).toEqual(first);
    const results = e.snapshot().results;
    const held = results.heldBytes;
    await e.search({ q: '公开', perPage: 2, page: 2 });
    expect(results.heldBytes).toBeGreaterThan(held); // the new page is charged to the entry
    await e.close();
  });

  it('keys ignore the order of terms, filter values and facets', () => {
    expect(resultKey(['a', 'b'], [['year', ['2024', '2023']], ['province', ['x']]], 'relevance', ['year', 'city'])).toBe(
      resultKey(['b', 'a'], [['province', ['x']], ['year', ['2023', '2024']]], 'relevance', ['city', 'year']),
    );
    expect(resultKey(['a'], [], 'relevance', [])).not.toBe(resultKey(['a'], [], 'year_desc', []));
  });

  it('evicts least recently used entries beyond its byte and entry bounds', () => {
    const rows = (n: number) => ({ order: new Int32Array(n), facets: {} });
    const c = new ResultCache(40, 3); // 40 bytes: 10 rows
    c.set('a', rows(4));
    c.set('b', rows(4));
    c.get('a'); // a is now the most recent
    c.set('c', rows(4)); // 12 rows > 10: b goes
    expect([c.get('a'), c.get('b'), c.get('c')].map(Boolean)).toEqual([true, false, true]);
    c.set('big', rows(11)); // larger than the whole cache: not kept
    expect(c.get('big')).toBeUndefined();
    c.set('d', rows(1));
    c.set('e', rows(1)); // 4 entries > 3: the oldest (a) goes
    expect(c.size).toBe(3);
    expect(c.get('a')).toBeUndefined();
    c.charge('e', 36); // c(16) + d(4) + e(4 + 36) = 60 > 40: c and d go, e stays
    expect([c.get('c'), c.get('d'), c.get('e')].map(Boolean)).toEqual([false, false, true]);
    expect(c.heldBytes).toBe(40);
  });

  it('counts facet values as well as rows, and trusts a producer that knows what is shared', () => {
    expect(resultBytes({ order: new Int32Array(10), facets: { year: { '2023': 1, '2024': 2 } } })).toBe(40 + 2 * BYTES_PER_FACET_VALUE);
    expect(resultBytes({ order: new Int32Array(10), facets: {}, bytes: 0 })).toBe(0);
    const c = new ResultCache(1000, 10);
    c.set('facets', { order: new Int32Array(1), facets: { agency: Object.fromEntries(Array.from({ length: 3 }, (_, i) => [`a${i}`, 1])) } });
    expect(c.heldBytes).toBe(4 + 3 * BYTES_PER_FACET_VALUE);
  });

  it('does not charge a result for the index-wide order and counts it shares', async () => {
    const e = new SqliteEngine({ dataDir: dir });
    await e.rebuild(FIXTURES);
    // The empty query shares the precomputed year order and the corpus-wide counts (page 4 is
    // beyond the cached pages of hits, so nothing else is charged either).
    await e.search({ q: '', perPage: 1, page: 4 });
    const results = e.snapshot().results;
    expect(results.heldBytes).toBe(0);
    await e.search({ q: '培训' });
    expect(results.heldBytes).toBeGreaterThan(0);
    await e.close();
  });
});
