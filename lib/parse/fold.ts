/**
 * A same-length simplified copy of a text written in traditional characters, for matching
 * headings and acceptance words (公開 → 公开); the record keeps the original text.
 */
import { simplifiedChar } from '../read/normalize';

/** Characters common in reports and only ever traditional: their absence skips the fold. */
const TRADITIONAL = /[開報資條與這們務關會區縣據鄉級詢議訴]/;

export function foldForMatching(text: string): string {
  if (!TRADITIONAL.test(text.slice(0, 4000))) return text;
  let out = '';
  for (const ch of text) out += ch.length === 1 ? simplifiedChar(ch) : ch;
  return out;
}
