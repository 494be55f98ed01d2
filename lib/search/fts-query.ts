/**
 * Substring matching on FTS5 through character bigrams.
 *
 * Text is indexed as overlapping bigrams of each run of letters/digits (时效性高 → 时效 效性 性高 高):
 * every character starts exactly one token, the last one of a run standing alone. A query term is
 * then a phrase of its bigrams ("时效 效性"), which matches exactly where the term occurs as a
 * substring; a one-character term is a prefix query (效*). Every token is double-quoted, so no FTS5
 * syntax typed by a user can reach MATCH.
 */

import { simplifiedChar } from '../fold';

/** Runs of letters and digits: what both indexing and query terms are made of. */
const RUN = /[\p{L}\p{N}]+/gu;

/** More terms than this is refused (SearchInputError), never silently truncated. */
export const MAX_TERMS = 32;

/**
 * Search folding, the same for indexed text, queries and snippet positions: ASCII case, and
 * traditional → simplified characters (a 繁體 report is found by a simplified query and vice
 * versa). Character for character, so positions in folded text are positions in the original.
 */
export function fold(s: string): string {
  // Fast path: most text has nothing to fold (simplified Chinese, lower-case ASCII); checking
  // with a flag table is far cheaper than rebuilding the string character by character.
  const t = foldTable();
  let i = 0;
  while (i < s.length && !t[s.charCodeAt(i)]) i++;
  if (i === s.length) return s;
  let out = '';
  for (const c of s) {
    const code = c.codePointAt(0)!;
    out += code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : code >= 0x3400 ? simplifiedChar(c) : c;
  }
  return out;
}

let table: Uint8Array | null = null;
/** UTF-16 unit → 1 when fold changes it (A–Z, traditional characters in the BMP). */
function foldTable(): Uint8Array {
  if (table) return table;
  const t = new Uint8Array(0x10000);
  for (let c = 65; c <= 90; c++) t[c] = 1;
  for (const [a, b] of [[0x3400, 0x9fff], [0xf900, 0xfaff]] as const)
    for (let c = a; c <= b; c++) if (simplifiedChar(String.fromCharCode(c)) !== String.fromCharCode(c)) t[c] = 1;
  return (table = t);
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Letter or digit? Fast paths for ASCII and the CJK block, the regex for the rest. */
function isWordChar(ch: string, code: number): boolean {
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  if (code >= 0x4e00 && code <= 0x9fff) return true;
  return WORD_CHAR.test(ch);
}

let unitTable: Uint16Array | null = null;
/**
 * Per UTF-16 unit: 0 = not a letter or digit, else the unit it indexes as (itself, or folded).
 * Built once (~65k regex tests); a lone surrogate is not a letter, pairs are handled apart.
 */
function units(): Uint16Array {
  if (unitTable) return unitTable;
  const t = foldTable();
  const u = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    const ch = String.fromCharCode(c);
    if (!isWordChar(ch, c)) continue;
    u[c] = !t[c] ? c : c <= 90 ? c + 32 : simplifiedChar(ch).charCodeAt(0);
  }
  return (unitTable = u);
}

let out16 = new Uint16Array(1 << 14);

/**
 * Bigram text for the FTS column (hot path of indexing: one pass over char codes into a buffer,
 * no string per character). Each run of letters/digits, folded, gives one token per character:
 * that character and the next ("ab"), the run's last one alone; tokens are space-separated.
 */
export function gramsForIndex(text: string): string {
  const u = units();
  if (out16.length < text.length * 3) out16 = new Uint16Array(text.length * 4);
  const o = out16;
  let n = 0;
  // the previous letter of the current run: one unit, or two for a pair (p1 !== 0); p0 = 0: none
  let p0 = 0;
  let p1 = 0;
  for (let i = 0; i < text.length; i++) {
    let c0 = text.charCodeAt(i);
    let c1 = 0;
    if (c0 >= 0xd800 && c0 <= 0xdbff && i + 1 < text.length) {
      const lo = text.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        // astral letters (rare): the regex decides, never folded
        const word = WORD_CHAR.test(text.slice(i, i + 2));
        i++;
        if (word) c1 = lo;
        else c0 = 0;
      } else c0 = 0;
    } else c0 = u[c0];
    if (c0 !== 0) {
      if (p0 !== 0) {
        o[n++] = p0;
        if (p1 !== 0) o[n++] = p1;
        o[n++] = c0;
        if (c1 !== 0) o[n++] = c1;
        o[n++] = 32;
      }
      p0 = c0;
      p1 = c1;
    } else if (p0 !== 0) {
      o[n++] = p0;
      if (p1 !== 0) o[n++] = p1;
      o[n++] = 32;
      p0 = 0;
    }
  }
  if (p0 !== 0) {
    o[n++] = p0;
    if (p1 !== 0) o[n++] = p1;
  } else if (n > 0) n--;
  return fromUnits(o, n);
}

// ignoreBOM: a leading U+FEFF is kept (it is not a letter, so never written first anyway)
const UTF16 = new TextDecoder('utf-16le', { ignoreBOM: true });
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * String from the first n units: one native decode. The buffer never holds a lone surrogate
 * (those are not letters, so never written), the one case where decoding would differ.
 */
function fromUnits(o: Uint16Array, n: number): string {
  if (LITTLE_ENDIAN) return UTF16.decode(o.subarray(0, n));
  let s = '';
  for (let k = 0; k < n; k += 8192) s += String.fromCharCode(...o.subarray(k, Math.min(n, k + 8192)));
  return s;
}

/**
 * The terms a report must contain, in order, without duplicates: the query split at spaces and
 * punctuation (a term cannot span punctuation in the index either).
 */
export function queryTerms(q: string): string[] {
  const seen = new Set<string>();
  const terms: string[] = [];
  for (const m of fold(q).matchAll(RUN)) {
    const t = m[0];
    if (seen.has(t)) continue;
    seen.add(t);
    terms.push(t);
  }
  // A term inside another term adds nothing: "时效 时效性" needs only 时效性.
  return terms.filter((t) => !terms.some((o) => o !== t && o.includes(t)));
}

const quote = (tok: string) => `"${tok.replace(/"/g, '""')}"`;

/** FTS5 MATCH expression for one term. */
export function termMatch(term: string): string {
  const chars = Array.from(term);
  if (chars.length === 1) return `${quote(chars[0])}*`;
  const grams: string[] = [];
  for (let i = 0; i < chars.length - 1; i++) grams.push(chars[i] + chars[i + 1]);
  return grams.length === 1 ? quote(grams[0]) : `(${grams.map(quote).join(' + ')})`;
}
