/**
 * Key figures as filters and sort keys: a condition added with the 按数字筛选 form (a GET form,
 * so without JavaScript too), shown as a removable chip, a figure order from the sort menu, the
 * headline figures under each hit, and the JSON twin equal to the page. Desktop and a 390×844
 * phone (where the form sits inside the 筛选 panel). Expected numbers come from the JSON twin
 * of the unfiltered search, so the test holds for whatever the e2e corpus contains.
 */
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';

type Figs = Record<string, number | null>;
type JsonHit = { id: string; figures: Figs };

const total = async (page: Page) => Number((await page.getByTestId('result-count').innerText()).replace(/[^\d]/g, ''));

/** Every report's key figures, from the twin of the unfiltered search. */
async function allFigures(request: APIRequestContext): Promise<JsonHit[]> {
  const out: JsonHit[] = [];
  for (let p = 1; ; p++) {
    const json = await (await request.get(`/api/search?per_page=100&page=${p}`)).json();
    out.push(...(json.hits as JsonHit[]));
    if (out.length >= json.total) return out;
  }
}

/** What the page shows under each hit: id → figure key → value (null for —). */
async function shownFigures(page: Page): Promise<{ id: string; figures: Figs }[]> {
  return page.getByTestId('hit').evaluateAll((els) =>
    els.map((el) => ({
      id: el.getAttribute('data-id') ?? '',
      figures: Object.fromEntries(
        [...el.querySelectorAll('[data-testid=hit-figure]')].map((f) => {
          const v = f.getAttribute('data-value') ?? '';
          return [f.getAttribute('data-key') ?? '', v === '' ? null : Number(v)];
        }),
      ),
    })),
  );
}

for (const { width, height, js } of [
  { width: 1280, height: 900, js: true },
  { width: 390, height: 844, js: false },
]) {
  test(`figure filter by the form, figure sort by the menu; chips, hit figures and the JSON twin agree (${width}px${js ? '' : ', without JavaScript'})`, async ({ browser, request }) => {
    const phone = width < 768;
    const ctx = await browser.newContext({ viewport: { width, height }, isMobile: phone, hasTouch: phone, javaScriptEnabled: js, locale: 'zh-CN' });
    const page = await ctx.newPage();
    const all = await allFigures(request);
    const known = all.map((h) => h.figures.received).filter((v): v is number => v !== null).sort((a, b) => a - b);
    expect(known.length, 'the e2e corpus has reports with a requests table').toBeGreaterThan(3);
    expect(all.some((h) => h.figures.received === null), 'and reports without one (legacy format)').toBe(true);
    const bound = known[Math.floor(known.length / 2)];
    const expected = all.filter((h) => h.figures.received !== null && h.figures.received >= bound).map((h) => h.id).sort();

    await page.goto('/');
    // Every hit shows its headline figures, — where unknown.
    const first = await shownFigures(page);
    expect(Object.keys(first[0].figures)).toEqual(['received', 'granted', 'refused', 'corrected']);
    const byId = new Map(all.map((h) => [h.id, h.figures]));
    for (const h of first) for (const [k, v] of Object.entries(h.figures)) expect(v, `${h.id} ${k}`).toBe(byId.get(h.id)![k]);

    if (phone) {
      // On a phone the form is inside the closed 筛选 panel.
      await expect(page.getByTestId('figure-filter')).toBeHidden();
      await page.getByTestId('filters-button').click();
    }
    await expect(page.getByTestId('figure-filter')).toBeVisible();
    await page.getByTestId('figure-key').selectOption('received');
    await page.getByTestId('figure-op').selectOption('ge');
    await page.getByTestId('figure-value').fill(String(bound));
    await page.getByTestId('figure-apply').click();

    // Redirected to the canonical address, back at the form (the phone panel stays open).
    await expect(page).toHaveURL(new RegExp(`/\\?fig=received%3Age%3A${bound}#figure-filters$`));
    await expect(page.getByTestId('figure-filter')).toBeInViewport();
    expect(await total(page)).toBe(expected.length);
    await expect(page.getByTestId('active-figure-filter')).toHaveText(new RegExp(`新收申请 ≥ ${bound.toLocaleString('zh-CN')}`));
    if (phone) await expect(page.getByTestId('filters-button')).toContainText('1');
    for (const h of await shownFigures(page)) expect(h.figures.received!, h.id).toBeGreaterThanOrEqual(bound);

    // Sort by refusals, most first: unknown last.
    if (phone) await page.getByTestId('filters-done').click();
    await page.getByTestId('figure-sort-toggle').click();
    await page.getByTestId('sort-fig:refused:desc').click();
    await expect(page).toHaveURL(new RegExp(`fig=received%3Age%3A${bound}&sort=fig%3Arefused%3Adesc`));
    await expect(page.getByTestId('figure-sort-toggle')).toHaveText('不予公开（多→少）');
    const sorted = await shownFigures(page);
    const refused = sorted.map((h) => h.figures.refused);
    const firstNull = refused.indexOf(null);
    const numbers = (firstNull < 0 ? refused : refused.slice(0, firstNull)) as number[];
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
    if (firstNull >= 0) expect(refused.slice(firstNull).every((v) => v === null)).toBe(true);
    expect(sorted.every((h) => expected.includes(h.id))).toBe(true);

    // The JSON twin of this view equals the page: same hits, same order, same figures.
    const href = await page.getByTestId('export-json').getAttribute('href');
    expect(href).toContain(`fig=received%3Age%3A${bound}`);
    const twin = await (await request.get(href!)).json();
    expect(twin.total).toBe(await total(page));
    expect(twin.figureFilters).toEqual([{ key: 'received', op: 'ge', value: bound }]);
    expect(twin.sort).toBe('fig:refused:desc');
    expect(twin.hits.map((h: JsonHit) => h.id)).toEqual(sorted.map((h) => h.id));
    for (const [i, h] of sorted.entries()) for (const [k, v] of Object.entries(h.figures)) expect(twin.hits[i].figures[k], `${h.id} ${k}`).toBe(v);

    // The chip removes the condition and keeps the sort.
    await page.getByTestId('active-figure-filter').click();
    await expect(page).toHaveURL(/\/\?sort=fig%3Arefused%3Adesc$/);
    expect(await total(page)).toBe(all.length);
    await ctx.close();
  });
}

test('a condition no report meets, and a malformed one, say so in Chinese', async ({ page, request }) => {
  await page.goto('/?fig=refused:ge:1000000000');
  await expect(page.getByTestId('no-results')).toBeVisible();
  await expect(page.getByTestId('active-figure-filter')).toHaveText(/不予公开 ≥ 1,000,000,000/);
  await page.goto('/?fig=refused:more:1');
  await expect(page.getByTestId('search-error')).toContainText('数字筛选（fig）“refused:more:1”无法识别');
  const res = await request.get('/api/search?fig=refused:more:1');
  expect(res.status()).toBe(400);
  expect((await res.json()).error).toContain('比较方式可以是≥（ge）');
});

test('the CSV twin, the bulk export and /stats honour figure conditions and the figure order', async ({ request }) => {
  const page1 = await (await request.get('/api/search?fig=refused:gt:0&per_page=100')).json();
  expect(page1.total).toBeGreaterThan(0);
  for (const h of page1.hits as JsonHit[]) expect(h.figures.refused!).toBeGreaterThan(0);
  const csv = await (await request.get('/api/search?fig=refused:gt:0&per_page=100&format=csv&headers=keys')).text();
  const [head, ...rows] = csv.trim().split(/\r?\n/);
  const col = head.split(',').indexOf('fig.refused');
  expect(col).toBeGreaterThan(0);
  expect(rows.length).toBe(page1.hits.length);
  for (const r of rows) expect(Number(r.split(',').at(col - head.split(',').length))).toBeGreaterThan(0);
  const stats = await (await request.get('/api/stats?fig=refused:gt:0')).json();
  expect(stats.total).toBe(page1.total);
  const sorted = await (await request.get('/api/search?fig=refused:gt:0&sort=fig:refused:asc&per_page=100')).json();
  const exp = await request.get('/api/export?fig=refused:gt:0&sort=fig:refused:asc&format=json');
  expect(exp.headers()['x-total-count']).toBe(String(page1.total));
  const body = await exp.json();
  const idCol = (body.columns as string[]).indexOf('id');
  const rowIds = (body.rows as unknown[]).map((r) => (Array.isArray(r) ? r[idCol] : (r as { id: string }).id));
  expect(rowIds).toEqual((sorted.hits as JsonHit[]).map((h) => h.id));
});
