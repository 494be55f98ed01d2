import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildFilter, eq, inList, quoteFilterValue } from '../lib/search/meili-filter';
import { SearchInputError, type Filters } from '../lib/search/types';
import { decodeFacetKey, encodeFacetKey } from '../lib/search/meili-facet-key';

/**
 * A model of Meilisearch's filter-parser for one double-quoted value (crates/filter-parser,
 * value.rs: `quoted_by` skips the character after each `\` while looking for the closing
 * quote, then `\"` is unescaped and the `unescaper` crate resolves the remaining escapes).
 * Returns the value and the unparsed rest.
 */
function parseQuoted(s: string): { value: string; rest: string } {
  if (s[0] !== '"') throw new Error(`expected a quote at ${JSON.stringify(s)}`);
  let i = 1;
  let escapedQuote = false;
  for (; i < s.length; i++) {
    if (s[i] === '"') break;
    if (s[i] === '\\') {
      i++;
      if (i >= s.length) throw new Error('malformed value');
      if (s[i] === '"') escapedQuote = true;
    }
  }
  if (i >= s.length) throw new Error('missing closing delimiter');
  let frag = s.slice(1, i);
  if (escapedQuote) frag = frag.replaceAll('\\"', '"');
  let value = '';
  for (let j = 0; j < frag.length; j++) {
    if (frag[j] !== '\\') {
      value += frag[j];
      continue;
    }
    const n = frag[++j];
    const map: Record<string, string> = { '\\': '\\', '"': '"', "'": "'", n: '\n', r: '\r', t: '\t', '0': '\0' };
    if (!(n in map)) throw new Error(`invalid escape \\${n}`);
    value += map[n];
  }
  return { value, rest: s.slice(i + 1) };
}

/** `attr = "value"` → [attr, value], insisting nothing follows the literal. */
function parseCondition(cond: string): [string, string] {
  const m = /^([a-z_.]+) = /.exec(cond);
  if (!m) throw new Error(`not a condition: ${cond}`);
  const { value, rest } = parseQuoted(cond.slice(m[0].length));
  if (rest !== '') throw new Error(`trailing input after the value: ${JSON.stringify(rest)}`);
  return [m[1], value];
}

const HOSTILE = [
  'a" OR year > 0',
  'a\\" OR year > 0',
  'back\\slash\\',
  '\\',
  '\\\\"',
  'line\nbreak',
  '"',
  ') OR (agency EXISTS',
  "it's",
  '\\n not a newline',
  '',
  '北京市"人民政府\\',
];

describe('Meilisearch filter escaping', () => {
  it('quotes and escapes " and \\', () => {
    expect(quoteFilterValue('a" OR year > 0')).toBe('"a\\" OR year > 0"');
    expect(quoteFilterValue('a\\b')).toBe('"a\\\\b"');
    expect(quoteFilterValue('a\\" OR 1')).toBe('"a\\\\\\" OR 1"');
    expect(quoteFilterValue('北京市')).toBe('"北京市"');
  });

  it.each(HOSTILE)('hostile value %j stays one literal that equals the input', (v) => {
    // Plain attributes (the ASCII enums) carry the value itself; keyed ones its encoding.
    expect(parseCondition(eq('kind', v))).toEqual(['kind', v]);
    const [attr, key] = parseCondition(eq('keys.agency', v));
    expect([attr, decodeFacetKey(key)]).toEqual(['keys.agency', v]);
  });

  it('any string round-trips through the parser model as exactly one value', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('"', '\\', "'", 'n', ' ', 'O', 'R', '\n', '政', '(', ')', '=') }), (v) => {
        expect(parseCondition(eq('level', v))).toEqual(['level', v]);
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (v) => {
        expect(parseCondition(eq('checks', v))[1]).toBe(v);
        expect(decodeFacetKey(parseCondition(eq('keys.city', v))[1])).toBe(v);
      }),
    );
  });

  it('the parser model does catch an unescaped value (so the tests above can fail)', () => {
    expect(() => parseCondition(`agency = "a" OR year > 0"`)).toThrow(/trailing/);
    expect(() => parseCondition(`agency = "a\\"`)).toThrow();
  });

  it('app filters → AND of ORs; string facets on their encoded keys, the theme facet on keys.themes', () => {
    const filters: Filters = { agency: ['甲局', '乙局'], year: ['2023'], theme: ['时效性'], checks: ['failed'], city: [] };
    const k = encodeFacetKey;
    expect(buildFilter(filters)).toEqual([
      [`keys.agency = "${k('甲局')}"`, `keys.agency = "${k('乙局')}"`],
      ['year = "2023"'],
      [`keys.themes = "${k('时效性')}"`],
      ['checks = "failed"'],
    ]);
    expect(buildFilter({})).toBeUndefined();
    expect(buildFilter(undefined)).toBeUndefined();
    expect(buildFilter({ year: ['2023', '2023'] })).toEqual([['year = "2023"']]);
  });

  it('a hostile value inside buildFilter cannot add a condition', () => {
    const f = buildFilter({ agency: ['a" OR year > 0'], kind: ['b" OR year > 0'] })!;
    expect(f).toHaveLength(2);
    expect((f[0] as string[]).map(parseCondition).map(([a, v]) => [a, decodeFacetKey(v)])).toEqual([['keys.agency', 'a" OR year > 0']]);
    expect((f[1] as string[]).map(parseCondition)).toEqual([['kind', 'b" OR year > 0']]);
  });

  it('attribute names come only from the whitelist', () => {
    expect(() => buildFilter({ ['year > 0 OR agency' as never]: ['x'] })).toThrow(SearchInputError);
    expect(() => buildFilter({ text: ['x'] } as never)).toThrow(SearchInputError);
    expect(() => eq('text_seg', 'x')).toThrow(SearchInputError);
    expect(() => buildFilter({ agency: 'x' as never })).toThrow(SearchInputError);
    expect(() => buildFilter({ agency: [1 as never] })).toThrow(SearchInputError);
  });

  it('IN lists quote every member', () => {
    const s = inList('kind', ['r1', 'x"] OR year > 0 OR kind IN ["']);
    expect(s).toBe('kind IN ["r1", "x\\"] OR year > 0 OR kind IN [\\""]');
    const first = parseQuoted(s.slice('kind IN ['.length));
    expect(first.value).toBe('r1');
    const second = parseQuoted(first.rest.slice(2));
    expect(second.value).toBe('x"] OR year > 0 OR kind IN ["');
    expect(second.rest).toBe(']');
    expect(inList('keys.report', ['A-1', 'a-1'])).toBe(`keys.report IN ["${encodeFacetKey('A-1')}", "${encodeFacetKey('a-1')}"]`);
  });
});

describe('facet keys (meili-facet-key.ts)', () => {
  it('round-trip any string, use only characters no normalizer changes, and sort as code points do', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (a, b) => {
        const ka = encodeFacetKey(a);
        expect(decodeFacetKey(ka)).toBe(a);
        expect(ka).toMatch(/^[0-9a-z]*$/);
        expect(ka.normalize('NFKD').toLowerCase().trim()).toBe(ka);
        const cp = (s: string) => [...s].map((c) => c.codePointAt(0)!);
        const cmp = (x: number[], y: number[]) => {
          for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
          return x.length - y.length;
        };
        expect(Math.sign(cmp(cp(a), cp(b)))).toBe(Math.sign(ka < encodeFacetKey(b) ? -1 : ka > encodeFacetKey(b) ? 1 : 0));
      }),
    );
    // the variants Meilisearch would merge stay apart
    expect(new Set(['某局（试点）', '某局(试点)', 'A局', 'a局', '區', '区'].map(encodeFacetKey)).size).toBe(6);
  });
});
