/**
 * The fast paths in cells.ts (plain strings skip NFKC, plain counts skip the number regexes, pipe
 * rows lose their outer pipes without regexes) must give what the general rules give.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classify, normLabel, tokenize } from '@/lib/parse/cells';

// The rules as first written: the reference the fast paths must agree with.
const refNorm = (s: string) => s.normalize('NFKC').replace(/[\s\u00a0\u3000]+/g, '');
function refClassify(raw: string) {
  const norm = refNorm(raw);
  if (norm === '') return { raw, kind: 'blank', norm, value: null };
  const num = norm.replace(/,/g, '').replace(/(件|条|个|项|次|万元)$/, '');
  if (/^[+-]?\d+(?:\.\d+)?$/.test(num)) return { raw, kind: 'number', norm, value: Number(num) };
  if (/^[\/\\\-—–－―_*×xX无]+$/.test(norm)) return { raw, kind: 'slash', norm, value: null };
  if (!/[\u3400-\u9fff]/.test(norm) && norm.length <= 4) return { raw, kind: 'unreadable', norm, value: null };
  return { raw, kind: 'label', norm, value: null };
}
function refSplitLine(line: string): string[] {
  const t = line.replace(/\r$/, '');
  if (t.trim() === '') return t.includes('\t') ? [''] : [];
  if (t.includes('|')) {
    const inner = t.trim();
    if (/^\|?[\s:|-]+\|?$/.test(inner) && inner.includes('-')) return [];
    return inner.replace(/^\|/, '').replace(/\|$/, '').split('|').map((c) => c.trim());
  }
  if (t.includes('\t')) {
    const parts = t.split('\t');
    if (parts.length === 2 && parts[0].trim() === '') return [parts[1].trim()];
    return parts.map((c) => c.trim());
  }
  return [t.trim()];
}

const piece = fc.oneof(
  fc.constantFrom('0', '12', '007', '1,234', '3.5', '件', '万元', '（一）', '予以公开', '总计', '／', '/', '—', '无', 'ｌ2', '１２',
    ' ', '\u3000', '\u00a0', '\t', '|', '-', ':', '\r', 'e\u0301', '\u2460', '\uf900', '𠀀', 'x'),
  fc.string({ maxLength: 3 }),
  fc.string({ maxLength: 3, unit: 'binary' }),
);
const cellText = fc.array(piece, { maxLength: 6 }).map((a) => a.join(''));

describe('cells fast paths', () => {
  it('normLabel and classify agree with the general rules', () => {
    fc.assert(
      fc.property(cellText, (s) => {
        expect(normLabel(s)).toBe(refNorm(s));
        expect(classify(s)).toEqual(refClassify(s));
      }),
      { numRuns: 20000 },
    );
  });

  it('tokenize splits lines as the general rules do', () => {
    fc.assert(
      fc.property(fc.array(cellText, { maxLength: 8 }).map((a) => a.join('\n')), (text) => {
        // lines of bare pipes are borders, not blank cells, where they outnumber cell lines ending in a pipe two to one
        const lines = text.split('\n');
        const bare = lines.filter((l) => /^\s*\|+\s*$/.test(l)).length;
        const ending = lines.filter((l) => !/^\s*\|+\s*$/.test(l) && /[^|\s]\s*\|\s*$/.test(l)).length;
        const kept = bare > 2 * ending ? lines.filter((l) => !/^\s*\|+\s*$/.test(l)) : lines;
        const ref = kept.flatMap(refSplitLine).map(refClassify);
        expect(tokenize(text)).toEqual(ref);
      }),
      { numRuns: 5000 },
    );
  });
});
