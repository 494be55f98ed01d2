/**
 * The search page in a real browser against the real index (.e2e-data: seeds + generated
 * corpus). Assertions about seeds name them by agency; generated reports may also match a
 * query, so counts are compared with what the page itself and its JSON twin say.
 */
import { expect, test, type Page } from '@playwright/test';

const SEED_001 = '北仑区人民政府'; // 2023, 行政许可 458711
const TIMELINESS_SEEDS = ['北仑区经济和信息化局', '北仑区公共项目建设管理中心']; // seeds 000 and 004

async function search(page: Page, q: string) {
  await page.goto('/');
  await page.getByTestId('search-input').fill(q);
  await page.getByTestId('search-submit').click();
  await expect(page).toHaveURL(new RegExp(`[?&]q=${encodeURIComponent(q)}`));
}

/** A facet value link, opening the facet's "其余 N 项" list first when it sits there. */
async function facetValue(page: Page, facet: string, value: string) {
  const loc = page.locator(`[data-testid=facet-value][data-facet=${facet}][data-value="${value}"]`);
  await expect(loc).toHaveCount(1);
  if (!(await loc.isVisible())) await page.getByTestId(`facet-${facet}`).locator('summary').click();
  await expect(loc).toBeVisible();
  return loc;
}

/** What the page shows, in the same shape the JSON twin gives. */
async function pageView(page: Page) {
  const total = Number((await page.getByTestId('result-count').innerText()).replace(/[^\d]/g, ''));
  const hits = await page.getByTestId('hit').evaluateAll((els) =>
    els.map((el) => ({
      id: el.getAttribute('data-id'),
      agency: el.querySelector('[data-testid=hit-agency]')?.textContent ?? '',
      snippetText: el.querySelector('[data-testid=hit-snippet]')?.textContent ?? '',
      marks: [...el.querySelectorAll('[data-testid=hit-mark]')].map((m) => m.textContent),
      section: el.querySelector('[data-testid=hit-section]')?.getAttribute('data-section') ?? null,
    })),
  );
  const facets = await page.locator('[data-testid=facet-value]').evaluateAll((els) =>
    els.map((el) => ({
      facet: el.getAttribute('data-facet'),
      value: el.getAttribute('data-value'),
      count: Number((el.querySelector('[data-testid=facet-count]')?.textContent ?? '').replace(/[^\d]/g, '')),
      selected: el.getAttribute('data-selected') === 'true',
    })),
  );
  return { total, hits, facets };
}

test.describe('search page', () => {
  test('a query finds the seeds that name 时效性, with highlighted snippets', async ({ page }) => {
    await search(page, '时效性');
    const agencies = await page.getByTestId('hit-agency').allInnerTexts();
    for (const a of TIMELINESS_SEEDS) expect(agencies).toContain(a);
    const marks = await page.getByTestId('hit-mark').allInnerTexts();
    expect(marks.length).toBeGreaterThan(0);
    for (const m of marks) expect(m).toMatch(/时效/);
    // Highlights are real <mark> elements, never markup leaking as text.
    expect(await page.getByTestId('hits').innerText()).not.toMatch(/<mark>|\uE000|\uE001/);
  });

  test('a two-character query still finds the longer word', async ({ page }) => {
    await search(page, '时效');
    const agencies = await page.getByTestId('hit-agency').allInnerTexts();
    for (const a of TIMELINESS_SEEDS) expect(agencies).toContain(a);
  });

  test('a facet narrows the results, shows as selected, and toggles back off', async ({ page }) => {
    await search(page, '时效性');
    const before = await pageView(page);
    const city = await facetValue(page, 'city', '宁波市');
    const expected = Number((await city.getByTestId('facet-count').innerText()).replace(/[^\d]/g, ''));
    await city.click();
    await expect(page).toHaveURL(/[?&]city=%E5%AE%81%E6%B3%A2%E5%B8%82/);
    const after = await pageView(page);
    expect(after.total).toBe(expected);
    expect(after.total).toBeLessThanOrEqual(before.total);
    await expect(page.locator('[data-testid=facet-value][data-facet=city][data-value="宁波市"]')).toHaveAttribute('data-selected', 'true');
    await expect(page.getByTestId('active-filter')).toHaveText(/城市：宁波市/);
    for (const r of await page.getByTestId('hit-region').allInnerTexts()) expect(r).toContain('宁波市');
    // Clicking the selected value again removes the filter.
    await (await facetValue(page, 'city', '宁波市')).click();
    await expect(page).not.toHaveURL(/city=/);
    expect((await pageView(page)).total).toBe(before.total);
  });

  test('search → facet → report: table value and highlighted term; the copied URL reproduces the view', async ({ page }) => {
    await search(page, '依申请公开');
    await (await facetValue(page, 'city', '宁波市')).click();
    await expect(page).toHaveURL(/city=/);
    const searchUrl = page.url();
    const view = await pageView(page);

    // A pasted link gives the same view (fresh page, no client state).
    const other = await page.context().newPage();
    await other.goto(searchUrl);
    expect(await pageView(other)).toEqual(view);
    await other.close();
    await page.reload();
    expect(await pageView(page)).toEqual(view);

    const hit = page
      .getByTestId('hit')
      .filter({ has: page.getByTestId('hit-agency').getByText(SEED_001, { exact: true }) })
      .filter({ has: page.getByTestId('hit-year').getByText('2023', { exact: false }) })
      .first();
    await hit.getByTestId('hit-link').click();
    await expect(page).toHaveURL(/\/reports\/[^?]+\?q=/);
    await expect(page.getByTestId('report-title')).toContainText(`${SEED_001} 2023年`);
    await expect(page.locator('[data-testid=figure][data-key="active.licensing"]')).toHaveText('458,711');
    await expect(page.locator('[data-testid=figure][data-key="active.penalty"]')).toHaveText('889,636');
    await expect(page.locator('[data-testid=figure][data-key="requests.new_received.total"]')).toHaveText('386');
    const marks = page.getByTestId('term-mark');
    expect(await marks.count()).toBeGreaterThan(0);
    await expect(marks.first()).toHaveText('依申请公开');
    await expect(page.getByTestId('table-requests')).toBeVisible();
    await expect(page.getByTestId('table-appeals')).toBeVisible();
  });

  test('the JSON twin equals what the page shows', async ({ page, request }) => {
    await page.goto('/?q=%E6%97%B6%E6%95%88%E6%80%A7&per_page=5&sort=year_desc');
    const view = await pageView(page);
    const href = await page.getByTestId('export-json').getAttribute('href');
    expect(href).toBe('/api/search?q=%E6%97%B6%E6%95%88%E6%80%A7&sort=year_desc&per_page=5');
    const res = await request.get(href!);
    expect(res.status()).toBe(200);
    const json = await res.json();
    expect(json.total).toBe(view.total);
    expect(json.hits.map((h: { id: string }) => h.id)).toEqual(view.hits.map((h) => h.id));
    expect(json.hits.map((h: { agency: string }) => h.agency)).toEqual(view.hits.map((h) => h.agency));
    expect(json.hits.map((h: { section: string | null }) => h.section)).toEqual(view.hits.map((h) => h.section));
    // Same snippet text and the same number of highlighted parts.
    expect(json.hits.map((h: { snippetText: string }) => h.snippetText)).toEqual(view.hits.map((h) => h.snippetText));
    expect(json.hits.map((h: { snippet: string }) => (h.snippet.match(/<mark>/g) ?? []).length)).toEqual(view.hits.map((h) => h.marks.length));
    // Every facet value on the page has the twin's count.
    for (const f of view.facets) expect(json.facets[f.facet!]?.[f.value!] ?? 0).toBe(f.count);
    expect(view.hits.length).toBe(Math.min(5, view.total));
  });

  test('the CSV twin downloads one row per hit', async ({ page, request }) => {
    await page.goto('/?q=%E6%97%B6%E6%95%88%E6%80%A7');
    const view = await pageView(page);
    const res = await request.get((await page.getByTestId('export-csv').getAttribute('href'))!);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('text/csv');
    expect(res.headers()['content-disposition']).toContain('attachment');
    const lines = (await res.text()).replace(/^\uFEFF/, '').trim().split(/\r\n/);
    // the key figures come last (lib/key-figures.ts), so columns read by position keep their place
    expect(lines[0]).toBe(
      '报告编号,机关,年度,省份,城市,区县,层级,机关类型,命中章节,问题主题,未通过的校验项数,原文片段,报告页面,示例数据,' +
        '新收申请,办结,予以公开,不予公开,行政复议,行政复议纠错,行政诉讼纠错,复议/诉讼纠错',
    );
    expect(lines[1]).toBe(
      'id,agency,year,province,city,county,level,kind,section,themes,checks_failed,snippet,url,synthetic,' +
        'fig.received,fig.processed,fig.granted,fig.refused,fig.review,fig.review_corrected,fig.litigation_corrected,fig.corrected',
    );
    expect(lines.slice(2).map((l) => l.split(',')[0])).toEqual(view.hits.map((h) => h.id));
  });

  test('sorting and paging are links that keep the query', async ({ page }) => {
    await page.goto('/?per_page=5');
    const first = await pageView(page);
    expect(first.total).toBeGreaterThan(5);
    await page.getByTestId('page-next').click();
    await expect(page).toHaveURL(/[?&]page=2/);
    await expect(page.getByTestId('page-current')).toHaveText('2');
    const second = await pageView(page);
    expect(second.hits.map((h) => h.id)).not.toEqual(first.hits.map((h) => h.id));
    await page.getByTestId('sort-year_asc').click();
    await expect(page).toHaveURL(/sort=year_asc/);
    await expect(page).not.toHaveURL(/[?&]page=/);
    await expect(page.getByTestId('sort-year_asc')).toHaveAttribute('data-selected', 'true');
    const years = (await page.getByTestId('hit-year').allInnerTexts()).map((y) => Number(y.replace(/\D/g, '')));
    expect(years).toEqual([...years].sort((a, b) => a - b));
  });

  test('the agency facet has a filter box', async ({ page }) => {
    await page.goto('/');
    const box = page.getByTestId('facet-filter-agency');
    await expect(box).toBeVisible();
    await box.fill('北仑区人民');
    const values = page.locator('[data-testid=facet-value][data-facet=agency]');
    await expect(values.first()).toBeVisible();
    for (const v of await values.evaluateAll((els) => els.map((e) => e.getAttribute('data-value')))) expect(v).toContain('北仑区人民');
    await page.locator(`[data-testid=facet-value][data-facet=agency][data-value="${SEED_001}"]`).click();
    await expect(page).toHaveURL(/agency=/);
    for (const a of await page.getByTestId('hit-agency').allInnerTexts()) expect(a).toBe(SEED_001);
  });

  test('the filter box fetches the agency list from /api/search/facet: the page ships only its first values', async ({ page, request }) => {
    await page.goto(`/?q=${encodeURIComponent('公开')}`);
    const onPage = await page.locator('[data-testid=facet-value][data-facet=agency]').evaluateAll((els) => els.map((e) => e.getAttribute('data-value')));
    expect(onPage.length).toBeGreaterThan(0);
    const res = await request.get(`/api/search/facet?q=${encodeURIComponent('公开')}&facet=agency`);
    expect(res.status()).toBe(200);
    const body = (await res.json()) as { items: { value: string; href: string; count: number }[] };
    expect(body.items.length).toBeGreaterThan(onPage.length);
    expect(body.items.slice(0, onPage.length).map((i) => i.value)).toEqual(onPage);
    expect(body.items[0]!.href).toMatch(/^\/\?q=.*&agency=/);
    expect((await request.get('/api/search/facet?facet=nope')).status()).toBe(400);
  });
});

test.describe('report page', () => {
  test('a failed check is listed with its numbers and marked on the table; the twins carry the same figures', async ({ page, request }) => {
    await page.goto(`/?agency=${encodeURIComponent('北仑区公共项目建设管理中心')}`); // seed 004
    await page.getByTestId('hit-link').first().click();
    await expect(page.getByTestId('report-title')).toContainText('北仑区公共项目建设管理中心 2024年');
    const failed = page.locator('[data-testid=failed-check][data-check="narrative.requests"]');
    await expect(failed).toContainText('未收到政府信息公开申请');
    const cell = page.locator('[data-testid=figure][data-key="requests.new_received.total"]');
    await expect(cell).toHaveText('1（校验未通过）'); // the note is for screen readers; colour shows it
    await expect(cell).toHaveAttribute('data-failed', /narrative\.requests/);
    // Themes with their evidence sentences.
    await expect(page.locator('[data-testid=theme][data-theme=timeliness] [data-testid=theme-evidence]').first()).toContainText('时效性');

    const id = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    const json = await (await request.get((await page.getByTestId('report-json').getAttribute('href'))!)).json();
    expect(json.report.id).toBe(id);
    expect(json.report.figures.requests.new_received.total).toBe(1);
    const onPage = await page.getByTestId('figure').evaluateAll((els) =>
      Object.fromEntries(els.map((e) => [e.getAttribute('data-key'), e.textContent?.replace(/[,\s]|（校验未通过）/g, '')])),
    );
    const csv = await request.get((await page.getByTestId('report-csv').getAttribute('href'))!);
    expect(csv.headers()['content-type']).toContain('text/csv');
    // Two header rows: Chinese, then the keys (lib/dictionary).
    const lines = (await csv.text()).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[1]).toBe('id,agency,year,key,label,value,synthetic');
    const rows = lines.slice(2).map((l) => l.split(','));
    expect(rows.length).toBe(Object.keys(onPage).length);
    for (const r of rows) expect(onPage[r[3]!], r[3]).toBe(r[5] === '' ? '—' : r[5]);
  });
});

test('a report links the same agency\'s other years and the comparison with the year before', async ({ page }) => {
  await page.goto('/?year=2024&sort=year_desc&per_page=50');
  const seeds = new Set([SEED_001, ...TIMELINESS_SEEDS, '殷都区工业和信息化局', '宁波市鄞州区科学技术局（科协）']);
  const hits = page.getByTestId('hit');
  const agencies = await page.getByTestId('hit-agency').allInnerTexts();
  const i = agencies.findIndex((a) => !seeds.has(a)); // generated agencies have several years
  expect(i).toBeGreaterThanOrEqual(0);
  await hits.nth(i).getByTestId('hit-link').click();
  await expect(page.getByTestId('report-title')).toContainText('2024年');
  const years = page.getByTestId('other-year');
  expect(await years.count()).toBeGreaterThanOrEqual(1);
  await expect(page.getByTestId('compare-previous')).toHaveAttribute('href', /^\/agencies\/[^/]+\/compare\/2023-2024$/);
  await expect(page.getByTestId('agency-link')).toHaveAttribute('href', /^\/agencies\/[^/]+$/);
  await years.first().click();
  await expect(page.getByTestId('report-title')).not.toContainText('2024年');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the form, facets and report page work as plain HTML', async ({ page }) => {
    await page.goto('/');
    // No filter box without JS: the server's top-N list is the fallback.
    await expect(page.getByTestId('facet-filter-agency')).toHaveCount(0);
    expect(await page.locator('[data-testid=facet-value][data-facet=agency]').count()).toBeGreaterThan(0);
    await page.getByTestId('search-input').fill('时效性');
    await page.getByTestId('search-submit').click();
    await expect(page).toHaveURL(/q=/);
    await (await facetValue(page, 'theme', '时效性')).click();
    await expect(page).toHaveURL(/theme=/);
    await expect(page.getByTestId('active-filter')).toHaveCount(1);
    const agencies = await page.getByTestId('hit-agency').allInnerTexts();
    for (const a of TIMELINESS_SEEDS) expect(agencies).toContain(a);
    await page.getByTestId('hit-link').first().click();
    await expect(page.getByTestId('report-title')).toBeVisible();
  });
});

test.describe('errors', () => {
  test('bad parameters: 400 JSON from the API, a readable message on the page', async ({ page, request }) => {
    const res = await request.get('/api/search?page=0');
    expect(res.status()).toBe(400);
    const body = await res.json();
    expect(body).toMatchObject({ ok: false, status: 400 });
    expect(body.error).toContain('page');
    const long = await request.get(`/api/search?q=${'字'.repeat(501)}`);
    expect(long.status()).toBe(400);
    await page.goto('/?sort=sideways');
    await expect(page.getByTestId('search-error')).toContainText('sort');
  });

  test('an unknown report is a helpful 404, in HTML and JSON', async ({ page, request }) => {
    const res = await page.goto('/reports/no-such-report');
    expect(res?.status()).toBe(404);
    await expect(page.getByTestId('not-found')).toContainText('未找到这份报告');
    const api = await request.get('/api/reports/no-such-report');
    expect(api.status()).toBe(404);
    expect(await api.json()).toMatchObject({ ok: false, status: 404 });
  });

  test('status reports the engine and the index', async ({ request }) => {
    const res = await request.get('/api/status');
    expect(res.status()).toBe(200);
    const s = await res.json();
    expect(s.ok).toBe(true);
    expect(s.engine).toBe('sqlite');
    expect(s.reports).toBeGreaterThanOrEqual(5);
  });
});
