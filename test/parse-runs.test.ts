/** Digits run together (lib/parse/runs.ts): every reading, and only what all readings agree on. */
import { describe, expect, it } from 'vitest';
import { agreed, propagate, readings } from '@/lib/parse/runs';

const counts = (n: number) => Array(n).fill('count') as 'count'[];
const rowTotal = (v: number[]) => v.slice(0, 6).reduce((a, b) => a + b, 0) === v[6];

describe('readings', () => {
  it('reads a seven-cell row uniquely once its total must equal the six columns', () => {
    const all = readings(['241000025'], counts(7))!;
    expect(all.length).toBeGreaterThan(1);
    expect(all.filter(rowTotal)).toEqual([[24, 1, 0, 0, 0, 0, 25]]);
  });

  it('never reads a leading zero (05) as a number', () => {
    expect(readings(['05'], counts(1))).toEqual([]);
    expect(readings(['05'], counts(2))).toEqual([[0, 5]]);
    expect(readings(['000'], counts(3))).toEqual([[0, 0, 0]]);
  });

  it('keeps a space as a cell border and reads within the groups', () => {
    // 30|0 and 0|0|0|2|32: the only reading whose total is the sum
    const all = readings(['300', '000232'], counts(7))!.filter(rowTotal);
    expect(all).toEqual([[30, 0, 0, 0, 0, 2, 32]]);
  });

  it('reads a sign only at the start of a signed cell', () => {
    const all = readings(['4712-9310'], ['count', 'signed', 'count'])!;
    expect(all.every((r) => r[0] === 4712 && r[1] < 0)).toBe(true);
    expect(agreed(all, 3)).toEqual([4712, null, null]);
    expect(readings(['12-3'], ['count', 'count'])).toEqual([]);
  });

  it('keeps a decimal amount whole', () => {
    expect(readings(['815.0625'], ['amount'])).toEqual([[815.0625]]);
    expect(readings(['3.5'], counts(2))).toEqual([]);
  });

  it('gives up (null) on runs with too many readings to enumerate, quickly', () => {
    expect(readings(['1'.repeat(60)], counts(12))).toBeNull();
    // far more digits than a row could hold: no reading, found without walking every split
    expect(readings(['123456789'.repeat(6)], counts(3))).toEqual([]);
    expect(readings(['123456789'.repeat(6)], counts(2))).toEqual([]);
  });
});

describe('agreed', () => {
  it('keeps the cells every reading agrees on', () => {
    expect(agreed([[1, 2, 30], [1, 23, 0]], 3)).toEqual([1, null, null]);
    expect(agreed([], 2)).toEqual([null, null]);
  });
});

describe('propagate', () => {
  it('settles two open rows jointly through a column-sum equation', () => {
    const rows = new Map<string, number[][]>([
      ['a', [[2, 7], [27, 0]]],
      ['b', [[1, 0], [20, 3]]],
      ['total', [[28, 0]]],
    ]);
    propagate(rows, [{ left: ['a', 'b'], right: ['total'] }], 2);
    expect(rows.get('a')).toEqual([[27, 0]]);
    expect(rows.get('b')).toEqual([[1, 0]]);
  });

  it('leaves rows alone when the equation cannot hold (an inconsistent table is no evidence)', () => {
    const rows = new Map<string, number[][]>([
      ['a', [[1], [2]]],
      ['total', [[9]]],
    ]);
    propagate(rows, [{ left: ['a'], right: ['total'] }], 1);
    expect(rows.get('a')).toEqual([[1], [2]]);
  });
});
