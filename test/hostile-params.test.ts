/**
 * Hostile search input below the HTTP layer: every generated query string goes through the same
 * path as /api/search (URLSearchParams → parseSearchParams → engine.search) against a real SQLite
 * index. Each one must end as a validation message or a result — never an exception.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateReports } from '../tools/corpus/generate';
import { hostileQueries, FIXED_QUERIES } from '../tools/hostile/requests';
import { hostileReports, PROBE } from '../tools/hostile/report';
import { processText } from '../lib/indexer/pipeline';
import { SqliteEngine } from '../lib/search/sqlite';
import { parseSearchParams, cleanText } from '../lib/search-params';
import { isFailure, type ReportRecord } from '../lib/types';
import { isDecodablePath } from '../proxy';
import { checkLabel, facetValueLabel } from '../lib/labels';
import { figureLabel } from '../lib/compare/key-labels';

let dir: string;
let engine: SqliteEngine;
let total: number;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-hostile-'));
  const records: ReportRecord[] = [];
  const files = [...generateReports({ seed: 'hostile-params', agencies: 6, years: [2023, 2024] }), ...hostileReports({ seed: 1 })];
  for (const f of files) {
    const r = processText(f.text, f.name);
    if (isFailure(r)) throw new Error(`${f.name}: ${r.error}`);
    records.push(r);
  }
  engine = new SqliteEngine({ dataDir: dir });
  await engine.rebuild(records);
  total = (await engine.search({ q: '' })).total;
  expect(total).toBe(records.length);
});

afterAll(async () => {
  await engine.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('hostile request generator', () => {
  it('is deterministic, starts with the fixed cases and differs by seed', () => {
    const a = hostileQueries({ seed: 5, count: 1200 });
    expect(a).toHaveLength(1200);
    expect(hostileQueries({ seed: 5, count: 1200 })).toEqual(a);
    expect(a.slice(0, FIXED_QUERIES.length)).toEqual(FIXED_QUERIES);
    expect(hostileQueries({ seed: 6, count: 1200 }).slice(FIXED_QUERIES.length)).not.toEqual(a.slice(FIXED_QUERIES.length));
    // The mix really is hostile: markup, broken escapes and huge values all occur.
    expect(a.filter((q) => q.includes('%3Cscript')).length).toBeGreaterThan(20);
    expect(a.filter((q) => /%(?![0-9A-F]{2})|%ED%[AB]/i.test(q)).length).toBeGreaterThan(20);
    expect(a.filter((q) => q.length > 5000).length).toBeGreaterThan(2);
  });
});

describe('hostile queries through parseSearchParams and the SQLite engine', () => {
  it('1,500 generated requests: a validation message or a result, never an exception', async () => {
    let rejected = 0;
    let answered = 0;
    for (const qs of hostileQueries({ seed: 'vitest', count: 1500 })) {
      const parsed = parseSearchParams(new URLSearchParams(qs));
      if (!parsed.ok) {
        expect(parsed.error, qs).toMatch(/\S/);
        rejected++;
        continue;
      }
      const { state } = parsed;
      // Nothing unprintable or ill-formed reaches the engine, pages or CSV.
      for (const s of [state.q, ...Object.values(state.filters).flat()]) {
        expect(s, qs).not.toMatch(/[\u0000-\u001f\u007f]/);
        expect(s, qs).toBe(cleanText(s));
      }
      // The parser's limits are the engine's: a state that validates never makes the engine throw.
      const r = await engine.search({ ...state }).catch((e: Error) => {
        throw new Error(`engine threw for ${qs.slice(0, 200)}: ${e.message}`);
      });
      expect(r.hits.length).toBeLessThanOrEqual(state.perPage);
      answered++;
    }
    expect(rejected).toBeGreaterThan(50);
    expect(answered).toBeGreaterThan(700);
    // And the index is as it was (no statement ever ran as SQL).
    expect((await engine.search({ q: '' })).total).toBe(total);
  });

  it('injection attempts in filters match nothing rather than everything', async () => {
    for (const [facet, value] of [
      ['year', 'a" OR year > 0'],
      ['agency', "'; DROP TABLE reports;--"],
      ['year', '2024 OR 1=1'],
      ['province', "' OR ''='"],
    ] as const) {
      const r = await engine.search({ q: '', filters: { [facet]: [value] } });
      expect(r.total, `${facet}=${value}`).toBe(0);
    }
    expect((await engine.search({ q: '', filters: { year: ['2024'] } })).total).toBeGreaterThan(0);
  });

  it('FTS operators are searched as text, not interpreted', async () => {
    // "时效 OR 公开" would match nearly everything if OR were an operator; as text, OR must occur too.
    const asText = await engine.search({ q: '时效 OR xyzzy' });
    expect(asText.total).toBe(0);
    const star = await engine.search({ q: '*' });
    expect(star.total).toBe(0);
    const probe = await engine.search({ q: PROBE });
    expect(probe.total).toBe(2);
    // Snippets carry the report's markup as text between the highlight markers, never as tags.
    expect(probe.hits.map((h) => h.snippet).join('')).toMatch(/\uE000xssprobe\uE001/);
  });

  it('control characters and lone surrogates are cleaned, long queries refused with a message', () => {
    const p = parseSearchParams(new URLSearchParams('q=a%00b%1b%7f&agency=x%01y'));
    expect(p.ok && p.state).toMatchObject({ q: 'a b', filters: { agency: ['x y'] } });
    expect(cleanText('a\uD800b\uDC00c😀')).toBe('a\uFFFDb\uFFFDc😀');
    const long = parseSearchParams(new URLSearchParams('q=' + 'a'.repeat(10_000)));
    expect(long.ok ? '' : long.error).toContain('检索词过长');
  });
});

describe('labels of values from the URL', () => {
  it('never resolve to Object.prototype members (a function rendered by React is a 500)', () => {
    for (const v of ['toString', 'constructor', '__proto__', 'valueOf', 'hasOwnProperty']) {
      for (const f of ['level', 'kind', 'checks', 'agency'] as const) expect(facetValueLabel(f, v)).toBe(v);
      expect(checkLabel(v)).toBe(v);
      expect(figureLabel(v)).toBe(v);
    }
    expect(facetValueLabel('level', 'county')).not.toBe('county');
  });
});

describe('proxy: undecodable paths', () => {
  it('accepts what Next can decode, refuses what would make it throw', () => {
    for (const p of ['/', '/reports/abc', '/agencies/%E5%8C%97%E4%BB%91', '/a%20b', '/%25']) expect(isDecodablePath(p), p).toBe(true);
    for (const p of ['/reports/%ZZ', '/agencies/%ED%A0%80', '/x/%E4%B8', '/%', '/api/reports/%C0%AF']) expect(isDecodablePath(p), p).toBe(false);
  });
});
