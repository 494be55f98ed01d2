/**
 * Politeness through the real fetcher against small servers on 127.0.0.1: robots.txt groups and
 * Crawl-delay, a robots.txt that errors (nothing fetched), backoff on 5xx, the per-host pause,
 * and the User-Agent the server sees.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { Fetcher } from '../lib/crawl/fetcher';
import { userAgent } from '../lib/crawl/politeness';

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;
const servers: http.Server[] = [];
async function serve(handler: Handler): Promise<{ base: string; hits: { path: string; at: number; ua: string }[] }> {
  const hits: { path: string; at: number; ua: string }[] = [];
  const s = http.createServer((req, res) => {
    hits.push({ path: req.url ?? '', at: Date.now(), ua: String(req.headers['user-agent']) });
    handler(req, res);
  });
  servers.push(s);
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  return { base: `http://127.0.0.1:${(s.address() as AddressInfo).port}`, hits };
}
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

function fetcher(log: string[], delayMs = 0) {
  return new Fetcher({ userAgent: userAgent('ops@example.org'), timeoutMs: 2000, maxBytes: 1 << 20, delayMs, retries: 2, retryBaseMs: 50, maxRetryAfterMs: 5000, maxCrawlDelayMs: 1000, log: (l) => log.push(l) });
}
const any = () => true;

describe('robots.txt', () => {
  it('honours the group for NianbaoCrawler over *, and its Crawl-delay (capped)', async () => {
    const { base, hits } = await serve((req, res) => {
      if (req.url === '/robots.txt') return res.end('User-agent: *\nDisallow: /\n\nUser-agent: NianbaoCrawler\nDisallow: /private/\nCrawl-delay: 30\n');
      res.end('<html></html>');
    });
    const log: string[] = [];
    const f = fetcher(log);
    await f.get(`${base}/a.html`, any);
    await f.get(`${base}/b.html`, any);
    await expect(f.get(`${base}/private/c.html`, any)).rejects.toMatchObject({ reason: 'robots' });
    expect(hits.map((h) => h.path)).toEqual(['/robots.txt', '/a.html', '/b.html']);
    // Crawl-delay 30 s, capped at maxCrawlDelayMs (1 s) between requests to the host
    expect(hits[2].at - hits[1].at).toBeGreaterThanOrEqual(990);
    expect(log.join('\n')).toMatch(/Crawl-delay 30 s: pausing 1 s/);
    expect(hits[1].ua).toMatch(/NianbaoCrawler\/0\.1.*contact: ops@example\.org/);
  });

  it('an erroring robots.txt means nothing is fetched from that origin, said once', async () => {
    const { base, hits } = await serve((req, res) => {
      res.statusCode = req.url === '/robots.txt' ? 500 : 200;
      res.end('x');
    });
    const log: string[] = [];
    const f = fetcher(log);
    await expect(f.get(`${base}/a.html`, any)).rejects.toMatchObject({ reason: 'robots' });
    await expect(f.get(`${base}/b.html`, any)).rejects.toMatchObject({ reason: 'robots' });
    expect(hits.every((h) => h.path === '/robots.txt')).toBe(true);
    expect(log.filter((l) => l.includes('robots.txt unreadable'))).toHaveLength(1);
  });
});

describe('retries and pauses', () => {
  it('backs off on 5xx and succeeds; a 404 is not retried', async () => {
    let n = 0;
    const { base, hits } = await serve((req, res) => {
      if (req.url === '/robots.txt') return (res.statusCode = 404), res.end();
      if (req.url === '/flaky.html') return (res.statusCode = n++ < 2 ? 502 : 200), res.end('ok');
      res.statusCode = 404;
      res.end();
    });
    const f = fetcher([]);
    const r = await f.get(`${base}/flaky.html`, any);
    expect(r.body.toString()).toBe('ok');
    const flaky = hits.filter((h) => h.path === '/flaky.html');
    expect(flaky).toHaveLength(3);
    // exponential: ≥50 ms, then ≥100 ms
    expect(flaky[1].at - flaky[0].at).toBeGreaterThanOrEqual(45);
    expect(flaky[2].at - flaky[1].at).toBeGreaterThanOrEqual(95);
    await expect(f.get(`${base}/gone.html`, any)).rejects.toMatchObject({ reason: 'status', status: 404 });
    expect(hits.filter((h) => h.path === '/gone.html')).toHaveLength(1);
  });

  it('pauses between requests to one host, not across hosts', async () => {
    const a = await serve((req, res) => ((res.statusCode = req.url === '/robots.txt' ? 404 : 200), res.end('a')));
    const b = await serve((req, res) => ((res.statusCode = req.url === '/robots.txt' ? 404 : 200), res.end('b')));
    const f = fetcher([], 300);
    await Promise.all([f.get(`${a.base}/1`, any), f.get(`${a.base}/2`, any), f.get(`${b.base}/1`, any)]);
    const ah = a.hits.filter((h) => h.path !== '/robots.txt');
    expect(Math.abs(ah[1].at - ah[0].at)).toBeGreaterThanOrEqual(290);
    // b's first page did not wait for a's queue
    const bh = b.hits.find((h) => h.path === '/1')!;
    expect(bh.at).toBeLessThan(Math.max(ah[0].at, ah[1].at));
  });

  it('a redirect off the allowed hosts is refused', async () => {
    const { base } = await serve((req, res) => {
      if (req.url === '/robots.txt') return (res.statusCode = 404), res.end();
      res.writeHead(302, { location: 'http://localhost:1/elsewhere.pdf' }).end();
    });
    const f = fetcher([]);
    await expect(f.get(`${base}/go`, (u) => u.startsWith(base))).rejects.toMatchObject({ reason: 'off_site' });
  });
});
