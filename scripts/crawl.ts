/**
 * npm run crawl -- --seeds FILE [--out DIR] [--since YEAR] [--max-pages N] [--delay SECONDS]
 *                  [--contact EMAIL_OR_URL] [--concurrency N] [--timeout SECONDS] [--retries N]
 *                  [--fresh] [--index]
 * npm run crawl -- --index [--out DIR]       (index the corpus folder only)
 * Crawls the 年报 columns listed in FILE into DIR (default REPORTS_DIR, else data/crawl), with
 * provenance sidecars; --index then rebuilds the search index from DIR (atomic swap).
 * Exit 0 when the crawl ran (individual failures are listed), 1 on bad usage or a fatal error.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { env } from '../lib/env';
import { crawl, DEFAULTS } from '../lib/crawl/crawler';
import { formatProgress, formatSummary } from '../lib/crawl/progress';
import { readSeeds } from '../lib/crawl/seeds';
import { createEngine } from '../lib/search/index';
import { indexDirectory } from '../lib/indexer/run';
import { makeReporter } from '../lib/indexer/progress';
import { runMain } from './run-main';

const USAGE = 'usage: npm run crawl -- --seeds FILE [--out DIR] [--since YEAR] [--max-pages N] [--delay SECONDS] [--contact EMAIL] [--index]';

function num(name: string, v: string | undefined, min: number): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n < min) throw new Error(`--${name}: expected a number ≥ ${min}, got ${v}`);
  return n;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      seeds: { type: 'string' },
      out: { type: 'string' },
      since: { type: 'string' },
      'max-pages': { type: 'string' },
      delay: { type: 'string' },
      timeout: { type: 'string' },
      retries: { type: 'string' },
      'retry-base': { type: 'string' },
      'max-bytes': { type: 'string' },
      concurrency: { type: 'string' },
      contact: { type: 'string' },
      progress: { type: 'string' },
      fresh: { type: 'boolean' },
      index: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || (!values.seeds && !values.index)) {
    console.error(USAGE);
    return values.help ? 0 : 1;
  }
  const out = path.resolve(values.out ?? env().REPORTS_DIR ?? path.join(env().dataDir, 'crawl'));

  if (values.seeds) {
    const seeds = readSeeds(values.seeds);
    const contact = values.contact ?? env().CRAWL_CONTACT;
    if (!contact) console.error('! no contact set (--contact or CRAWL_CONTACT): webmasters cannot reach you, and some block anonymous crawlers');
    const delaySec = num('delay', values.delay, 0);
    const summary = await crawl({
      seeds,
      out,
      since: num('since', values.since, 1990),
      maxPages: num('max-pages', values['max-pages'], 1) ?? DEFAULTS.maxPages,
      delayMs: delaySec !== undefined ? delaySec * 1000 : DEFAULTS.delayMs,
      timeoutMs: (num('timeout', values.timeout, 0.001) ?? DEFAULTS.timeoutMs / 1000) * 1000,
      retries: num('retries', values.retries, 0) ?? DEFAULTS.retries,
      retryBaseMs: (num('retry-base', values['retry-base'], 0) ?? DEFAULTS.retryBaseMs / 1000) * 1000,
      maxBytes: num('max-bytes', values['max-bytes'], 1) ?? DEFAULTS.maxBytes,
      maxRetryAfterMs: DEFAULTS.maxRetryAfterMs,
      maxCrawlDelayMs: DEFAULTS.maxCrawlDelayMs,
      concurrency: num('concurrency', values.concurrency, 1) ?? DEFAULTS.concurrency,
      contact,
      fresh: values.fresh,
      progressMs: (num('progress', values.progress, 0.01) ?? (process.stderr.isTTY ? 2 : 10)) * 1000,
      log: (line) => console.error(line),
      onProgress: (p) => console.error(formatProgress(p)),
    });
    console.error(formatSummary(summary));
  }

  if (values.index) {
    const engine = createEngine();
    const rep = makeReporter(process.stderr);
    console.error(`Indexing ${out} into ${engine.name === 'sqlite' ? env().dataDir : engine.name} …`);
    try {
      const status = await indexDirectory({ dir: out, engine, onProgress: rep.progress, onFailure: rep.failure });
      rep.summary(status);
      if (!(status.swapped && status.indexed > 0)) return 1;
    } finally {
      await engine.close();
    }
  }
  return 0;
}

runMain(main);
