/**
 * Every format twin of the invented report reads back to the same text: HTML and DOCX to the
 * pipe-row twin exactly, PDF to the tab layout's cells; once the parser exists, to the same figures.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { readReportFile } from '@/lib/read';
import { fixtureText, tabToPipe, toDocx, toHtml, toPdf, CJK_FONT } from './fixtures/read/build';

const text = fixtureText();
const pipeTwin = tabToPipe(text);
let dir: string;
const f = (name: string) => path.join(dir, name);
const nonBlank = (s: string) => s.split('\n').filter((l) => l.trim() !== '').join('\n');

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'nianbao-read-fmt-'));
  writeFileSync(f('report.txt'), text);
  writeFileSync(f('report.html'), toHtml(text));
  writeFileSync(f('report-gbk.htm'), iconv.encode(toHtml(text, 'gb2312'), 'gbk'));
  // declared charset is wrong-cased and quoted differently; bytes are GB18030
  writeFileSync(f('report-gb18030.html'), iconv.encode(toHtml(text, 'GB18030'), 'gb18030'));
  writeFileSync(f('report-utf16.html'), iconv.encode(toHtml(text, 'utf-16'), 'utf-16le', { addBOM: true }));
  writeFileSync(f('report.docx'), await toDocx(text));
  writeFileSync(f('report.pdf'), await toPdf(text));
});

describe('HTML', () => {
  for (const [name, encoding] of [
    ['report.html', 'utf-8'],
    ['report-gbk.htm', 'gb18030'],
    ['report-gb18030.html', 'gb18030'],
    ['report-utf16.html', 'utf-16le'],
  ] as const) {
    it(`${name}: tables become pipe rows on a full grid, chrome dropped (${encoding})`, async () => {
      const r = await readReportFile(f(name));
      expect(r.format).toBe('html');
      expect(r.encoding).toBe(encoding);
      expect(nonBlank(r.text)).toBe(pipeTwin);
      expect(r.text).not.toMatch(/门户网站|首页|脚本|不是表格|隐藏|主办单位/);
    });
  }
});

describe('DOCX', () => {
  it('merged Word cells expand back to the same pipe rows', async () => {
    const r = await readReportFile(f('report.docx'));
    expect(r.format).toBe('docx');
    expect(r.messages).toEqual([]);
    expect(nonBlank(r.text)).toBe(pipeTwin);
  });
});

describe('PDF', () => {
  it('uses the CJK font the generator needs', () => expect(existsSync(CJK_FONT), `no CJK font at ${CJK_FONT}: install fonts-wqy-microhei or set CJK_FONT_PATH`).toBe(true));

  it('text layer reads back with every table row as tab-separated cells', async () => {
    const r = await readReportFile(f('report.pdf'));
    expect(r.format).toBe('pdf');
    const lines = r.text.split('\n');
    for (const row of text.split('\n').filter((l) => l.includes('\t'))) {
      expect(lines).toContain(row.replace(/\t+$/, ''));
    }
    for (const p of text.split('\n').filter((l) => l.trim() && !l.includes('\t'))) {
      expect(r.text.replace(/\n/g, '')).toContain(p.trim());
    }
  });
});
