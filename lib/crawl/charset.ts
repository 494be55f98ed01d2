/**
 * Bytes of a fetched HTML page → text, for link extraction. The charset comes from the
 * Content-Type header, then a BOM, then `<meta charset>` / `<meta http-equiv>`, then strict
 * UTF-8, else GB18030 (a superset of GBK and GB2312, which many government sites still serve).
 * Saved report files keep their original bytes; the reader decodes them on its own.
 */
import iconv from 'iconv-lite';

const utf8Strict = new TextDecoder('utf-8', { fatal: true });

function canonical(label: string): string | null {
  const l = label.trim().toLowerCase().replace(/^["']|["']$/g, '');
  if (!l) return null;
  // GBK and GB2312 pages routinely contain GB18030-only characters; decode with the superset.
  if (['gbk', 'gb2312', 'gb_2312-80', 'gb18030', 'x-gbk', 'cp936', 'euc-cn'].includes(l)) return 'gb18030';
  if (l === 'utf8') return 'utf-8';
  return iconv.encodingExists(l) ? l : null;
}

export function charsetFromContentType(contentType: string | null): string | null {
  const m = /charset\s*=\s*([^;\s]+)/i.exec(contentType ?? '');
  return m ? canonical(m[1]) : null;
}

export function charsetFromMeta(bytes: Buffer): string | null {
  const head = bytes.subarray(0, 4096).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head);
  return m ? canonical(m[1]) : null;
}

export function decodeHtml(bytes: Buffer, contentType: string | null): { text: string; charset: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: bytes.subarray(3).toString('utf8'), charset: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: iconv.decode(bytes.subarray(2), 'utf-16le'), charset: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: iconv.decode(bytes.subarray(2), 'utf-16be'), charset: 'utf-16be' };
  const declared = charsetFromContentType(contentType) ?? charsetFromMeta(bytes);
  if (declared) return { text: iconv.decode(bytes, declared), charset: declared };
  try {
    return { text: utf8Strict.decode(bytes), charset: 'utf-8' };
  } catch {
    return { text: iconv.decode(bytes, 'gb18030'), charset: 'gb18030' };
  }
}
