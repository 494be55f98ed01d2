/**
 * data/index-status.json: what the last `npm run index` did (written by lib/indexer), for the
 * engine facade, /api/status and the site footer. Outside lib/indexer so readers need not import
 * the indexer.
 */
import fs from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { env } from './env';
import type { MessageCode } from './messages';

export interface IndexFailure {
  file: string;
  /** one Chinese line: the problem and what to do */
  reason: string;
  /** the same, for machines (lib/messages.ts): `read.corrupt`, `parse.not_report`, …; absent in older status files */
  code?: MessageCode;
}

export interface IndexStatus {
  /** ISO time the run finished */
  finishedAt: string;
  startedAt: string;
  engine: string;
  source: string;
  found: number;
  indexed: number;
  failed: number;
  warnings: number;
  /** reports with at least one failed check */
  checksFailed: number;
  /** files with the same bytes as a file already indexed for that agency+year (skipped) */
  duplicates: number;
  /** older re-publications kept under a version id (same agency+year, different bytes) */
  versions?: number;
  /**
   * files less complete than another file of the same report (a truncated download, a page that
   * lost its tables): kept as older versions, never canonical; each with a one-line reason
   */
  incomplete?: IndexFailure[];
  /** false when nothing was indexed and the live index was left as it was */
  swapped: boolean;
  seconds: number;
  failures: IndexFailure[];
  /** files not read because of their extension (.doc, .xls, .zip …), each with a one-line reason */
  skipped?: IndexFailure[];
  /** the engine's error when the rebuild itself failed (the old index stays live) */
  error?: string;
  /** when an index was last put in place (kept from earlier runs when this one swapped nothing) */
  builtAt?: string | null;
  /** build files of earlier runs that were killed before finishing, found and removed by this run */
  aborted?: AbortedRun[];
}

export interface AbortedRun {
  /** the killed indexer's process id (from the build file's name) */
  pid: number;
  /** when its build file was last written: about when the run died */
  lastWriteAt: string;
  /** bytes of build and journal files removed */
  bytes: number;
  files: string[];
}

export const STATUS_FILE = 'index-status.json';

export function statusPath(dataDir = env().dataDir): string {
  return path.join(dataDir, STATUS_FILE);
}

/** The last run's status, or null when no index run has been recorded. */
export async function readIndexStatus(dataDir?: string): Promise<IndexStatus | null> {
  try {
    return JSON.parse(await fs.readFile(statusPath(dataDir), 'utf8')) as IndexStatus;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/** Written to a temp file then renamed, so a reader never sees half a JSON document. */
export async function writeIndexStatus(status: IndexStatus, dataDir?: string): Promise<void> {
  const p = statusPath(dataDir);
  await fs.mkdir(path.dirname(p), { recursive: true });
  const tmp = `${p}.${process.pid}.tmp`;
  await fs.writeFile(tmp, JSON.stringify(status, null, 2) + '\n');
  await fs.rename(tmp, p);
}

/**
 * True when the status file records a run that put an index in place: the index file should
 * then exist, and its absence is a fault rather than a new installation. Synchronous because
 * the engine asks while opening its file.
 */
export function indexWasBuilt(dataDir?: string): boolean {
  try {
    const s = JSON.parse(readFileSync(statusPath(dataDir), 'utf8')) as Partial<IndexStatus>;
    return s.swapped === true || (s.builtAt !== undefined && s.builtAt !== null);
  } catch {
    return false;
  }
}
