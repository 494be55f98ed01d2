/** Sidecar provenance (`report.pdf.json`) and the sha256 of the original bytes. */
import { describe, it, expect, beforeAll } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { readReportFile, ReadError } from '@/lib/read';
import { fixtureText, toPdf } from './fixtures/read/build';

let dir: string;
let pdf: Buffer;
const f = (n: string) => path.join(dir, n);

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'nianbao-prov-'));
  pdf = await toPdf(fixtureText());
  writeFileSync(f('report.pdf'), pdf);
  writeFileSync(f('report.pdf.json'), JSON.stringify({ sourceUrl: 'https://www.example.gov.cn/zwgk/2025/report.pdf', capturedAt: '2025-03-01T08:00:00Z', note: 'extra keys ignored' }));
  writeFileSync(f('plain.txt'), fixtureText());
  writeFileSync(f('odd.txt'), fixtureText());
  writeFileSync(f('odd.txt.json'), '\uFEFF{ "sourceUrl": "javascript:alert(1)", "capturedAt": "last tuesday" }');
  writeFileSync(f('array.txt'), fixtureText());
  writeFileSync(f('array.txt.json'), '["https://x"]');
});

describe('provenance', () => {
  it('reads the sidecar next to the file, and hashes the original bytes', async () => {
    const r = await readReportFile(f('report.pdf'));
    expect(r.provenance).toEqual({ sourceUrl: 'https://www.example.gov.cn/zwgk/2025/report.pdf', capturedAt: '2025-03-01T08:00:00Z' });
    expect(r.sha256).toBe(createHash('sha256').update(pdf).digest('hex'));
    expect(r.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('no sidecar → no provenance', async () => {
    expect((await readReportFile(f('plain.txt'))).provenance).toBeUndefined();
  });

  it('unusable values are dropped with a warning (BOM tolerated)', async () => {
    const r = await readReportFile(f('odd.txt'));
    expect(r.provenance).toBeUndefined();
    expect(r.messages).toEqual([
      { stage: 'read', code: 'read.sidecar_url_ignored', message: '附带文件的 sourceUrl 不是 http(s) 网址，已忽略（javascript:alert(1)）' },
      { stage: 'read', code: 'read.sidecar_date_ignored', message: '附带文件的 capturedAt 不是日期，已忽略（last tuesday）' },
    ]);
  });

  it('a sidecar that is not an object is a ReadError saying what to write', async () => {
    await expect(readReportFile(f('array.txt'))).rejects.toThrow(ReadError);
    await expect(readReportFile(f('array.txt'))).rejects.toThrow(/不是 JSON 对象 — 请写成 \{ "sourceUrl"/);
  });
});
