/**
 * What a crawl has done so far: each site's queue and progress, the counts, failures and limited
 * sites, and the URLs already queued. Replaying a journal through it rebuilds a killed run's state.
 */
import type { JournalEvent, Task } from './journal';
import type { Seed } from './seeds';

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

export interface SiteState {
  seed: Seed;
  queue: Task[];
  /** list pages fetched (what --max-pages counts) */
  listPages: number;
  done: number;
  started: boolean;
  finished: boolean;
  limitLogged: boolean;
}

export type DoneEvent = Extract<JournalEvent, { t: 'done' }>;

export class Tally {
  readonly counts: CrawlCounts = { pages: 0, found: 0, fetched: 0, versions: 0, unchanged: 0, failed: 0, blocked: 0, limited: 0 };
  readonly failures: { url: string; reason: string }[] = [];
  readonly sitesFailed: { seed: string; reason: string }[] = [];
  readonly sitesLimited: string[] = [];
  readonly sites: SiteState[];
  /** tasks recorded by this process (not replayed), for the rate behind the ETA */
  doneThisProcess = 0;
  private readonly seen = new Set<string>();
  private readonly done = new Set<string>();

  constructor(seeds: Seed[], private readonly t0: number) {
    this.sites = seeds.map((seed, i) => {
      this.seen.add(seed.url);
      return { seed, queue: [{ url: seed.url, kind: 'list', site: i }], listPages: 0, done: 0, started: false, finished: false, limitLogged: false };
    });
  }

  /** Replays a killed run's finished tasks: their children are queued, the tasks themselves are not. */
  replay(events: DoneEvent[]): void {
    for (const ev of events) this.tally(ev);
    for (const s of this.sites) s.queue = s.queue.filter((t) => !this.done.has(t.url));
  }

  tally(ev: DoneEvent): void {
    const { counts } = this;
    const site = this.sites[ev.site];
    this.done.add(ev.url);
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
    if (ev.outcome === 'failed' || ev.outcome === 'blocked') this.failures.push({ url: ev.url, reason: ev.reason ?? ev.outcome });
    if (ev.kind === 'list' && ev.url === site.seed.url && (ev.outcome === 'failed' || ev.outcome === 'blocked')) this.sitesFailed.push({ seed: ev.url, reason: ev.reason ?? ev.outcome });
    if (ev.outcome === 'limited' && !this.sitesLimited.includes(site.seed.url)) this.sitesLimited.push(site.seed.url);
    if (ev.final) this.seen.add(ev.final);
    for (const child of ev.children ?? []) this.enqueue(child);
  }

  private enqueue(t: Task): void {
    if (this.seen.has(t.url)) return;
    this.seen.add(t.url);
    // a report is found once, by its link on a list page (its attachments are the same report)
    if (t.kind !== 'list' && t.referrer === t.listPage) this.counts.found++;
    this.sites[t.site].queue.push(t);
  }

  progress(): CrawlProgress {
    const { sites } = this;
    const queued = sites.reduce((a, s) => a + s.queue.length, 0);
    const started = sites.filter((s) => s.started || s.finished);
    const avg = started.length ? started.reduce((a, s) => a + s.done + s.queue.length, 0) / started.length : 0;
    const remaining = queued + (sites.length - started.length) * avg;
    const elapsed = Date.now() - this.t0;
    const rate = this.doneThisProcess / Math.max(1, elapsed);
    return { ...this.counts, sites: sites.length, sitesDone: sites.filter((s) => s.finished).length, queued, elapsedMs: elapsed, etaMs: rate > 0 && this.doneThisProcess >= 3 ? remaining / rate : null };
  }
}
