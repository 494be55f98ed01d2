/**
 * The whole benchmark: generate → index (child process) → latency → recall/precision → LIKE
 * scan → HTTP, one result object (written as JSON by scripts/bench.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createEngine } from '../search/index';
import { DEFAULT_DB_FILE } from '../search/sqlite';
import { DEFAULT_FACET_LIMIT } from '../search/types';
import { computeBaseline, type Baseline } from './baseline';
import { writeCorpus, type CorpusStats } from './corpus';
import { hasBuild, measureHttp, type HttpResult } from './http';
import { runIndexer, type IndexingResult } from './indexing';
import { measureLatency, type LatencyResult } from './latency';
import { measureLike, type LikeResult } from './like';
import { loadAvg } from './proc';
import { DEFAULT_QUERIES_FILE, loadQueries } from './queries';
import { measureQuality, type QualityResult } from './recall';
import { evaluateTargets, type TargetCheck } from './targets';

export interface BenchOptions {
  reports: number;
  seed: string;
  /** seconds of load per HTTP target; 0 skips the HTTP phase */
  httpSeconds: number;
  connections: number;
  /** seconds per stress phase (exports beside searches, pages at 64 connections); 0 skips them */
  stressSeconds?: number;
  /** rounds over the query set for latency (the first is the cold one) */
  rounds: number;
  likeRounds: number;
  queriesFile?: string;
  /** temp folder for corpus and index (default: a new one under os.tmpdir()) */
  workDir?: string;
  keep?: boolean;
  /** progress lines */
  log?: (s: string) => void;
}

export interface BenchResult {
  version: 1;
  startedAt: string;
  finishedAt: string;
  options: Omit<BenchOptions, 'log'>;
  machine: { cpus: number; node: string; loadavg: Record<string, string>; totalMemMB: number };
  corpus: CorpusStats;
  indexing: IndexingResult;
  /** facets as the site asks for them (DEFAULT_FACET_LIMIT values each): the targets apply here */
  search: LatencyResult;
  /** every value of every facet, on a fresh engine */
  searchEveryValue: LatencyResult;
  quality: QualityResult;
  baseline: { seconds: number; counts: number[] };
  like: LikeResult & { ratioP50: number; ratioP95: number; countsAgree: boolean };
  http: HttpResult | { skipped: true; reason: string };
  index: { bytes: number; file: string };
  targets: TargetCheck[];
}

export async function runBench(opts: BenchOptions): Promise<BenchResult> {
  const log = opts.log ?? (() => {});
  const startedAt = new Date().toISOString();
  const loadavg: Record<string, string> = { start: loadAvg() };
  const work = opts.workDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-bench-'));
  const corpusDir = path.join(work, 'corpus');
  const dataDir = path.join(work, 'data');
  const dbFile = path.join(dataDir, DEFAULT_DB_FILE);
  fs.rmSync(corpusDir, { recursive: true, force: true });
  fs.rmSync(dataDir, { recursive: true, force: true });
  const queries = loadQueries(opts.queriesFile ?? DEFAULT_QUERIES_FILE);
  try {
    log(`generating ${opts.reports} reports (seed ${opts.seed}) into ${corpusDir}`);
    const corpus = writeCorpus(corpusDir, opts.reports, opts.seed);
    log(`  ${corpus.reports} reports, ${(corpus.bytes / 1048576).toFixed(1)} MB in ${corpus.seconds.toFixed(1)} s`);

    log('indexing (child process: lib/indexer, the pipeline `npm run index` runs)');
    loadavg.beforeIndex = loadAvg();
    const indexing = await runIndexer({ corpusDir, dataDir, corpusBytes: corpus.bytes, dbFile });
    loadavg.afterIndex = loadAvg();
    log(`  ${indexing.reports} reports in ${indexing.seconds.toFixed(1)} s, peak RSS ${indexing.peakRssMB.toFixed(0)} MB`);

    const engine = createEngine({ kind: 'sqlite', dataDir });
    let search: LatencyResult;
    let searchEveryValue: LatencyResult;
    let quality: QualityResult;
    let baseline: Baseline;
    try {
      log(`search latency: ${queries.length} queries × ${opts.rounds} rounds`);
      // As the site asks (page and /api/search): every facet, its DEFAULT_FACET_LIMIT most frequent values.
      search = await measureLatency(engine, queries, opts.rounds, DEFAULT_FACET_LIMIT);
      loadavg.afterSearch = loadAvg();
      log(`  p50 ${search.all.p50.toFixed(1)} ms, p95 ${search.all.p95.toFixed(1)} ms, p99 ${search.all.p99.toFixed(1)} ms`);
      // For comparison, every value of every facet (20,000 agencies at 100k), on a fresh engine
      // (its own empty caches; the OS file cache is warm from the first run, which flatters it).
      const fresh = createEngine({ kind: 'sqlite', dataDir });
      try {
        searchEveryValue = await measureLatency(fresh, queries, opts.rounds, 0);
      } finally {
        await fresh.close();
      }
      log(`  every facet value: p50 ${searchEveryValue.all.p50.toFixed(1)} ms, p95 ${searchEveryValue.all.p95.toFixed(1)} ms, p99 ${searchEveryValue.all.p99.toFixed(1)} ms`);
      log('baseline: exact substring over every record (engine.getReport)');
      baseline = await computeBaseline(engine, queries);
      log(`  ${baseline.seconds.toFixed(1)} s`);
      log('recall/precision: paging through every result');
      quality = await measureQuality(engine, queries, baseline);
      log(`  recall ${(quality.recall * 100).toFixed(2)} %, precision ${(quality.precision * 100).toFixed(2)} % (${quality.pagesFetched} pages, ${quality.seconds.toFixed(1)} s)`);
    } finally {
      await engine.close();
    }

    log(`LIKE scan: ${opts.likeRounds} round(s)`);
    const likeRaw = measureLike(dbFile, queries, opts.likeRounds);
    const like = {
      ...likeRaw,
      // Against the engine's cold (first) runs: the LIKE scan runs each query once, uncached, and
      // a warm engine query (~0.03 ms from the result cache) would make the ratio meaningless.
      ratioP50: likeRaw.latency.p50 / search.cold.p50,
      ratioP95: likeRaw.latency.p95 / search.cold.p95,
      countsAgree: likeRaw.counts.every((c, i) => c === baseline.counts[i]),
    };
    log(`  p50 ${like.latency.p50.toFixed(1)} ms (${like.ratioP50.toFixed(1)}× the engine's first runs)`);

    let http: BenchResult['http'];
    if (opts.httpSeconds <= 0) http = { skipped: true, reason: '--http-seconds 0' };
    else {
      if (!hasBuild()) {
        log('no production build (.next/BUILD_ID): running next build');
        const { ensureBuild } = await import('../../scripts/prestart');
        ensureBuild();
      }
      log(`HTTP: next start, ${opts.connections} connections × ${opts.httpSeconds} s per target`);
      loadavg.beforeHttp = loadAvg();
      http = await measureHttp({
        dataDir,
        appDir: path.join(work, 'app'),
        queries,
        seconds: opts.httpSeconds,
        connections: opts.connections,
        stressSeconds: opts.stressSeconds ?? opts.httpSeconds,
        log,
      });
      for (const t of http.targets) log(`  ${t.name}: ${t.requestsPerSec.toFixed(0)} req/s, p99 ${t.p99} ms, ${t.non2xx + t.errors} errors`);
    }
    loadavg.end = loadAvg();

    const result: BenchResult = {
      version: 1,
      startedAt,
      finishedAt: new Date().toISOString(),
      options: { ...opts, log: undefined } as Omit<BenchOptions, 'log'>,
      machine: { cpus: os.cpus().length, node: process.version, loadavg, totalMemMB: Math.round(os.totalmem() / 1048576) },
      corpus,
      indexing,
      search,
      searchEveryValue,
      quality,
      baseline: { seconds: baseline.seconds, counts: baseline.counts },
      like,
      http,
      index: { bytes: fs.statSync(dbFile).size, file: dbFile },
      targets: [],
    };
    result.targets = evaluateTargets(result);
    return result;
  } finally {
    if (!opts.keep && !opts.workDir) fs.rmSync(work, { recursive: true, force: true });
  }
}
