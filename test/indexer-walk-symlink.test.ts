import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findReportFiles } from '@/lib/indexer/walk';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nb-walk-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('findReportFiles and symlinks', () => {
  it('follows a linked folder (how the e2e corpus includes ../shared/seeds) and survives a link loop', async () => {
    const outside = path.join(tmp, 'outside');
    const corpus = path.join(tmp, 'corpus');
    fs.mkdirSync(outside);
    fs.mkdirSync(path.join(corpus, 'own'), { recursive: true });
    fs.writeFileSync(path.join(outside, 'a.txt'), 'x');
    fs.writeFileSync(path.join(corpus, 'own', 'b.txt'), 'x');
    fs.symlinkSync(outside, path.join(corpus, 'linked'), 'dir');
    fs.symlinkSync(corpus, path.join(corpus, 'own', 'loop'), 'dir');
    fs.symlinkSync(path.join(tmp, 'missing'), path.join(corpus, 'dangling'));
    const files = (await findReportFiles(corpus)).map((f) => path.relative(corpus, f));
    expect(files).toEqual([path.join('linked', 'a.txt'), path.join('own', 'b.txt')]);
  });
});
