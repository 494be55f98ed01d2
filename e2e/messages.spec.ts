/**
 * Stage messages on report pages: the 解析提示 list shows each warning's Chinese text only, and
 * each item carries its machine code (data-code) in the order of the JSON twin's `messages`.
 */
import { expect, test } from '@playwright/test';

const CJK = /[\u4e00-\u9fff]/;
const ENGLISH = /\b[A-Za-z]{2,}[ ,;:]+[A-Za-z]{2,}\b/;

test('report pages list warnings in Chinese, each with its code', async ({ page, request }) => {
  const search = await (await request.get('/api/search?per_page=100')).json();
  const ids: string[] = search.hits.map((h: { id: string }) => h.id);
  expect(ids.length).toBeGreaterThan(10);
  let pages = 0;
  for (const id of ids) {
    const twin = (await (await request.get(`/api/reports/${id}`)).json()).report;
    if (!twin.messages?.length) continue;
    expect(twin.warnings).toEqual(twin.messages.map((m: { message: string }) => m.message));
    await page.goto(`/reports/${id}`);
    const list = page.getByTestId('warnings');
    await expect(list).toContainText(`解析提示（${twin.messages.length}）`);
    await list.locator('summary').click();
    const items = list.locator('li');
    await expect(items).toHaveCount(twin.messages.length);
    const shown = await items.evaluateAll((lis) => lis.map((li) => ({ code: li.getAttribute('data-code'), text: li.textContent ?? '' })));
    expect(shown.map((s) => s.code)).toEqual(twin.messages.map((m: { code: string }) => m.code));
    for (const s of shown) {
      expect(s.text).toMatch(CJK);
      expect(s.text, `${id}: ${s.text}`).not.toMatch(ENGLISH);
      expect(s.code).toMatch(/^(read|parse|index)\.[a-z_0-9]+$/);
    }
    if (++pages === 5) break;
  }
  // the seeds alone have reports with unreadable cells or unplaced names
  expect(pages).toBeGreaterThan(0);
});
