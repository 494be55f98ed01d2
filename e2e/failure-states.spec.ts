/**
 * Honest failure states and input edges on a real production server (`next start`, its own data:
 * e2e/hostile-server.ts): the index file deleted, truncated or corrupted under the running
 * server gives 503 with a Chinese message on every page and API and ok:false in /api/status;
 * control characters from the URL never reach the HTML; TRACE is 405; redirects, 405s and 431s
 * carry the security headers; `/api/agencies/%25` is 404.
 */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { startHostileServer, type HostileServer } from './hostile-server';

test.describe.configure({ mode: 'serial' });

let srv: HostileServer;
let reportId: string;
let agencySlug: string;
let years: number[];
test.beforeAll(async () => {
  test.setTimeout(180_000);
  srv = await startHostileServer();
  const hits = (await (await fetch(`${srv.baseURL}/api/search?q=`)).json()).hits as { id: string }[];
  reportId = hits[0]!.id;
  const dir = (await (await fetch(`${srv.baseURL}/api/agencies`)).json()).agencies as { slug: string; years: number[] }[];
  const a = dir.find((x) => x.years.length >= 2)!;
  agencySlug = a.slug;
  years = a.years;
});
test.afterAll(async () => {
  await srv?.stop();
});

const url = (p: string) => `${srv.baseURL}${p}`;
const HEADERS = { 'content-security-policy': /default-src 'self'/, 'x-content-type-options': /^nosniff$/, 'x-frame-options': /^DENY$/ };

/** Every kind of page and API a visitor or monitor reaches. */
function surfaces(): string[] {
  return [
    '/',
    '/?q=' + encodeURIComponent('公开'),
    `/reports/${reportId}`,
    '/agencies',
    `/agencies/${agencySlug}`,
    `/agencies/${agencySlug}/compare/${years[0]}-${years[1]}`,
    `/compare?agencies=${agencySlug}&year=${years[0]}`,
    '/api/search?q=' + encodeURIComponent('公开'),
    `/api/reports/${reportId}`,
    '/api/agencies',
    `/api/agencies/${agencySlug}`,
    '/api/export?format=csv',
  ];
}

async function expectAll(expected: 'ok' | RegExp): Promise<void> {
  const problems: string[] = [];
  for (const p of surfaces()) {
    const r = await fetch(url(p), { redirect: 'manual' });
    const body = await r.text();
    if (expected === 'ok') {
      if (r.status !== 200) problems.push(`${p} → ${r.status}`);
      continue;
    }
    if (r.status !== 503) problems.push(`${p} → ${r.status} (want 503)`);
    if (!expected.test(body)) problems.push(`${p} → body without the message: ${body.slice(0, 100)}`);
    if (/没有找到|编号不存在|未找到/.test(body)) problems.push(`${p} → says "not found"`);
    for (const [h, re] of Object.entries(HEADERS)) if (!re.test(r.headers.get(h) ?? '')) problems.push(`${p} → no ${h}`);
    if (/\/tmp\/|nianbao\.sqlite/.test(body)) problems.push(`${p} → leaks a path`);
  }
  const st = await fetch(url('/api/status'));
  const body = await st.json();
  if (expected === 'ok') {
    if (st.status !== 200 || body.ok !== true) problems.push(`/api/status → ${st.status} ok:${body.ok}`);
  } else {
    if (st.status !== 503 || body.ok !== false || !expected.test(body.error)) problems.push(`/api/status → ${st.status} ${JSON.stringify(body).slice(0, 200)}`);
  }
  expect(problems).toEqual([]);
}

test('healthy: every surface answers 200', async () => {
  await expectAll('ok');
});

test('rm of the index file under the running server: 503 "index missing" everywhere, then recovery', async () => {
  const file = path.join(srv.dataDir, 'nianbao.sqlite');
  fs.renameSync(file, `${file}.aside`);
  try {
    await expectAll(/检索索引文件缺失/);
  } finally {
    fs.renameSync(`${file}.aside`, file);
  }
  await expectAll('ok');
});

test('truncate of the index file: 503 "index empty"', async () => {
  const file = path.join(srv.dataDir, 'nianbao.sqlite');
  const keep = fs.readFileSync(file);
  fs.truncateSync(file, 0);
  try {
    await expectAll(/检索索引文件为空/);
  } finally {
    fs.writeFileSync(file, keep);
  }
  await expectAll('ok');
});

test('a corrupt index file: 503 "index damaged" on report, agency, agencies, compare and search pages', async () => {
  const file = path.join(srv.dataDir, 'nianbao.sqlite');
  const keep = fs.readFileSync(file);
  fs.writeFileSync(file, Buffer.concat([Buffer.from('garbage!'.repeat(512)), keep.subarray(4096)]));
  try {
    await expectAll(/检索索引文件已损坏/);
  } finally {
    fs.writeFileSync(file, keep);
  }
  await expectAll('ok');
});

test('control characters from the URL never reach the HTML', async ({ page }) => {
  const pages = [
    `/reports/${reportId}?q=%00%1B%5B31mX`,
    '/agencies?name=%00X',
    '/agencies?q=%00%1BX',
    `/agencies/%00%1B${agencySlug}`,
    `/compare?agencies=%00a,%1Bb&year=${years[0]}`,
    '/?q=%00%1B%5B31mX',
  ];
  for (const p of pages) {
    const r = await fetch(url(p));
    expect(r.status, p).toBeLessThan(500);
    const html = await r.text();
    expect(html, p).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/);
  }
  await page.goto(url(`/reports/${reportId}?q=%00%1B%5B31mX`));
  expect(await page.content()).not.toMatch(/[\u0000\u001b]/);
});

/** Raw HTTP/1.1 exchange (fetch will not send TRACE, and adds headers of its own). */
function raw(request: string): Promise<string> {
  const { port, hostname } = new URL(srv.baseURL);
  return new Promise((resolve, reject) => {
    const s = net.connect(Number(port), hostname, () => s.write(request));
    let out = '';
    s.on('data', (d) => (out += d));
    s.on('end', () => resolve(out));
    s.on('error', reject);
    setTimeout(() => (s.destroy(), resolve(out)), 5000);
  });
}

test('TRACE and other methods: 405 with Allow and the security headers, on pages and APIs', async () => {
  for (const p of ['/', `/reports/${reportId}`, '/api/search', '/api/status']) {
    const out = await raw(`TRACE ${p} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
    expect(out, p).toMatch(/^HTTP\/1\.1 405/);
    expect(out, p).toMatch(/content-security-policy: default-src 'self'/i);
    expect(out, p).toMatch(/x-content-type-options: nosniff/i);
    expect(out, p).toMatch(/allow: GET, HEAD/i);
  }
  for (const method of ['PUT', 'DELETE', 'POST', 'PATCH']) {
    const r = await fetch(url('/api/search'), { method });
    expect(r.status, method).toBe(405);
  }
});

test('308 redirects and 431s carry the security headers', async () => {
  const redirects = [`/reports/${reportId}/`, `/agencies/${agencySlug.toUpperCase()}`, `/api/agencies/${agencySlug.toUpperCase()}`];
  for (const p of redirects) {
    const r = await fetch(url(p), { redirect: 'manual' });
    expect([307, 308], p).toContain(r.status);
    for (const [h, re] of Object.entries(HEADERS)) expect(r.headers.get(h) ?? '', `${h} on ${p}`).toMatch(re);
  }
  const out = await raw(`GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\nConnection: close\r\n\r\n`);
  expect(out).toMatch(/^HTTP\/1\.1 431/);
  expect(out).toMatch(/content-security-policy: default-src 'self'/i);
  expect(out).toMatch(/x-content-type-options: nosniff/i);
});

test('path segments are decoded once: /api/agencies/%25 is 404, not 503', async () => {
  for (const p of ['/api/agencies/%25', '/agencies/%25', '/api/agencies/%25/compare/2023-2024', '/api/agencies/%2541']) {
    const r = await fetch(url(p));
    expect(r.status, p).toBe(404);
  }
});

test('emoji at character 20 and repeated format on the CSV twins', async () => {
  const q = encodeURIComponent('x'.repeat(19) + '😀');
  for (const p of [`/api/export?format=csv&q=${q}`, `/api/search?format=csv&q=${q}`]) expect((await fetch(url(p))).status, p).toBe(200);
  const r = await fetch(url(`/api/reports/${reportId}?format=csv&format=json`));
  expect(r.headers.get('content-type')).toContain('application/json');
});
