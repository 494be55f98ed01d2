/**
 * A report found by a query has that query highlighted on its own page: the page marks terms as
 * the engine matched them (split at punctuation, traditional folded to simplified), whatever
 * report the engine returns first.
 */
import { expect, test, type APIRequestContext } from '@playwright/test';

async function firstHit(request: APIRequestContext, q: string): Promise<string> {
  const res = await request.get(`/api/search?q=${encodeURIComponent(q)}`);
  expect(res.status()).toBe(200);
  const body = (await res.json()) as { total: number; hits: { id: string }[] };
  expect(body.total, `the e2e index has reports matching ${q}`).toBeGreaterThan(0);
  return body.hits[0].id;
}

async function marksOnReport(page: import('@playwright/test').Page, id: string, q: string): Promise<string[]> {
  await page.goto(`/reports/${encodeURIComponent(id)}?q=${encodeURIComponent(q)}`);
  await expect(page.getByTestId('report')).toBeVisible();
  return page.getByTestId('term-mark').allTextContents();
}

test('a query with punctuation marks each of its terms on the report found', async ({ page, request }) => {
  const q = '信息公开，申请';
  const marks = await marksOnReport(page, await firstHit(request, q), q);
  expect(new Set(marks)).toEqual(new Set(['信息公开', '申请']));
});

test('a traditional-character query marks the simplified text of the report found', async ({ page, request }) => {
  const q = '政務公開';
  const marks = await marksOnReport(page, await firstHit(request, q), q);
  expect(marks.length).toBeGreaterThan(0);
  expect(new Set(marks)).toEqual(new Set(['政务公开']));
});
