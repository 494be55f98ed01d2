/**
 * Text from outside (URLs, report files) made safe to cut, echo and encode: one home for the
 * rules every surface shares (query echo, snippets, CSV cells, download file names).
 */

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Control characters (NUL, ESC, DEL …) and lone UTF-16 surrogates carry no meaning in a query,
 * a name or a path segment and would end up raw in HTML, CSV and logs: each becomes a space or
 * U+FFFD.
 */
export function cleanText(s: string): string {
  return s.replace(CONTROL, ' ').replace(LONE_SURROGATE, '\uFFFD');
}

/** Lone surrogates as U+FFFD, nothing else changed: what encodeURIComponent and UTF-8 need. */
export function wellFormed(s: string): string {
  return s.replace(LONE_SURROGATE, '\uFFFD');
}

/**
 * At most `max` UTF-16 units of `s`, never ending inside a surrogate pair (an emoji at the cut
 * is dropped whole, not halved into a lone surrogate that encodeURIComponent rejects).
 */
export function cutCodePoints(s: string, max: number): string {
  if (s.length <= max) return s;
  const hi = s.charCodeAt(max - 1);
  return s.slice(0, hi >= 0xd800 && hi <= 0xdbff ? max - 1 : max);
}
