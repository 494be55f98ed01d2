/**
 * Reports of the three national formats (e2e/fixtures/formats: one invented agency's 2015
 * legacy, 2020 2019-format and 2023 2021-format reports) on report pages, the agency timeline
 * and a comparison across the format change, each against its JSON twin.
 */
import { expect, test, type APIRequestContext } from '@playwright/test';
import { parseCsv } from '../lib/compare/csv';

const AGENCY = '示例县统计局';

async function agency(request: APIRequestContext): Promise<{ slug: string; years: number[] }> {
  const body = (await (await request.get('/api/agencies')).json()) as { agencies: { slug: string; agency: string; years: number[] }[] };
  const a = body.agencies.find((x) => x.agency === AGENCY);
  expect(a, `${AGENCY} in the e2e corpus`).toBeTruthy();
  return a!;
}

async function reportId(request: APIRequestContext, slug: string, year: number): Promise<string> {
  const twin = await (await request.get(`/api/agencies/${slug}`)).json();
  const y = twin.timeline.find((t: { year: number }) => t.year === year);
  expect(y, `${year} on the timeline`).toBeTruthy();
  return y.id;
}

test('a legacy report shows its 统计表 figures and format; its twins carry the legacy keys', async ({ page, request }) => {
  const a = await agency(request);
  expect(a.years).toEqual([2015, 2020, 2023]);
  const id = await reportId(request, a.slug, 2015);
  await page.goto(`/reports/${id}`);
  await expect(page.getByTestId('report-format')).toHaveText('2019年以前的格式');
  const table = page.getByTestId('table-legacy');
  await expect(table.locator('[data-key="legacy.requests_received"]')).toHaveText('8');
  await expect(table.locator('[data-key="legacy.cumulative.active_total"]')).toHaveText('1,200');
  await expect(table).toContainText('收到政府信息公开申请数');
  // 收费及减免 and the 统计表 are both part 六-like sections: two sections, one anchor id
  await expect(page.getByTestId('section-other')).toHaveCount(2);
  await expect(page.locator('section#other')).toHaveCount(1);
  const json = (await (await request.get(`/api/reports/${id}`)).json()).report;
  expect(json.format).toBe('legacy');
  expect(json.figures.legacy).toMatchObject({ active_total: 150, requests_received: 8, review: { total: 1 }, cumulative: { active_total: 1200 } });
  const csv = parseCsv(await (await request.get(`/api/reports/${id}?format=csv`)).text());
  const byKey = Object.fromEntries(csv.slice(1).map((r) => [r[3], r[5]]));
  expect(byKey['legacy.requests_received']).toBe('8');
  expect(byKey['legacy.cumulative.requests_received']).toBe('40');
  expect(byKey['requests.new_received.total']).toBeUndefined();
});

test('a 2019-format report shows part 二 under the 2019 columns and （六）其他处理 as one row', async ({ page, request }) => {
  const a = await agency(request);
  const id = await reportId(request, a.slug, 2020);
  await page.goto(`/reports/${id}`);
  await expect(page.getByTestId('report-format')).toHaveText('2019年格式');
  const t = page.getByTestId('table-active2019');
  await expect(t).toContainText('上一年项目数量');
  await expect(t.locator('[data-key="active2019.licensing.change"]')).toHaveText('-1');
  await expect(t.locator('[data-key="active2019.procurement.amount_yuan"]')).toHaveText('45.5');
  await expect(page.locator('[data-testid=table-requests] tr[data-row=other_processing]')).toHaveCount(1);
  await expect(page.locator('[data-testid=table-requests] tr[data-row=other_other]')).toHaveCount(0);
});

test('the timeline marks figures taken from an older format, and a comparison across formats compares only those', async ({ page, request }) => {
  const a = await agency(request);
  await page.goto(`/agencies/${a.slug}`);
  await expect(page.getByTestId('format-note')).toContainText('2015年2019年以前的格式');
  const row = page.locator('[data-testid=year-row][data-key="requests.new_received.total"] td');
  await expect(row).toHaveText(['≈8', '10', '10']);
  await expect(page.locator('[data-testid=year-row][data-key="active.licensing"] td')).toHaveText(['—', '≈16', '14']);

  await page.goto(`/agencies/${a.slug}/compare/2015-2023`);
  await expect(page.getByTestId('format-note')).toContainText('两份报告格式不同');
  await expect(page.getByTestId('comparable-figures')).toContainText('旧格式“收到申请数”');
  const json = await (await request.get(`/api/agencies/${a.slug}/compare/2015-2023`)).json();
  const keys = json.figures.map((f: { key: string }) => f.key);
  expect(keys).toContain('requests.new_received.total');
  expect(keys).not.toContain('requests.granted.total');
  const head = json.figures.find((f: { key: string }) => f.key === 'requests.new_received.total');
  expect(head).toMatchObject({ earlier: 8, later: 10, delta: 2 });
  await expect(page.getByTestId('headline')).toContainText('8 → 10');
});
