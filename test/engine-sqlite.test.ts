/** SQLite-specific behaviour beyond the shared contract: the file swap, handles, temp files. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteEngine } from '../lib/search/sqlite';
import { IndexUnavailableError } from '../lib/search/types';
import { FIXTURES } from './engine-contract';
import { gramsForIndex, queryTerms, termMatch } from '../lib/search/fts-query';
import { makeSnippet } from '../lib/search/snippet';
import { MARK_END as E, MARK_START as S } from '../lib/search/highlight';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-sqlite-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('SqliteEngine file handling', () => {
  it('before any index exists: "no index" (not empty results), without creating a file', async () => {
    const e = new SqliteEngine({ dataDir: dir });
    await expect(e.search({ q: '公开', facets: ['year'] })).rejects.toBeInstanceOf(IndexUnavailableError);
    await expect(e.search({ q: '公开' })).rejects.toMatchObject({ problem: 'absent' });
    await expect(e.getReport('x')).rejects.toMatchObject({ problem: 'absent' });
    await expect(e.listAgencies()).rejects.toMatchObject({ problem: 'absent' });
    expect(fs.readdirSync(dir)).toEqual([]);
    // Once an index was open, its disappearance is a fault, not a new installation.
    await e.rebuild(FIXTURES.slice(0, 1));
    expect((await e.search({ q: '' })).total).toBe(1);
    fs.rmSync(e.file);
    await expect(e.search({ q: '' })).rejects.toMatchObject({ problem: 'vanished' });
  });

  it('a second handle (a running site) picks up a rebuild by another handle without restart', async () => {
    const writer = new SqliteEngine({ dataDir: dir });
    const site = new SqliteEngine({ dataDir: dir });
    await writer.rebuild(FIXTURES.slice(0, 2));
    expect((await site.search({ q: '' })).total).toBe(2);
    const ino = fs.statSync(writer.file).ino;
    await writer.rebuild(FIXTURES);
    expect(fs.statSync(writer.file).ino).not.toBe(ino); // a new file was renamed into place
    expect((await site.search({ q: '' })).total).toBe(7);
    // An in-place upsert by another connection is seen too (facet cache reloaded).
    await writer.upsert([{ ...FIXTURES[0], id: 'extra', themes: [{ id: 'x', label: '新主题', evidence: [] }] }]);
    const r = await site.search({ q: '', facets: ['theme'] });
    expect(r.total).toBe(8);
    expect(r.facets.theme?.['新主题']).toBe(1);
    await writer.close();
    await site.close();
  });

  it('leaves no temp file behind, after success or failure', async () => {
    const e = new SqliteEngine({ dataDir: dir });
    await e.rebuild(FIXTURES);
    function* bad() {
      yield FIXTURES[0];
      throw new Error('boom');
    }
    await expect(e.rebuild(bad())).rejects.toThrow('boom');
    expect(fs.readdirSync(dir)).toEqual(['nianbao.sqlite']);
    await e.close();
  });

  it('upsert creates the index when there is none', async () => {
    const e = new SqliteEngine({ dataDir: path.join(dir, 'sub') });
    await e.upsert([FIXTURES[1]]);
    expect((await e.search({ q: '培训' })).hits.map((h) => h.id)).toEqual(['qsq-czj-2024']);
    await e.close();
  });
});

describe('bigram matching helpers', () => {
  it('indexes every letter/digit run as overlapping bigrams, the last character alone', () => {
    expect(gramsForIndex('时效性高，Web2')).toBe('时效 效性 性高 高 we eb b2 2');
    expect(gramsForIndex('')).toBe('');
  });
  it('splits queries at spaces and punctuation, drops terms contained in others', () => {
    expect(queryTerms(' 时效 时效性，公开 "AND" ')).toEqual(['时效性', '公开', 'and']);
    expect(queryTerms('"()*:^')).toEqual([]);
  });
  it('quotes every token', () => {
    expect(termMatch('时效性')).toBe('("时效" + "效性")');
    expect(termMatch('时效')).toBe('"时效"');
    expect(termMatch('效')).toBe('"效"*');
  });
});

describe('makeSnippet', () => {
  it('marks every occurrence around the first match, from the original text', () => {
    const text = '一、总体情况\n\t本局提高时效性。\n\n二是时效性仍需提升。';
    expect(makeSnippet(text, ['时效性'])).toBe(`一、总体情况 本局提高${S}时效性${E}。 二是${S}时效性${E}仍需提升。`);
  });
  it('cuts a window of about 80 characters with ellipses', () => {
    const text = '甲'.repeat(200) + '时效性' + '乙'.repeat(200);
    const s = makeSnippet(text, ['时效性']);
    expect(s.startsWith('…')).toBe(true);
    expect(s.endsWith('…')).toBe(true);
    expect(s).toContain(`${S}时效性${E}`);
    expect(s.replace(/[…\uE000\uE001]/g, '').length).toBe(80);
  });
  it('strips markers forged inside the document', () => {
    expect(makeSnippet(`伪造${S}高亮${E}时效`, ['时效'])).toBe(`伪造高亮${S}时效${E}`);
  });
  it('matches ASCII case-insensitively but shows the original case', () => {
    expect(makeSnippet('通过 Email 回复', ['email'])).toBe(`通过 ${S}Email${E} 回复`);
  });
});

describe('query limits', () => {
  // The shared limits are checked by the facade (test/search-query.test.ts); the term count is
  // the SQLite engine's own (one FTS phrase per term).
  it('refuses, never truncates, queries with too many terms', async () => {
    const e = new SqliteEngine({ dataDir: dir });
    await e.rebuild(FIXTURES);
    const many = Array.from({ length: 33 }, (_, i) => `词${i}语`).join(' ');
    await expect(e.search({ q: many })).rejects.toThrow(/最多 32 个/);
    const enough = Array.from({ length: 32 }, (_, i) => `词${i}语`).join(' ');
    expect((await e.search({ q: enough })).total).toBe(0);
    await e.close();
  });
});

describe('traditional characters', () => {
  it('a 繁體 report is found by a simplified query and the snippet marks the original text', async () => {
    const { SqliteEngine } = await import('../lib/search/sqlite');
    const fs = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-trad-'));
    const engine = new SqliteEngine({ dataDir: dir });
    const base = {
      file: 'trad.txt', agency: '臺北測試局', year: 2024,
      region: { province: null, city: null, county: null }, level: null, kind: 'other' as const,
      figures: { active: null, requests: null, appeals: null }, checks: [], themes: [], warnings: [],
    };
    await engine.rebuild([
      { ...base, id: 'trad1', sections: [{ key: 'problems' as const, title: '五、存在的主要問題', text: '政府資訊公開的時效性還不夠高。' }] },
      { ...base, id: 'simp1', agency: '简体局', sections: [{ key: 'problems' as const, title: '五', text: '公开形式单一。' }] },
    ]);
    const r = await engine.search({ q: '时效性 还不够' });
    expect(r.hits.map((h) => h.id)).toEqual(['trad1']);
    expect(r.hits[0].snippet).toContain('\uE000時效性\uE001');
    expect((await engine.search({ q: '時效性' })).hits.map((h) => h.id)).toEqual(['trad1']);
    await engine.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
