/**
 * The share-card font. Not skipped when the font is missing: a site whose share images cannot
 * show Chinese is broken, so this fails until fonts-wqy-microhei (or OG_FONT_PATH) is there.
 */
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { resetEnvCache } from '@/lib/env';
import { DEFAULT_OG_FONT, extractFace, loadOgFont, ogFontPath } from '@/lib/og/font';
import { cardResponse } from '@/app/og/_lib/card';

afterEach(() => {
  delete process.env.OG_FONT_PATH;
  resetEnvCache();
});

describe('share-card font', () => {
  it('reads the CJK font (fonts-wqy-microhei must be installed, or OG_FONT_PATH set)', () => {
    const { font, error } = loadOgFont();
    expect(error).toBeNull();
    expect(font).not.toBeNull();
    // A standalone sfnt (TrueType 0x00010000 or OpenType 'OTTO'), not the collection.
    const head = Buffer.from(font!.data.slice(0, 4));
    expect(['00010000', '4f54544f']).toContain(head.toString('hex'));
  });

  it('copies one face out of a TrueType Collection with its tables intact', () => {
    const ttc = fs.readFileSync(ogFontPath());
    expect(ttc.toString('latin1', 0, 4)).toBe('ttcf');
    const face = extractFace(ttc, 0);
    const n = face.readUInt16BE(4);
    expect(n).toBeGreaterThan(5);
    const tags = Array.from({ length: n }, (_, i) => face.toString('latin1', 12 + 16 * i, 16 + 16 * i));
    for (const t of ['cmap', 'glyf', 'head', 'hmtx', 'name']) expect(tags).toContain(t);
    // Each table's bytes are where the directory says.
    const head = 12 + 16 * tags.indexOf('head');
    const off = face.readUInt32BE(head + 8);
    expect(face.readUInt32BE(off + 12)).toBe(0x5f0f3cf5); // the 'head' table's magic number
    expect(() => extractFace(ttc, 99)).toThrow(/faces/);
  });

  it('draws a 1200×630 PNG with the font, and says clearly when the font is missing', async () => {
    const ok = cardResponse({ kicker: '年报', title: '北仑区人民政府', stats: [{ label: '新收申请', value: '386' }] });
    expect(ok.headers.get('x-og-font')).toBe('ok');
    const png = Buffer.from(await ok.arrayBuffer());
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);

    process.env.OG_FONT_PATH = '/nonexistent/font.ttc';
    resetEnvCache();
    expect(ogFontPath()).toBe('/nonexistent/font.ttc');
    expect(loadOgFont().error).toContain('/nonexistent/font.ttc：文件不存在');
    const fallback = cardResponse({ kicker: '年报', title: '北仑区人民政府', stats: [{ label: '新收申请', value: '386' }] });
    expect(fallback.headers.get('x-og-font')).toBe('missing');
    expect(decodeURIComponent(fallback.headers.get('x-og-font-error')!)).toContain('fonts-wqy-microhei');
    expect(Buffer.from(await fallback.arrayBuffer()).subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(DEFAULT_OG_FONT).toMatch(/wqy-microhei\.ttc$/);
  });
});
