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
