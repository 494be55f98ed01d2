/**
 * Search normalisation: traditional → simplified characters (OpenCC, Taiwan-variant aware), so
 * a report written in 繁體 is found by a simplified query. Readers keep the original text; the
 * indexer applies this to the text it indexes and to queries. Character-level only (OpenCC
 * 'tw' → 'cn', not the 'twp' phrase table): vocabulary such as 資訊 stays 资讯, never 信息,
 * because rewriting words would make search hits disagree with the text shown.
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
