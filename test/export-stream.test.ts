/**
 * /api/export through its real route handler and a real SQLite index: the body is streamed in
 * pieces (never one whole-result string), parses to the same rows as before, exports take
 * turns (queue, then 429 with Retry-After), a search is answered while an export streams, and
 * the file name of a query with an emoji at the cut is well formed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_COLUMNS, exportRow } from '@/lib/compare/export';
import { columnLabel } from '@/lib/dictionary';
import { parseCsv } from '@/lib/compare/csv';
import type { ReportRecord } from '@/lib/types';
import { generatedRecords, serveIndex } from './helpers-index';

// One export at a time and one waiting: small enough to see the gate work (read at first use).
process.env.EXPORT_ACTIVE = '1';
process.env.EXPORT_QUEUE = '1';
process.env.EXPORT_WAIT_MS = '3000';

const B = 'http://localhost';
let idx: Awaited<ReturnType<typeof serveIndex>>;
let records: ReportRecord[];
let exportGET: (req: Request) => Promise<Response>;
let searchGET: (req: Request) => Promise<Response>;

beforeAll(async () => {
  records = generatedRecords('export-stream', 30); // 60 reports
  idx = await serveIndex(records);
  exportGET = (await import('@/app/api/export/route')).GET;
  searchGET = (await import('@/app/api/search/route')).GET;
});
afterAll(async () => idx.close());

/** The body as its pieces, as a client receives them. */
async function pieces(res: Response): Promise<string[]> {
  const reader = res.body!.getReader();
  const dec = new TextDecoder();
  const out: string[] = [];
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return out;
    out.push(dec.decode(value, { stream: true }));
  }
}

describe('/api/export streams', () => {
  it('JSON: many small pieces that together are one document with every row', async () => {
    const res = await exportGET(new Request(`${B}/api/export?format=json`));
    expect(res.status).toBe(200);
    expect(res.headers.get('x-total-count')).toBe(String(records.length));
    const parts = await pieces(res);
    const whole = parts.join('');
    expect(parts.length).toBeGreaterThan(2);
    expect(Math.max(...parts.map((p) => p.length))).toBeLessThan(whole.length / 2);
    const body = JSON.parse(whole);
    expect(body).toMatchObject({ ok: true, total: records.length, exported: records.length, truncated: false, columns: [...EXPORT_COLUMNS] });
    const byId = new Map(records.map((r) => [r.id, exportRow(r)]));
    expect(body.rows.map((r: { id: string }) => r.id).sort()).toEqual([...byId.keys()].sort());
    for (const row of body.rows) expect(row).toEqual(JSON.parse(JSON.stringify(byId.get(row.id))));
  });

  it('CSV: BOM, header, one line per report, in pieces', async () => {
    const res = await exportGET(new Request(`${B}/api/export?format=csv`));
    expect(res.headers.get('content-type')).toContain('text/csv');
    const parts = await pieces(res);
    expect(parts.length).toBeGreaterThan(2);
    const rows = parseCsv(parts.join(''));
    // two header rows: the dictionary's Chinese labels, then the keys
    expect(rows[0]).toEqual(EXPORT_COLUMNS.map(columnLabel));
    expect(rows[1]).toEqual([...EXPORT_COLUMNS]);
    expect(rows.length - 2).toBe(records.length);
  });

  it('a repeated format takes the last value, as every other parameter does', async () => {
    const json = await exportGET(new Request(`${B}/api/export?format=csv&format=json`));
    expect(json.headers.get('content-type')).toContain('application/json');
    await pieces(json);
    const csv = await exportGET(new Request(`${B}/api/export?format=json&format=csv`));
    expect(csv.headers.get('content-type')).toContain('text/csv');
    await pieces(csv);
  });

  it('an emoji at character 20 of the query: 200 with a well-formed file name, not 503', async () => {
    const q = 'x'.repeat(19) + '😀';
    const res = await exportGET(new Request(`${B}/api/export?format=csv&q=${encodeURIComponent(q)}`));
    expect(res.status).toBe(200);
    const cd = res.headers.get('content-disposition')!;
    expect(cd).toContain(`filename*=UTF-8''nianbao-export-${'x'.repeat(19)}.csv`);
    await pieces(res);
    const search = await searchGET(new Request(`${B}/api/search?format=csv&q=${encodeURIComponent(q)}`));
    expect(search.status).toBe(200);
  });

  it('a search is answered while an export is mid-stream', async () => {
    const res = await exportGET(new Request(`${B}/api/export?format=json`));
    const reader = res.body!.getReader();
    await reader.read(); // the export has started and holds its slot
    const s = await searchGET(new Request(`${B}/api/search?q=${encodeURIComponent('公开')}`));
    expect(s.status).toBe(200);
    expect((await s.json()).total).toBeGreaterThan(0);
    let more = 0;
    while (!(await reader.read()).done) more++;
    expect(more).toBeGreaterThan(0); // the export was still going when the search finished
  });
});

describe('/api/export takes turns', () => {
  it('one runs, one waits, the next is refused with 429, Retry-After and a Chinese message', async () => {
    const first = await exportGET(new Request(`${B}/api/export?format=json`));
    expect(first.status).toBe(200);
    const r1 = first.body!.getReader();
    await r1.read(); // holding the only slot
    const second = exportGET(new Request(`${B}/api/export?format=csv`)); // queued
    await new Promise((r) => setTimeout(r, 20));
    const third = await exportGET(new Request(`${B}/api/export?format=csv`));
    expect(third.status).toBe(429);
    expect(third.headers.get('retry-after')).toMatch(/^\d+$/);
    const body = await third.json();
    expect(body).toMatchObject({ ok: false, status: 429 });
    expect(body.error).toMatch(/导出请求过多.*稍后再试/);
    // The first finishing (here: the client going away) lets the queued one run.
    await r1.cancel();
    const s = await second;
    expect(s.status).toBe(200);
    expect(parseCsv((await pieces(s)).join('')).length - 2).toBe(records.length);
    // All slots free again.
    const again = await exportGET(new Request(`${B}/api/export?format=json`));
    expect(again.status).toBe(200);
    await pieces(again);
  });
});
