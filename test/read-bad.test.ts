/**
 * Bad inputs: each gets its ReadError reason and a one-line message naming the file, the problem
 * and what to do; random and mutilated bytes never throw anything but ReadError.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { readReportFile, ReadError } from '@/lib/read';
import { BAD_CASES, buildBadCorpus } from './fixtures/bad/build';
import { fixtureText, toDocx, toHtml, toPdf } from './fixtures/read/build';

let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'nianbao-bad-'));
  await buildBadCorpus(dir);
});

async function outcome(file: string): Promise<ReadError | 'ok'> {
  try {
    await readReportFile(file);
    return 'ok';
  } catch (e) {
    if (e instanceof ReadError) return e;
    throw new Error(`non-ReadError from ${file}: ${String(e)}`);
  }
}

describe('bad files corpus', () => {
  for (const c of BAD_CASES) {
    it(`${c.name} → ${c.reason ?? 'reads'}`, async () => {
      const file = path.join(dir, c.name);
      const t0 = Date.now();
      const r = await outcome(file);
      if (c.reason === null) {
        expect(r).toBe('ok');
        return;
      }
      expect(r).toBeInstanceOf(ReadError);
      const e = r as ReadError;
      expect(e.reason).toBe(c.reason);
      expect(e.code).toBe(`read.${c.reason}`);
      expect(e.file).toBe(file);
      expect(e.message.startsWith(`${file}: `)).toBe(true);
      expect(e.message).not.toContain('\n');
      expect(e.message).toMatch(/ — \S/); // says what to do
      expect(e.message).toMatch(c.says);
      if (c.name === 'huge.txt') expect(Date.now() - t0).toBeLessThan(200); // refused by stat, not read
    });
  }

  it('readable oddities carry warnings, not errors', async () => {
    const pdfAsTxt = await readReportFile(path.join(dir, 'pdf-named.txt'));
    expect(pdfAsTxt.format).toBe('pdf');
    expect(pdfAsTxt.messages).toContainEqual({ stage: 'read', code: 'read.extension_mismatch', message: '扩展名为 .txt，内容却是 pdf；按 pdf 读取' });
    const damaged = await readReportFile(path.join(dir, 'utf8-damaged.txt'));
    expect(damaged.encoding).toBe('utf-8');
    // the 0xFF cuts one sequence short and is itself invalid: two replacements
    expect(damaged.messages).toEqual([{ stage: 'read', code: 'read.utf8_damaged', message: '2 处无效的 UTF-8 字节序列已替换为 U+FFFD' }]);
    expect(damaged.text).toContain('青禾县自然资源和规划局2024年度政府信息公开工作年度报告');
    const recipe = await readReportFile(path.join(dir, 'not-a-report.txt'));
    expect(recipe.text).toMatch(/^红烧肉做法/);
  });
});

describe('only ReadError escapes', () => {
  const exts = ['.txt', '.html', '.docx', '.pdf', '.bin'];
  let n = 0;
  const write = (bytes: Uint8Array, ext: string) => {
    const file = path.join(dir, `fuzz-${n++}${ext}`);
    writeFileSync(file, bytes);
    return file;
  };

  it('random bytes under any extension', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 3000 }), fc.constantFrom(...exts), async (bytes, ext) => {
        await outcome(write(bytes, ext)); // throws (fails) on anything but ReadError
      }),
      { numRuns: 150 },
    );
  });

  it('valid files cut short or with flipped bytes', async () => {
    const t = fixtureText();
    const originals: Array<[Buffer, string]> = [
      [await toDocx(t), '.docx'],
      [await toPdf(t), '.pdf'],
      [Buffer.from(toHtml(t)), '.html'],
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...originals),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }),
        async ([orig, ext], cut, flips) => {
          const b = Buffer.from(orig.subarray(0, Math.max(1, Math.floor(orig.length * cut))));
          for (const [pos, v] of flips) b[pos % b.length] = v;
          await outcome(write(b, ext));
        },
      ),
      { numRuns: 60 },
    );
  });
});
