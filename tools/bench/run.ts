/**
 * The whole benchmark: generate → index (child process) → latency → recall/precision → LIKE
 * scan → HTTP, one result object (written as JSON by scripts/bench.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createEngine } from '../../lib/search/index';
import { DEFAULT_DB_FILE } from '../../lib/search/sqlite';
import { DEFAULT_FACET_LIMIT } from '../../lib/search/types';
import { computeBaseline, type Baseline } from './baseline';
import { writeCorpus, type CorpusStats } from './corpus';
import { hasBuild, measureHttp, type HttpResult } from './http';
import { runIndexer, type IndexingResult } from './indexing';
import { measureLatency, type LatencyResult } from './latency';
import { measureLike, type LikeResult } from './like';
import { meiliMatchSet } from './meili-matches';
import { loadAvg } from './proc';
import { DEFAULT_QUERIES_FILE, loadQueries, type BenchQuery } from './queries';
import { measureQuality, type QualityResult } from './recall';
import { evaluateTargets, type TargetCheck } from './targets';

export type BenchEngine = 'sqlite' | 'meilisearch';

export interface BenchOptions {
  reports: number;
  /** default sqlite; meilisearch needs MEILI_HOST (and MEILI_MASTER_KEY) and uses its own index */
  engine?: BenchEngine;
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
  engine: BenchEngine;
  /** Meilisearch: the server's version (GET /version) */
  server?: { version: string; commit: string };
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
  /** SQLite only: a LIKE scan over the same database */
  like: (LikeResult & { ratioP50: number; ratioP95: number; countsAgree: boolean; skipped?: false }) | { skipped: true; reason: string };
  http: HttpResult | { skipped: true; reason: string };
  /** SQLite: the database file; Meilisearch: the server's used database size (GET /stats) */
  index: { bytes: number; file: string };
  targets: TargetCheck[];
}

/** What every phase of one run shares: folders, queries, the engine under test and load samples. */
interface BenchRun {
  opts: BenchOptions;
  log: (s: string) => void;
  work: string;
  corpusDir: string;
  dataDir: string;
  dbFile: string;
  queries: BenchQuery[];
  kind: BenchEngine;
  meili: Awaited<ReturnType<typeof meiliTarget>> | null;
  /** environment of the indexer and the HTTP server: which engine, which index */
  engineEnv: Record<string, string>;
  open: () => ReturnType<typeof createEngine>;
  loadavg: Record<string, string>;
}

export async function runBench(opts: BenchOptions): Promise<BenchResult> {
  const startedAt = new Date().toISOString();
  const run = await prepareRun(opts);
  try {
    const corpus = generateCorpus(run);
    const indexing = await indexCorpus(run, corpus);
    const { search, searchEveryValue, baseline, quality } = await measureSearch(run, corpus.reports);
    const like = likePhase(run, search, baseline);
    const http = await httpPhase(run);
    run.loadavg.end = loadAvg();
    const { meili, kind, loadavg, dbFile } = run;
    const result: BenchResult = {
      version: 1,
      engine: kind,
      ...(meili ? { server: meili.server } : {}),
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
      index: meili ? { bytes: await meili.usedBytes(), file: `${meili.host} (index ${meili.index})` } : { bytes: fs.statSync(dbFile).size, file: dbFile },
      targets: [],
    };
    result.targets = evaluateTargets(result);
    return result;
  } finally {
    if (!opts.keep && !opts.workDir) fs.rmSync(run.work, { recursive: true, force: true });
    if (run.meili && !opts.keep) await run.meili.drop();
  }
}

async function prepareRun(opts: BenchOptions): Promise<BenchRun> {
  const loadavg: Record<string, string> = { start: loadAvg() };
  const work = opts.workDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-bench-'));
  const corpusDir = path.join(work, 'corpus');
  const dataDir = path.join(work, 'data');
  fs.rmSync(corpusDir, { recursive: true, force: true });
  fs.rmSync(dataDir, { recursive: true, force: true });
  const queries = loadQueries(opts.queriesFile ?? DEFAULT_QUERIES_FILE);
  const kind = opts.engine ?? 'sqlite';
  const meili = kind === 'meilisearch' ? await meiliTarget() : null;
  const engineEnv: Record<string, string> = meili ? { SEARCH_ENGINE: 'meilisearch', MEILI_INDEX: meili.index } : { SEARCH_ENGINE: 'sqlite' };
  const open = () => createEngine(meili ? { kind, indexName: meili.index } : { kind, dataDir });
  const log = opts.log ?? (() => {});
  return { opts, log, work, corpusDir, dataDir, dbFile: path.join(dataDir, DEFAULT_DB_FILE), queries, kind, meili, engineEnv, open, loadavg };
}

function generateCorpus({ opts, log, corpusDir }: BenchRun): CorpusStats {
  log(`generating ${opts.reports} reports (seed ${opts.seed}) into ${corpusDir}`);
  const corpus = writeCorpus(corpusDir, opts.reports, opts.seed);
  log(`  ${corpus.reports} reports, ${(corpus.bytes / 1048576).toFixed(1)} MB in ${corpus.seconds.toFixed(1)} s`);
  return corpus;
}

async function indexCorpus(run: BenchRun, corpus: CorpusStats): Promise<IndexingResult> {
  const { log, meili, loadavg, dbFile } = run;
  log(`indexing into ${meili ? `Meilisearch ${meili.server.version} at ${meili.host}, index ${meili.index}` : 'SQLite'} (child process: lib/indexer, the pipeline \`npm run index\` runs)`);
  loadavg.beforeIndex = loadAvg();
  const indexBytes = meili ? meili.usedBytes : async () => fs.statSync(dbFile).size;
  const indexing = await runIndexer({ corpusDir: run.corpusDir, dataDir: run.dataDir, corpusBytes: corpus.bytes, indexBytes, engineEnv: run.engineEnv });
  loadavg.afterIndex = loadAvg();
  log(`  ${indexing.reports} reports in ${indexing.seconds.toFixed(1)} s, peak RSS ${indexing.peakRssMB.toFixed(0)} MB`);
  return indexing;
}

/** Latency as the site asks, latency over every facet value, then recall/precision against the substring baseline. */
async function measureSearch({ opts, log, queries, open, loadavg, meili }: BenchRun, reports: number) {
  const engine = open();
  try {
    log(`search latency: ${queries.length} queries × ${opts.rounds} rounds`);
    // As the site asks (page and /api/search): every facet, its DEFAULT_FACET_LIMIT most frequent values.
    const search = await measureLatency(engine, queries, opts.rounds, DEFAULT_FACET_LIMIT);
    loadavg.afterSearch = loadAvg();
    log(`  p50 ${search.all.p50.toFixed(1)} ms, p95 ${search.all.p95.toFixed(1)} ms, p99 ${search.all.p99.toFixed(1)} ms`);
    // For comparison, every value of every facet (20,000 agencies at 100k), on a fresh engine
    // (its own empty caches; the OS file cache is warm from the first run, which flatters it).
    const fresh = open();
    let searchEveryValue: LatencyResult;
    try {
      searchEveryValue = await measureLatency(fresh, queries, opts.rounds, 0);
    } finally {
      await fresh.close();
    }
    log(`  every facet value: p50 ${searchEveryValue.all.p50.toFixed(1)} ms, p95 ${searchEveryValue.all.p95.toFixed(1)} ms, p99 ${searchEveryValue.all.p99.toFixed(1)} ms`);
    log('baseline: exact substring over every record (engine.getReport)');
    const baseline: Baseline = await computeBaseline(engine, queries);
    log(`  ${baseline.seconds.toFixed(1)} s`);
    // Meilisearch re-ranks the whole match set for every page: its ids come in one request each.
    const matchSet = meili ? meiliMatchSet(meili.host, meili.apiKey, meili.index, reports) : undefined;
    log(`recall/precision: ${matchSet ? "each query's whole match set in one request" : 'paging through every result'}`);
    const quality: QualityResult = await measureQuality(engine, queries, baseline, matchSet);
    log(`  recall ${(quality.recall * 100).toFixed(2)} %, precision ${(quality.precision * 100).toFixed(2)} % (${quality.pagesFetched} pages, ${quality.seconds.toFixed(1)} s)`);
    return { search, searchEveryValue, baseline, quality };
  } finally {
    await engine.close();
  }
}

function likePhase({ opts, log, meili, dbFile, queries }: BenchRun, search: LatencyResult, baseline: Baseline): BenchResult['like'] {
  if (meili) return { skipped: true, reason: 'SQLite only (a LIKE scan of its database)' };
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
  return like;
}

async function httpPhase({ opts, log, work, dataDir, queries, engineEnv, loadavg }: BenchRun): Promise<BenchResult['http']> {
  if (opts.httpSeconds <= 0) return { skipped: true, reason: '--http-seconds 0' };
  if (!hasBuild()) {
    log('no production build (.next/BUILD_ID): running next build');
    const { ensureBuild } = await import('../../scripts/prestart');
    ensureBuild();
  }
  log(`HTTP: next start, ${opts.connections} connections × ${opts.httpSeconds} s per target`);
  loadavg.beforeHttp = loadAvg();
  const http = await measureHttp({
    dataDir,
    appDir: path.join(work, 'app'),
    queries,
    seconds: opts.httpSeconds,
    connections: opts.connections,
    stressSeconds: opts.stressSeconds ?? opts.httpSeconds,
    log,
    engineEnv,
  });
  for (const t of http.targets) log(`  ${t.name}: ${t.requestsPerSec.toFixed(0)} req/s, p99 ${t.p99} ms, ${t.non2xx + t.errors} errors`);
  return http;
}

/** The Meilisearch server of MEILI_HOST, a fresh index name on it, its size and cleanup. */
async function meiliTarget() {
  const { env } = await import('../../lib/env');
  const { Meilisearch } = await import('meilisearch');
  const e = env();
  if (!e.MEILI_HOST) throw new Error('--engine meilisearch needs MEILI_HOST (and MEILI_MASTER_KEY) pointing at a running server');
  const client = new Meilisearch({ host: e.MEILI_HOST, apiKey: e.MEILI_MASTER_KEY });
  const v = await client.getVersion();
  const index = `bench_${Date.now()}`;
  return {
    host: e.MEILI_HOST,
    apiKey: e.MEILI_MASTER_KEY,
    index,
    server: { version: v.pkgVersion, commit: v.commitSha },
    /** the server's whole database in use: run the benchmark on a server holding nothing else */
    usedBytes: async () => {
      const st = (await client.getStats()) as { databaseSize: number; usedDatabaseSize?: number };
      return st.usedDatabaseSize ?? st.databaseSize;
    },
    drop: async () => {
      for (const uid of [index, `${index}_records`]) await client.deleteIndexIfExists(uid).catch(() => {});
    },
  };
}
