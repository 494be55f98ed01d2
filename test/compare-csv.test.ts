import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BOM, contentDisposition, parseCsv, toCsv } from '@/lib/compare/csv';

describe('CSV (RFC 4180)', () => {
  it('writes a BOM, CRLF rows, quotes only where needed, empty for null', () => {
    const csv = toCsv(['key', '北仑区人民政府'], [
      ['a', 1],
      ['say "hi", ok', null],
      ['line\nbreak', 0.5],
    ]);
    expect(csv).toBe(`${BOM}key,北仑区人民政府\r\na,1\r\n"say ""hi"", ok",\r\n"line\nbreak",0.5\r\n`);
  });
  it('defuses spreadsheet formulas in text but not negative numbers', () => {
    expect(toCsv(['x'], [['=SUM(A1)'], [-5]])).toBe(`${BOM}x\r\n'=SUM(A1)\r\n-5\r\n`);
  });
  it('round-trips any text table through parseCsv (property)', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', '中', ',', '"', '\n', '\r\n', ' ', '1') });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { maxLength: 5 }), (rows) => {
        // Leading formula characters are prefixed on purpose; the alphabet has none.
        expect(parseCsv(toCsv(['h1', 'h2'], rows))).toEqual([['h1', 'h2'], ...rows]);
      }),
    );
  });
  it('builds an ASCII-safe Content-Disposition with the UTF-8 name', () => {
    expect(contentDisposition('北仑 2024.csv')).toBe(
      `attachment; filename="__ 2024.csv"; filename*=UTF-8''%E5%8C%97%E4%BB%91%202024.csv`,
    );
  });
});
