/**
 * A query naming a province the index holds is understood: the word becomes the province filter,
 * a chip says so, and its link searches the words as typed instead (literal=1).
 */
import { expect, test } from '@playwright/test';
import { shortRegionName } from '../lib/search/understand';

test('a short province name becomes a chip whose link keeps the word as text', async ({ page, request }) => {
  const all = await (await request.get('/api/search?per_page=1&facet_limit=0')).json();
  const provinces = Object.keys(all.facets.province ?? {});
  // A province whose short name is no city's short name too (that one would stay text).
  const cities = new Set(Object.keys(all.facets.city ?? {}).map((c) => shortRegionName(c)));
  const province = provinces.find((p) => shortRegionName(p) && !cities.has(shortRegionName(p)));
  expect(province, `no province in the e2e index: ${provinces.join('、')}`).toBeTruthy();
  const short = shortRegionName(province!)!;

  await page.goto(`/?q=${encodeURIComponent(`公开 ${short}`)}`);
  const chip = page.getByTestId('understood-chip');
  await expect(chip).toHaveCount(1);
  await expect(chip).toContainText(`已将“${short}”作为省份筛选`);
  await expect(page.locator(`[data-testid=active-filter][data-facet=province][data-value="${province}"]`)).toBeVisible();
  await expect(page.getByTestId('search-input')).toHaveValue('公开');
  const narrowed = Number((await page.getByTestId('result-count').innerText()).replace(/[^\d]/g, ''));
  expect(narrowed).toBeGreaterThan(0);

  await chip.getByTestId('understood-undo').click();
  await expect(page).toHaveURL(/literal=1/);
  await expect(page.getByTestId('understood-chip')).toHaveCount(0);
  await expect(page.locator('[data-testid=active-filter][data-facet=province]')).toHaveCount(0);
  await expect(page.getByTestId('search-input')).toHaveValue(`公开 ${short}`);
  // As text, the word no longer narrows to the province: the page matches the JSON twin with literal=1.
  const literal = await (await request.get(`/api/search?literal=1&q=${encodeURIComponent(`公开 ${short}`)}`)).json();
  expect(literal.understood).toEqual([]);
  expect(Number((await page.getByTestId('result-count').innerText()).replace(/[^\d]/g, ''))).toBe(literal.total);
});
