/**
 * Character folding shared by every stage: traditional → simplified characters (OpenCC, Taiwan
 * variant aware), so a report written in 繁體 is matched by the parser and found by a simplified
 * query. The reader keeps the original text; the parser matches headings on a folded copy, and the
 * engines fold the text they index and the queries. Character-level only (OpenCC 'tw' → 'cn', not
 * the 'twp' phrase table): vocabulary such as 資訊 stays 资讯, never 信息, because rewriting words
 * would make search hits disagree with the text shown.
 */
import { Converter } from 'opencc-js/t2cn';

let convert: ((s: string) => string) | null = null;

/** Fast check: does the text contain anything the converter could change? (skip the common case) */
const MAYBE_TRADITIONAL = /[\u3400-\u9fff\uf900-\ufaff]/;

export function toSimplified(text: string): string {
  if (!MAYBE_TRADITIONAL.test(text)) return text;
  // dictionaries are large: build the converter on first use
  convert ??= Converter({ from: 'tw', to: 'cn' });
  return convert(text);
}

let charMap: Map<string, string> | null = null;

/**
 * Traditional → simplified for ONE character (same length, so offsets into the original text
 * stay valid: snippets are cut from the original by positions found in the folded text).
 * Built once from the same OpenCC converter, one character at a time (~150 ms), because
 * converting a joined string lets phrase rules shift positions.
 */
export function simplifiedChar(ch: string): string {
  if (!charMap) {
    convert ??= Converter({ from: 'tw', to: 'cn' });
    charMap = new Map();
    for (const [a, b] of [[0x3400, 0x9fff], [0xf900, 0xfaff]] as const) {
      for (let i = a; i <= b; i++) {
        const c = String.fromCharCode(i);
        const o = convert(c);
        if (o !== c && o.length === 1) charMap.set(c, o);
      }
    }
  }
  return charMap.get(ch) ?? ch;
}

/** Characters common in reports and only ever traditional: their absence skips the fold. */
const TRADITIONAL = new Uint8Array(0x10000);
for (const c of '開報資條與這們務關會區縣據鄉級詢議訴') TRADITIONAL[c.charCodeAt(0)] = 1;

function looksTraditional(text: string): boolean {
  const n = Math.min(text.length, 4000);
  for (let i = 0; i < n; i++) if (TRADITIONAL[text.charCodeAt(i)] === 1) return true;
  return false;
}

/**
 * A same-length simplified copy of a text written in traditional characters, for matching
 * headings and acceptance words (公開 → 公开); the record keeps the original text.
 */
export function foldForMatching(text: string): string {
  if (!looksTraditional(text)) return text;
  let out = '';
  for (const ch of text) out += ch.length === 1 ? simplifiedChar(ch) : ch;
  return out;
}
