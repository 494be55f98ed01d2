/**
 * npm run bench -- [--reports N] [--seed S] [--engine sqlite|meilisearch|both] [--http-seconds S]
 *                  [--connections C] [--rounds R] [--like-rounds R] [--stress-seconds S] [--out DIR]
 *                  [--work DIR] [--keep]
 * npm run bench -- --compare A.json B.json …
 * Generates N reports, indexes them through the real pipeline, measures search latency,
 * recall/precision against a substring baseline, a LIKE scan (SQLite), HTTP under load and the
 * stress phases (search p99 during 8 broad exports; report and agency pages at 64 connections:
 * --stress-seconds, default --http-seconds, 0 skips them); prints one table per engine and writes
 * bench/results/<timestamp>-N[-engine].json. With more than one engine (or --compare with result
 * files), one more table puts the engines side by side.
 * Meilisearch needs MEILI_HOST and MEILI_MASTER_KEY; it gets a fresh index, deleted afterwards.
 * See docs/benchmark.md.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runBench } from '../tools/bench/run';
import { formatComparison, formatTable } from '../tools/bench/report';
import type { BenchEngine, BenchResult } from '../tools/bench/run';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    options: {
      reports: { type: 'string', default: '5000' },
      engine: { type: 'string', default: 'sqlite' },
      compare: { type: 'boolean', default: false },
      seed: { type: 'string', default: 'bench' },
      'http-seconds': { type: 'string', default: '20' },
      connections: { type: 'string', default: '16' },
      rounds: { type: 'string', default: '5' },
      'like-rounds': { type: 'string', default: '1' },
      'stress-seconds': { type: 'string' },
      out: { type: 'string', default: path.join(ROOT, 'bench', 'results') },
      work: { type: 'string' },
      keep: { type: 'boolean', default: false },
      quiet: { type: 'boolean', short: 'q', default: false },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
  });
  if (values.help) {
    console.log(fs.readFileSync(new URL(import.meta.url), 'utf8').split('*/')[0]);
    return 0;
  }
  const int = (name: string, v: string, min: number) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer ≥ ${min}, got ${v}`);
    return n;
  };
  const opts = {
    reports: int('reports', values.reports!, 1),
    seed: values.seed!,
    httpSeconds: int('http-seconds', values['http-seconds']!, 0),
    connections: int('connections', values.connections!, 1),
    rounds: int('rounds', values.rounds!, 1),
    likeRounds: int('like-rounds', values['like-rounds']!, 1),
    ...(values['stress-seconds'] !== undefined ? { stressSeconds: int('stress-seconds', values['stress-seconds'], 0) } : {}),
    workDir: values.work ? path.resolve(values.work) : undefined,
    keep: values.keep,
  };
  if (values.compare) {
    const results = positionals.map((f) => JSON.parse(fs.readFileSync(f, 'utf8')) as BenchResult);
    if (results.length < 2) throw new Error('--compare needs two or more result files');
    console.log(formatComparison(results));
    return 0;
  }
  const engines: BenchEngine[] =
    values.engine === 'both' ? ['sqlite', 'meilisearch'] : values.engine === 'sqlite' || values.engine === 'meilisearch' ? [values.engine] : [];
  if (!engines.length) throw new Error(`--engine must be sqlite, meilisearch or both, got ${values.engine}`);
  const out = path.resolve(values.out!);
  fs.mkdirSync(out, { recursive: true });
  const results: BenchResult[] = [];
  for (const engine of engines) {
    const t0 = Date.now();
    const result = await runBench({ ...opts, engine, log: values.quiet ? undefined : (s) => console.error(`[bench ${engine}] ${s}`) });
    const suffix = engine === 'sqlite' ? '' : `-${engine}`;
    const file = path.join(out, `${result.startedAt.replace(/[:.]/g, '-')}-${opts.reports}${suffix}.json`);
    fs.writeFileSync(file, JSON.stringify(result, null, 2) + '\n');
    console.log(formatTable(result));
    console.log(`\n${engine}: ${opts.reports} reports, seed ${opts.seed}, ${((Date.now() - t0) / 1000).toFixed(0)} s in all; targets are for N = 100,000. JSON: ${path.relative(process.cwd(), file)}\n`);
    results.push(result);
  }
  if (results.length > 1) console.log(formatComparison(results));
  return 0;
}

main().then(
  (code) => (process.exitCode = code),
  (err) => {
    console.error(`✗ ${err instanceof Error ? err.stack : String(err)}`);
    process.exitCode = 1;
  },
);
