/**
 * Seeded generator of hostile search requests: raw query strings (no leading `?`) for
 * /api/search and the search page. Same seed → same requests, so a failure names a reproducible
 * case. The first requests are the fixed cases from the hardening checklist; the rest are random
 * combinations of the atoms in ./payloads.ts, some with broken percent-encoding spliced in.
 */
import { Rng } from '../corpus/prng';
import { FACETS } from '../../lib/search/types';
import { INJECTION, MARKUP, NUMBERS, QUERY_SYNTAX, RAW_ENCODED, UNICODE, WORDS } from './payloads';

/** Fixed cases, always first (raw query strings). */
export const FIXED_QUERIES: readonly string[] = [
  'q=' + encodeURIComponent('a" OR year > 0'),
  'year=' + encodeURIComponent('a" OR year > 0'),
  'agency=' + encodeURIComponent("'; DROP TABLE reports;--"),
  'theme=' + encodeURIComponent("'; DROP TABLE reports;--") + '&checks=' + encodeURIComponent('1 OR 1=1'),
  'q=' + encodeURIComponent('时效 AND 公开 OR NOT NEAR(a b) * ^ :'),
  'q=' + encodeURIComponent('text:时效 {agency}:x "未闭合 ((('),
  'q=a%00b%01%1b%7f',
  'q=' + 'a'.repeat(10_000),
  'q=' + encodeURIComponent('时'.repeat(10_000)),
  'q=' + encodeURIComponent('👩‍👩‍👧🔍时效性'),
  'q=%ED%A0%80%ED%B0%80',
  'q=%ZZ%E4%B8%',
  'q=' + encodeURIComponent(MARKUP[0]) + '&agency=' + encodeURIComponent(MARKUP[1]),
  'q=a&q=b&page=1&page=2&sort=year_asc&sort=nonsense',
  'page=99999999999999999999',
  'page=500&per_page=100',
  'page=-1&per_page=0',
  '__proto__=1&constructor=x&q[]=1&=empty&utm_source=' + encodeURIComponent(MARKUP[2]),
  'format=xml',
  'format=csv&q=' + encodeURIComponent('=HYPERLINK("http://evil.example")'),
];

const FACET_PARAMS = [...FACETS];
const UNKNOWN_PARAMS = ['__proto__', 'constructor', 'prototype', 'q[]', 'q.x', '', 'Q', 'utm_source', 'callback', 'sec_fts'];

/** A text value built from 1–3 atoms; sometimes stretched to a long or absurdly long value. */
export function hostileText(rng: Rng): string {
  const pools = [MARKUP, QUERY_SYNTAX, INJECTION, UNICODE, WORDS] as const;
  const parts: string[] = [];
  for (let i = rng.int(1, 3); i > 0; i--) parts.push(rng.pick(rng.pick(pools)));
  let s = parts.join(rng.pick([' ', '', '  ', ' OR ', '"']));
  const r = rng.next();
  if (r < 0.03) s = s.repeat(Math.ceil(10_000 / Math.max(1, s.length))).slice(0, 10_000);
  else if (r < 0.06) s = s.repeat(Math.ceil(201 / Math.max(1, s.length))).slice(0, 201);
  return s;
}

/** Percent-encode a JS string (lone surrogates would make encodeURIComponent throw). */
function enc(s: string): string {
  return encodeURIComponent(s.replace(/[\uD800-\uDFFF]/g, '\uFFFD'));
}

/** Encoded value, sometimes with a raw (possibly invalid) escape spliced in at a boundary. */
function encodedValue(rng: Rng, s: string): string {
  if (!rng.chance(0.25)) return enc(s);
  const cut = rng.int(0, s.length);
  return enc(s.slice(0, cut)) + rng.pick(RAW_ENCODED) + enc(s.slice(cut));
}

function param(rng: Rng, api: boolean): string {
  const kind = rng.weighted<string>([
    ['q', 40],
    ['facet', 25],
    ['number', 12],
    ['sort', 5],
    ['format', api ? 4 : 0],
    ['unknown', 8],
    ['raw', 6],
  ]);
  switch (kind) {
    case 'q':
      return `q=${encodedValue(rng, hostileText(rng))}`;
    case 'facet':
      return `${rng.pick(FACET_PARAMS)}=${encodedValue(rng, hostileText(rng))}`;
    case 'number':
      return `${rng.pick(['page', 'per_page'])}=${encodedValue(rng, rng.pick(NUMBERS))}`;
    case 'sort':
      return `sort=${encodedValue(rng, rng.pick(['relevance', 'year_desc', 'year_asc', 'RANDOM()', 'year; DROP', '', hostileText(rng)]))}`;
    case 'format':
      return `format=${rng.pick(['json', 'csv', 'xml', 'CSV', '', '../x'])}`;
    case 'unknown':
      return `${encodedValue(rng, rng.pick(UNKNOWN_PARAMS))}=${encodedValue(rng, hostileText(rng))}`;
    default:
      // The raw escape as the whole parameter, name included.
      return `${rng.pick(RAW_ENCODED)}${rng.chance(0.5) ? '=' + rng.pick(RAW_ENCODED) : ''}`;
  }
}

export interface HostileRequestOptions {
  seed: number | string;
  /** total number of query strings, fixed cases included */
  count: number;
  /** include API-only parameters (format) */
  api?: boolean;
}

/** `count` raw query strings: the fixed cases, then seeded random ones (1–5 parameters each). */
export function hostileQueries(opts: HostileRequestOptions): string[] {
  const rng = new Rng(`hostile:${opts.seed}`);
  const out = FIXED_QUERIES.slice(0, opts.count);
  while (out.length < opts.count) {
    const params: string[] = [];
    for (let i = rng.int(1, 5); i > 0; i--) params.push(param(rng, opts.api ?? true));
    // Repeat a parameter now and then: scalars take the last, facets collect all.
    if (rng.chance(0.1)) params.push(params[0]);
    out.push(params.join('&'));
  }
  return out;
}
