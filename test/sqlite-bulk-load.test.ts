/**
 * Bulk loading (rebuild): FTS5 merges only at the end. The index must answer exactly as one built
 * with the default merge settings, and the defaults must be back for later upserts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { beginBulkLoad, createSchema, finishBulkLoad, makeWriter } from '../lib/search/sqlite-schema';
import { queryTerms, termMatch } from '../lib/search/fts-query';
import { FIXTURES } from './engine-contract';
import type { ReportRecord } from '../lib/types';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-bulk-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// Many small transactions, as rebuild does: each commit flushes an FTS5 segment.
const records: ReportRecord[] = Array.from({ length: 120 }, (_, i) => ({ ...FIXTURES[i % FIXTURES.length], id: `r${i}` }));

function build(file: string, bulk: boolean): Database.Database {
  const db = new Database(file);
  createSchema(db);
  if (bulk) beginBulkLoad(db);
  const write = makeWriter(db);
  const tx = db.transaction((batch: ReportRecord[]) => batch.forEach(write));
  for (let i = 0; i < records.length; i += 5) tx(records.slice(i, i + 5));
  if (bulk) finishBulkLoad(db);
  else db.exec(`INSERT INTO report_fts(report_fts) VALUES ('optimize'); ANALYZE;`);
  return db;
}

describe('bulk load', () => {
  const plain = build(path.join(dir, 'plain.sqlite'), false);
  const bulk = build(path.join(dir, 'bulk.sqlite'), true);

  it('answers every query with the same rows and ranks as the default settings', () => {
    const sql = 'SELECT rowid, rank FROM report_fts WHERE report_fts MATCH ? ORDER BY rowid';
    for (const q of ['公开', '信息公开', '申请', '时效性', '年', '政府信息公开 工作', '复议']) {
      const m = queryTerms(q).map(termMatch).join(' AND ');
      expect(bulk.prepare(sql).all(m)).toEqual(plain.prepare(sql).all(m));
    }
  });

  it('leaves FTS5 merge settings at their defaults, one segment, and statistics for the filter indexes', () => {
    const cfg = Object.fromEntries(bulk.prepare('SELECT k, v FROM report_fts_config').all().map((r: any) => [r.k, r.v]));
    expect(cfg).toMatchObject({ automerge: 4, crisismerge: 16 });
    const stats = bulk.prepare('SELECT DISTINCT tbl FROM sqlite_stat1 ORDER BY tbl').pluck().all();
    expect(stats).toEqual(['report_themes', 'reports']);
    // optimize left one segment: a second optimize finds nothing to merge (no change to the data)
    const before = bulk.prepare('SELECT count(*) FROM report_fts_data').pluck().get();
    bulk.exec(`INSERT INTO report_fts(report_fts) VALUES ('optimize')`);
    expect(bulk.prepare('SELECT count(*) FROM report_fts_data').pluck().get()).toBe(before);
  });
});
