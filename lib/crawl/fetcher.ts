/**
 * A polite GET: robots.txt and the site rule checked on every redirect hop, one request at a
 * time per host with the configured pause, retries with exponential backoff on 5xx, 429 and
 * timeouts (p-retry), honouring Retry-After on 429/503, and conditional headers on request.
 */
import pRetry, { AbortError } from 'p-retry';
import { CrawlHttpError, request, type RawResponse, type RequestOptions } from './http';
import { HostGates, loadRobots, type RobotsRules } from './politeness';

export interface FetcherOptions extends RequestOptions {
  delayMs: number;
  retries: number;
  /** first backoff; doubles per attempt */
  retryBaseMs: number;
  /** a Retry-After longer than this gives up on the URL for this run */
  maxRetryAfterMs: number;
  /** robots.txt Crawl-delay is honoured up to this many ms */
  maxCrawlDelayMs: number;
  log: (line: string) => void;
}

export interface FetchResult extends RawResponse {
  /** URLs before the final one, when redirected */
  redirects: string[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class Fetcher {
  readonly gates: HostGates;
  private robots = new Map<string, Promise<RobotsRules>>();
  /** requests actually sent, by host (robots.txt included) */
  requests = 0;

  constructor(private readonly opts: FetcherOptions) {
    this.gates = new HostGates(opts.delayMs);
  }

  private rules(origin: string): Promise<RobotsRules> {
    let r = this.robots.get(origin);
    if (!r) {
      r = loadRobots(origin, (url) => this.gates.run(new URL(url).host, () => this.withRetries(url))).then((rules) => {
        if (rules.blockedBecause) this.opts.log(`robots: ${rules.blockedBecause}`);
        if (rules.crawlDelay) {
          const ms = Math.min(rules.crawlDelay * 1000, this.opts.maxCrawlDelayMs);
          this.gates.setHostDelay(new URL(origin).host, ms);
          this.opts.log(`robots: ${origin} asks for Crawl-delay ${rules.crawlDelay} s: pausing ${ms / 1000} s between requests`);
        }
        return rules;
      });
      this.robots.set(origin, r);
    }
    return r;
  }

  /**
   * GET `url`, following up to 5 redirects, each target accepted by `allow` and robots.txt.
   * Conditional headers go to every hop: the stored validators are the final resource's.
   * Throws CrawlHttpError (reason `robots` when robots.txt blocks, `off_site` when a redirect
   * leaves the site).
   */
  async get(url: string, allow: (u: string) => boolean, headers?: Record<string, string>): Promise<FetchResult> {
    const redirects: string[] = [];
    let current = url;
    for (let hop = 0; hop <= 5; hop++) {
      if (hop > 0 && !allow(current)) throw new CrawlHttpError(current, 'off_site', `${url}: redirects off the site to ${current}`);
      const u = new URL(current);
      const rules = await this.rules(u.origin);
      if (!rules.allowed(current)) {
        throw new CrawlHttpError(current, 'robots', rules.blockedBecause ? `${current}: ${rules.blockedBecause}` : `${current}: disallowed by ${u.origin}/robots.txt, not fetched`);
      }
      const res = await this.gates.run(u.host, () => this.withRetries(current, headers));
      if (!res.location) return { ...res, redirects };
      redirects.push(current);
      current = res.location;
    }
    throw new CrawlHttpError(url, 'redirect', `${url}: more than 5 redirects`);
  }

  private withRetries(url: string, headers?: Record<string, string>): Promise<RawResponse> {
    const host = new URL(url).host;
    return pRetry(
      async () => {
        this.requests++;
        try {
          return await request(url, { ...this.opts, headers: { ...this.opts.headers, ...headers } });
        } catch (e) {
          if (e instanceof CrawlHttpError && e.retryAfterMs !== undefined && e.retryAfterMs > this.opts.maxRetryAfterMs) {
            throw new AbortError(new CrawlHttpError(url, e.reason, `${e.message}: asks to come back after ${Math.round(e.retryAfterMs / 1000)} s; left for the next run`, e.status));
          }
          if (e instanceof CrawlHttpError && !e.transient) throw new AbortError(e);
          throw e;
        }
      },
      {
        retries: this.opts.retries,
        minTimeout: this.opts.retryBaseMs,
        factor: 2,
        maxTimeout: 120_000,
        onFailedAttempt: async ({ error, attemptNumber, retriesLeft }) => {
          if (retriesLeft <= 0) return;
          const wait = error instanceof CrawlHttpError ? error.retryAfterMs : undefined;
          this.opts.log(`retry ${attemptNumber}/${this.opts.retries}: ${error.message}${wait !== undefined ? ` (Retry-After ${Math.round(wait / 1000)} s)` : ''}`);
          if (wait) {
            // the host asked for a pause: nothing else goes to it meanwhile (we hold its slot)
            this.gates.holdOff(host, wait);
            await sleep(wait);
          }
        },
      },
    );
  }
}
