import { describe, it, expect, beforeAll } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import iconv from 'iconv-lite';
import { readReportFile } from '@/lib/read';

const FIXTURE = path.resolve(__dirname, 'fixtures/read/report.txt');
const original = readFileSync(FIXTURE, 'utf8');
let dir: string;

const variants: Array<{ name: string; encoding: string; bytes: () => Buffer }> = [
  { name: 'utf8.txt', encoding: 'utf-8', bytes: () => Buffer.from(original, 'utf8') },
  { name: 'utf8-bom.txt', encoding: 'utf-8', bytes: () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(original)]) },
  { name: 'gbk.txt', encoding: 'gb18030', bytes: () => iconv.encode(original, 'gbk') },
  { name: 'gb18030.txt', encoding: 'gb18030', bytes: () => iconv.encode(original + '𠀀', 'gb18030') },
  { name: 'utf16le-bom.txt', encoding: 'utf-16le', bytes: () => iconv.encode(original, 'utf-16le', { addBOM: true }) },
  { name: 'utf16be-bom.txt', encoding: 'utf-16be', bytes: () => iconv.encode(original, 'utf-16be', { addBOM: true }) },
  { name: 'utf16le-nobom.txt', encoding: 'utf-16le', bytes: () => iconv.encode(original, 'utf-16le') },
  { name: 'crlf.txt', encoding: 'utf-8', bytes: () => Buffer.from(original.replace(/\n/g, '\r\n')) },
];

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'nianbao-read-txt-'));
  for (const v of variants) writeFileSync(path.join(dir, v.name), v.bytes());
});

describe('readReportFile: plain text in every encoding', () => {
  for (const v of variants) {
    it(`${v.name} decodes to the original text`, async () => {
      const r = await readReportFile(path.join(dir, v.name));
      expect(r.format).toBe('txt');
      expect(r.encoding).toBe(v.encoding);
      const expected = v.name === 'gb18030.txt' ? original + '𠀀' : original;
      expect(r.text).toBe(expected);
      expect(r.sha256).toBe(createHash('sha256').update(v.bytes()).digest('hex'));
      expect(r.provenance).toBeUndefined();
    });
  }
});
