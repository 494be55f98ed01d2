/** gramsForIndex writes char codes into a buffer; it must equal the per-character rule it replaced. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fold, gramsForIndex } from '@/lib/search/fts-query';

// The rule as first written (one code point at a time, fold per letter).
function refGrams(text: string): string {
  let out = '';
  let prev = '';
  for (const c of text) {
    if (/[\p{L}\p{N}]/u.test(c)) {
      const ch = fold(c);
      if (prev) out += prev + ch + ' ';
      prev = ch;
    } else if (prev) {
      out += prev + ' ';
      prev = '';
    }
  }
  if (prev) out += prev;
  else if (out) out = out.slice(0, -1);
  return out;
}

describe('gramsForIndex', () => {
  it('equals the per-character rule on any text (traditional, astral, lone surrogates, long)', () => {
    const piece = fc.oneof(
      fc.constantFrom('時效性', '资讯', '政府信息公开', 'Web2', 'ABC', '，', ' ', '\n', '𠀀𠀁', '𝟘', '\ud800', '\udc00', '½', 'ǅ', 'Ⅻ', '①', '\u0301', 'ｗｅｂ'),
      fc.string({ maxLength: 4, unit: 'binary' }),
      fc.string({ maxLength: 4, unit: 'grapheme' }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }).map((a) => a.join('')), (t) => {
        expect(gramsForIndex(t)).toBe(refGrams(t));
      }),
      { numRuns: 20000 },
    );
  });

  it('handles texts longer than its buffer and than one fromCharCode chunk', () => {
    const t = '时效性高，Web2 '.repeat(5000);
    expect(gramsForIndex(t)).toBe(refGrams(t));
    expect(gramsForIndex('𠀀')).toBe('𠀀');
    expect(gramsForIndex('')).toBe('');
  });
});

describe('gramsForIndex over joined sections', () => {
  it('texts joined at a line break give the texts\' grams joined by spaces (empty ones skipped)', () => {
    const piece = fc.oneof(fc.constantFrom('时效性', 'Web2', '，', ' ', '𠀀', '\ud800', '\udc00', '。\n'), fc.string({ maxLength: 4, unit: 'binary' }));
    const section = fc.array(piece, { maxLength: 8 }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.array(section, { maxLength: 8 }), (texts) => {
        expect(gramsForIndex(texts.join('\n'))).toBe(texts.map(gramsForIndex).filter(Boolean).join(' '));
      }),
      { numRuns: 10000 },
    );
  });
});
