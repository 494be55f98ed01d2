/**
 * Peer comparison reachable: the 比较 menu entry, agency pickers by Chinese name with
 * autocomplete, and 加入比较 on search hits and report pages filling a tray (localStorage) that
 * opens the /compare URL. Agencies come from the /api/agencies twin, never hard-coded.
 */
import { expect, test, type APIRequestContext } from '@playwright/test';

interface AgencyRow { slug: string; agency: string; years: number[] }

async function agencies(request: APIRequestContext): Promise<AgencyRow[]> {
  const res = await request.get('/api/agencies');
  expect(res.ok()).toBe(true);
  return ((await res.json()) as { agencies: AgencyRow[] }).agencies;
}

/** Two agencies sharing a year, so their comparison has columns. */
async function pair(request: APIRequestContext): Promise<[AgencyRow, AgencyRow, number]> {
  const all = await agencies(request);
  for (const a of all)
    for (const b of all) if (a !== b) {
      const common = a.years.filter((y) => b.years.includes(y));
      if (common.length) return [a, b, Math.max(...common)];
    }
  throw new Error('no two agencies share a year in the e2e corpus');
}

test('比较 in the menu → pick two agencies by Chinese name (autocomplete) → their comparison', async ({ page, request }) => {
  const [a, b, year] = await pair(request);
  await page.goto('/');
  await page.getByTestId('nav-compare').click();
  await expect(page).toHaveURL(/\/compare$/);
  const picker = page.getByTestId('agency-picker');
  await expect(page.getByLabel('机关名称')).toBeVisible(); // a labelled input, not just a placeholder
  // Autocomplete: part of the name offers the full name.
  await picker.pressSequentially(a.agency.slice(0, Math.max(2, a.agency.length - 2)));
  await expect(page.locator(`[data-testid=agency-options] option[value="${a.agency}"]`)).toHaveCount(1);
  await picker.fill(a.agency);
  await page.getByTestId('peer-add-submit').click();
  await expect(page).toHaveURL(new RegExp(`/compare\\?agencies=${a.slug}&year=\\d+$`));
  await page.getByTestId('agency-picker').fill(b.agency);
  await page.getByTestId('peer-add-submit').click();
  await expect(page).toHaveURL(new RegExp(`agencies=${a.slug},${b.slug}`));
  const heads = await page.getByTestId('peer-col').allTextContents();
  if (a.years.includes(year) && b.years.includes(year)) {
    await page.goto(`/compare?agencies=${a.slug},${b.slug}`);
    await expect(page).toHaveURL(new RegExp(`year=${year}$`));
    expect((await page.getByTestId('peer-col').allTextContents()).length).toBe(2);
  }
  expect(heads.length).toBeGreaterThanOrEqual(1);
});

test('the suggestion twin: names containing the text, each with its slug; a long text is a 400', async ({ request }) => {
  const [a] = await pair(request);
  const part = a.agency.slice(0, 2);
  const body = await (await request.get(`/api/agencies/suggest?q=${encodeURIComponent(part)}`)).json();
  expect(body.ok).toBe(true);
  expect(body.items.length).toBeGreaterThan(0);
  for (const s of body.items) expect(s.agency).toContain(part);
  expect((await request.get(`/api/agencies/suggest?q=${'字'.repeat(60)}`)).status()).toBe(400);
});

test('an unknown name is said plainly, with names that contain it to pick from', async ({ page, request }) => {
  const [a] = await pair(request);
  const part = a.agency.slice(0, 3);
  await page.goto(`/compare?agency=${encodeURIComponent(part)}`);
  await expect(page.getByTestId('peer-missing')).toContainText(`没有名为“${part}”`);
  const similar = page.getByTestId('peer-similar');
  expect(await similar.count()).toBeGreaterThan(0);
  await similar.first().click();
  await expect(page).toHaveURL(/\/compare\?agencies=[^&]+&year=\d+$/);
});

for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
  test(`加入比较 on search hits and a report page fills the tray, which opens the comparison (${viewport.width}px)`, async ({ page, request }) => {
    const [a, b] = await pair(request);
    await page.setViewportSize(viewport);
    await page.goto(`/?agency=${encodeURIComponent(a.agency)}`);
    await expect(page.getByTestId('compare-tray')).toHaveCount(0);
    await page.getByTestId('add-to-compare').first().click();
    await expect(page.getByTestId('compare-tray')).toBeVisible();
    await expect(page.getByTestId('tray-item')).toHaveText([new RegExp(a.agency)]);
    // The tray is kept across pages: a report page of the other agency adds to it.
    await page.goto(`/?agency=${encodeURIComponent(b.agency)}`);
    await expect(page.getByTestId('tray-item')).toHaveCount(1);
    await page.getByTestId('hit-link').first().click();
    await expect(page.getByTestId('report-title')).toBeVisible();
    const add = page.getByTestId('report-agency').getByTestId('add-to-compare');
    await add.click();
    await expect(add).toHaveAttribute('data-added', 'true');
    await expect(page.getByTestId('tray-item')).toHaveCount(2);
    expect(JSON.parse((await page.evaluate(() => localStorage.getItem('nianbao:compare')))!)).toEqual([a.agency, b.agency]);
    await page.getByTestId('tray-compare').click();
    await expect(page).toHaveURL(new RegExp(`/compare\\?agencies=${a.slug},${b.slug}`));
    // Ticking 加入比较 again removes it; 清空 empties the tray.
    await page.getByTestId('tray-clear').click();
    await expect(page.getByTestId('compare-tray')).toHaveCount(0);
  });
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('加入比较 is a link that opens the comparison with that agency; the picker adds by name', async ({ page, request }) => {
    const [a, b] = await pair(request);
    await page.goto(`/?agency=${encodeURIComponent(a.agency)}`);
    await page.getByTestId('add-to-compare').first().click();
    await expect(page).toHaveURL(new RegExp(`/compare\\?agencies=${a.slug}`));
    await page.getByTestId('agency-picker').fill(b.agency);
    await page.getByTestId('peer-add-submit').click();
    await expect(page).toHaveURL(new RegExp(`agencies=${a.slug},${b.slug}`));
  });
});
