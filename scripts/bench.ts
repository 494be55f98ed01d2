/**
 * npm run bench -- [--reports N] [--seed S] [--http-seconds S] [--connections C] [--rounds R]
 *                  [--like-rounds R] [--stress-seconds S] [--out DIR] [--work DIR] [--keep]
 * Generates N reports, indexes them through the real pipeline, measures search latency,
 * recall/precision against a substring baseline, a LIKE scan, HTTP under load and the stress
 * phases (search p99 during 8 broad exports; report and agency pages at 64 connections: --stress-seconds,
 * default --http-seconds, 0 skips them); prints one
 * table and writes bench/results/<timestamp>-N.json. See docs/benchmark.md.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runBench } from '../lib/bench/run';
import { formatTable } from '../lib/bench/report';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      reports: { type: 'string', default: '5000' },
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
  const t0 = Date.now();
  const result = await runBench({ ...opts, log: values.quiet ? undefined : (s) => console.error(`[bench] ${s}`) });
  const out = path.resolve(values.out!);
  fs.mkdirSync(out, { recursive: true });
  const file = path.join(out, `${result.startedAt.replace(/[:.]/g, '-')}-${opts.reports}.json`);
  fs.writeFileSync(file, JSON.stringify(result, null, 2) + '\n');
  console.log(formatTable(result));
  console.log(`\n${opts.reports} reports, seed ${opts.seed}, ${((Date.now() - t0) / 1000).toFixed(0)} s in all; targets are for N = 100,000. JSON: ${path.relative(process.cwd(), file)}`);
  return 0;
}

main().then(
  (code) => (process.exitCode = code),
  (err) => {
    console.error(`✗ ${err instanceof Error ? err.stack : String(err)}`);
    process.exitCode = 1;
  },
);
