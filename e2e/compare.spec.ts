/**
 * Agency pages, year-over-year and peer comparison in a real browser against the e2e index
 * (seeds: one year each; generated corpus: agencies over several years). Agencies are found
 * through the /api/agencies twin, never by hard-coded generated names.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { parseCsv } from '../lib/compare/csv';

interface AgencyRow { slug: string; agency: string; years: number[] }

async function agencyWithYears(request: APIRequestContext, min = 3): Promise<AgencyRow> {
  const res = await request.get('/api/agencies');
  expect(res.ok()).toBe(true);
  const body = (await res.json()) as { agencies: AgencyRow[] };
  const a = body.agencies.find((x) => x.years.length >= min);
  expect(a, `an agency with ${min}+ years in the e2e corpus`).toBeTruthy();
  return a!;
}

/** Rows of a figure table as { key: { earlier, later, delta, pct } } read from the screen. */
async function screenFigures(page: Page, testId: string) {
  return page.getByTestId(testId).locator('[data-testid=figure-row]').evaluateAll((rows) =>
    Object.fromEntries(
      rows.map((r) => [
        r.getAttribute('data-key'),
        Object.fromEntries([...r.querySelectorAll('td[data-col]')].map((td) => [td.getAttribute('data-col'), td.textContent ?? ''])),
      ]),
    ),
  );
}

const cell = (v: number | null) => (v === null ? '—' : String(v));

test('search hit → agency page → year comparison; the screen equals the JSON twin; CSV parses', async ({ page, request }) => {
  const a = await agencyWithYears(request);
  // 1. A search hit for the agency, then its report page, then the agency page.
  // Filtered to the agency so its hits are on the first page whatever the ranking.
  await page.goto(`/?q=${encodeURIComponent(a.agency)}&agency=${encodeURIComponent(a.agency)}`);
  const hit = page.getByTestId('hit').filter({ has: page.getByTestId('hit-agency').getByText(a.agency, { exact: true }) }).first();
  await hit.getByTestId('hit-link').click();
  await page.getByTestId('agency-link').click();
  await expect(page).toHaveURL(new RegExp(`/agencies/${a.slug}$`));
  await expect(page.getByTestId('agency-name')).toHaveText(a.agency);
  await expect(page.getByTestId('year-link')).toHaveCount(a.years.length);
  await expect(page.getByTestId('chart')).toHaveCount(5);
  await expect(page.getByTestId('chart').first().locator('svg')).toBeVisible();

  // The per-year table equals the agency twin.
  const twin = await (await request.get(`/api/agencies/${a.slug}`)).json();
  const newReceived = await page.locator('[data-testid=year-row][data-key="requests.new_received.total"] td').allTextContents();
  expect(newReceived).toEqual(twin.timeline.map((y: { figures: Record<string, number | null> }) => cell(y.figures['requests.new_received.total'])));

  // 2. A comparison of two consecutive years.
  await page.getByTestId('compare-link').last().click();
  const [yA, yB] = a.years.slice(-2);
  await expect(page).toHaveURL(new RegExp(`/agencies/${a.slug}/compare/${yA}-${yB}$`));
  const json = await (await request.get(`/api/agencies/${a.slug}/compare/${yA}-${yB}`)).json();
  await expect(page.getByTestId('headline')).toHaveText(json.headline);
  await expect(page).toHaveTitle(new RegExp(`${a.agency} ${yA}→${yB}`));
  const og = await page.locator('meta[property="og:title"]').getAttribute('content');
  expect(og).toBe(json.headline);

  // Every figure on screen equals the twin: values, change and percentage.
  const screen = {
    ...(await screenFigures(page, 'figures-active')),
    ...(await screenFigures(page, 'figures-requests')),
    ...(await screenFigures(page, 'figures-appeals')),
  };
  expect(Object.keys(screen)).toHaveLength(json.figures.length);
  for (const f of json.figures as { key: string; earlier: number | null; later: number | null; delta: number | null; pct: number | null }[]) {
    const s = screen[f.key]!;
    expect(s.earlier, f.key).toBe(cell(f.earlier));
    expect(s.later, f.key).toBe(cell(f.later));
    expect(s.delta, f.key).toBe(f.delta === null ? '—' : `${f.delta > 0 ? '+' : ''}${f.delta}`);
    if (f.pct !== null) expect(s.pct, f.key).toBe(`${f.pct > 0 ? '+' : ''}${f.pct}%`);
  }
  const share = await page.getByTestId('repeated-share').getAttribute('data-share');
  expect(share).toBe(json.repeated.share === null ? '' : String(json.repeated.share));
  await expect(page.getByTestId('repeated-sentence')).toHaveCount(json.repeated.repeatedSentences.length);

  // 3. The CSV twin downloads from the page and parses to the same figures.
  const download = page.waitForEvent('download');
  await page.getByTestId('csv-link').click();
  const file = await (await download).path();
  const text = fs.readFileSync(file!, 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const rows = parseCsv(text);
  expect(rows[0]).toEqual(['字段名', '项目', `${yA}年`, `${yB}年`, '变化', '变化率']);
  expect(rows[1]).toEqual(['key', 'label', String(yA), String(yB), 'delta', 'pct_change']);
  const byKey = new Map(rows.slice(2).map((r) => [r[0], r]));
  for (const f of json.figures as { key: string; earlier: number | null; later: number | null }[]) {
    expect(byKey.get(f.key)?.slice(2, 4), f.key).toEqual([f.earlier === null ? '' : String(f.earlier), f.later === null ? '' : String(f.later)]);
  }

  // 4. Screenshot: into docs/ only with SCREENSHOTS=1, so ordinary runs leave the tree clean.
  const out = process.env.SCREENSHOTS === '1' ? path.join('docs', 'screenshot-compare.png') : path.join('test-results', 'screenshot-compare.png');
  await page.setViewportSize({ width: 1280, height: 1600 });
  await page.screenshot({ path: out, fullPage: false });
});

test('missing year and unknown agency give a 404 that links to what exists', async ({ page, request }) => {
  const a = await agencyWithYears(request, 2);
  const res = await page.goto(`/agencies/${a.slug}/compare/1999-${a.years.at(-1)}`);
  expect(res?.status()).toBe(404);
  await expect(page.getByTestId('not-found')).toContainText(a.years.join('、'));
  const twin = await request.get(`/api/agencies/${a.slug}/compare/1999-${a.years.at(-1)}`);
  expect(twin.status()).toBe(404);
  expect((await twin.json()).links.length).toBeGreaterThan(0);
  const unknown = await page.goto(`/agencies/${a.slug.split('-').slice(0, 2).join('-')}-no-such-office`);
  expect(unknown?.status()).toBe(404);
  await expect(page.getByTestId('not-found-links').locator('a').first()).toBeVisible();
});

test('reversed years and legacy slugs redirect permanently', async ({ request }) => {
  const a = await agencyWithYears(request, 2);
  const [y1, y2] = a.years;
  const rev = await request.get(`/agencies/${a.slug}/compare/${y2}-${y1}`, { maxRedirects: 0 });
  expect(rev.status()).toBe(308);
  expect(rev.headers()['location']).toContain(`/agencies/${a.slug}/compare/${y1}-${y2}`);
  // Rule v1 slugs (SHA-1 of the name) still resolve, to the canonical page and twin.
  const v1 = createHash('sha1').update(a.agency).digest('hex').slice(0, 12);
  const legacy = await request.get(`/agencies/${v1}`, { maxRedirects: 0 });
  expect(legacy.status()).toBe(308);
  expect(legacy.headers()['location']).toMatch(new RegExp(`/agencies/${a.slug}$`));
  const legacyTwin = await request.get(`/api/agencies/${v1}?format=csv`, { maxRedirects: 0 });
  expect(legacyTwin.status()).toBe(308);
  expect(legacyTwin.headers()['location']).toContain(`/api/agencies/${a.slug}?format=csv`);
});

test('peer comparison sorts on the server and its CSV matches', async ({ page, request }) => {
  const res = await request.get('/api/agencies');
  const all = ((await res.json()) as { agencies: AgencyRow[] }).agencies;
  const year = all.find((x) => x.years.length > 1)!.years.at(-1)!;
  const peers = all.filter((x) => x.years.includes(year)).slice(0, 3);
  expect(peers.length).toBeGreaterThan(1);
  const key = 'requests.new_received.total';
  await page.goto(`/compare?agencies=${peers.map((p) => p.slug).join(',')}&year=${year}&sort=-${key}`);
  const values = await page.locator(`[data-testid=peer-row][data-key="${key}"] td`).allTextContents();
  const nums = values.filter((v) => v !== '—').map(Number);
  expect(nums).toEqual([...nums].sort((x, y) => y - x));
  const csv = parseCsv(await (await request.get(`/api/compare?agencies=${peers.map((p) => p.slug).join(',')}&year=${year}&sort=-${key}&format=csv`)).text());
  const heads = await page.getByTestId('peer-col').allTextContents();
  expect(csv[0]!.slice(2).every((name, i) => heads[i]!.startsWith(name))).toBe(true);
  expect(csv.find((r) => r[0] === key)!.slice(2).map((v) => (v === '' ? '—' : v))).toEqual(values);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('agency page, comparison, charts and the year form work', async ({ page, request }) => {
    const a = await agencyWithYears(request);
    await page.goto(`/agencies/${a.slug}`);
    await expect(page.getByTestId('chart').first().locator('svg')).toBeVisible();
    const form = page.getByTestId('compare-form');
    await form.locator('select[name=a]').selectOption(String(a.years[0]));
    await form.locator('select[name=b]').selectOption(String(a.years.at(-1)));
    await form.getByRole('button').click();
    await expect(page).toHaveURL(new RegExp(`/agencies/${a.slug}/compare/${a.years[0]}-${a.years.at(-1)}$`));
    await expect(page.getByTestId('headline')).toContainText(`${a.years[0]}→${a.years.at(-1)}`);
    await expect(page.locator('[data-testid=figure-row]').first()).toBeVisible();
  });
});

test('bulk export of a search result: one row per report, canonical keys', async ({ request }) => {
  const search = await (await request.get('/api/search?per_page=1')).json();
  const res = await request.get('/api/export?format=csv');
  expect(res.headers()['content-disposition']).toContain('attachment');
  const rows = parseCsv(await res.text());
  // Chinese headers, then the canonical keys (lib/dictionary), then one row per report.
  expect(rows[0]).toContain('一、本年新收政府信息公开申请数量 · 总计');
  expect(rows[1]).toContain('requests.new_received.total');
  expect(rows.length - 2).toBe(Math.min(search.total, 5000));
});
