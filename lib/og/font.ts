/**
 * The CJK font the share-card images (og:image) are drawn with. The image renderer (satori,
 * inside next/og) reads single TrueType/OpenType files only, while Debian's fonts-wqy-microhei
 * ships a TrueType Collection (.ttc): the first face is copied out of the collection into a
 * standalone font. Without a readable font the cards cannot show Chinese; callers then draw a
 * card without text and say so (see fontStatus).
 */
import fs from 'node:fs';
import { env } from '../env';

export const DEFAULT_OG_FONT = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';

export interface OgFont {
  name: string;
  data: ArrayBuffer;
  path: string;
}

/** The font file to use: OG_FONT_PATH overrides the Debian default. */
export function ogFontPath(): string {
  return env().OG_FONT_PATH || DEFAULT_OG_FONT;
}

/**
 * Face `index` of a TrueType Collection as a standalone sfnt font. Tables keep their bytes;
 * only the table directory's offsets change. A plain .ttf/.otf is returned unchanged.
 */
export function extractFace(buf: Buffer, index = 0): Buffer {
  if (buf.toString('latin1', 0, 4) !== 'ttcf') return buf;
  const numFonts = buf.readUInt32BE(8);
  if (index >= numFonts) throw new Error(`font collection has ${numFonts} faces, not ${index + 1}`);
  const start = buf.readUInt32BE(12 + 4 * index);
  const numTables = buf.readUInt16BE(start + 4);
  const dirLen = 12 + 16 * numTables;
  const tables = Array.from({ length: numTables }, (_, i) => {
    const rec = start + 12 + 16 * i;
    return { rec, offset: buf.readUInt32BE(rec + 8), length: buf.readUInt32BE(rec + 12) };
  });
  const pad = (n: number) => (n + 3) & ~3;
  const total = dirLen + tables.reduce((s, t) => s + pad(t.length), 0);
  const out = Buffer.alloc(total);
  buf.copy(out, 0, start, start + 12);
  let at = dirLen;
  tables.forEach((t, i) => {
    buf.copy(out, 12 + 16 * i, t.rec, t.rec + 16);
    out.writeUInt32BE(at, 12 + 16 * i + 8);
    buf.copy(out, at, t.offset, t.offset + t.length);
    at += pad(t.length);
  });
  return out;
}

let cached: { path: string; font: OgFont | null; error: string | null } | null = null;

/** The font, read once per process (the file is a few MB); null with a reason when unreadable. */
export function loadOgFont(): { font: OgFont | null; error: string | null } {
  const p = ogFontPath();
  if (cached && cached.path === p) return cached;
  try {
    const face = extractFace(fs.readFileSync(p));
    const data = face.buffer.slice(face.byteOffset, face.byteOffset + face.byteLength) as ArrayBuffer;
    cached = { path: p, font: { name: 'OgCJK', data, path: p }, error: null };
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code === 'ENOENT' ? '文件不存在' : (e as Error).message;
    cached = { path: p, font: null, error: `分享图片的中文字体无法读取（${p}：${reason}）。请安装 fonts-wqy-microhei，或用 OG_FONT_PATH 指定一个中文 TTF/OTF/TTC 字体。` };
    console.warn(`[og] ${cached.error}`);
  }
  return cached;
}
