/**
 * /stats?<search parameters>: aggregates of the key figures over a search's reports, with JSON
 * and CSV twins. The totals are checked against the bulk export (one row per report), an
 * independent path to the same figures.
 */
import { expect, test } from '@playwright/test';
import { parseCsv } from '../lib/compare/csv';

for (const viewport of [{ width: 1280, height: 900 }, { width: 390, height: 844 }]) {
  test(`search → 统计: totals by year equal the export's figures; twins agree (${viewport.width}px)`, async ({ page, request }) => {
    await page.setViewportSize(viewport);
    await page.goto('/?q=%E5%85%AC%E5%BC%80&level=county');
    const total = Number((await page.getByTestId('result-count').innerText()).replace(/[^\d]/g, ''));
    expect(total).toBeGreaterThan(0);
    await page.getByTestId('stats-link').click();
    await expect(page).toHaveURL(/\/stats\?q=.*level=county/);
    expect(Number((await page.getByTestId('stats-total').innerText()).replace(/[^\d]/g, ''))).toBe(total);
    await expect(page.getByTestId('chart')).toHaveCount(2);
    await expect(page.getByTestId('chart').first().locator('svg')).toBeVisible();
    // Year groups add up to every report.
    const json = await (await request.get(await page.getByTestId('json-link').getAttribute('href') as string)).json();
    expect(json.total).toBe(total);
    expect(json.all.reports).toBe(total);
    expect(json.by.year.reduce((n: number, r: { reports: number }) => n + r.reports, 0)).toBe(total);
    await expect(page.getByTestId('stats-row')).toHaveCount(json.by.year.length);
    // The export's per-report figures give the same total and count of reports stating 新收申请.
    const rows = parseCsv(await (await request.get('/api/export?q=%E5%85%AC%E5%BC%80&level=county&format=csv&headers=keys')).text());
    const col = rows[0]!.indexOf('requests.new_received.total');
    const vals = rows.slice(1).map((r) => r[col]).filter((v) => v !== '' && v !== undefined).map(Number);
    expect(json.all.measures.received.n).toBe(vals.length);
    expect(json.all.measures.received.sum).toBe(vals.length ? vals.reduce((a, b) => a + b, 0) : null);
    // The page's 全部 row shows that total.
    const shown = await page.getByTestId('stats-all').locator('td[data-key=received]').innerText();
    expect(shown.split('/')[0]!.replace(/[^\d]/g, '')).toBe(String(json.all.measures.received.sum ?? ''));
    // CSV twin: Chinese headers, a 全部 row first.
    const csv = parseCsv(await (await request.get(await page.getByTestId('csv-link').getAttribute('href') as string)).text());
    expect(csv[0]!.slice(0, 4)).toEqual(['维度', '分组', '报告数', '新收申请合计']);
    expect(csv[1]!.slice(0, 3)).toEqual(['全部', '全部', String(total)]);
    // Group by province: a link, and the groups add up again.
    await page.getByTestId('stats-by-province').click();
    await expect(page).toHaveURL(/by=province/);
    const provinces = await page.getByTestId('stats-row').locator('td').nth(0).count();
    expect(provinces).toBeGreaterThan(0);
  });
}

test('bad parameters: a readable message on the page, 400 from the twin', async ({ page, request }) => {
  await page.goto('/stats?year_from=2024&year_to=2020');
  await expect(page.getByTestId('stats-error')).toContainText('起始年份');
  expect((await request.get('/api/stats?year_from=abcd')).status()).toBe(400);
});
