/**
 * The site for every reader: Chinese status page and messages, accessibility (axe-core scan of
 * every page type, headings, skip links, labels, chart tables), share cards (og: tags, server-
 * drawn og:image with Chinese text), provenance, the report summary card, and exports with a
 * data dictionary. Desktop and a 390×844 phone; pages are compared with their JSON twins.
 * Agencies and reports are found through the twins, never by hard-coded generated names.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { parseCsv } from '../lib/compare/csv';
import { PROVENANCE_FIXTURE } from './fixtures';

interface AgencyRow { slug: string; agency: string; years: number[] }

const PHONE = { width: 390, height: 844 };

async function agencies(request: APIRequestContext): Promise<AgencyRow[]> {
  const res = await request.get('/api/agencies');
  expect(res.ok()).toBe(true);
  return ((await res.json()) as { agencies: AgencyRow[] }).agencies;
}

async function multiYear(request: APIRequestContext, min = 3): Promise<AgencyRow> {
  const a = (await agencies(request)).find((x) => x.years.length >= min);
  expect(a, `an agency with ${min}+ years in the e2e corpus`).toBeTruthy();
  return a!;
}

/** A report whose tables were read, found through the search twin. */
async function reportWithTables(request: APIRequestContext): Promise<string> {
  const hits = (await (await request.get('/api/search?per_page=50')).json()).hits as { id: string }[];
  for (const h of hits) {
    const r = (await (await request.get(`/api/reports/${h.id}`)).json()).report;
    if (r.figures.requests && r.figures.appeals) return h.id;
  }
  throw new Error('no report with both request and appeal tables in the e2e corpus');
}

/** Every page type of the site, as URLs of the e2e corpus. */
async function pageTypes(request: APIRequestContext): Promise<Record<string, string>> {
  const a = await multiYear(request);
  const all = await agencies(request);
  const year = a.years.at(-1)!;
  const peers = [a, ...all.filter((x) => x.slug !== a.slug && x.years.includes(year))].slice(0, 3);
  return {
    home: '/',
    search: `/?q=${encodeURIComponent('时效性')}`,
    report: `/reports/${await reportWithTables(request)}`,
    agency: `/agencies/${a.slug}`,
    'agency compare': `/agencies/${a.slug}/compare/${a.years.at(-2)}-${a.years.at(-1)}`,
    'peers compare': `/compare?agencies=${peers.map((p) => p.slug).join(',')}&year=${year}`,
    'peers pick': '/compare',
    agencies: '/agencies',
    'not found': '/no-such-page',
    'report not found': '/reports/no-such-report',
    status: '/status',
    dictionary: '/dictionary',
  };
}

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
}

for (const [device, viewport] of [['desktop', null], ['phone', PHONE]] as const) {
  test(`axe-core: no serious or critical violations, and one h1, on every page type (${device})`, async ({ page, request }) => {
    test.setTimeout(120_000);
    if (viewport) await page.setViewportSize(viewport);
    const pages = await pageTypes(request);
    const found: Record<string, string[]> = {};
    for (const [name, url] of Object.entries(pages)) {
      await page.goto(url);
      await expect(page.locator('h1'), `${name} ${url}`).toHaveCount(1);
      await expect(page.locator('h1')).not.toBeEmpty();
      const v = await seriousViolations(page);
      if (v.length) found[`${name} ${url}`] = v;
    }
    expect(found).toEqual({});
  });
}

test('状态: the menu opens a Chinese status page with the twin\'s numbers; JSON stays at /api/status', async ({ page, request }) => {
  const twin = await (await request.get('/api/status')).json();
  await page.goto('/');
  await page.getByTestId('nav-status').click();
  await expect(page).toHaveURL(/\/status$/);
  await expect(page.locator('h1')).toHaveText('服务状态');
  await expect(page.getByTestId('status-summary')).toContainText(`共收录 ${twin.reports.toLocaleString('zh-CN')} 份报告`);
  await expect(page.getByTestId('status-engine')).toHaveText('内置 SQLite 全文索引');
  await expect(page.getByTestId('status-index')).toContainText(`${twin.index.indexed} 份`);
  // No raw JSON or English field names on the page.
  const text = await page.locator('main').innerText();
  expect(text).not.toMatch(/"ok"|finishedAt|checksFailed|sqlite\b/);
  expect(await page.getByTestId('status-json').getAttribute('href')).toBe('/api/status');
});

test('validation messages are Chinese sentences naming the allowed values, on the page and in the twin', async ({ page, request }) => {
  const bad = await request.get('/api/search?sort=random&page=900');
  expect(bad.status()).toBe(400);
  const { error } = await bad.json();
  expect(error).toContain('排序方式（sort）只能是相关度（relevance）、年度（新→旧）（year_desc）、年度（旧→新）（year_asc）或按数字项排序（fig:数字项:desc 为从多到少，fig:数字项:asc 为从少到多）；数字项可以是新收申请（received）');
  expect(error).toContain('页码（page）最大为 500');
  expect((await (await request.get('/api/search?format=xml')).json()).error).toBe('数据格式（format）只能是JSON 数据（json）或CSV 表格（csv）');
  expect((await (await request.get('/api/search/facet?facet=colour')).json()).error).toMatch(/^筛选项（facet）只能是机关（agency）、/);
  await page.goto('/?sort=random');
  await expect(page.getByTestId('search-error')).toContainText('排序方式（sort）只能是相关度（relevance）');
});

test('skip link: a keyboard user reaches the first result in a few Tabs (phone too)', async ({ page }) => {
  for (const viewport of [null, PHONE]) {
    if (viewport) await page.setViewportSize(viewport);
    await page.goto(`/?q=${encodeURIComponent('时效性')}`);
    await page.keyboard.press('Tab');
    await expect(page.getByTestId('skip-link')).toBeFocused();
    await expect(page.getByTestId('skip-link')).toBeVisible();
    // Past the site menu to the page's own link to the results.
    let tabs = 1;
    while (!(await page.getByTestId('skip-to-results').evaluate((el) => el === document.activeElement)) && tabs < 10) {
      await page.keyboard.press('Tab');
      tabs++;
    }
    expect(tabs).toBeLessThan(10);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.closest('[data-testid=hit]') !== null);
    expect(focused, 'the first Tab after the skip link lands in the first result').toBe(true);
  }
});

test('charts have a caption and their numbers as a table equal to the agency twin', async ({ page, request }) => {
  const a = await multiYear(request);
  await page.goto(`/agencies/${a.slug}`);
  const twin = await (await request.get(`/api/agencies/${a.slug}`)).json();
  const chart = page.locator('[data-testid=chart][data-chart=requests-by-applicant]');
  await expect(chart.locator('figcaption')).toHaveText('新收政府信息公开申请（按申请人）');
  await chart.locator('summary').click();
  const table = chart.getByTestId('chart-data');
  await expect(table.locator('thead th')).toHaveText(['项目', ...twin.years.map(String)]);
  const natural = await table.locator('tbody tr').first().locator('td').allTextContents();
  expect(natural).toEqual(
    twin.timeline.map((y: { figures: Record<string, number | null> }) => {
      const v = y.figures['requests.new_received.natural_person'];
      return v === null ? '—' : v.toLocaleString('zh-CN');
    }),
  );
});

test('labelled inputs on the agency list and the peer comparison form', async ({ page }) => {
  await page.goto('/agencies');
  await expect(page.getByLabel('机关名称或地区')).toBeVisible();
  await page.goto('/compare');
  await expect(page.getByLabel('机关名称')).toBeVisible();
});

async function meta(page: Page, sel: string): Promise<string | null> {
  const el = page.locator(sel);
  return (await el.count()) ? el.first().getAttribute('content') : null;
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(b: Buffer): { width: number; height: number } {
  expect(b.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

test('share cards: og:title/description/image, canonical URL and favicon on every page; images are 1200×630 PNG drawn with the CJK font', async ({ page, request }) => {
  test.setTimeout(120_000);
  const pages = await pageTypes(request);
  for (const [name, url] of Object.entries(pages)) {
    await page.goto(url);
    const label = `${name} ${url}`;
    expect(await meta(page, 'meta[property="og:title"]'), label).toBeTruthy();
    expect(await meta(page, 'meta[property="og:description"]'), label).toBeTruthy();
    const image = await meta(page, 'meta[property="og:image"]');
    expect(image, label).toMatch(/^http:\/\/[^/]+\/og\//);
    expect(await page.locator('link[rel=icon]').count(), label).toBeGreaterThan(0);
    if (!name.includes('not found')) {
      const canonical = await page.locator('link[rel=canonical]').getAttribute('href');
      expect(canonical, label).toMatch(/^http:\/\//);
    }
    // Only the distinct images: site card for the list, status, dictionary and 404 pages.
    if (['home', 'report', 'agency', 'agency compare', 'peers compare'].includes(name)) {
      const res = await request.get(new URL(image!).pathname + new URL(image!).search);
      expect(res.status(), label).toBe(200);
      expect(res.headers()['content-type']).toBe('image/png');
      // A missing font must fail here, not pass with boxes for every character.
      expect(res.headers()['x-og-font'], `${label}: ${decodeURIComponent(res.headers()['x-og-font-error'] ?? '')}`).toBe('ok');
      expect(pngSize(await res.body())).toEqual({ width: 1200, height: 630 });
    }
  }
  const icon = await request.get((await page.locator('link[rel=icon]').first().getAttribute('href'))!);
  expect(icon.status()).toBe(200);
  expect(icon.headers()['content-type']).toContain('image/svg+xml');
});

test('the share image shows Chinese: the title area has ink in Chromium', async ({ page, request }) => {
  const a = await multiYear(request);
  await page.goto('/');
  const ink = await page.evaluate(async (src) => {
    const img = new Image();
    img.src = src;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    // The title line (the agency's Chinese name) sits between y≈110 and y≈190.
    const d = ctx.getImageData(64, 110, 1000, 80).data;
    let dark = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i]! < 100 && d[i + 1]! < 100 && d[i + 2]! < 100) dark++;
    return { w: img.width, h: img.height, dark };
  }, `/og/agencies/${a.slug}`);
  expect({ w: ink.w, h: ink.h }).toEqual({ w: 1200, h: 630 });
  expect(ink.dark).toBeGreaterThan(2000);
});

test('texts are right for one year and for years that are not adjacent', async ({ page, request }) => {
  const all = await agencies(request);
  const single = all.find((x) => x.years.length === 1)!;
  expect(single, 'an agency with one year').toBeTruthy();
  await page.goto(`/agencies/${single.slug}`);
  const title = await meta(page, 'meta[property="og:title"]');
  expect(title).toContain(`${single.years[0]}年`);
  expect(title).not.toContain(`${single.years[0]}–${single.years[0]}`);

  const a = await multiYear(request);
  const [yA, yB] = [a.years[0]!, a.years.at(-1)!];
  expect(yB - yA).toBeGreaterThan(1);
  await page.goto(`/agencies/${a.slug}/compare/${yA}-${yB}`);
  const desc = (await meta(page, 'meta[property="og:description"]'))!;
  expect(desc).not.toContain('上一年度');
  const twin = await (await request.get(`/api/agencies/${a.slug}/compare/${yA}-${yB}`)).json();
  if (twin.repeated.share !== null) expect(desc).toContain(`问题部分与${yA}年度逐字重复 ${twin.repeated.share}%`);
});

test('provenance: the report links to its original and shows the capture date when recorded, and says so when not', async ({ page, request }) => {
  const rows = (await (await request.get('/api/export?format=json')).json()).rows as { id: string; file: string }[];
  const withSource: string[] = [];
  for (const r of rows) {
    const rec = (await (await request.get(`/api/reports/${r.id}`)).json()).report;
    if (rec.source?.sourceUrl === PROVENANCE_FIXTURE.sourceUrl) withSource.push(r.id);
    if (withSource.length) break;
  }
  expect(withSource, 'the report with the e2e sidecar').toHaveLength(1);
  await page.goto(`/reports/${withSource[0]}`);
  const link = page.getByTestId('provenance-link');
  await expect(link).toHaveAttribute('href', PROVENANCE_FIXTURE.sourceUrl);
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer nofollow');
  await expect(page.getByTestId('provenance-captured')).toHaveText('2025-03-01');

  const other = rows.find((r) => r.id !== withSource[0])!;
  await page.goto(`/reports/${other.id}`);
  await expect(page.getByTestId('provenance-url')).toContainText('未记录：收录时没有提供原文网址');
  await expect(page.getByTestId('provenance-captured')).toContainText('未记录');
  const text = await page.getByTestId('provenance').innerText();
  expect(text).not.toMatch(/SHA-256|TXT \/|utf-8/);
  expect(text).toMatch(/文件指纹/);
});

test('summary card: figures equal the twin\'s table sums and link to their rows; on a phone 总计 and the row label stay in view', async ({ page, request }) => {
  const id = await reportWithTables(request);
  const r = (await (await request.get(`/api/reports/${id}`)).json()).report;
  const denied = Object.entries(r.figures.requests as Record<string, { total: number | null }>)
    .filter(([k]) => k.startsWith('denied_'))
    .map(([, v]) => v.total);
  expect(denied).toHaveLength(8);
  const sum = (xs: (number | null)[]) => (xs.some((x) => x === null) ? null : xs.reduce<number>((s, x) => s + x!, 0));
  const a = r.figures.appeals;
  const expected = {
    received: r.figures.requests.new_received.total,
    processed: r.figures.requests.total_processed.total,
    granted: r.figures.requests.granted.total,
    denied: sum(denied),
    corrected: sum([a.review.corrected, a.litigation_direct.corrected, a.litigation_after_review.corrected]),
  };
  await page.goto(`/reports/${id}`);
  const card = page.getByTestId('report-summary');
  const shown = await card.getByTestId('summary-figure').evaluateAll((els) =>
    Object.fromEntries(els.map((e) => [e.getAttribute('data-key'), e.getAttribute('data-value') === '' ? null : Number(e.getAttribute('data-value'))])),
  );
  expect(shown).toEqual(expected);
  await card.locator('[data-key=denied]').click();
  await expect(page).toHaveURL(/#row-requests-denied_state_secret$/);
  await expect(page.locator('#row-requests-denied_state_secret')).toBeInViewport();
  await card.locator('[data-key=corrected]').click();
  await expect(page.locator('#row-appeals')).toBeInViewport();

  await page.setViewportSize(PHONE);
  await page.goto(`/reports/${id}`);
  const table = page.getByTestId('table-requests');
  await expect(page.getByTestId('section-requests').getByTestId('scroll-hint')).toBeVisible();
  const box = table.locator('xpath=..');
  expect(await box.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  await box.evaluate((el) => el.scrollTo({ left: el.scrollWidth / 2 }));
  const row = page.locator('#row-requests-granted');
  await row.scrollIntoViewIfNeeded();
  const viewport = page.viewportSize()!;
  const label = await row.locator('th[scope=row]').boundingBox();
  const total = await row.locator('[data-key="requests.granted.total"]').boundingBox();
  const boxRect = (await box.boundingBox())!;
  expect(label!.x).toBeGreaterThanOrEqual(boxRect.x - 1);
  expect(label!.x).toBeLessThan(boxRect.x + 2);
  expect(total!.x + total!.width).toBeLessThanOrEqual(Math.min(viewport.width, boxRect.x + boxRect.width) + 1);
  // Something scrolled between them: a middle column is out of view.
  const hidden = await row.locator('[data-key="requests.granted.natural_person"]').boundingBox();
  expect(hidden!.x).toBeLessThan(label!.x + label!.width);
});

test('exports: Chinese headers over keys, keys only on request, Chinese theme labels; the dictionary defines every column', async ({ page, request }) => {
  const dict = await (await request.get('/api/dictionary')).json();
  const defined = new Map<string, { label: string }>(dict.columns.map((c: { key: string; label: string }) => [c.key, c]));
  const rows = parseCsv(await (await request.get(`/api/export?format=csv&theme=${encodeURIComponent('时效性')}`)).text());
  const [labels, keys, first] = rows;
  expect(keys).toEqual(dict.files.export.columns);
  expect(labels).toEqual(keys!.map((k) => defined.get(k)!.label));
  expect(labels).toContain('一、本年新收政府信息公开申请数量 · 总计');
  expect(first![keys!.indexOf('themes')]).toContain('时效性');
  expect(first![keys!.indexOf('themes')]).not.toMatch(/[a-z]/);
  expect(Number(first![keys!.indexOf('checks_failed')])).toBeGreaterThanOrEqual(0);

  const keysOnly = parseCsv(await (await request.get('/api/export?format=csv&headers=keys&per_page=1')).text());
  expect(keysOnly[0]).toEqual(dict.files.export.columns);
  expect(keysOnly[1]![0]).not.toBe('id');
  expect((await request.get('/api/export?format=csv&headers=english')).status()).toBe(400);

  const agencyCsv = parseCsv(await (await request.get(`/api/agencies/${(await multiYear(request)).slug}?format=csv`)).text());
  expect(agencyCsv[1]).toEqual(dict.files.agency.columns);
  expect(agencyCsv[0]![0]).toBe('年度');

  await page.goto('/dictionary');
  await expect(page.locator('h1')).toHaveText('数据字典');
  await expect(page.getByTestId('dictionary-row')).toHaveCount(dict.columns.length);
  await expect(page.locator('[data-testid=dictionary-row][data-key="requests.denied_three_safeties.total"]')).toContainText('危及“三安全一稳定”');
});

test('the search page says what each CSV link contains, and the counts are right', async ({ page, request }) => {
  await page.goto(`/?q=${encodeURIComponent('时效性')}`);
  const total = Number((await page.getByTestId('result-count').innerText()).replace(/,/g, ''));
  const onPage = await page.getByTestId('hit').count();
  await expect(page.getByTestId('export-csv')).toHaveText(`本页 ${onPage} 条（CSV）`);
  await expect(page.getByTestId('export-figures')).toHaveText(`全部 ${total.toLocaleString('zh-CN')} 份报告的统计数据（CSV）`);
  const all = parseCsv(await (await request.get((await page.getByTestId('export-figures').getAttribute('href'))!)).text());
  expect(all.length - 2).toBe(total);
  const hits = parseCsv(await (await request.get((await page.getByTestId('export-csv').getAttribute('href'))!)).text());
  expect(hits.length - 2).toBe(onPage);
});
