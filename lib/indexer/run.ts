/**
 * The indexing pipeline: files → parseReportFile → engine.rebuild, streamed (one bounded window
 * of parsed records in memory), with per-file failures collected rather than fatal, and a
 * status file for /api/status. The CLI (scripts/index.ts) only wires this to the terminal.
 */
import os from 'node:os';
import path from 'node:path';
import { parseReportFile } from '../parse/index';
import { isFailure, type ParseResult, type ReportRecord } from '../types';
import type { SearchEngine } from '../search/types';
import { findReportFiles } from './walk';
import { createParsePool } from './pool';
import { writeIndexStatus, type IndexFailure, type IndexStatus } from './status';

export interface IndexProgress {
  total: number;
  /** files parsed so far (indexed or failed) */
  done: number;
  indexed: number;
  failed: number;
  elapsedMs: number;
}

export interface IndexOptions {
  dir: string;
  engine: SearchEngine;
  /** where index-status.json goes (default env().dataDir) */
  dataDir?: string;
  /** files parsed concurrently (reading is I/O, parsing is CPU: a small window is enough) */
  concurrency?: number;
  onProgress?: (p: IndexProgress) => void;
  onFailure?: (f: IndexFailure) => void;
  /** the parser, replaceable in tests (then always in this thread) */
  parse?: (file: string) => Promise<ParseResult>;
  /**
   * Parser threads: default one per CPU (at most 4) when there are 50+ files, else 0 (parse in
   * this thread; a few files do not repay starting threads). The main thread writes the index.
   */
  workers?: number;
}

export class NothingToIndexError extends Error {}

/**
 * Parse every report file under `dir` and rebuild the engine's index from them. When no file
 * yields a report, the live index is left untouched (and the status says so).
 */
export async function indexDirectory(opts: IndexOptions): Promise<IndexStatus> {
  const started = new Date();
  const t0 = Date.now();
  const files = await findReportFiles(opts.dir);
  const workers = opts.parse ? 0 : (opts.workers ?? (files.length >= 50 ? Math.min(4, os.availableParallelism()) : 0));
  const pool = workers > 0 ? createParsePool(workers) : null;
  const parse = opts.parse ?? (pool ? pool.parse : parseReportFile);
  // Enough files in flight to keep every parser thread busy while the index is being written.
  const window = Math.max(1, opts.concurrency ?? 8, workers * 16);
  const failures: IndexFailure[] = [];
  const seenIds = new Map<string, string>();
  const stats = { done: 0, indexed: 0, warnings: 0, checksFailed: 0, duplicates: 0 };
  const progress = () =>
    opts.onProgress?.({ total: files.length, done: stats.done, indexed: stats.indexed, failed: failures.length, elapsedMs: Date.now() - t0 });

  /** Parsed results in file order, with up to `window` files being read ahead. */
  async function* parsed(): AsyncGenerator<ReportRecord> {
    const pending: Promise<ParseResult>[] = [];
    let next = 0;
    const fill = () => {
      while (pending.length < window && next < files.length) pending.push(parse(files[next++]).catch((e) => ({ file: files[next - 1], error: String(e) })));
    };
    fill();
    while (pending.length) {
      const res = await pending.shift()!;
      fill();
      stats.done++;
      const rel = path.relative(opts.dir, res.file) || res.file;
      if (isFailure(res)) {
        const f = { file: rel, reason: res.error };
        failures.push(f);
        opts.onFailure?.(f);
      } else {
        // Paths relative to the corpus folder: portable, and no server paths on pages.
        res.file = rel;
        if (seenIds.has(res.id)) {
          stats.duplicates++;
          res.warnings.push(`与 ${seenIds.get(res.id)} 是同一机关同一年度的报告，以本文件为准`);
        }
        seenIds.set(res.id, rel);
        stats.indexed++;
        stats.warnings += res.warnings.length;
        if (res.checks.some((c) => !c.ok)) stats.checksFailed++;
        yield res;
      }
      progress();
    }
  }

  let swapped = false;
  let error: string | undefined;
  try {
    const records = parsed();
    // Look for the first good record before touching the index: no reports → no swap.
    const first = await records.next();
    if (!first.done) {
      const head = first.value;
      async function* all(): AsyncGenerator<ReportRecord> {
        yield head;
        yield* records;
      }
      try {
        await opts.engine.rebuild(all());
        swapped = true;
      } catch (e) {
        error = e instanceof Error ? e.message : String(e);
      }
    }
  } finally {
    // Threads keep the process alive: always stop them.
    await pool?.close();
  }

  const status: IndexStatus = {
    startedAt: started.toISOString(),
    finishedAt: new Date().toISOString(),
    engine: opts.engine.name,
    source: path.resolve(opts.dir),
    found: files.length,
    indexed: swapped ? stats.indexed : 0,
    failed: failures.length,
    warnings: stats.warnings,
    checksFailed: stats.checksFailed,
    duplicates: stats.duplicates,
    swapped,
    seconds: (Date.now() - t0) / 1000,
    failures,
    ...(error ? { error } : {}),
  };
  await writeIndexStatus(status, opts.dataDir);
  return status;
}
