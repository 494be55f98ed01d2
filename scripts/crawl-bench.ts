/**
 * Crawler throughput on this machine, against synthetic 年报 columns served on 127.0.0.1:
 *   node --import tsx scripts/crawl-bench.ts [--hosts 16] [--reports 10] [--delay 5] [--concurrency 16] [--kb 200]
 * Each host: robots.txt, list pages of 20 links (下一页 pagination), report pages each with one
 * PDF attachment of --kb kilobytes. Prints requests, reports, wall time, requests per hour (all
 * hosts and per host), crawler CPU per request and peak RSS. The pause per host (--delay, in
 * seconds; the crawler's default is 5) is what bounds a polite crawl, so per-host requests/hour
 * at the default is 3600 / (5 s + the per-request time measured here).
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { crawl, DEFAULTS } from '../lib/crawl/crawler';

const { values } = parseArgs({ options: { hosts: { type: 'string' }, reports: { type: 'string' }, delay: { type: 'string' }, concurrency: { type: 'string' }, kb: { type: 'string' } } });
const hosts = Number(values.hosts ?? 16);
const reports = Number(values.reports ?? 10);
const delayMs = Number(values.delay ?? DEFAULTS.delayMs / 1000) * 1000;
const concurrency = Number(values.concurrency ?? DEFAULTS.concurrency);
const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(Number(values.kb ?? 200) * 1024 - 9, 0x20)]);
const PER_PAGE = 20;

function column(i: number): http.Server {
  return http.createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://x');
    const m = /^\/ndbg\/index(?:_(\d+))?\.html$/.exec(u.pathname);
    if (u.pathname === '/robots.txt') return res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nDisallow: /admin/\n');
    if (m) {
      const p = Number(m[1] ?? 0);
      const items = [];
      for (let r = p * PER_PAGE; r < Math.min(reports, (p + 1) * PER_PAGE); r++) items.push(`<li><a href="/ndbg/t${r}.html">第${i}县第${r}局2024年政府信息公开工作年度报告</a></li>`);
      const next = (p + 1) * PER_PAGE < reports ? `<a href="index_${p + 1}.html">下一页</a>` : '';
      return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<html><head><title>年报</title></head><body><ul>${items.join('')}</ul>${next}</body></html>`);
    }
    const t = /^\/ndbg\/t(\d+)\.html$/.exec(u.pathname);
    if (t) return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<html><head><title>第${t[1]}局2024年政府信息公开工作年度报告</title></head><body><p>附件：<a href="/ndbg/P${t[1]}.pdf">年度报告.pdf</a></p></body></html>`);
    if (/^\/ndbg\/P\d+\.pdf$/.test(u.pathname)) return res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': String(pdf.length), etag: '"v1"' }).end(pdf);
    res.writeHead(404).end();
  });
}

const servers = Array.from({ length: hosts }, (_, i) => column(i));
await Promise.all(servers.map((s) => new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()))));
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-crawl-bench-'));
let peakRss = 0;
const rssTimer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 200);
const cpu0 = process.cpuUsage();
const t0 = Date.now();
const summary = await crawl({
  ...DEFAULTS,
  seeds: servers.map((s) => ({ url: `http://127.0.0.1:${(s.address() as AddressInfo).port}/ndbg/index.html` })),
  out,
  delayMs,
  concurrency,
  contact: 'bench@localhost',
});
const wall = Date.now() - t0;
const cpu = process.cpuUsage(cpu0);
clearInterval(rssTimer);
peakRss = Math.max(peakRss, process.memoryUsage().rss);
await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
fs.rmSync(out, { recursive: true, force: true });
const perHour = (n: number) => Math.round((n / wall) * 3_600_000);
console.log(
  JSON.stringify(
    {
      hosts,
      reportsPerHost: reports,
      delaySeconds: delayMs / 1000,
      concurrency,
      requests: summary.requests,
      reportsStored: summary.fetched,
      failed: summary.failed,
      wallSeconds: +(wall / 1000).toFixed(1),
      requestsPerHour: perHour(summary.requests),
      reportsPerHour: perHour(summary.fetched),
      requestsPerHourPerHost: perHour(summary.requests / Math.min(hosts, concurrency)),
      cpuMsPerRequest: +((cpu.user + cpu.system) / 1000 / summary.requests).toFixed(2),
      peakRssMB: Math.round(peakRss / 1048576),
    },
    null,
    2,
  ),
);
