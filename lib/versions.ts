/**
 * Versions of one report: the rules for which file of a report is THE report, in one place.
 *
 * Two files with one id (same agency and year, lib/parse/identity.ts) but different bytes are
 * versions of one report: a re-publication, or a broken download. The most complete version is
 * canonical (it keeps the id, and is what search, facets, timelines and exports count); newer
 * time only breaks ties, so a truncated copy that happens to be newer on disk never replaces the
 * full report. Older versions are indexed under `${canonicalId}-${sha256 8 hex}` with
 * `versionOf: canonicalId`, and are left out of search unless asked for (include_versions).
 */
import type { ReportRecord } from './types';

export interface Completeness {
  /** parts of the report found (sections other than the preface) */
  parts: number;
  /** statistics tables read (active, requests, appeals) */
  tables: number;
  /** characters of section text */
  chars: number;
}

export function completeness(rec: Pick<ReportRecord, 'sections' | 'figures'>): Completeness {
  let chars = 0;
  let parts = 0;
  for (const s of rec.sections) {
    chars += s.text.length;
    if (s.key !== 'preface') parts++;
  }
  const tables = Object.values(rec.figures ?? {}).filter((f) => f !== null && f !== undefined).length;
  return { parts, tables, chars };
}

/**
 * Texts whose lengths differ by at most this share of the longer one count as equally complete:
 * a corrected re-publication (a figure changed, a sentence reworded) is a few characters shorter
 * or longer than the file it corrects, and then the newer one must win. A truncated copy that
 * keeps every part and table yet loses less than 1 % of the text has lost at most a signature.
 */
export const CHARS_TOLERANCE = 0.01;

/** > 0 when `a` is more complete than `b`, < 0 when less, 0 when as complete (then time decides). */
export function compareCompleteness(a: Completeness, b: Completeness): number {
  if (a.parts !== b.parts) return a.parts - b.parts;
  if (a.tables !== b.tables) return a.tables - b.tables;
  const longer = Math.max(a.chars, b.chars);
  if (Math.abs(a.chars - b.chars) <= longer * CHARS_TOLERANCE) return 0;
  return a.chars - b.chars;
}

/** One line, in Chinese, saying how much of the report a file holds. */
export function completenessText(c: Completeness): string {
  return `${c.parts} 个部分、${c.tables} 张统计表、${c.chars} 字`;
}

/** Id of an older version: the canonical id plus the first 8 hex of the file's sha256. */
export function versionId(canonicalId: string, sha256: string): string {
  return `${canonicalId}-${sha256.slice(0, 8)}`;
}

const VERSION_SUFFIX = /^(.+)-[0-9a-f]{8}$/;

/**
 * Agency timelines and "other years" show one report per year: drop a ref whose id is another
 * listed ref's id plus a version suffix (refs carry ids only).
 */
export function withoutOlderVersions<T extends { id: string }>(refs: T[]): T[] {
  const ids = new Set(refs.map((r) => r.id));
  return refs.filter((r) => {
    const m = VERSION_SUFFIX.exec(r.id);
    return !(m && ids.has(m[1]));
  });
}
