/**
 * Screenshot of the live search page for the README. Written to docs/screenshot-search.png only
 * with SCREENSHOTS=1 (so ordinary test runs leave the working tree clean); otherwise to
 * test-results/ as a check that the page renders with CJK text.
 */
import path from 'node:path';
import { expect, test } from '@playwright/test';

test('screenshot of the search page', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/?q=%E6%97%B6%E6%95%88%E6%80%A7');
  await expect(page.getByTestId('hit').first()).toBeVisible();
  const out = process.env.SCREENSHOTS === '1' ? path.join('docs', 'screenshot-search.png') : path.join('test-results', 'screenshot-search.png');
  const png = await page.screenshot({ path: out, fullPage: false });
  expect(png.length).toBeGreaterThan(20_000);
});
