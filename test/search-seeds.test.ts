/**
 * Search over the five real seed reports, indexed through the real pipeline (read → parse →
 * themes → SQLite). Expected sets come from the seed texts themselves (plain substring search),
 * plus the facts the product promises about them.
 *
 * Note on "时效性 finds 000 and 004": the word also occurs in seed 003's overview (平台准确性、
 * 时效性、功能性) and in seed 000's overview, so under substring semantics 时效性 matches 000, 003
 * and 004. 000 and 004 are the two that name it as a problem (theme 时效性): they rank first,
 * and the theme facet/filter selects exactly them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteEngine } from '../lib/search/sqlite';
import { indexDirectory } from '../lib/indexer/run';
import { MARK_END, MARK_START } from '../lib/search/highlight';

const repoRoot = path.resolve(__dirname, '..');
const seedsDir = path.resolve(repoRoot, '../shared/seeds');
const seedFiles = fs.readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort();
const seedText = Object.fromEntries(seedFiles.map((f) => [f.slice(0, 3), fs.readFileSync(path.join(seedsDir, f), 'utf8')]));

let dataDir: string;
let engine: SqliteEngine;
const seedOf = new Map<string, string>(); // report id → '000' …

/** Seed numbers of the hits for q, sorted. */
async function found(q: string, filters = {}): Promise<string[]> {
  const r = await engine.search({ q, filters, perPage: 100 });
  return r.hits.map((h) => seedOf.get(h.id)!).sort();
}
const containing = (term: string) => Object.keys(seedText).filter((k) => seedText[k].includes(term)).sort();

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-seeds-'));
  engine = new SqliteEngine({ dataDir });
  const status = await indexDirectory({ dir: seedsDir, engine, dataDir });
  expect(status).toMatchObject({ found: 5, indexed: 5, failed: 0, swapped: true });
  for (const h of (await engine.search({ q: '', perPage: 100 })).hits) {
    const rec = await engine.getReport(h.id);
    seedOf.set(h.id, path.basename(rec!.file).slice(0, 3));
  }
});
afterAll(async () => {
  await engine?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('search over the seed reports', () => {
  it('the empty query lists all five', async () => {
    expect(await found('')).toEqual(['000', '001', '002', '003', '004']);
  });

  it('时效性: every seed containing it (000, 003, 004), the two naming it as a problem first', async () => {
    expect(containing('时效性')).toEqual(['000', '003', '004']); // the texts, as read
    expect(await found('时效性')).toEqual(['000', '003', '004']);
    const r = await engine.search({ q: '时效性', sort: 'relevance' });
    expect(r.hits.slice(0, 2).map((h) => seedOf.get(h.id)).sort()).toEqual(['000', '004']);
    expect(r.hits[0].snippet).toContain(`${MARK_START}时效性${MARK_END}`);
  });

  it('the theme 时效性 counts 2 and filters to exactly 000 and 004', async () => {
    const r = await engine.search({ q: '', facets: ['theme'] });
    expect(r.facets.theme?.['时效性']).toBe(2);
    expect(await found('', { theme: ['时效性'] })).toEqual(['000', '004']);
    expect(await found('时效性', { theme: ['时效性'] })).toEqual(['000', '004']);
  });

  it('a 2-character query (时效) still finds them, and 时效 alone also 004’s 内容及时效', async () => {
    expect(await found('时效')).toEqual(containing('时效'));
    expect(await found('时效')).toEqual(expect.arrayContaining(['000', '004']));
  });

  it('依申请公开 finds seed 001 (and every other seed containing it)', async () => {
    expect(await found('依申请公开')).toContain('001');
    expect(await found('依申请公开')).toEqual(containing('依申请公开'));
  });

  it('agrees with plain substring search for assorted terms', async () => {
    for (const q of ['行政复议', '政务新媒体', '新媒体', '处理', '勾稽关系', '北仑', '保密审查', '不予公开', '信息处理费', '微信', '效']) {
      expect(await found(q), q).toEqual(containing(q));
    }
  });
});
