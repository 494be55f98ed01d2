/**
 * The crawler against a fixture government site on 127.0.0.1 (test/fixtures/crawl/site.ts):
 * what it fetches, what it must not, the sidecars it writes, and a re-crawl after one report
 * changed, indexed into a real SQLite index.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawl, type CrawlOptions, type CrawlSummary } from '../lib/crawl/crawler';
import { sha256, type CrawlSidecar } from '../lib/crawl/store';
import { indexDirectory } from '../lib/indexer/run';
import { SqliteEngine } from '../lib/search/sqlite';
import { buildSiteFiles, startSite, type FixtureSite, type SiteFiles } from './fixtures/crawl/site';

let files: SiteFiles;
let site: FixtureSite;
let tmp: string;
let out: string;
const lines: string[] = [];
let first: CrawlSummary;

export function testOptions(site: FixtureSite, out: string, log: string[]): CrawlOptions {
  return {
    seeds: [{ url: `${site.main}/ndbg/index.html`, agency: '青禾县人民政府', province: '某省' }, { url: `${site.files}/nosuch/index.html` }],
    out,
    since: 2020,
    maxPages: 20,
    delayMs: 10,
    // generous for a loaded machine; the slow page takes longer still
    timeoutMs: 2000,
    maxBytes: 1024 * 1024,
    retries: 1,
    retryBaseMs: 20,
    maxRetryAfterMs: 5000,
    maxCrawlDelayMs: 1000,
    concurrency: 2,
    contact: 'crawler-test@example.invalid',
    log: (l) => log.push(l),
  };
}

/** Every stored report: sidecar by requested URL. */
function corpus(dir: string): Map<string, (CrawlSidecar & { file: string })[]> {
  const m = new Map<string, (CrawlSidecar & { file: string })[]>();
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (e.name.startsWith('.')) continue;
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (!e.name.endsWith('.json')) {
        const sc = JSON.parse(fs.readFileSync(`${p}.json`, 'utf8')) as CrawlSidecar;
        m.set(sc.url, [...(m.get(sc.url) ?? []), { ...sc, file: p }]);
      }
    }
  };
  walk(dir);
  return m;
}

beforeAll(async () => {
  files = await buildSiteFiles();
  site = await startSite(files, { slowMs: 6000 });
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-crawl-'));
  out = path.join(tmp, 'reports');
  first = await crawl(testOptions(site, out, lines));
}, 60_000);

afterAll(async () => {
  await site?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('first crawl', () => {
  it('stores exactly the expected reports, each fetched once', () => {
    const stored = corpus(out);
    expect([...stored.keys()].sort()).toEqual(Object.values(site.reports).sort());
    for (const [url, versions] of stored) {
      expect(versions, url).toHaveLength(1);
      const final = versions[0].sourceUrl;
      expect(site.served(new URL(final).pathname), final).toBe(1);
    }
    // found: the eleven distinct report links on the column's pages (duplicates, off-site, old year excluded)
    expect(first).toMatchObject({ found: 11, fetched: 7, versions: 0, unchanged: 0, failed: 4, blocked: 1, sites: 2 });
  });

  it('writes complete sidecars the reader accepts', () => {
    for (const [url, [sc]] of corpus(out)) {
      const bytes = fs.readFileSync(sc.file);
      expect(sc.sha256, url).toBe(sha256(bytes));
      expect(sc.bytes).toBe(bytes.length);
      expect(sc.sourceUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
      expect(Number.isNaN(Date.parse(sc.capturedAt))).toBe(false);
      expect(sc.httpStatus).toBe(200);
      expect(sc.contentType).toBeTruthy();
      expect(sc).toHaveProperty('etag');
      expect(sc).toHaveProperty('lastModified');
      // every fixture file but the dynamic page sends a validator
      if (url !== site.reports.hr) expect(sc.etag ?? sc.lastModified, url).toBeTruthy();
      expect(sc.title, url).toMatch(/青禾县.+(2023|2024)年/);
      expect(sc.listPage, url).toMatch(/\/ndbg\/index(_\d)?\.html$/);
      expect(sc.referrer).toBeTruthy();
      expect(sc.seed).toBe(`${site.main}/ndbg/index.html`);
      expect(sc.agency).toBe('青禾县人民政府');
      expect(sc.userAgent).toContain('crawler-test@example.invalid');
    }
    const byUrl = corpus(out);
    // an attachment: referred by its report page, found on the list page
    expect(byUrl.get(site.reports.edu)![0]).toMatchObject({ referrer: `${site.main}/ndbg/202501/t20250120_2.html`, listPage: `${site.main}/ndbg/index.html`, year: 2024 });
    // through a redirect: the sidecar names both
    expect(byUrl.get(site.reports.water)![0]).toMatchObject({ sourceUrl: `${site.main}/ndbg/files/2024/water.txt`, redirects: [site.reports.water] });
    // a report page behind a redirect, its attachment on the government's other host
    expect(byUrl.get(site.reports.health)![0]).toMatchObject({ referrer: `${site.main}/ndbg/2024/t3-final.html`, year: 2023 });
    // found on the GBK list page; stored with its original GBK bytes
    expect(byUrl.get(site.reports.forest)![0]).toMatchObject({ listPage: `${site.main}/ndbg/index_1.html`, title: '青禾县林业局2024年度政府信息公开工作年度报告' });
    expect(fs.readFileSync(byUrl.get(site.reports.forest)![0].file).equals(files.forestHtmlGbk)).toBe(true);
    // found in a year's sub-column linked from the column
    expect(byUrl.get(site.reports.justice)![0]).toMatchObject({ referrer: `${site.main}/ndbg/2024/index.html`, listPage: `${site.main}/ndbg/index_2.html`, title: '青禾县司法局2024年政府信息公开工作年度报告' });
    // file types from the bytes when the server's Content-Type is wrong
    expect(path.extname(byUrl.get(site.reports.justice)![0].file)).toBe('.doc');
    expect(path.extname(byUrl.get(site.reports.health)![0].file)).toBe('.docx');
  });

  it('reads robots.txt, never touches a disallowed path, and says so', () => {
    expect(site.log[0]).toMatchObject({ path: '/robots.txt' });
    expect(site.requested('/private/audit-2024.html')).toBe(0);
    expect(lines.some((l) => l.includes('/private/audit-2024.html') && l.includes('disallowed by') && l.includes('robots.txt'))).toBe(true);
  });

  it('bounds the calendar trap by the per-site page limit', () => {
    const calendar = site.log.filter((e) => e.path.startsWith('/ndbg/calendar')).length;
    expect(calendar).toBeGreaterThan(0);
    expect(calendar).toBeLessThanOrEqual(20);
    expect(first.sitesLimited).toEqual([`${site.main}/ndbg/index.html`]);
    expect(lines.some((l) => l.includes('page limit 20 reached'))).toBe(true);
  });

  it('keeps to the site and the government, and to --since', () => {
    expect(site.log.filter((e) => e.host.startsWith('localhost'))).toEqual([]);
    expect(site.requested('/ndbg/2020/old-2019.html')).toBe(0);
    expect(site.requested('/ndbg/notice.html')).toBe(0);
    expect(site.requested('/zwgk/')).toBe(0);
    expect(site.requested('/')).toBe(0);
  });

  it('follows the script pager and 下一页/尾页 without fetching a list page twice', () => {
    for (const p of ['/ndbg/index.html', '/ndbg/index_1.html', '/ndbg/index_2.html']) expect(site.requested(p), p).toBe(1);
    // the report linked three times (fragment, session id, tracking parameter) was fetched once
    expect(site.requested('/ndbg/202501/t20250115_1.html')).toBe(1);
  });

  it('reports failures and carries on: 404, timeout, oversized file, failing site', () => {
    const reasons = first.failures.map((f) => f.reason).join('\n');
    expect(reasons).toMatch(/missing-2024\.html: HTTP 404/);
    expect(reasons).toMatch(/slow-2024\.html: no complete answer within 2 s/);
    expect(reasons).toMatch(/huge-2024\.pdf: larger than the 1 MB limit/);
    // retried once after the timeout
    expect(site.requested('/ndbg/slow-2024.html')).toBe(2);
    expect(first.sitesFailed).toEqual([{ seed: `${site.files}/nosuch/index.html`, reason: expect.stringContaining('HTTP 404') }]);
  });

  it('waits as Retry-After asks on a 503, then fetches', () => {
    const hits = site.log.filter((e) => e.path === '/ndbg/busy-2024.html');
    expect(hits.map((h) => h.status)).toEqual([503, 200]);
    expect(hits[1].at - hits[0].at).toBeGreaterThanOrEqual(1000);
  });

  it('sends one request at a time to a host', () => {
    // the slow page holds the host: nothing else reaches the main server until it times out
    const slow = site.log.findIndex((e) => e.path === '/ndbg/slow-2024.html');
    const next = site.log.slice(slow + 1).find((e) => e.server === 'main')!;
    expect(next.at - site.log[slow].at).toBeGreaterThanOrEqual(1990);
  });
});

describe('re-crawl after one report changed', () => {
  let second: CrawlSummary;
  let before: number;
  beforeAll(async () => {
    site.changeEduPdf();
    before = site.log.length;
    second = await crawl(testOptions(site, out, lines));
  }, 60_000);

  it('asks conditionally and downloads only the changed report', () => {
    const again = site.log.slice(before);
    // the stored reports' final paths; the dynamic page (no ETag/Last-Modified) cannot be asked conditionally
    const finals = [...corpus(out).values()].map((v) => new URL(v[0].sourceUrl).pathname).filter((p) => p !== '/ndbg/busy-2024.html');
    expect(finals).toHaveLength(6);
    for (const p of finals) {
      const hits = again.filter((e) => e.path === p);
      expect(hits, p).toHaveLength(1);
      expect(hits[0].ifNoneMatch ?? hits[0].ifModifiedSince, p).toBeTruthy();
    }
    const downloaded = again.filter((e) => e.status === 200 && finals.includes(e.path)).map((e) => e.path);
    expect(downloaded).toEqual(['/ndbg/202501/P020250120.pdf']);
    expect(second).toMatchObject({ fetched: 0, versions: 1, unchanged: 6 });
  });

  it('keeps the changed report as a new version beside the old one', () => {
    const edu = corpus(out).get(site.reports.edu)!;
    expect(edu).toHaveLength(2);
    expect(new Set(edu.map((v) => v.sha256)).size).toBe(2);
    const [older, newer] = [...edu].sort((a, b) => Date.parse(a.capturedAt) - Date.parse(b.capturedAt));
    expect(fs.readFileSync(newer.file).equals(files.eduPdfChanged)).toBe(true);
    expect(fs.readFileSync(older.file).equals(files.eduPdf)).toBe(true);
    // unchanged files record the check, keep their capture time
    const fin = corpus(out).get(site.reports.finance)!;
    expect(fin).toHaveLength(1);
    expect(Date.parse(fin[0].checkedAt!)).toBeGreaterThan(Date.parse(fin[0].capturedAt));
  });

  it('indexes into a real SQLite index, the edited report as a version', async () => {
    const dataDir = path.join(tmp, 'data');
    const engine = new SqliteEngine({ dataDir });
    try {
      const status = await indexDirectory({ dir: out, engine, dataDir });
      expect(status).toMatchObject({ found: 7, indexed: 7, failed: 0, versions: 1, swapped: true });
      expect(status.skipped!.map((s) => path.extname(s.file))).toEqual(['.doc']);
      // the older version is out of totals unless asked for
      expect((await engine.search({ q: '', perPage: 20 })).total).toBe(6);
      expect((await engine.search({ q: '', perPage: 20, includeVersions: true })).total).toBe(7);
      const eduHits = (await engine.search({ q: '青禾县教育局', perPage: 20 })).hits;
      const canonical = eduHits.find((h) => !/-[0-9a-f]{8}$/.test(h.id))!;
      const rec = (await engine.getReport(canonical.id))!;
      expect(rec.source?.sourceUrl).toBe(site.reports.edu);
      expect(rec.sections.find((s) => s.key === 'overview')!.text).toContain('214条');
      expect(rec.versions).toHaveLength(2);
    } finally {
      await engine.close();
    }
  });
});
