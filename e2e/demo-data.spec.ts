/**
 * Demo data no visitor can mistake for real. The e2e index holds the real seeds and a small
 * generated corpus (e2e/global-setup.ts), so every page shows the demo banner, generated reports
 * and their hits carry the 示例数据 badge, real ones do not, and the footer still names the
 * agencies' own reports as a source (real reports are indexed).
 */
import { expect, test, type APIRequestContext } from '@playwright/test';

const BANNER = '本站当前为演示数据：报告由程序生成，数字与表述均为虚构，不代表真实机关';

interface Hit { id: string; agency: string; synthetic: boolean }

async function hits(request: APIRequestContext): Promise<Hit[]> {
  const res = await request.get('/api/search?per_page=100');
  expect(res.ok()).toBe(true);
  return ((await res.json()) as { hits: Hit[] }).hits;
}

test('every page shows the demo banner with how to index real reports', async ({ page, request }) => {
  const all = await hits(request);
  const demo = all.find((h) => h.synthetic)!;
  for (const url of ['/', '/?q=时效性', '/agencies', `/reports/${demo.id}`, '/no-such-page']) {
    await page.goto(url);
    const banner = page.getByTestId('demo-banner');
    await expect(banner, url).toBeVisible();
    await expect(banner).toContainText(BANNER);
    await expect(banner).toContainText('npm run index -- /path/to/reports');
    await expect(banner).toContainText('REPORTS_DIR');
    // Real reports are indexed too: the footer names their source, the banner says how many are demo.
    await expect(page.getByTestId('source-sentence')).toContainText('数据来自各机关公开发布的');
  }
});

test('generated reports carry the 示例数据 badge on their page and their search hit; real ones do not', async ({ page, request }) => {
  const all = await hits(request);
  const demo = all.filter((h) => h.synthetic);
  const real = all.filter((h) => !h.synthetic);
  expect(demo.length, 'generated reports in the e2e index').toBeGreaterThan(0);
  expect(real.length, 'seed (real) reports in the e2e index').toBeGreaterThan(0);

  await page.goto(`/reports/${demo[0].id}`);
  await expect(page.getByTestId('report-title')).toContainText('（示例）');
  await expect(page.getByTestId('report-demo-note').getByTestId('demo-badge')).toHaveText('示例数据');
  await expect(page.getByTestId('report-demo-note').getByTestId('demo-badge')).toBeVisible();

  await page.goto(`/reports/${real[0].id}`);
  await expect(page.getByTestId('report-title')).not.toContainText('示例');
  await expect(page.getByTestId('demo-badge')).toHaveCount(0);

  // Search hits: the badge exactly on the generated ones.
  await page.goto('/?per_page=100');
  const list = page.getByTestId('hit');
  await expect(list).toHaveCount(all.length);
  for (const h of [demo[0], real[0]]) {
    const hit = page.locator(`[data-testid="hit"][data-id="${h.id}"]`);
    await expect(hit.getByTestId('demo-badge')).toHaveCount(h.synthetic ? 1 : 0);
  }
  await expect(page.locator('[data-testid="hit"] [data-testid="demo-badge"]')).toHaveCount(demo.length);
  await expect(page.locator('[data-testid="hit"] [data-testid="demo-badge"]').first()).toBeVisible();
});
