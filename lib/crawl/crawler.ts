/**
 * The crawl: sites (seeds) in parallel, each site's pages one after another (so one host sees
 * one request at a time), breadth first from the seed's list page: pagination → more list
 * pages; links naming a report → report pages or report files; report pages → their
 * attachments. Every finished task is journalled with what it discovered, so a killed crawl
 * resumes where it stopped; fetched files go to the corpus with provenance sidecars.
 */
import fs from 'node:fs';
import path from 'node:path';
import PQueue from 'p-queue';
import { Fetcher } from './fetcher';
import { Journal, type Replayed } from './journal';
import { userAgent } from './politeness';
import type { Seed } from './seeds';
import { CorpusStore, sha256 } from './store';
import { Tally, type CrawlCounts, type CrawlProgress, type DoneEvent, type SiteState } from './tally';
import { TaskRunner } from './task-runner';

export type { CrawlCounts, CrawlProgress } from './tally';
export { MAX_REPORT_LINKS } from './children';

export interface CrawlOptions {
  seeds: Seed[];
  /** the corpus folder (what `npm run index` reads) */
  out: string;
  /** skip reports whose link names an earlier year */
  since?: number;
  /**
   * List pages fetched per site at most. Traps (calendars, endless query strings) are chains of
   * list-like pages; report pages and files are bounded by what those pages link (at most
   * MAX_REPORT_LINKS each), so the whole site is bounded.
   */
  maxPages: number;
  /** pause between two requests to one host */
  delayMs: number;
  timeoutMs: number;
  maxBytes: number;
  retries: number;
  retryBaseMs: number;
  maxRetryAfterMs: number;
  maxCrawlDelayMs: number;
  /** how to reach whoever runs the crawl (in the User-Agent) */
  contact?: string;
  /** sites crawled at the same time */
  concurrency: number;
  /** start a new run even when an unfinished one is journalled */
  fresh?: boolean;
  progressMs?: number;
  log?: (line: string) => void;
  onProgress?: (p: CrawlProgress) => void;
}

export const DEFAULTS = {
  maxPages: 100,
  delayMs: 5_000,
  timeoutMs: 30_000,
  maxBytes: 20 * 1024 * 1024,
  retries: 3,
  retryBaseMs: 10_000,
  maxRetryAfterMs: 300_000,
  maxCrawlDelayMs: 60_000,
  concurrency: 16,
} satisfies Partial<CrawlOptions>;

export interface CrawlSummary extends CrawlCounts {
  run: string;
  resumed: boolean;
  sites: number;
  sitesFailed: { seed: string; reason: string }[];
  /** sites that hit the page limit (a trap, or a column larger than the limit) */
  sitesLimited: string[];
  failures: { url: string; reason: string }[];
  /** HTTP requests this process sent (robots.txt included) */
  requests: number;
  elapsedMs: number;
  out: string;
}

export class CrawlLockedError extends Error {}

export async function crawl(opts: CrawlOptions): Promise<CrawlSummary> {
  const t0 = Date.now();
  const log = opts.log ?? (() => {});
  const out = path.resolve(opts.out);
  const stateDir = path.join(out, '.crawl');
  const ua = userAgent(opts.contact);
  fs.mkdirSync(stateDir, { recursive: true });
  const unlock = lock(stateDir);

  const store = new CorpusStore(out);
  store.load();
  const journal = new Journal(stateDir);
  const { run, previous } = beginRun(journal, opts, log);
  const fetcher = new Fetcher({ userAgent: ua, timeoutMs: opts.timeoutMs, maxBytes: opts.maxBytes, delayMs: opts.delayMs, retries: opts.retries, retryBaseMs: opts.retryBaseMs, maxRetryAfterMs: opts.maxRetryAfterMs, maxCrawlDelayMs: opts.maxCrawlDelayMs, log });
  const tally = new Tally(opts.seeds, t0);
  if (previous) tally.replay(previous.events);
  const record = (ev: DoneEvent) => {
    journal.append(ev);
    tally.doneThisProcess++;
    tally.tally(ev);
  };
  const runner = new TaskRunner({ sites: tally.sites, store, fetcher, run, userAgent: ua, maxPages: opts.maxPages, since: opts.since, record, log });
  const timer = opts.onProgress ? setInterval(() => opts.onProgress!(tally.progress()), opts.progressMs ?? 5000) : null;

  const queue = new PQueue({ concurrency: Math.max(1, opts.concurrency) });
  try {
    await Promise.all(tally.sites.map((s) => queue.add(() => runSite(s, runner, tally, log))));
    journal.append({ t: 'end', run, at: new Date().toISOString() });
  } finally {
    if (timer) clearInterval(timer);
    journal.close();
    unlock();
  }
  if (opts.onProgress) opts.onProgress(tally.progress());
  const { sitesFailed, sitesLimited, failures, counts } = tally;
  const summary: CrawlSummary = { run, resumed: !!previous, sites: tally.sites.length, sitesFailed, sitesLimited, failures, requests: fetcher.requests, elapsedMs: Date.now() - t0, out, ...counts };
  fs.writeFileSync(path.join(stateDir, 'last-summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
  return summary;
}

/** Resumes the journalled unfinished run for the same seeds and --since, or begins a new one. */
function beginRun(journal: Journal, opts: CrawlOptions, log: (line: string) => void): { run: string; previous: Replayed | null } {
  const seedsHash = sha256(JSON.stringify({ seeds: opts.seeds.map((s) => s.url), since: opts.since ?? null }));
  const previous = opts.fresh ? null : journal.unfinished(seedsHash);
  const run = previous?.run ?? new Date().toISOString().replace(/[-:.]/g, '').replace('T', '-');
  if (previous) {
    journal.resume();
    log(`resuming run ${run}: ${previous.events.length} tasks already done`);
  } else {
    if (journal.unfinishedRun()) log(`an unfinished run for other seeds or --since${opts.fresh ? ' (or --fresh)' : ''} is set aside; starting run ${run}`);
    journal.begin(run, seedsHash);
  }
  return { run, previous };
}

/** A site's tasks one after another (one request at a time per host); its failure stops only it. */
async function runSite(site: SiteState, runner: TaskRunner, tally: Tally, log: (line: string) => void): Promise<void> {
  site.started = true;
  try {
    while (site.queue.length) await runner.runTask(site.queue.shift()!);
  } catch (e) {
    // a bug or disk error on one site is reported, and the other sites go on
    const reason = `${site.seed.url}: ${(e as Error).message}`;
    log(`✗ site stopped: ${reason}`);
    tally.sitesFailed.push({ seed: site.seed.url, reason });
  } finally {
    site.finished = true;
  }
}

/** One crawl per corpus folder at a time; a lock left by a killed crawl is taken over. */
function lock(stateDir: string): () => void {
  const file = path.join(stateDir, 'lock');
  try {
    const pid = Number(fs.readFileSync(file, 'utf8'));
    if (pid && pid !== process.pid && alive(pid)) throw new CrawlLockedError(`${stateDir}: another crawl (pid ${pid}) is writing this folder`);
  } catch (e) {
    if (e instanceof CrawlLockedError) throw e;
  }
  fs.writeFileSync(file, String(process.pid));
  return () => fs.rmSync(file, { force: true });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
