/**
 * facetLimit: the SQLite engine cuts while counting (a histogram threshold plus a code-point
 * order of values), Meilisearch's adapter cuts a whole distribution (lib/search/facet-limit.ts).
 * Both must equal "sort every value by count desc, then code point, take the first K".
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteEngine } from '../lib/search/sqlite';
import { limitFacetCounts } from '../lib/search/facet-limit';
import { FIXTURES } from './engine-contract';

const topK = (counts: Record<string, number>, k: number) =>
  Object.fromEntries(Object.entries(counts).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).slice(0, k));

describe('limitFacetCounts (whole distributions)', () => {
  it('equals sorting every value, for any counts and limit', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ minLength: 1, maxLength: 3 }), fc.integer({ min: 1, max: 4 })), fc.integer({ min: 1, max: 8 }), (counts, k) => {
        const { facets, facetValueCounts } = limitFacetCounts({ agency: counts }, k);
        expect(facets.agency).toEqual(topK(counts, k));
        const n = Object.keys(counts).length;
        expect(facetValueCounts).toEqual(n > k ? { agency: n } : undefined);
      }),
    );
  });

  it('keeps a filtered value and leaves facets alone without a limit', () => {
    const counts = { a: 5, b: 4, c: 1 };
    expect(limitFacetCounts({ kind: counts }, 1, { kind: ['c'] }).facets.kind).toEqual({ a: 5, c: 1 });
    expect(limitFacetCounts({ kind: counts }, undefined)).toEqual({ facets: { kind: counts } });
  });
});

describe('SQLite facetLimit (cut while counting)', () => {
  let dir: string;
  let engine: SqliteEngine;
  // 120 reports over 30 agencies with skewed, tied frequencies.
  const agencies = Array.from({ length: 30 }, (_, i) => `机关${String.fromCharCode(0x4e00 + ((i * 7919) % 400))}${i % 4}`);
  const records = Array.from({ length: 120 }, (_, i) => ({ ...FIXTURES[i % FIXTURES.length], id: `r${i}`, agency: agencies[(i * i) % 30 % (1 + (i % 30))] }));

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-flimit-'));
    engine = new SqliteEngine({ dataDir: dir });
    await engine.rebuild(records);
  });
  afterAll(async () => {
    await engine.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('equals sorting every value, for every limit, query and filter', async () => {
    for (const q of ['', '公开', '培训', '时效']) {
      for (const filters of [{}, { year: ['2023'] }]) {
        const full = await engine.search({ q, filters, facets: ['agency', 'city', 'theme'] });
        for (let k = 1; k <= 12; k++) {
          const r = await engine.search({ q, filters, facets: ['agency', 'city', 'theme'], facetLimit: k });
          for (const f of ['agency', 'city', 'theme'] as const) {
            expect(r.facets[f], `${q} ${JSON.stringify(filters)} ${f} k=${k}`).toEqual(topK(full.facets[f]!, k));
            const n = Object.keys(full.facets[f]!).length;
            expect(r.facetValueCounts?.[f]).toBe(n > k ? n : undefined);
          }
        }
      }
    }
  });
});
