/**
 * Indexing phase: the indexer runs as a child process (so its memory is its own), sampled from
 * /proc every 100 ms; its self-reported maxRSS is the authoritative peak.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { procMemory } from './proc';

export interface IndexingResult {
  reports: number;
  failed: number;
  seconds: number;
  reportsPerSec: number;
  mbPerSec: number;
  peakRssMB: number;
  indexBytes: number;
}

const CHILD = path.join(path.dirname(new URL(import.meta.url).pathname), 'index-child.ts');
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');

export async function runIndexer(opts: {
  corpusDir: string;
  dataDir: string;
  corpusBytes: number;
  /** the index's size once built (SQLite: the file; Meilisearch: the server's database) */
  indexBytes: () => Promise<number>;
  /** engine settings for the child (SEARCH_ENGINE, MEILI_INDEX) */
  engineEnv: Record<string, string>;
}): Promise<IndexingResult> {
  const t0 = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, opts.corpusDir], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: opts.dataDir, ...opts.engineEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let sampledPeak = 0;
  const timer = setInterval(() => {
    const m = child.pid ? procMemory(child.pid) : null;
    if (m && Number.isFinite(m.hwmMB)) sampledPeak = Math.max(sampledPeak, m.hwmMB);
  }, 100);
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  const code: number = await new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (c) => resolve(c ?? 1));
  });
  clearInterval(timer);
  const wall = (performance.now() - t0) / 1000;
  const line = out.trim().split('\n').pop() ?? '';
  if (code !== 0 || !line.startsWith('{')) throw new Error(`indexer exited with ${code}: ${err.slice(-2000)}`);
  const r = JSON.parse(line) as { seconds: number; indexed: number; failed: number; swapped: boolean; error: string | null; maxRssMB: number };
  if (!r.swapped) throw new Error(`indexer did not build an index: ${r.error ?? 'no reports'}`);
  // End to end = the whole child run, process start and module loading included.
  return {
    reports: r.indexed,
    failed: r.failed,
    seconds: wall,
    reportsPerSec: r.indexed / wall,
    mbPerSec: opts.corpusBytes / 1024 / 1024 / wall,
    peakRssMB: Math.max(r.maxRssMB, sampledPeak),
    indexBytes: await opts.indexBytes(),
  };
}
