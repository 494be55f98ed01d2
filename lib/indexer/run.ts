/**
 * The indexing pipeline: files → processFile → engine.rebuild, streamed (one bounded window
 * of parsed records in memory), with per-file failures collected rather than fatal, and a
 * status file for /api/status. The CLI (scripts/index.ts) only wires this to the terminal.
 */
import os from 'node:os';
import path from 'node:path';
import { processFile } from './pipeline';
import { isFailure, type ParseFailure, type ParseResult, type ReportRecord } from '../types';
import { addMessage, stageMessage } from '../messages';
import type { SearchEngine } from '../search/types';
import { findReportFiles, type SkippedFile } from './walk';
import { createParsePool, type ParsePool } from './pool';
import { readIndexStatus, writeIndexStatus, type AbortedRun, type IndexFailure, type IndexStatus } from '../index-status';
import { VersionTracker, type VersionMeta } from './run-versions';
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

/** Everything one run tracks, from the walk to the status file. */
interface Run {
  opts: IndexOptions;
  started: Date;
  t0: number;
  files: string[];
  skipped: SkippedFile[];
  /** build files of runs killed mid-build (their disk space comes back now; the status keeps a note) */
  aborted: AbortedRun[];
  previous: IndexStatus | null;
  pool: ParsePool | null;
  parse: (file: string) => Promise<ParseResult>;
  /** files parsed ahead of the one being written */
  window: number;
  failures: IndexFailure[];
  /** files kept only as a less complete version of another file of the same report */
  incomplete: IndexFailure[];
  versions: VersionTracker;
  stats: { done: number; indexed: number; warnings: number; checksFailed: number; duplicates: number; versions: number };
}

/**
 * Parse every report file under `dir` and rebuild the engine's index from them. When no file
 * yields a report, the live index is left untouched (and the status says so).
 */
export async function indexDirectory(opts: IndexOptions): Promise<IndexStatus> {
  const run = await startRun(opts);
  let outcome: RebuildOutcome;
  try {
    outcome = await rebuildFrom(opts.engine, records(run), run.versions);
  } finally {
    // Threads keep the process alive: always stop them.
    await run.pool?.close();
  }
  const status = runStatus(run, outcome);
  await writeIndexStatus(status, opts.dataDir);
  return status;
}

async function startRun(opts: IndexOptions): Promise<Run> {
  const started = new Date();
  const t0 = Date.now();
  const aborted = (await opts.engine.removeAbandonedBuilds?.()) ?? [];
  const previous = await readIndexStatus(opts.dataDir).catch(() => null);
  const skipped: SkippedFile[] = [];
  const files = await findReportFiles(opts.dir, skipped);
  const workers = opts.parse ? 0 : (opts.workers ?? (files.length >= 50 ? Math.min(4, os.availableParallelism()) : 0));
  const pool = workers > 0 ? createParsePool(workers) : null;
  const parse = opts.parse ?? (pool ? pool.parse : processFile);
  // With parser threads, enough files in flight to keep them busy through a whole synchronous
  // write batch (engine.rebuild flushes 500 records at a time; the threads would idle otherwise).
  // Parsed records are ~30 KB: 1,000 ahead is ~30 MB.
  const window = Math.max(1, opts.concurrency ?? 8, workers ? 1000 : 0);
  return {
    opts, started, t0, files, skipped, aborted, previous, pool, parse, window,
    failures: [],
    incomplete: [],
    versions: new VersionTracker(),
    stats: { done: 0, indexed: 0, warnings: 0, checksFailed: 0, duplicates: 0, versions: 0 },
  };
}

/** A parser that threw instead of returning `{ file, error }` (a worker that died, a bug). */
function parseCrashed(file: string, e: unknown): ParseFailure {
  return { file, error: `解析出错：${e instanceof Error ? e.message : String(e)}`, code: 'index.parse_crashed' };
}

/** Parse results in file order, with up to `window` files being read ahead. */
async function* parseAhead(files: string[], parse: Run['parse'], window: number): AsyncGenerator<ParseResult> {
  const pending: Promise<ParseResult>[] = [];
  let next = 0;
  const fill = () => {
    while (pending.length < window && next < files.length) {
      const file = files[next++];
      pending.push(parse(file).catch((e) => parseCrashed(file, e)));
    }
  };
  fill();
  while (pending.length) {
    const res = await pending.shift()!;
    fill();
    yield res;
  }
}

/** The records to index, in file order; failures go to the run's list as they come. */
async function* records(run: Run): AsyncGenerator<ReportRecord> {
  const { opts, stats } = run;
  for await (const res of parseAhead(run.files, run.parse, run.window)) {
    stats.done++;
    // Paths relative to the corpus folder: portable, and no server paths on pages.
    const rel = path.relative(opts.dir, res.file) || res.file;
    if (isFailure(res)) {
      const f: IndexFailure = { file: rel, reason: res.error, code: res.code };
      run.failures.push(f);
      opts.onFailure?.(f);
    } else {
      res.file = rel;
      yield* admit(run, res);
    }
    opts.onProgress?.({
      total: run.files.length,
      done: stats.done,
      indexed: stats.indexed,
      failed: run.failures.length,
      elapsedMs: Date.now() - run.t0,
    });
  }
}

/**
 * One parsed report, placed among the other files of its agency and year: the same bytes again
 * are dropped, an older or less complete file is indexed as a version, and a newer or more
 * complete one takes the canonical id (the previous holder is read again as a version).
 */
async function* admit(run: Run, res: ReportRecord): AsyncGenerator<ReportRecord> {
  const { stats, versions } = run;
  const meta: VersionMeta = {
    file: res.file,
    abs: path.resolve(run.opts.dir, res.file),
    sha256: res.source?.sha256 ?? '',
    capturedAt: res.source?.capturedAt,
    completeness: completeness(res),
  };
  const seen = versions.get(res.id);
  if (seen && (!meta.sha256 || seen.some((v) => v.sha256 === meta.sha256))) {
    // The same bytes twice (or a parser without sha256): one report, keep the first file.
    stats.duplicates++;
    return;
  }
  if (seen) {
    stats.versions++;
    const canonical = await versions.canonical(res.id);
    if ((await versions.compare(meta, canonical)) > 0) {
      const older = await run.parse(canonical.abs).catch((e) => parseCrashed(canonical.abs, e));
      if (!isFailure(older)) {
        older.file = canonical.file;
        yield asVersion(older, res.id, canonical, meta, run.incomplete);
      }
      versions.add(res.id, meta, true);
    } else {
      versions.add(res.id, meta, false);
      asVersion(res, res.id, meta, canonical, run.incomplete);
    }
  } else versions.add(res.id, meta, true);
  stats.indexed++;
  stats.warnings += res.warnings.length;
  if (res.checks.some((c) => !c.ok)) stats.checksFailed++;
  yield res;
}

interface RebuildOutcome {
  swapped: boolean;
  error?: string;
}

/** Rebuild the index from the records; the first good record is awaited first: no reports → no swap. */
async function rebuildFrom(engine: SearchEngine, recs: AsyncGenerator<ReportRecord>, versions: VersionTracker): Promise<RebuildOutcome> {
  const first = await recs.next();
  if (first.done) return { swapped: false };
  const head = first.value;
  async function* all(): AsyncGenerator<ReportRecord> {
    yield head;
    yield* recs;
  }
  try {
    await engine.rebuild(all());
  } catch (e) {
    return { swapped: false, error: e instanceof Error ? e.message : String(e) };
  }
  try {
    // Canonical records learn their versions once every file has been seen (rare: small upsert).
    await attachVersions(engine, versions);
  } catch (e) {
    return { swapped: true, error: e instanceof Error ? e.message : String(e) };
  }
  return { swapped: true };
}

function runStatus(run: Run, { swapped, error }: RebuildOutcome): IndexStatus {
  const { opts, stats, previous } = run;
  return {
    startedAt: run.started.toISOString(),
    finishedAt: new Date().toISOString(),
    engine: opts.engine.name,
    source: path.resolve(opts.dir),
    found: run.files.length,
    indexed: swapped ? stats.indexed : 0,
    failed: run.failures.length,
    warnings: stats.warnings,
    checksFailed: stats.checksFailed,
    duplicates: stats.duplicates,
    versions: stats.versions,
    ...(run.incomplete.length ? { incomplete: run.incomplete } : {}),
    swapped,
    builtAt: swapped ? new Date().toISOString() : (previous?.builtAt ?? (previous?.swapped ? previous.finishedAt : null)),
    seconds: (Date.now() - run.t0) / 1000,
    failures: run.failures,
    skipped: run.skipped,
    ...(error ? { error } : {}),
    ...(run.aborted.length ? { aborted: run.aborted } : {}),
  };
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
    const m = stageMessage(
      'index.incomplete_version',
      `不完整：只有 ${completenessText(own.completeness)}，同一报告的 ${canonical.file} 有 ${completenessText(canonical.completeness)}；作为旧版本 ${rec.id} 保留，未替换完整版本`,
    );
    addMessage(rec, m);
    incomplete?.push({ file: own.file, reason: m.message, code: m.code });
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
