/**
 * Schema of the SQLite index and the one function that writes a record into it (used by both
 * the full rebuild and upsert, so both produce identical rows).
 */
import type Database from 'better-sqlite3';
import type { ReportRecord } from '../types';
import { gramsForIndex } from './fts-query';
import { facetFields } from './query';
import { FIGURES_TABLE_SQL, makeFigureWriter } from './sqlite-figures';

export const SCHEMA_VERSION = '6';
/** Section rows get sid = report rowid * SECTION_SLOTS + section index. */
export const SECTION_SLOTS = 64;

export const TABLES_SQL = `
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS reports(
  rid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  agency TEXT NOT NULL,
  year INTEGER,
  province TEXT, city TEXT, county TEXT,
  level TEXT, kind TEXT NOT NULL,
  checks_failed INTEGER NOT NULL,
  -- set on an older version of a report: the canonical report's id (lib/versions.ts)
  version_of TEXT,
  synthetic INTEGER NOT NULL DEFAULT 0,
  json TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS report_themes(label TEXT NOT NULL, rid INTEGER NOT NULL, PRIMARY KEY(label, rid)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS sections(sid INTEGER PRIMARY KEY, key TEXT NOT NULL, title TEXT NOT NULL, text TEXT NOT NULL);
-- One FTS row per report (rowid = reports.rid): "every term somewhere in the report" is one MATCH.
CREATE VIRTUAL TABLE IF NOT EXISTS report_fts USING fts5(grams, content='', contentless_delete=1, tokenize='ascii');
${FIGURES_TABLE_SQL}`;

/** Secondary indexes: created after a bulk load (faster than maintaining them row by row). */
export const INDEXES_SQL = `
CREATE INDEX IF NOT EXISTS reports_agency ON reports(agency, year);
CREATE INDEX IF NOT EXISTS reports_year ON reports(year);
CREATE INDEX IF NOT EXISTS reports_province ON reports(province, city);
CREATE INDEX IF NOT EXISTS reports_level ON reports(level, kind);
CREATE INDEX IF NOT EXISTS report_themes_rid ON report_themes(rid);
`;

/**
 * FTS5 merge settings for filling a new index file in one go (rebuild). By default every flushed
 * segment triggers small incremental merges (automerge=4), rewriting each token about log4(segments)
 * times. Instead: no incremental merging, and a merge only when 64 segments pile up on a level,
 * so the final 'optimize' finds a few large segments (merging ~600 one-transaction segments at
 * the end made that single-threaded step ~45 % longer). Measured at 100,000 reports: FTS
 * loading ~40 % less CPU than the defaults, 'optimize' ~13 % less.
 */
export function beginBulkLoad(db: Database.Database): void {
  db.exec(`INSERT INTO report_fts(report_fts, rank) VALUES ('automerge', 0);
           INSERT INTO report_fts(report_fts, rank) VALUES ('crisismerge', 64);`);
}

/** After a bulk load: merge settings back to FTS5's defaults (for later upserts), indexes, one FTS segment, statistics. */
export function finishBulkLoad(db: Database.Database): void {
  db.exec(`INSERT INTO report_fts(report_fts, rank) VALUES ('automerge', 4);
           INSERT INTO report_fts(report_fts, rank) VALUES ('crisismerge', 16);`);
  db.exec(INDEXES_SQL);
  db.exec(`INSERT INTO report_fts(report_fts) VALUES ('optimize')`);
  // Statistics steer only the plans over the filter columns (EXPLAIN QUERY PLAN of the engine's
  // and the bench's queries is the same as with a full ANALYZE); analysing `sections` would read
  // every section text in the file.
  db.exec('ANALYZE reports; ANALYZE report_themes;');
}

export function createSchema(db: Database.Database): void {
  db.exec(TABLES_SQL);
  db.prepare(`INSERT OR REPLACE INTO meta(key, value) VALUES ('schema', ?)`).run(SCHEMA_VERSION);
}

export type Writer = (rec: ReportRecord) => void;

/** Prepared statements for writing records; call inside a transaction. */
export function makeWriter(db: Database.Database): Writer {
  const findRid = db.prepare<[string], { rid: number }>(`SELECT rid FROM reports WHERE id = ?`);
  const insReport = db.prepare(
    `INSERT INTO reports(rid, id, agency, year, province, city, county, level, kind, checks_failed, version_of, synthetic, json)
     VALUES (@rid, @id, @agency, @year, @province, @city, @county, @level, @kind, @checks_failed, @version_of, @synthetic, @json)`,
  );
  const delReport = db.prepare(`DELETE FROM reports WHERE rid = ?`);
  const delThemes = db.prepare(`DELETE FROM report_themes WHERE rid = ?`);
  const delSections = db.prepare(`DELETE FROM sections WHERE sid BETWEEN ? AND ?`);
  const delFts = db.prepare(`DELETE FROM report_fts WHERE rowid = ?`);
  const insTheme = db.prepare(`INSERT OR IGNORE INTO report_themes(label, rid) VALUES (?, ?)`);
  const insSection = db.prepare(`INSERT INTO sections(sid, key, title, text) VALUES (?, ?, ?, ?)`);
  const insFts = db.prepare(`INSERT INTO report_fts(rowid, grams) VALUES (?, ?)`);
  const writeFigures = makeFigureWriter(db);
  const maxRid = db.prepare<[], { m: number | null }>(`SELECT max(rid) AS m FROM reports`);
  let next = (maxRid.get()?.m ?? 0) + 1;

  return (rec) => {
    const old = findRid.get(rec.id);
    let rid: number;
    if (old) {
      // Replace in place, keeping the rowid so FTS rowids stay in the report's slot range.
      rid = old.rid;
      const lo = rid * SECTION_SLOTS;
      delFts.run(rid);
      delSections.run(lo, lo + SECTION_SLOTS - 1);
      delThemes.run(rid);
      delReport.run(rid);
    } else rid = next++;
    const f = facetFields(rec);
    insReport.run({
      rid,
      id: rec.id,
      agency: f.agency,
      year: f.year,
      province: f.province,
      city: f.city,
      county: f.county,
      level: f.level,
      kind: f.kind,
      checks_failed: f.checks_failed,
      version_of: f.version_of,
      synthetic: f.synthetic ? 1 : 0,
      // Section texts live once, in `sections`; the JSON keeps the rest (getReport reassembles).
      json: JSON.stringify(rec.sections.length > SECTION_SLOTS ? rec : { ...rec, sections: [] }),
    });
    for (const label of f.themes) insTheme.run(label, rid);
    writeFigures(rid, rec); // replaces the row of the same rid
    // More sections than slots is not a real report shape; fold the overflow into the last slot.
    const secs = rec.sections.slice(0, SECTION_SLOTS);
    if (rec.sections.length > SECTION_SLOTS) {
      const last = secs[SECTION_SLOTS - 1];
      secs[SECTION_SLOTS - 1] = { ...last, text: rec.sections.slice(SECTION_SLOTS - 1).map((s) => s.text).join('\n') };
    }
    secs.forEach((s, i) => insSection.run(rid * SECTION_SLOTS + i, s.key, s.title, s.text));
    // Each section's heading is searchable with its text ("主动公开" finds a report whose only
    // mention of it is the heading 二、主动公开政府信息情况). Joined at a line break, a non-letter:
    // each piece's last character stands alone, so no bigram spans a heading and a text or two
    // sections. Markers (U+E000/E001) are not letters: never indexed.
    insFts.run(rid, gramsForIndex(secs.map((s) => (s.title ? `${s.title}\n${s.text}` : s.text)).join('\n')));
  };
}
