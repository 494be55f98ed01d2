/**
 * Bytes → string for text-like inputs (.txt, .html). Reports come in UTF-8, GBK/GB18030 and
 * UTF-16; the corpus is Chinese, so when bytes are not valid UTF-8 we prefer GB18030 (a superset
 * of GBK and GB2312) whenever it decodes cleanly, and only then trust chardet's guess.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { stageMessage, type StageMessage } from '../messages';

export interface Decoded {
  text: string;
  encoding: string;
  messages: StageMessage[];
}

const utf8Strict = new TextDecoder('utf-8', { fatal: true });

function bomEncoding(b: Uint8Array): { encoding: string; skip: number } | null {
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: 'utf-8', skip: 3 };
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return { encoding: 'utf-16le', skip: 2 };
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return { encoding: 'utf-16be', skip: 2 };
  return null;
}

/** Share of characters that are CJK ideographs or CJK punctuation / full-width forms. */
function cjkShare(s: string): number {
  let cjk = 0;
  let other = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) continue; // ASCII is neutral: digits and tabs are common in any encoding
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef)) cjk++;
    else other++;
  }
  return cjk + other === 0 ? 1 : cjk / (cjk + other);
}

/** UTF-16 without BOM: in mostly-ASCII/CJK text one byte parity is full of NULs. */
function utf16NoBom(b: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(b.length, 4096) & ~1;
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) evenNul++;
    if (b[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  // CJK code points such as U+4E00 also put a NUL in the other parity now and then: allow a few
  if (oddNul > pairs * 0.2 && evenNul < pairs * 0.05) return 'utf-16le';
  if (evenNul > pairs * 0.2 && oddNul < pairs * 0.05) return 'utf-16be';
  return null;
}

export function hasNul(b: Uint8Array, limit = 8192): boolean {
  const n = Math.min(b.length, limit);
  for (let i = 0; i < n; i++) if (b[i] === 0) return true;
  return false;
}

/** Share of C0 control characters other than tab/newline/CR/form feed: high means not text. */
export function controlShare(s: string): number {
  if (s.length === 0) return 0;
  let bad = 0;
  const n = Math.min(s.length, 20000);
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0x7f || c === 0xfffd) bad++;
  }
  return bad / n;
}

/**
 * Decode bytes. `declared` is a charset named by the document itself (HTML meta); it wins
 * over detection unless the bytes carry a BOM or are strictly valid UTF-8.
 * Returns encoding 'binary' when the bytes look like no text at all (caller decides the error).
 */
export function decodeBytes(bytes: Uint8Array, declared?: string): Decoded {
  const messages: StageMessage[] = [];
  const bom = bomEncoding(bytes);
  if (bom) {
    return { text: iconv.decode(Buffer.from(bytes.subarray(bom.skip)), bom.encoding), encoding: bom.encoding, messages };
  }
  const u16 = utf16NoBom(bytes);
  if (u16) {
    messages.push(stageMessage('read.utf16_no_bom', `没有字节序标记，按字节规律解码为 ${u16}`));
    return { text: iconv.decode(Buffer.from(bytes), u16), encoding: u16, messages };
  }
  if (hasNul(bytes)) return { text: '', encoding: 'binary', messages };

  try {
    return { text: utf8Strict.decode(bytes), encoding: 'utf-8', messages };
  } catch {
    // not clean UTF-8: a few damaged sequences in a UTF-8 file, or a legacy encoding
  }
  // UTF-8 with a few broken bytes must not fall to GB18030: UTF-8 Chinese read as GBK is still
  // "valid" GBK (mojibake such as 锟斤拷), so judge by how much of the file is good UTF-8.
  const loose = new TextDecoder('utf-8').decode(bytes);
  const bad = (loose.match(/\ufffd/g) ?? []).length;
  const nonAscii = (loose.match(/[^\x00-\x7f]/g) ?? []).length;
  if (bad > 0 && bad <= Math.max(2, nonAscii * 0.01) && !declared?.match(/gb|big5/i)) {
    messages.push(stageMessage('read.utf8_damaged', `${bad} 处无效的 UTF-8 字节序列已替换为 U+FFFD`));
    return { text: loose, encoding: 'utf-8', messages };
  }

  const norm = declared ? normaliseCharset(declared) : null;
  if (norm && norm !== 'utf-8' && iconv.encodingExists(norm)) {
    return { text: iconv.decode(Buffer.from(bytes), norm), encoding: norm, messages };
  }
  if (norm === 'utf-8') messages.push(stageMessage('read.charset_mismatch', '网页声明字符集为 utf-8，但内容不是有效的 UTF-8；改为检测编码'));

  const gb = iconv.decode(Buffer.from(bytes), 'gb18030');
  if (!gb.includes('\ufffd') && cjkShare(gb) > 0.9) {
    return { text: gb, encoding: 'gb18030', messages };
  }
  const guess = chardet.detect(bytes);
  const enc = guess ? normaliseCharset(guess) : null;
  if (enc && iconv.encodingExists(enc)) {
    const text = iconv.decode(Buffer.from(bytes), enc);
    messages.push(stageMessage('read.encoding_guess', `编码猜测为 ${enc}（不是 UTF-8，也不是无误的 GB18030）`));
    return { text, encoding: enc, messages };
  }
  return { text: '', encoding: 'binary', messages };
}

/** Map charset labels (meta tags, chardet names) to iconv-lite names. GBK/GB2312 → gb18030 (superset). */
export function normaliseCharset(label: string): string {
  const l = label.trim().toLowerCase().replace(/^["']|["']$/g, '');
  if (l === 'utf8' || l === 'utf-8') return 'utf-8';
  if (['gbk', 'gb2312', 'gb_2312-80', 'gb18030', 'x-gbk', 'cp936', 'windows-936', 'euc-cn'].includes(l)) return 'gb18030';
  if (l === 'big5' || l === 'big5-hkscs') return 'big5';
  return l;
}
