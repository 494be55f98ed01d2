/**
 * Hostile input against a running production server (its own data, see hostile-server.ts):
 * security headers, error bodies, report text carrying markup, bad files in an index run, and
 * 1,000+ generated hostile requests to /api/search and the search page.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { PWNED_FLAG, MARKUP } from '../tools/hostile/payloads';
import { hostileQueries } from '../tools/hostile/requests';
import { PROBE } from '../tools/hostile/report';
import { BAD_CASES } from '../test/fixtures/bad/build';
import { GOOD_REPORTS, HOSTILE_REPORTS, startHostileServer, type HostileServer } from './hostile-server';

test.describe.configure({ mode: 'serial' });

let srv: HostileServer;
test.beforeAll(async () => {
  test.setTimeout(180_000);
  srv = await startHostileServer();
});
test.afterAll(async () => {
  await srv?.stop();
});

const url = (p: string) => `${srv.baseURL}${p}`;

/** Fail the test on any dialog, and record CSP violations, before any page script runs. */
async function guard(page: Page): Promise<{ dialogs: string[]; violations: () => Promise<string[]> }> {
  const dialogs: string[] = [];
  page.on('dialog', async (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    await d.dismiss();
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return { dialogs, violations: () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp) };
}

async function pwned(page: Page): Promise<unknown> {
  return page.evaluate((flag) => (window as unknown as Record<string, unknown>)[flag], PWNED_FLAG);
}

/**
 * Elements under `scope` that only a payload could have made: event-handler attributes,
 * javascript: links, script/iframe/img/math/style elements (the site renders none of these in
 * report text or hit lists).
 */
async function injected(page: Page, scope: string): Promise<string[]> {
  return page.locator(scope).evaluateAll((roots) =>
    roots.flatMap((root) =>
      [...root.querySelectorAll('*')]
        .filter(
          (el) =>
            ['SCRIPT', 'IFRAME', 'IMG', 'MATH', 'STYLE'].includes(el.tagName.toUpperCase()) ||
            [...el.attributes].some((a) => /^on/i.test(a.name) || /^\s*javascript:/i.test(a.value)),
        )
        .map((el) => el.outerHTML.slice(0, 120)),
    ),
  );
}

const EXPECTED_HEADERS: Record<string, RegExp> = {
  'content-security-policy': /default-src 'self'.*script-src 'self'.*object-src 'none'.*base-uri 'self'.*frame-ancestors 'none'/,
  'x-content-type-options': /^nosniff$/,
  'referrer-policy': /^strict-origin-when-cross-origin$/,
  'x-frame-options': /^DENY$/,
};

/** Signs of internals in a response body: stack frames, source files, server paths. */
const LEAKS = [/\n\s+at \S/, /\.(ts|tsx|js):\d+/, /node_modules/, /\/tmp\//, /\/work\//, /Error: /];

test('security headers on pages, API, 404s and 400s', async ({ request }) => {
  const cases: [string, number][] = [
    ['/', 200],
    ['/?q=' + encodeURIComponent('时效性'), 200],
    ['/api/search?q=' + encodeURIComponent('时效性'), 200],
    ['/api/search/facet?facet=agency', 200],
    ['/api/status', 200],
    ['/no-such-page', 404],
    ['/api/no-such-route', 404],
    ['/reports/no-such-report', 404],
    ['/api/reports/no-such-report', 404],
    ['/api/search?page=0', 400],
    ['/reports/%ZZ', 400],
  ];
  for (const [p, status] of cases) {
    const r = await request.get(url(p), { maxRedirects: 0 });
    expect(r.status(), p).toBe(status);
    const h = r.headers();
    for (const [name, re] of Object.entries(EXPECTED_HEADERS)) expect(h[name], `${name} on ${p}`).toMatch(re);
    expect(h['x-powered-by'], p).toBeUndefined();
  }
});

test('error responses are plain messages without stack traces or server paths', async ({ request }) => {
  for (const p of ['/api/search?page=abc', '/api/search?q=' + 'a'.repeat(10_000), '/api/reports/%ZZ', '/api/agencies/%ED%A0%80', '/api/reports/..%2F..%2Fetc%2Fpasswd', '/reports/%ZZ', '/no-such-page']) {
    const r = await request.get(url(p));
    expect(r.status(), p).toBeGreaterThanOrEqual(400);
    expect(r.status(), p).toBeLessThan(500);
    const body = await r.text();
    for (const re of LEAKS) expect(body, `${p} leaks ${re}`).not.toMatch(re);
    if (p.startsWith('/api/')) expect(await r.json(), p).toMatchObject({ ok: false, error: expect.stringMatching(/\S/) });
  }
});

test('an index run with bad files: good ones indexed, each bad one reported in one line, also in /api/status', async ({ request }) => {
  // Documented exit status: 0 when at least one report was indexed.
  expect(srv.index.status, srv.index.stderr).toBe(0);
  const summary = srv.index.stderr.split('\n').find((l) => l.startsWith('✓')) ?? '';
  const status = await (await request.get(url('/api/status'))).json();
  expect(summary).toMatch(new RegExp(`^✓ ${GOOD_REPORTS + HOSTILE_REPORTS} indexed, ${status.index.failed} failed`));
  expect(status.ok).toBe(true);
  expect(status.index).toMatchObject({ indexed: GOOD_REPORTS + HOSTILE_REPORTS, swapped: true });
  // older versions of a report are indexed but not counted (lib/versions.ts)
  expect(status.reports).toBe(GOOD_REPORTS + HOSTILE_REPORTS - status.index.duplicates - status.index.versions);
  const failures: { file: string; reason: string }[] = status.index.failures;
  const failed = new Map(failures.map((f) => [f.file, f.reason]));
  // Every bad fixture the walk picks up (report extensions, regular files) has its line…
  const expectBad = BAD_CASES.filter((c) => c.reason && !['not_found', 'not_a_file', 'unsupported_format'].includes(c.reason) && !c.name.endsWith('.bin'));
  for (const c of [...expectBad.map((c) => c.name), 'not-a-report.txt', 'tables-only.txt']) {
    const reason = failed.get(`bad/${c}`);
    expect(reason, `bad/${c} in ${JSON.stringify(failures)}`).toBeTruthy();
    expect(reason).not.toContain('\n');
    expect(srv.index.stderr).toContain(`✗ bad/${c}: `);
  }
  // …no good or hostile report failed, and the public status names no server path.
  for (const f of failures) expect(f.file).toMatch(/^bad\//);
  expect(JSON.stringify(status)).not.toContain(path.dirname(srv.corpus));
  expect(status.index.source).toBe('corpus');
});

test('report text with markup is shown as text and never executes (search, report, agency pages)', async ({ page }) => {
  const g = await guard(page);
  await page.goto(url(`/?q=${PROBE}`));
  await expect(page.getByTestId('hit')).toHaveCount(HOSTILE_REPORTS);
  const snippets = (await page.getByTestId('hit-snippet').allInnerTexts()).join('\n');
  // The markup is visible as characters: it was escaped, not parsed.
  expect(snippets).toMatch(/<(script|img|svg|iframe|\/title|a |details|math|style|mark|b )/);
  expect(await injected(page, '[data-testid=hits]')).toEqual([]);
  expect(await page.getByTestId('hit-mark').first().innerText()).toBe(PROBE);
  // The sentence with an onerror image, highlighted: the mark sits next to the markup text.
  await page.goto(url(`/?q=${PROBE}b`));
  await expect(page.getByTestId('hit').first()).toBeVisible();
  expect(await page.getByTestId('hit-snippet').first().innerText()).toContain('<img src=x onerror=');
  expect(await injected(page, '[data-testid=hits]')).toEqual([]);

  await page.getByTestId('hit-link').first().click();
  await expect(page.getByTestId('report')).toBeVisible();
  const body = await page.getByTestId('report').innerText();
  for (const m of MARKUP.slice(0, 4)) expect(body).toContain(m);
  expect(await injected(page, '[data-testid=report]')).toEqual([]);

  await page.getByTestId('agency-link').click();
  await page.waitForLoadState('load');
  for (const p of [page]) expect(await pwned(p)).toBeUndefined();
  expect(g.dialogs).toEqual([]);
  expect(await g.violations()).toEqual([]);
});

test('the site works under its CSP: no violations, client components hydrate', async ({ page }) => {
  const g = await guard(page);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url('/'));
  // The agency filter box only appears once React has hydrated and run its effect.
  const box = page.getByTestId('facet-filter-agency');
  await expect(box).toBeVisible();
  await box.fill('局');
  await expect(page.locator('[data-facet=agency][data-testid=facet-value]').first()).toBeVisible();
  await page.getByTestId('search-input').fill('时效性');
  await page.getByTestId('search-submit').click();
  await expect(page.getByTestId('hit').first()).toBeVisible();
  expect(await g.violations()).toEqual([]);
  expect(errors).toEqual([]);
  expect(g.dialogs).toEqual([]);
});

/** Run `fn` over items with at most `limit` in flight. */
async function pool<T>(items: T[], limit: number, fn: (x: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await fn(items[next++]);
    }),
  );
}

const HOSTILE_COUNT = 1100;

test(`${HOSTILE_COUNT} generated hostile requests to /api/search and the search page: no 5xx, no markup echoed`, async () => {
  test.setTimeout(120_000);
  const t0 = Date.now();
  const queries = hostileQueries({ seed: 'e2e', count: HOSTILE_COUNT });
  const problems: string[] = [];
  const statuses = new Map<string, number>();
  const markup = MARKUP.filter((m) => m.includes('<'));
  await pool(
    queries.flatMap((q) => [`/api/search?${q}`, `/?${q}`]),
    6,
    async (p) => {
      let res: Response;
      try {
        res = await fetch(url(p), { redirect: 'manual' });
      } catch (e) {
        problems.push(`${p.slice(0, 160)} → request failed: ${(e as Error).message}`);
        return;
      }
      const body = await res.text();
      const key = `${p.startsWith('/api/') ? 'api' : 'page'} ${res.status}`;
      statuses.set(key, (statuses.get(key) ?? 0) + 1);
      if (res.status >= 500) problems.unshift(`${p.slice(0, 300)} → ${res.status} ${body.slice(0, 200)}`);
      // Node refuses request lines over its 16 KB header limit before Next sees them: a clear 4xx.
      else if (res.status === 431 && p.length > 8000) return;
      else if (p.startsWith('/api/')) {
        if (res.status !== 200 && res.status !== 400) problems.push(`${p.slice(0, 160)} → unexpected ${res.status}`);
        const ct = res.headers.get('content-type') ?? '';
        if (ct.includes('json')) {
          const j = JSON.parse(body);
          if (res.status === 400 && !(j.ok === false && typeof j.error === 'string')) problems.push(`${p.slice(0, 160)} → 400 without an error message`);
        } else if (!ct.includes('text/csv')) problems.push(`${p.slice(0, 160)} → content-type ${ct}`);
      } else {
        if (res.status !== 200 && res.status !== 400) problems.push(`${p.slice(0, 160)} → unexpected ${res.status}`);
        // Markup from the query never comes back verbatim (it is escaped in HTML and in the
        // inline React payload alike).
        for (const m of markup) if (body.includes(m)) problems.push(`${p.slice(0, 160)} → echoes ${m}`);
      }
      for (const re of LEAKS.slice(0, 3)) if (re.test(body)) problems.push(`${p.slice(0, 160)} → leaks ${re}`);
    },
  );
  console.log(`hostile requests: ${queries.length * 2} in ${((Date.now() - t0) / 1000).toFixed(1)} s; ${JSON.stringify(Object.fromEntries(statuses))}`);
  expect(problems.slice(0, 20)).toEqual([]);
  expect(statuses.get('api 200') ?? 0).toBeGreaterThan(300);
  expect(statuses.get('api 400') ?? 0).toBeGreaterThan(50);
});

test('hostile path segments and parameters on the other routes: no 5xx', async () => {
  const segments = ['%ZZ', '%ED%A0%80', '%C0%AF', '%00', '..%2F..%2Fetc%2Fpasswd', '__proto__', 'constructor', 'toString', encodeURIComponent(MARKUP[1]), 'a'.repeat(2000), encodeURIComponent("'; DROP TABLE reports;--"), '2023-2024', '9999-0', '-1', ''];
  const routes = [
    (x: string) => `/reports/${x}`,
    (x: string) => `/api/reports/${x}`,
    (x: string) => `/api/reports/${x}?format=csv`,
    (x: string) => `/agencies/${x}`,
    (x: string) => `/api/agencies/${x}`,
    (x: string) => `/agencies/${x}/compare`,
    (x: string) => `/agencies/${x}/compare/${x}`,
    (x: string) => `/api/agencies/${x}/compare/${x}`,
    (x: string) => `/compare?agencies=${x},${x}&year=${x}&sort=${x}`,
    (x: string) => `/api/compare?agencies=${x}&year=2024&sort=${x}:desc`,
    (x: string) => `/api/export?year=${x}&level=${x}&format=${x}`,
    (x: string) => `/agencies?q=${x}&page=${x}`,
    (x: string) => `/api/agencies?q=${x}&page=${x}`,
  ];
  // A real report page with hostile highlight terms (?q= marks terms in the report's own text).
  const ids: string[] = (await (await fetch(url(`/api/search?q=${PROBE}`))).json()).hits.map((h: { id: string }) => h.id);
  expect(ids.length).toBe(HOSTILE_REPORTS);
  const reportPages = hostileQueries({ seed: 'report-page', count: 150 })
    .filter((q) => q.length < 8000)
    .flatMap((q) => [`/reports/${ids[0]}?${q}`, `/api/reports/${ids[1]}?${q}`]);
  const markup = MARKUP.filter((m) => m.includes('<'));
  const problems: string[] = [];
  await pool(
    [...routes.flatMap((r) => segments.map(r)), ...reportPages],
    6,
    async (p) => {
      const res = await fetch(url(p), { redirect: 'manual' });
      const body = await res.text();
      if (res.status >= 500) problems.push(`${p.slice(0, 120)} → ${res.status} ${body.slice(0, 120)}`);
      // Neither the report's own markup nor the query's appears unescaped anywhere in the HTML
      // (text nodes, attributes, or the inline React payload).
      if (p.startsWith('/reports/') && (res.headers.get('content-type') ?? '').includes('html'))
        for (const m of markup) if (body.includes(m)) problems.push(`${p.slice(0, 120)} → contains raw ${m}`);
      for (const re of LEAKS.slice(0, 3)) if (re.test(body)) problems.push(`${p.slice(0, 120)} → leaks ${re}`);
    },
  );
  expect(problems).toEqual([]);
});

test('hostile queries in Chromium: the search page never runs injected script', async ({ page }) => {
  test.setTimeout(90_000);
  const g = await guard(page);
  // The requests carrying markup, plus markup in every facet and in the query together.
  const withMarkup = hostileQueries({ seed: 'e2e', count: HOSTILE_COUNT }).filter((q) => /%3C|%22%3E/i.test(q) && q.length < 8000); // longer ones get Node's 431, no page
  const all = ['q=' + MARKUP.map(encodeURIComponent).join('+'), ...['agency', 'year', 'theme', 'province', 'checks'].map((f) => `${f}=${encodeURIComponent(MARKUP[1])}&q=${encodeURIComponent(MARKUP[0])}`), ...withMarkup.slice(0, 40)];
  for (const q of all) {
    const r = await page.goto(url(`/?${q}`));
    expect(r?.status() ?? 0, q.slice(0, 200)).toBeLessThan(500);
    expect(await pwned(page), q.slice(0, 200)).toBeUndefined();
  }
  expect(g.dialogs).toEqual([]);
  expect(await g.violations()).toEqual([]);
});

test('an engine failure is a plain 503 / notice, not a stack trace', async ({ request }) => {
  // Swap a non-database file into the live index path (as a broken rebuild might), then restore.
  const file = path.join(srv.dataDir, 'nianbao.sqlite');
  const kept = `${file}.kept`;
  fs.renameSync(file, kept);
  fs.writeFileSync(`${file}.tmp`, 'this is not an SQLite database '.repeat(200));
  fs.renameSync(`${file}.tmp`, file);
  try {
    const api = await request.get(url('/api/search?q=' + encodeURIComponent('时效性')));
    expect(api.status()).toBe(503);
    const body = await api.text();
    for (const re of LEAKS) expect(body).not.toMatch(re);
    expect(JSON.parse(body)).toMatchObject({ ok: false, code: 'unavailable:search' });
    const pageRes = await request.get(url('/?q=' + encodeURIComponent('时效性')));
    const html = await pageRes.text();
    expect(pageRes.status()).toBe(503);
    expect(html).toContain('检索索引文件已损坏');
    for (const re of LEAKS.slice(0, 3)) expect(html).not.toMatch(re);
    const report = await request.get(url('/reports/anything'));
    for (const re of LEAKS.slice(0, 3)) expect(await report.text()).not.toMatch(re);
  } finally {
    fs.renameSync(kept, file);
  }
  expect((await request.get(url('/api/search?q=' + encodeURIComponent('时效性')))).status()).toBe(200);
});
