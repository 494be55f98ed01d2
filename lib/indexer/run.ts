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
import { findReportFiles, type SkippedFile } from './walk';
import { createParsePool } from './pool';
import { readIndexStatus, writeIndexStatus, type IndexFailure, type IndexStatus } from './status';
import { VersionTracker, type VersionMeta } from './versions';
import { compareCompleteness, completeness, completenessText, versionId } from '../versions';

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

/**
 * Parse every report file under `dir` and rebuild the engine's index from them. When no file
 * yields a report, the live index is left untouched (and the status says so).
 */
export async function indexDirectory(opts: IndexOptions): Promise<IndexStatus> {
  const started = new Date();
  const t0 = Date.now();
  // Build files of runs killed mid-build (their disk space comes back now; the status keeps a note).
  const aborted = (await opts.engine.removeAbandonedBuilds?.()) ?? [];
  const previous = await readIndexStatus(opts.dataDir).catch(() => null);
  const skipped: SkippedFile[] = [];
  const files = await findReportFiles(opts.dir, skipped);
  const workers = opts.parse ? 0 : (opts.workers ?? (files.length >= 50 ? Math.min(4, os.availableParallelism()) : 0));
  const pool = workers > 0 ? createParsePool(workers) : null;
  const parse = opts.parse ?? (pool ? pool.parse : parseReportFile);
  // With parser threads, enough files in flight to keep them busy through a whole synchronous
  // write batch (engine.rebuild flushes 500 records at a time; the threads would idle otherwise).
  // Parsed records are ~30 KB: 1,000 ahead is ~30 MB.
  const window = Math.max(1, opts.concurrency ?? 8, workers ? 1000 : 0);
  const failures: IndexFailure[] = [];
  /** files kept only as a less complete version of another file of the same report */
  const incomplete: IndexFailure[] = [];
  const versions = new VersionTracker();
  const stats = { done: 0, indexed: 0, warnings: 0, checksFailed: 0, duplicates: 0, versions: 0 };
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
        const meta: VersionMeta = {
          file: rel,
          abs: path.resolve(opts.dir, rel),
          sha256: res.source?.sha256 ?? '',
          capturedAt: res.source?.capturedAt,
          completeness: completeness(res),
        };
        const seen = versions.get(res.id);
        if (seen && (!meta.sha256 || seen.some((v) => v.sha256 === meta.sha256))) {
          // The same bytes twice (or a parser without sha256): one report, keep the first file.
          stats.duplicates++;
        } else {
          if (seen) {
            stats.versions++;
            const canonical = await versions.canonical(res.id);
            if ((await versions.compare(meta, canonical)) > 0) {
              // The newcomer is at least as complete and newer (or more complete): it takes the
              // canonical id (replacing the holder in the index), and the previous holder is read
              // again and indexed under its version id.
              const older = await parse(canonical.abs).catch((e) => ({ file: canonical.abs, error: String(e) }));
              if (!isFailure(older)) {
                older.file = canonical.file;
                yield asVersion(older, res.id, canonical, meta, incomplete);
              }
              versions.add(res.id, meta, true);
            } else {
              versions.add(res.id, meta, false);
              asVersion(res, res.id, meta, canonical, incomplete);
            }
          } else versions.add(res.id, meta, true);
          stats.indexed++;
          stats.warnings += res.warnings.length;
          if (res.checks.some((c) => !c.ok)) stats.checksFailed++;
          yield res;
        }
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
        // Canonical records learn their versions once every file has been seen (rare: small upsert).
        await attachVersions(opts.engine, versions);
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
    versions: stats.versions,
    ...(incomplete.length ? { incomplete } : {}),
    swapped,
    builtAt: swapped ? new Date().toISOString() : (previous?.builtAt ?? (previous?.swapped ? previous.finishedAt : null)),
    seconds: (Date.now() - t0) / 1000,
    failures,
    skipped,
    ...(error ? { error } : {}),
    ...(aborted.length ? { aborted } : {}),
  };
  await writeIndexStatus(status, opts.dataDir);
  return status;
}

/**
 * A version that is not canonical: indexed under its version id, pointing at the canonical id.
 * One less complete than the canonical file (a truncated download, a page that lost its tables)
 * is also listed in the run's status with a one-line reason, and says so in its own warnings.
 */
function asVersion(
  rec: ReportRecord,
  canonicalId: string,
  own: VersionMeta,
  canonical: VersionMeta,
  incomplete?: IndexFailure[],
): ReportRecord {
  rec.id = versionId(canonicalId, own.sha256);
  rec.versionOf = canonicalId;
  if (compareCompleteness(own.completeness, canonical.completeness) < 0) {
    const reason = `不完整：只有 ${completenessText(own.completeness)}，同一报告的 ${canonical.file} 有 ${completenessText(canonical.completeness)}；作为旧版本 ${rec.id} 保留，未替换完整版本`;
    rec.warnings.push(reason);
    incomplete?.push({ file: own.file, reason });
  }
  return rec;
}

async function attachVersions(engine: SearchEngine, versions: VersionTracker): Promise<void> {
  const updates: ReportRecord[] = [];
  for (const [id, list] of versions.repeated()) {
    const rec = await engine.getReport(id);
    if (!rec) continue;
    const canonical = list[0].completeness;
    rec.versions = list.map((v) => ({
      id: v.canonical ? id : versionId(id, v.sha256),
      sha256: v.sha256,
      ...(v.capturedAt ? { capturedAt: v.capturedAt } : {}),
      file: v.file,
      ...(compareCompleteness(v.completeness, canonical) < 0 ? { incomplete: true as const } : {}),
    }));
    updates.push(rec);
  }
  if (updates.length) await engine.upsert(updates);
}
