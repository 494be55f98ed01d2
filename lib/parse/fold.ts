/**
 * A same-length simplified copy of a text written in traditional characters, for matching
 * headings and acceptance words (公開 → 公开); the record keeps the original text.
 */
import { simplifiedChar } from '../read/normalize';

/** Characters common in reports and only ever traditional: their absence skips the fold. */
const TRADITIONAL = new Uint8Array(0x10000);
for (const c of '開報資條與這們務關會區縣據鄉級詢議訴') TRADITIONAL[c.charCodeAt(0)] = 1;

function looksTraditional(text: string): boolean {
  const n = Math.min(text.length, 4000);
  for (let i = 0; i < n; i++) if (TRADITIONAL[text.charCodeAt(i)] === 1) return true;
  return false;
}

export function foldForMatching(text: string): string {
  if (!looksTraditional(text)) return text;
  let out = '';
  for (const ch of text) out += ch.length === 1 ? simplifiedChar(ch) : ch;
  return out;
}
