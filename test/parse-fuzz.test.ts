/**
 * Property test: mutate the real seeds (drop lines, swap lines and cells, truncate, inject noise)
 * and require that the parser never throws, keeps the record shape, and never reports a number
 * that is not written in the input.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { processText } from '@/lib/indexer/pipeline';
import { APPEAL_COLUMNS, APPEAL_GROUPS, APPLICANT_COLUMNS, isFailure, REQUEST_ROWS, type Figures } from '@/lib/types';

const seedsDir = path.resolve(__dirname, '..', '../shared/seeds');
const seeds = fs.readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort().map((f) => fs.readFileSync(path.join(seedsDir, f), 'utf8'));

type Mutation =
  | { op: 'drop'; at: number; n: number }
  | { op: 'swapLines'; a: number; b: number }
  | { op: 'swapCells'; at: number }
  | { op: 'truncate'; frac: number }
  | { op: 'noise'; at: number; s: string }
  | { op: 'blankCell'; at: number };

const noise = fc.oneof(
  fc.constantFrom('\t', '\t\t', '|', '/', '\t/', '\t—', '（七）总计', '3.其他', '\t12345', '一、本年新收', '\n\n', '\r\n', '\u00a0', '０', '总计'),
  fc.string({ maxLength: 12 }),
);

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('drop' as const), at: fc.nat(), n: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ op: fc.constant('swapLines' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ op: fc.constant('swapCells' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('truncate' as const), frac: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ op: fc.constant('noise' as const), at: fc.nat(), s: noise }),
  fc.record({ op: fc.constant('blankCell' as const), at: fc.nat() }),
);

function apply(text: string, m: Mutation): string {
  const lines = text.split('\n');
  const i = (k: number) => (lines.length ? k % lines.length : 0);
  switch (m.op) {
    case 'drop':
      lines.splice(i(m.at), m.n);
      return lines.join('\n');
    case 'swapLines': {
      const a = i(m.a), b = i(m.b);
      [lines[a], lines[b]] = [lines[b], lines[a]];
      return lines.join('\n');
    }
    case 'swapCells': {
      const k = i(m.at);
      const cells = (lines[k] ?? '').split('\t');
      if (cells.length > 2) [cells[1], cells[cells.length - 1]] = [cells[cells.length - 1], cells[1]];
      lines[k] = cells.join('\t');
      return lines.join('\n');
    }
    case 'blankCell': {
      // a number cell turned blank: the one-cell-per-line "\t0" becomes "\t"
      const k = i(m.at);
      lines[k] = (lines[k] ?? '').replace(/\d+(\.\d+)?/, '');
      return lines.join('\n');
    }
    case 'truncate':
      return text.slice(0, Math.floor(text.length * m.frac));
    case 'noise': {
      const at = text.length ? m.at % text.length : 0;
      return text.slice(0, at) + m.s + text.slice(at);
    }
  }
}

function numbers(f: Figures): number[] {
  const out: (number | null)[] = [];
  const a = f.active;
  if (a) out.push(...Object.values(a.rules), ...Object.values(a.normative_documents), a.licensing, a.penalty, a.coercion, a.fees_wan_yuan);
  if (f.active2019) for (const r of Object.values(f.active2019)) out.push(...(Object.values(r) as (number | null)[]));
  if (f.requests) for (const k of REQUEST_ROWS) for (const c of APPLICANT_COLUMNS) out.push(f.requests[k][c]);
  if (f.appeals) for (const g of APPEAL_GROUPS) for (const c of APPEAL_COLUMNS) out.push(f.appeals[g][c]);
  return out.filter((x): x is number => x !== null);
}

function shapeOk(f: Figures): boolean {
  if (f.requests && !REQUEST_ROWS.every((k) => APPLICANT_COLUMNS.every((c) => c in f.requests![k]))) return false;
  if (f.appeals && !APPEAL_GROUPS.every((g) => APPEAL_COLUMNS.every((c) => c in f.appeals![g]))) return false;
  return true;
}

describe('parser under mutation', () => {
  it('never throws, keeps the shape, and never invents a number', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: seeds.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 6 }), (si, muts) => {
        const input = muts.reduce(apply, seeds[si]);
        let r: ReturnType<typeof processText> | undefined;
        expect(() => (r = processText(input, 'fuzz.txt'))).not.toThrow();
        if (isFailure(r!)) {
          expect(r!.error.length).toBeGreaterThan(0);
          expect(r!.error.startsWith('解析失败')).toBe(false); // a crash caught by the safety net is still a bug
          return;
        }
        const rec = r!;
        expect(shapeOk(rec.figures)).toBe(true);
        const digits = input.normalize('NFKC').replace(/(?<=\d),(?=\d)/g, '');
        for (const n of numbers(rec.figures)) expect(digits.includes(String(n)), `number ${n} not in input`).toBe(true);
        for (const c of rec.checks) expect(typeof c.ok).toBe('boolean');
      }),
      { numRuns: 400, seed: 20240601 },
    );
  });

  it('each seed survives every single-line drop without throwing', () => {
    for (const s of seeds) {
      const lines = s.split('\n');
      for (let k = 0; k < lines.length; k += 7) {
        const r = processText([...lines.slice(0, k), ...lines.slice(k + 1)].join('\n'), 'drop.txt');
        expect(isFailure(r) ? r.error : 'ok').not.toMatch(/^解析失败/);
      }
    }
  });
});
