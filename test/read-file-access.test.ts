/**
 * How readReportFile opens files (synchronously, one open per file): special files fail fast with
 * the same reasons a stat would give, and the size read is reported.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readReportFile, ReadError } from '@/lib/read';

const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-access-'));

async function reason(file: string): Promise<string> {
  try {
    await readReportFile(file);
    return 'ok';
  } catch (e) {
    expect(e).toBeInstanceOf(ReadError);
    return (e as ReadError).reason;
  }
}

describe('readReportFile file access', () => {
  it('a FIFO is "not a file" at once (opening it does not wait for a writer)', { timeout: 5000 }, async () => {
    const fifo = path.join(dir, 'pipe.txt');
    execFileSync('mkfifo', [fifo]);
    expect(await reason(fifo)).toBe('not_a_file');
  });

  it('a folder, a missing file and an empty file keep their reasons', async () => {
    expect(await reason(dir)).toBe('not_a_file');
    expect(await reason(path.join(dir, 'missing.txt'))).toBe('not_found');
    writeFileSync(path.join(dir, 'empty.txt'), '');
    expect(await reason(path.join(dir, 'empty.txt'))).toBe('empty');
    expect(await reason(path.join(dir, 'missing', 'x.txt'))).toBe('not_found');
  });

  it('reports the size of the bytes it read and hashed', async () => {
    const f = path.join(dir, 'r.txt');
    writeFileSync(f, '某某县政府信息公开工作年度报告\n一、总体情况\n正文。');
    const r = await readReportFile(f);
    expect(r.bytes).toBe(Buffer.byteLength('某某县政府信息公开工作年度报告\n一、总体情况\n正文。'));
  });
});
