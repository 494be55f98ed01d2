/** sectionText replaces in the whole text at once; it must equal the line-by-line rule. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sectionText } from '@/lib/parse/sections';

const refClean = (raw: string) =>
  raw
    .split('\n')
    .map((l) => l.replace(/\|/g, ' ').replace(/[\t\u00a0\u3000 ]+/g, ' ').trim())
    .filter((l) => l !== '')
    .join('\n');

describe('sectionText', () => {
  it('equals the line-by-line rule', () => {
    const piece = fc.oneof(fc.constantFrom('|', ' ', '\t', '\u3000', '\u00a0', '\n', '\r', '\u2003', '文字', '12', '| 0 |'), fc.string({ maxLength: 3 }));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }).map((a) => a.join('')), (raw) => {
        expect(sectionText(raw)).toBe(refClean(raw));
      }),
      { numRuns: 20000 },
    );
  });
});
