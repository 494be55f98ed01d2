/**
 * Facet keys that survive Meilisearch's facet normalization.
 *
 * Meilisearch normalizes every facet string before filtering and counting (trim, NFKD, lowercase
 * and charabia's lossy script normalizers, e.g. traditional → simplified Chinese), so
 * `某局（试点）` and `某局(试点)`, or `A局` and `a局`, are one facet value there, while the SQLite
 * engine keeps them apart. Filter and facet values therefore go through an encoding made only of
 * characters no normalizer changes: each code point as four lowercase base-36 digits (0–9a–z;
 * every code point is below 36^4). Fixed width keeps the encoded order equal to code-point order.
 * The plain value stays in its own field for display and full-text search.
 */

const WIDTH = 4;

export function encodeFacetKey(value: string): string {
  let out = '';
  for (const ch of value) out += ch.codePointAt(0)!.toString(36).padStart(WIDTH, '0');
  return out;
}

/** Inverse of encodeFacetKey; a string that is not an encoding is returned as it is. */
export function decodeFacetKey(key: string): string {
  if (key.length % WIDTH !== 0 || !/^[0-9a-z]*$/.test(key)) return key;
  let out = '';
  for (let i = 0; i < key.length; i += WIDTH) out += String.fromCodePoint(parseInt(key.slice(i, i + WIDTH), 36));
  return out;
}

/**
 * Longest facet value Meilisearch keeps whole is 479 bytes (longer ones are truncated, so two
 * values sharing a long prefix would merge): 119 code points encoded.
 */
export const MAX_FACET_KEY_CHARS = Math.floor(479 / WIDTH);
