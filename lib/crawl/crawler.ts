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
import { decodeHtml } from './charset';
import { isAttachmentUrl, isPagerLink, looksLikeReport, reportLinkYear, yearOf, ATTACHMENT_EXTENSIONS } from './classify';
import { Fetcher, type FetchResult } from './fetcher';
import { CrawlHttpError } from './http';
import { Journal, type JournalEvent, type Outcome, type Task } from './journal';
import { extractLinks, type PageLinks } from './links';
import { userAgent } from './politeness';
import type { Seed } from './seeds';
import { CorpusStore, sha256, type StoredFile } from './store';
import { sameGovernment, sameSite } from './url';

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

export interface CrawlCounts {
  pages: number;
  /** report pages and report files discovered */
  found: number;
  /** stored for the first time */
  fetched: number;
  /** stored as a new version of a changed report */
  versions: number;
  unchanged: number;
  failed: number;
  blocked: number;
  limited: number;
}

export interface CrawlProgress extends CrawlCounts {
  sites: number;
  sitesDone: number;
  queued: number;
  elapsedMs: number;
  /** null until there is a rate to extrapolate from */
  etaMs: number | null;
}

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

/** Report links taken from one list page: a real page lists 15–50; more is a generated page. */
export const MAX_REPORT_LINKS = 200;

interface SiteState {
  seed: Seed;
  queue: Task[];
  /** list pages fetched (what --max-pages counts) */
  listPages: number;
  done: number;
  started: boolean;
  finished: boolean;
  limitLogged: boolean;
}

const ATTACHMENT_TEXT = new RegExp(`(${ATTACHMENT_EXTENSIONS.map((e) => `\\${e}`).join('|')})\\s*$`, 'i');
const isHtmlType = (ct: string | null) => /^\s*(text\/html|application\/xhtml\+xml)/i.test(ct ?? '');
/** PDF, ZIP (docx/xlsx) and OLE (doc/xls/wps) signatures: bytes a misconfigured server calls text/html. */
const BINARY_MAGIC = [Buffer.from('%PDF-'), Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from([0xd0, 0xcf, 0x11, 0xe0])];
const isBinary = (body: Buffer) => BINARY_MAGIC.some((m) => body.subarray(0, m.length).equals(m));

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

  const fetcher = new Fetcher({ userAgent: ua, timeoutMs: opts.timeoutMs, maxBytes: opts.maxBytes, delayMs: opts.delayMs, retries: opts.retries, retryBaseMs: opts.retryBaseMs, maxRetryAfterMs: opts.maxRetryAfterMs, maxCrawlDelayMs: opts.maxCrawlDelayMs, log });

  const counts: CrawlCounts = { pages: 0, found: 0, fetched: 0, versions: 0, unchanged: 0, failed: 0, blocked: 0, limited: 0 };
  const failures: CrawlSummary['failures'] = [];
  const sitesFailed: CrawlSummary['sitesFailed'] = [];
  const sitesLimited: string[] = [];
  const seen = new Set<string>();
  const done = new Set<string>();
  const sites: SiteState[] = opts.seeds.map((seed, i) => {
    seen.add(seed.url);
    return { seed, queue: [{ url: seed.url, kind: 'list', site: i }], listPages: 0, done: 0, started: false, finished: false, limitLogged: false };
  });
  let doneThisProcess = 0;

  const tally = (ev: Extract<JournalEvent, { t: 'done' }>) => {
    const site = sites[ev.site];
    done.add(ev.url);
    site.done++;
    const fetchedPage = ev.kind !== 'file' && !['limited', 'blocked'].includes(ev.outcome);
    if (fetchedPage) counts.pages++;
    // a report page read as a list (not a report itself) counts as a list page: chains of them are bounded too
    if (fetchedPage && (ev.kind === 'list' || (ev.kind === 'report' && ev.outcome === 'page'))) site.listPages++;
    if (ev.outcome === 'new') counts.fetched++;
    else if (ev.outcome === 'version') counts.versions++;
    else if (ev.outcome === 'unchanged') counts.unchanged++;
    else if (ev.outcome === 'failed') counts.failed++;
    else if (ev.outcome === 'blocked') counts.blocked++;
    else if (ev.outcome === 'limited') counts.limited++;
    if (ev.outcome === 'failed' || ev.outcome === 'blocked') failures.push({ url: ev.url, reason: ev.reason ?? ev.outcome });
    if (ev.kind === 'list' && ev.url === site.seed.url && (ev.outcome === 'failed' || ev.outcome === 'blocked')) sitesFailed.push({ seed: ev.url, reason: ev.reason ?? ev.outcome });
    if (ev.outcome === 'limited' && !sitesLimited.includes(site.seed.url)) sitesLimited.push(site.seed.url);
    if (ev.final) seen.add(ev.final);
    for (const child of ev.children ?? []) enqueue(child);
  };
  const enqueue = (t: Task) => {
    if (seen.has(t.url)) return;
    seen.add(t.url);
    // a report is found once, by its link on a list page (its attachments are the same report)
    if (t.kind !== 'list' && t.referrer === t.listPage) counts.found++;
    sites[t.site].queue.push(t);
  };

  if (previous) {
    for (const ev of previous.events) tally(ev);
    for (const s of sites) s.queue = s.queue.filter((t) => !done.has(t.url));
  }

  const record = (ev: Extract<JournalEvent, { t: 'done' }>) => {
    journal.append(ev);
    doneThisProcess++;
    tally(ev);
  };

  const progress = (): CrawlProgress => {
    const queued = sites.reduce((a, s) => a + s.queue.length, 0);
    const started = sites.filter((s) => s.started || s.finished);
    const avg = started.length ? started.reduce((a, s) => a + s.done + s.queue.length, 0) / started.length : 0;
    const remaining = queued + (sites.length - started.length) * avg;
    const elapsed = Date.now() - t0;
    const rate = doneThisProcess / Math.max(1, elapsed);
    return { ...counts, sites: sites.length, sitesDone: sites.filter((s) => s.finished).length, queued, elapsedMs: elapsed, etaMs: rate > 0 && doneThisProcess >= 3 ? remaining / rate : null };
  };
  const timer = opts.onProgress ? setInterval(() => opts.onProgress!(progress()), opts.progressMs ?? 5000) : null;

  async function fetchTask(task: Task, prev: StoredFile | undefined): Promise<FetchResult> {
    const seed = sites[task.site].seed.url;
    const headers: Record<string, string> = {};
    if (prev && task.kind !== 'list') {
      if (prev.sidecar.etag) headers['if-none-match'] = prev.sidecar.etag;
      if (prev.sidecar.lastModified) headers['if-modified-since'] = prev.sidecar.lastModified;
    }
    const allow = task.kind === 'file' ? (u: string) => sameGovernment(seed, u) : (u: string) => sameSite(seed, u);
    return fetcher.get(task.url, allow, headers);
  }

  function save(task: Task, res: FetchResult, title: string): { outcome: Outcome; file: string } {
    const site = sites[task.site];
    const { stored, outcome } = store.save(res.body, {
      sourceUrl: res.url,
      capturedAt: new Date().toISOString(),
      url: task.url,
      ...(res.redirects.length ? { redirects: res.redirects } : {}),
      ...(task.referrer ? { referrer: task.referrer } : {}),
      ...(task.listPage ? { listPage: task.listPage } : {}),
      seed: site.seed.url,
      httpStatus: res.status,
      contentType: res.headers.get('content-type'),
      etag: res.headers.get('etag'),
      lastModified: res.headers.get('last-modified'),
      title,
      ...(task.linkText ? { linkText: task.linkText } : {}),
      ...(task.year ? { year: task.year } : {}),
      ...(site.seed.agency ? { agency: site.seed.agency } : {}),
      ...(site.seed.province ? { province: site.seed.province } : {}),
      userAgent: ua,
      crawlRun: run,
    });
    return { outcome: outcome === 'new' ? 'new' : outcome === 'version' ? 'version' : 'unchanged', file: stored.file };
  }

  /** `pageUrl`: the list page's URL after redirects, recorded as the reports' list page. */
  function listChildren(task: Task, page: PageLinks, pageUrl: string): Task[] {
    const seed = sites[task.site].seed.url;
    const kids: Task[] = [];
    let reports = 0;
    for (const link of page.links) {
      const year = reportLinkYear(link);
      if (year) {
        if (opts.since && year < opts.since) continue;
        if (++reports > MAX_REPORT_LINKS) continue;
        const isFile = isAttachmentUrl(link.url) || ATTACHMENT_TEXT.test(link.text);
        if (isFile ? !sameGovernment(seed, link.url) : !sameSite(seed, link.url)) continue;
        kids.push({ url: link.url, kind: isFile ? 'file' : 'report', site: task.site, referrer: pageUrl, listPage: pageUrl, linkText: link.text || link.title, title: link.title || link.text, year });
      } else if (isPagerLink(link) && sameSite(seed, link.url)) {
        kids.push({ url: link.url, kind: 'list', site: task.site, referrer: pageUrl });
      }
    }
    for (const url of page.scriptPages) if (sameSite(seed, url)) kids.push({ url, kind: 'list', site: task.site, referrer: pageUrl });
    return kids;
  }

  /** `pageUrl`: where the page really is (after redirects), which is what links to the files. */
  function attachmentChildren(task: Task, page: PageLinks, pageUrl: string): Task[] {
    const seed = sites[task.site].seed.url;
    return page.links
      .filter((l) => (isAttachmentUrl(l.url) || ATTACHMENT_TEXT.test(l.text)) && sameGovernment(seed, l.url))
      .map((l) => {
        // a link naming its report (a year's sub-column lists several) says more than the page title
        const named = reportLinkYear(l);
        return { url: l.url, kind: 'file' as const, site: task.site, referrer: pageUrl, listPage: task.listPage, linkText: l.text || l.title, title: (named && (l.title || l.text)) || page.title || task.title, year: named ?? task.year ?? yearOf(page.title) ?? undefined };
      });
  }

  function pageOf(body: Buffer, contentType: string | null, url: string): PageLinks {
    return extractLinks(decodeHtml(body, contentType).text, url);
  }

  /** The attachments of a report page stored earlier, read from the stored copy (no request). */
  function storedChildren(task: Task, prev: StoredFile): Task[] {
    if (task.kind !== 'report' || !/\.html?$/.test(prev.file)) return [];
    return attachmentChildren(task, pageOf(fs.readFileSync(store.abs(prev)), prev.sidecar.contentType, prev.sidecar.sourceUrl), prev.sidecar.sourceUrl);
  }

  async function runTask(task: Task): Promise<void> {
    const site = sites[task.site];
    const base: { url: string; site: number; kind: Task['kind']; final?: string } = { url: task.url, site: task.site, kind: task.kind };
    if (task.kind === 'list' && site.listPages >= opts.maxPages) {
      if (!site.limitLogged) log(`site ${site.seed.url}: page limit ${opts.maxPages} reached; its remaining list pages are skipped (a calendar or query-string trap, or raise --max-pages)`);
      site.limitLogged = true;
      record({ t: 'done', ...base, outcome: 'limited' });
      return;
    }
    const prev = store.get(task.url);
    // Killed after storing a file but before journalling it: the sidecar says this run has it.
    if (prev && task.kind !== 'list' && (prev.sidecar.crawlRun === run || prev.sidecar.checkedRun === run)) {
      const children = storedChildren(task, prev);
      record({ t: 'done', ...base, outcome: prev.sidecar.crawlRun === run ? (prev.file.includes('~') ? 'version' : 'new') : 'unchanged', file: prev.file, children });
      return;
    }
    let res: FetchResult;
    try {
      res = await fetchTask(task, prev);
    } catch (e) {
      const err = e instanceof CrawlHttpError ? e : new CrawlHttpError(task.url, 'network', `${task.url}: ${(e as Error).message}`);
      const blocked = err.reason === 'robots';
      log(`${blocked ? 'robots' : '✗'} ${err.message}`);
      record({ t: 'done', ...base, outcome: blocked ? 'blocked' : 'failed', reason: err.message });
      return;
    }
    // a page reached through a redirect is not fetched again when linked by its final URL
    if (res.redirects.length) base.final = res.url;
    const ct = res.headers.get('content-type');
    if (res.status === 304) {
      if (!prev) {
        record({ t: 'done', ...base, outcome: 'failed', reason: `${task.url}: HTTP 304 to an unconditional request` });
        return;
      }
      store.touch(prev, new Date().toISOString(), run);
      const children = storedChildren(task, prev);
      record({ t: 'done', ...base, outcome: 'unchanged', file: prev.file, children });
      return;
    }
    const html = !isBinary(res.body) && (isHtmlType(ct) || (!ct && /^\s*<(!doctype|html)/i.test(res.body.subarray(0, 200).toString('latin1'))));
    if (task.kind === 'list') {
      if (!html) {
        record({ t: 'done', ...base, outcome: 'failed', reason: `${task.url}: not an HTML list page (${ct ?? 'no Content-Type'})` });
        return;
      }
      record({ t: 'done', ...base, outcome: 'page', children: listChildren(task, pageOf(res.body, ct, res.url), res.url) });
      return;
    }
    if (!html) {
      const saved = save(task, res, task.title ?? task.linkText ?? '');
      record({ t: 'done', ...base, ...saved });
      return;
    }
    const page = pageOf(res.body, ct, res.url);
    const children = attachmentChildren(task, page, res.url);
    if (looksLikeReport(page.text)) {
      const saved = save(task, res, page.title || task.title || '');
      record({ t: 'done', ...base, ...saved, children });
    } else if (task.kind === 'report') {
      // Not a report itself: an announcement with attachments, or a sub-column (2023年度年报 →
      // the departments' reports of that year), whose report links and pagination are followed.
      const asList = site.listPages < opts.maxPages ? listChildren(task, page, res.url) : [];
      record({ t: 'done', ...base, outcome: 'page', children: [...children, ...asList] });
    } else {
      record({ t: 'done', ...base, outcome: 'failed', reason: `${task.url}: an HTML page without a report, where a report file was linked` });
    }
  }

  async function runSite(site: SiteState): Promise<void> {
    site.started = true;
    try {
      while (site.queue.length) await runTask(site.queue.shift()!);
    } catch (e) {
      // a bug or disk error on one site is reported, and the other sites go on
      const reason = `${site.seed.url}: ${(e as Error).message}`;
      log(`✗ site stopped: ${reason}`);
      sitesFailed.push({ seed: site.seed.url, reason });
    } finally {
      site.finished = true;
    }
  }

  const queue = new PQueue({ concurrency: Math.max(1, opts.concurrency) });
  try {
    await Promise.all(sites.map((s) => queue.add(() => runSite(s))));
    journal.append({ t: 'end', run, at: new Date().toISOString() });
  } finally {
    if (timer) clearInterval(timer);
    journal.close();
    unlock();
  }
  if (opts.onProgress) opts.onProgress(progress());
  const summary: CrawlSummary = { run, resumed: !!previous, sites: sites.length, sitesFailed, sitesLimited, failures, requests: fetcher.requests, elapsedMs: Date.now() - t0, out, ...counts };
  fs.writeFileSync(path.join(stateDir, 'last-summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
  return summary;
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
