/** Writes docs/screenshot-search.png for the README from the live search page. */
import path from 'node:path';
import { expect, test } from '@playwright/test';

test('screenshot of the search page', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/?q=%E6%97%B6%E6%95%88%E6%80%A7');
  await expect(page.getByTestId('hit').first()).toBeVisible();
  await page.screenshot({ path: path.join('docs', 'screenshot-search.png'), fullPage: false });
});
