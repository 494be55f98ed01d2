/**
 * Atoms of hostile input: what a search box and its filters meet in the wild, grouped by what
 * they attack. The generator (./requests.ts) combines them; the browser tests use MARKUP to check
 * that nothing from a query or a report ever executes.
 */

/** Set by any payload that runs; the e2e tests assert it stays undefined. */
export const PWNED_FLAG = '__pwned';

/** Markup that would execute if rendered as HTML anywhere (query echo, snippet, report text, title). */
export const MARKUP = [
  `<script>window.${PWNED_FLAG}=1</script>`,
  `<img src=x onerror="window.${PWNED_FLAG}=1;alert(1)">`,
  `"><svg onload=alert(1)>`,
  `'><iframe srcdoc="<script>parent.${PWNED_FLAG}=1</script>">`,
  `</title><script>alert(1)</script>`,
  `</textarea><script>alert(1)</script>`,
  `</script><script>window.${PWNED_FLAG}=1</script>`,
  `<a href="javascript:alert(1)">点击</a>`,
  `<details open ontoggle=alert(1)>`,
  `<math><mi xlink:href="javascript:alert(1)">x</mi></math>`,
  `<style>@import 'http://evil.example/x.css';</style>`,
  `<mark>高亮</mark>`,
  `<b onmouseover=alert(1)>粗体</b>`,
  '{{constructor.constructor("alert(1)")()}}',
  '${alert(1)}',
  'javascript:alert(1)',
] as const;

/** FTS5 / Meilisearch query syntax: must be searched for as text, never interpreted. */
export const QUERY_SYNTAX = [
  'AND', 'OR', 'NOT', 'NEAR', 'NEAR(时效 公开, 2)', 'a AND b', 'x OR y', 'NOT 公开', '时效*', '*', '**', '^公开', '^',
  ':', 'text:时效', 'agency:x', '{agency year}:2024', 'sec_fts', 'rank', '"', '""', '"未闭合', '"时效性"', '(', ')', '((', '())',
  '(时效 OR', '-公开', '+公开', 'a"b', "'", '\\', '\\"', '~', '?', '|', '&', '@', '#', '[', ']', '{', '}', '<', '>', '=',
] as const;

/** Injection into SQL or a Meilisearch filter through a facet value or the query. */
export const INJECTION = [
  'a" OR year > 0',
  "'; DROP TABLE reports;--",
  "' OR ''='",
  '1 OR 1=1',
  ') UNION SELECT name FROM sqlite_master--',
  '2024 OR year EXISTS',
  'agency = "x" OR agency != "x"',
  'year > 0',
  '%',
  '_',
  '%%',
  "ATTACH DATABASE '/tmp/x' AS x",
  '__proto__',
  'constructor',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '../../etc/passwd',
  '%2e%2e%2f',
] as const;

/** Unicode and control characters (JS strings; lone surrogates are sent raw, see RAW_ENCODED). */
export const UNICODE = [
  '\u0000', 'a\u0000b', '\u0001\u0002\u0003', '\u001b[31m', '\u007f', '\u0085', '\t', '\n', '\r\n', '\u2028', '\u200b',
  '\u202e反转', '\ufeff', '\uffff', '\ufffd', '👩‍👩‍👧', '🔍时效性', '😀'.repeat(50), 'é', 'ñ̃̃̃̃', 'ＡＮＤ', '（时效性）',
  '時效性', '政府資訊公開', '\u3000', 'Ǆ', 'ß', 'İ', '\ue000时效\ue001', '\ue001', '\ue000',
] as const;

/** Ordinary words: hostile input is often glued to a real query. */
export const WORDS = ['时效性', '时效', '公开', '政府信息公开', '依申请', '行政复议', '2024', '浙江省', '北仑区', 'xss', 'test'] as const;

/**
 * Percent-encodings put into the URL verbatim: invalid escapes, truncated and overlong UTF-8,
 * encoded lone surrogates, encoded NUL, and delimiters that split parameters.
 */
export const RAW_ENCODED = [
  '%', '%Z', '%ZZ', '%%', '%E4%B8', '%E4', '%ED%A0%80', '%ED%B0%80', '%C0%AF', '%C0%80', '%FF%FE', '%F0%9F', '%00', '%0A',
  '%u0041', '%25', '%2525', '+', '%2B', '%26', '%3D', '&', '=', '&&', '==', ';', '#frag', '%23',
] as const;

/** Values for page / per_page: absurd, negative, non-decimal, huge. */
export const NUMBERS = [
  '0', '-1', '1', '2', '500', '501', '99999', '100000', '99999999999999999999', '1e309', '1e3', 'NaN', 'Infinity', '0x10',
  '1.5', ' 1', '１', '٣', '', '00001', '1;DROP', '[]', 'null', 'undefined', 'true',
] as const;
