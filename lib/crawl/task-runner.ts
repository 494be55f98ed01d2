/**
 * One task of a site's queue: fetch a list page, report page or report file (conditionally when a
 * copy is stored), store what is a report, and record the outcome with the tasks it leads to.
 */
import fs from 'node:fs';
import { attachmentChildren, listChildren, pageOf } from './children';
import { looksLikeReport } from './classify';
import type { Fetcher, FetchResult } from './fetcher';
import { CrawlHttpError } from './http';
import type { Outcome, Task } from './journal';
import type { CorpusStore, StoredFile } from './store';
import type { DoneEvent, SiteState } from './tally';
import { sameGovernment, sameSite } from './url';

const isHtmlType = (ct: string | null) => /^\s*(text\/html|application\/xhtml\+xml)/i.test(ct ?? '');
/** PDF, ZIP (docx/xlsx) and OLE (doc/xls/wps) signatures: bytes a misconfigured server calls text/html. */
const BINARY_MAGIC = [Buffer.from('%PDF-'), Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from([0xd0, 0xcf, 0x11, 0xe0])];
const isBinary = (body: Buffer) => BINARY_MAGIC.some((m) => body.subarray(0, m.length).equals(m));

export interface TaskRunnerOptions {
  sites: SiteState[];
  store: CorpusStore;
  fetcher: Fetcher;
  /** this run's id, written into the sidecars */
  run: string;
  userAgent: string;
  maxPages: number;
  since?: number;
  record: (ev: DoneEvent) => void;
  log: (line: string) => void;
}

type Base = { url: string; site: number; kind: Task['kind']; final?: string };

export class TaskRunner {
  constructor(private readonly o: TaskRunnerOptions) {}

  async runTask(task: Task): Promise<void> {
    const { o } = this;
    const site = o.sites[task.site];
    const base: Base = { url: task.url, site: task.site, kind: task.kind };
    if (task.kind === 'list' && site.listPages >= o.maxPages) {
      if (!site.limitLogged) o.log(`site ${site.seed.url}: page limit ${o.maxPages} reached; its remaining list pages are skipped (a calendar or query-string trap, or raise --max-pages)`);
      site.limitLogged = true;
      o.record({ t: 'done', ...base, outcome: 'limited' });
      return;
    }
    const prev = o.store.get(task.url);
    // Killed after storing a file but before journalling it: the sidecar says this run has it.
    if (prev && task.kind !== 'list' && (prev.sidecar.crawlRun === o.run || prev.sidecar.checkedRun === o.run)) {
      const children = this.storedChildren(task, prev);
      o.record({ t: 'done', ...base, outcome: prev.sidecar.crawlRun === o.run ? (prev.file.includes('~') ? 'version' : 'new') : 'unchanged', file: prev.file, children });
      return;
    }
    let res: FetchResult;
    try {
      res = await this.fetchTask(task, prev);
    } catch (e) {
      const err = e instanceof CrawlHttpError ? e : new CrawlHttpError(task.url, 'network', `${task.url}: ${(e as Error).message}`);
      const blocked = err.reason === 'robots';
      o.log(`${blocked ? 'robots' : '✗'} ${err.message}`);
      o.record({ t: 'done', ...base, outcome: blocked ? 'blocked' : 'failed', reason: err.message });
      return;
    }
    // a page reached through a redirect is not fetched again when linked by its final URL
    if (res.redirects.length) base.final = res.url;
    if (res.status === 304) {
      if (!prev) {
        o.record({ t: 'done', ...base, outcome: 'failed', reason: `${task.url}: HTTP 304 to an unconditional request` });
        return;
      }
      o.store.touch(prev, new Date().toISOString(), o.run);
      const children = this.storedChildren(task, prev);
      o.record({ t: 'done', ...base, outcome: 'unchanged', file: prev.file, children });
      return;
    }
    this.received(task, base, res);
  }

  /** A response with a body: a list page, a report file, or an HTML page that may be a report. */
  private received(task: Task, base: Base, res: FetchResult): void {
    const { o } = this;
    const site = o.sites[task.site];
    const ct = res.headers.get('content-type');
    const html = !isBinary(res.body) && (isHtmlType(ct) || (!ct && /^\s*<(!doctype|html)/i.test(res.body.subarray(0, 200).toString('latin1'))));
    if (task.kind === 'list') {
      if (!html) {
        o.record({ t: 'done', ...base, outcome: 'failed', reason: `${task.url}: not an HTML list page (${ct ?? 'no Content-Type'})` });
        return;
      }
      o.record({ t: 'done', ...base, outcome: 'page', children: listChildren(task, pageOf(res.body, ct, res.url), res.url, site.seed.url, o.since) });
      return;
    }
    if (!html) {
      const saved = this.save(task, res, task.title ?? task.linkText ?? '');
      o.record({ t: 'done', ...base, ...saved });
      return;
    }
    const page = pageOf(res.body, ct, res.url);
    const children = attachmentChildren(task, page, res.url, site.seed.url);
    if (looksLikeReport(page.text)) {
      const saved = this.save(task, res, page.title || task.title || '');
      o.record({ t: 'done', ...base, ...saved, children });
    } else if (task.kind === 'report') {
      // Not a report itself: an announcement with attachments, or a sub-column (2023年度年报 →
      // the departments' reports of that year), whose report links and pagination are followed.
      const asList = site.listPages < o.maxPages ? listChildren(task, page, res.url, site.seed.url, o.since) : [];
      o.record({ t: 'done', ...base, outcome: 'page', children: [...children, ...asList] });
    } else {
      o.record({ t: 'done', ...base, outcome: 'failed', reason: `${task.url}: an HTML page without a report, where a report file was linked` });
    }
  }

  private async fetchTask(task: Task, prev: StoredFile | undefined): Promise<FetchResult> {
    const seed = this.o.sites[task.site].seed.url;
    const headers: Record<string, string> = {};
    if (prev && task.kind !== 'list') {
      if (prev.sidecar.etag) headers['if-none-match'] = prev.sidecar.etag;
      if (prev.sidecar.lastModified) headers['if-modified-since'] = prev.sidecar.lastModified;
    }
    const allow = task.kind === 'file' ? (u: string) => sameGovernment(seed, u) : (u: string) => sameSite(seed, u);
    return this.o.fetcher.get(task.url, allow, headers);
  }

  private save(task: Task, res: FetchResult, title: string): { outcome: Outcome; file: string } {
    const { o } = this;
    const site = o.sites[task.site];
    const { stored, outcome } = o.store.save(res.body, {
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
      userAgent: o.userAgent,
      crawlRun: o.run,
    });
    return { outcome: outcome === 'new' ? 'new' : outcome === 'version' ? 'version' : 'unchanged', file: stored.file };
  }

  /** The attachments of a report page stored earlier, read from the stored copy (no request). */
  private storedChildren(task: Task, prev: StoredFile): Task[] {
    if (task.kind !== 'report' || !/\.html?$/.test(prev.file)) return [];
    const seed = this.o.sites[task.site].seed.url;
    return attachmentChildren(task, pageOf(fs.readFileSync(this.o.store.abs(prev)), prev.sidecar.contentType, prev.sidecar.sourceUrl), prev.sidecar.sourceUrl, seed);
  }
}
