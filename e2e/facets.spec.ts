/**
 * Facets researchers can trust: several values of one facet ticked by clicks (links, so without
 * JavaScript too), counts that say what a click gives, a year range, 清除 per facet, and on
 * phones a 筛选 button that opens the filters and brings a chosen filter back into view.
 */
import { expect, test, type Page } from '@playwright/test';

type Shown = { value: string; count: number; selected: boolean };

async function facet(page: Page, name: string): Promise<Shown[]> {
  return page.locator(`[data-testid=facet-value][data-facet=${name}]`).evaluateAll((els) =>
    els.map((el) => ({
      value: el.getAttribute('data-value') ?? '',
      count: Number((el.querySelector('[data-testid=facet-count]')?.textContent ?? '').replace(/[^\d]/g, '')),
      selected: el.getAttribute('data-selected') === 'true',
    })),
  );
}

const total = async (page: Page) => Number((await page.getByTestId('result-count').innerText()).replace(/[^\d]/g, ''));

async function click(page: Page, name: string, value: string) {
  const loc = page.locator(`[data-testid=facet-value][data-facet=${name}][data-value="${value}"]`);
  if (!(await loc.isVisible())) await page.getByTestId(`facet-${name}`).locator('summary').click();
  await loc.click();
}

for (const js of [true, false]) {
  test.describe(js ? 'facets (JavaScript on)' : 'facets (without JavaScript)', () => {
    test.use({ javaScriptEnabled: js });

    test('two years ticked by clicks: each count said what the click would give, and the other years stay', async ({ page }) => {
      await page.goto('/?q=%E5%85%AC%E5%BC%80');
      const years = (await facet(page, 'year')).filter((y) => y.count > 0);
      expect(years.length).toBeGreaterThanOrEqual(2);
      const [a, b] = years;
      await click(page, 'year', a.value);
      await expect(page).toHaveURL(new RegExp(`year=${a.value}`));
      expect(await total(page)).toBe(a.count);
      // After ticking one year, every other year is still listed with the count it would add.
      const after = await facet(page, 'year');
      expect(after.find((y) => y.value === a.value)).toMatchObject({ selected: true, count: a.count });
      expect(after.find((y) => y.value === b.value)).toMatchObject({ selected: false, count: b.count });
      await click(page, 'year', b.value);
      await expect(page).toHaveURL(new RegExp(`year=${b.value}`));
      await expect(page).toHaveURL(new RegExp(`year=${a.value}`));
      expect(await total(page)).toBe(a.count + b.count);
      expect((await facet(page, 'year')).filter((y) => y.selected).map((y) => y.value).sort()).toEqual([a.value, b.value].sort());
      // Another facet's counts are over the two years: ticking its value gives exactly its count.
      const provinces = (await facet(page, 'province')).filter((p) => p.count > 0);
      const p = provinces[provinces.length - 1];
      await click(page, 'province', p.value);
      expect(await total(page)).toBe(p.count);
      // 清除 on the year facet drops both years and keeps the province.
      await page.getByTestId('facet-clear-year').click();
      await expect(page).not.toHaveURL(/year=/);
      await expect(page).toHaveURL(/province=/);
    });

    test('the year range narrows to its years, shows them ticked, and its chip or 清除 removes it', async ({ page, request }) => {
      await page.goto('/');
      const years = (await facet(page, 'year')).map((y) => Number(y.value)).sort();
      const lo = years[0];
      const hi = years[Math.min(1, years.length - 1)];
      await page.getByTestId('year-from').fill(String(lo));
      await page.getByTestId('year-to').fill(String(hi));
      await page.getByTestId('year-range-apply').click();
      await expect(page).toHaveURL(new RegExp(`year_from=${lo}&year_to=${hi}`));
      const shown = await facet(page, 'year');
      const inRange = shown.filter((y) => Number(y.value) >= lo && Number(y.value) <= hi);
      expect(await total(page)).toBe(inRange.reduce((n, y) => n + y.count, 0));
      for (const y of shown) expect(y.selected, y.value).toBe(Number(y.value) >= lo && Number(y.value) <= hi);
      await expect(page.getByTestId('active-year-range')).toContainText(`${lo}`);
      // The JSON twin agrees.
      const json = await (await request.get(`/api/search?year_from=${lo}&year_to=${hi}`)).json();
      expect(json.total).toBe(await total(page));
      await page.getByTestId('active-year-range').click();
      await expect(page).not.toHaveURL(/year_from/);
      // A reversed range is a readable error.
      await page.goto(`/?year_from=${hi + 1}&year_to=${lo}`);
      await expect(page.getByTestId('search-error')).toContainText('起始年份');
    });
  });
}

test.describe('phone (390×844)', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  for (const js of [true, false]) {
    test(`筛选 at the top opens the filters; a chosen filter comes back in view, not at the top${js ? '' : ' (without JavaScript)'}`, async ({ browser }) => {
      const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, javaScriptEnabled: js, locale: 'zh-CN' });
      const page = await ctx.newPage();
      await page.goto('/?q=%E5%85%AC%E5%BC%80');
      const button = page.getByTestId('filters-button');
      await expect(button).toBeInViewport();
      // Closed at first: the results come first on a phone.
      await expect(page.getByTestId('facets')).toBeHidden();
      await expect(page.getByTestId('hit').first()).toBeVisible();
      await button.click();
      await expect(page.getByTestId('facets')).toBeVisible();
      const kinds = (await facet(page, 'kind')).filter((k) => k.count > 0);
      const section = page.getByTestId('facet-kind');
      await section.scrollIntoViewIfNeeded();
      await page.locator(`[data-testid=facet-value][data-facet=kind][data-value="${kinds[0].value}"]`).click();
      await expect(page).toHaveURL(/kind=.*#facet-kind$/);
      // The filters stay open and the chosen facet is on screen, not the top of the page.
      await expect(page.getByTestId('facets')).toBeVisible();
      await expect(page.locator(`[data-testid=facet-value][data-facet=kind][data-value="${kinds[0].value}"]`)).toBeInViewport();
      expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(100);
      expect(await total(page)).toBe(kinds[0].count);
      // 查看结果 closes them and goes to the results.
      await page.getByTestId('filters-done').click();
      await expect(page.getByTestId('facets')).toBeHidden();
      await expect(page.getByTestId('hit').first()).toBeInViewport();
      await ctx.close();
    });
  }
});
