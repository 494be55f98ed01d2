/**
 * Permalinks without JavaScript: a missing agency, year or report is a 404 whose helpful body
 * (what exists instead) is in the server HTML, and real pages carry their title and Open Graph
 * tags in the server <head> (link previews). See app/_lib/missing-page.ts for why.
 */
import { expect, test, type APIRequestContext } from '@playwright/test';

interface AgencyRow { slug: string; agency: string; years: number[] }

async function agencyWithYears(request: APIRequestContext, min = 2): Promise<AgencyRow> {
  const res = await request.get('/api/agencies');
  expect(res.ok()).toBe(true);
  const a = ((await res.json()) as { agencies: AgencyRow[] }).agencies.find((x) => x.years.length >= min);
  expect(a, `an agency with ${min}+ years in the e2e corpus`).toBeTruthy();
  return a!;
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a missing compare year is a 404 listing the years held, with working links', async ({ page, request }) => {
    const a = await agencyWithYears(request);
    const res = await page.goto(`/agencies/${a.slug}/compare/1990-1991`);
    expect(res?.status()).toBe(404);
    const help = page.getByTestId('not-found');
    await expect(help).toContainText('1990、1991');
    await expect(help).toContainText(a.years.join('、'));
    const links = page.getByTestId('not-found-links').locator('a');
    const [yA, yB] = a.years.slice(-2);
    await expect(links.filter({ hasText: `${yA}→${yB}` })).toHaveAttribute('href', `/agencies/${a.slug}/compare/${yA}-${yB}`);
    // Following a suggested link works without JS too.
    await links.filter({ hasText: `${yA}→${yB}` }).click();
    await expect(page).toHaveURL(new RegExp(`/agencies/${a.slug}/compare/${yA}-${yB}$`));
    await expect(page.getByTestId('compare-page')).toBeVisible();
  });

  test('an unknown agency is a 404 that links to similar agencies', async ({ page, request }) => {
    const a = await agencyWithYears(request);
    const res = await page.goto(`/agencies/${a.slug}x`);
    expect(res?.status()).toBe(404);
    await expect(page.getByTestId('not-found')).toContainText('未找到该机关');
    await expect(page.getByTestId('not-found-links').getByRole('link', { name: a.agency, exact: true })).toHaveAttribute('href', `/agencies/${a.slug}`);
    // The site chrome (root layout) is server-rendered around the help.
    await expect(page.locator('footer')).toBeVisible();
  });

  test('an unknown report is a helpful 404', async ({ page }) => {
    const res = await page.goto('/reports/0000000000000000');
    expect(res?.status()).toBe(404);
    await expect(page.getByTestId('not-found')).toContainText('未找到这份报告');
  });
});

test('raw server HTML: 404 help in the body, title and og:title in the head of real pages', async ({ request }) => {
  const a = await agencyWithYears(request);
  const ua = { 'user-agent': 'Mozilla/5.0' }; // not on Next's bot list: Next streams the page to this agent
  const missing = await request.get(`/agencies/${a.slug}/compare/1990-1991`, { headers: ua });
  expect(missing.status()).toBe(404);
  const html = await missing.text();
  expect(html).not.toContain('__next_error__');
  expect(html).toContain(`href="/agencies/${a.slug}"`);

  const page = await request.get(`/agencies/${a.slug}`, { headers: ua });
  expect(page.status()).toBe(200);
  const head = (await page.text()).split('</head>')[0]!;
  expect(head).toContain(`<title>${a.agency}`);
  expect(head).toMatch(new RegExp(`<meta property="og:title" content="${a.agency}[^"]*"`));
});
