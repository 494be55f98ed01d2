/**
 * Politeness: one request at a time per host with a pause between them (p-queue, concurrency 1,
 * the pause held inside the slot so no other request to that host starts during it), robots.txt
 * per origin (robots-parser), and the User-Agent that says who is asking and how to reach them.
 */
import PQueue from 'p-queue';
import robotsParser from 'robots-parser';
import type { RawResponse } from './http';

export const CRAWLER_NAME = 'NianbaoCrawler';

/** HTTP headers are bytes: the User-Agent stays ASCII (a non-ASCII contact is refused up front). */
export function userAgent(contact: string | undefined): string {
  if (contact && !/^[\x20-\x7e]+$/.test(contact)) throw new Error(`contact "${contact}": use ASCII only (an e-mail address or URL), it goes into the User-Agent header`);
  const who = contact ? `; contact: ${contact}` : '';
  return `Mozilla/5.0 (compatible; ${CRAWLER_NAME}/0.1; collects Chinese open-government annual reports (zhengfu xinxi gongkai niandu baogao) for research${who})`;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Per-host queues. `delayFor` may grow per host (robots.txt Crawl-delay, Retry-After). */
export class HostGates {
  private queues = new Map<string, PQueue>();
  private nextAt = new Map<string, number>();
  private extraDelay = new Map<string, number>();

  constructor(private readonly delayMs: number) {}

  setHostDelay(host: string, ms: number): void {
    this.extraDelay.set(host, ms);
  }

  delayOf(host: string): number {
    return Math.max(this.delayMs, this.extraDelay.get(host) ?? 0);
  }

  /** Hold the host for `ms` from now (a Retry-After): the next request waits at least that long. */
  holdOff(host: string, ms: number): void {
    this.nextAt.set(host, Math.max(this.nextAt.get(host) ?? 0, Date.now() + ms));
  }

  run<T>(host: string, task: () => Promise<T>): Promise<T> {
    let q = this.queues.get(host);
    if (!q) {
      q = new PQueue({ concurrency: 1 });
      this.queues.set(host, q);
    }
    return q.add(async () => {
      const wait = (this.nextAt.get(host) ?? 0) - Date.now();
      if (wait > 0) await sleep(wait);
      try {
        return await task();
      } finally {
        this.nextAt.set(host, Math.max(this.nextAt.get(host) ?? 0, Date.now() + this.delayOf(host)));
      }
    }) as Promise<T>;
  }
}

export interface RobotsRules {
  allowed(url: string): boolean;
  /** seconds asked for by Crawl-delay, if any */
  crawlDelay?: number;
  /** why everything is blocked when robots.txt could not be read */
  blockedBecause?: string;
}

/**
 * robots.txt of one origin, through `get` (the polite, retrying GET of the caller). Missing
 * (4xx) → everything allowed; a server error or no answer after the retries →
 * nothing allowed for this run (RFC 9309 §2.3.1.4: assume complete disallow), so an outage is
 * never read as permission.
 */
export async function loadRobots(origin: string, get: (url: string) => Promise<RawResponse>): Promise<RobotsRules> {
  const robotsUrl = `${origin}/robots.txt`;
  let url = robotsUrl;
  for (let hop = 0; hop < 5; hop++) {
    let res;
    try {
      res = await get(url);
    } catch (e) {
      const err = e as { status?: number; message: string };
      // 429 is a server asking for time, not a missing file: treated as unreachable
      if (err.status && err.status >= 400 && err.status < 500 && err.status !== 429) return { allowed: () => true };
      return { allowed: () => false, blockedBecause: `robots.txt unreadable (${err.message}): nothing fetched from ${origin} this run` };
    }
    if (res.location) {
      url = res.location;
      continue;
    }
    const robots = robotsParser(robotsUrl, res.body.toString('utf8'));
    // robots-parser matches a group by product token, so ask with the crawler's name, not the UA
    return {
      allowed: (u: string) => robots.isAllowed(u, CRAWLER_NAME) !== false,
      crawlDelay: robots.getCrawlDelay(CRAWLER_NAME),
    };
  }
  return { allowed: () => false, blockedBecause: `robots.txt redirects more than 5 times: nothing fetched from ${origin} this run` };
}
