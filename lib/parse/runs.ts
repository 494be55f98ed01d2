/**
 * Digit runs from tables whose cells were run together (`15130000154`, `2648-18538`,
 * `200 000121`): every way to read them as the row's numbers, then only what all readings
 * that satisfy the table's arithmetic agree on. A split is never guessed: a cell the readings
 * disagree on is null (the caller warns).
 */

/** count: 0 or no leading zero; signed: a count with an optional sign (本年增/减); amount: decimals allowed. */
export type ColumnKind = 'count' | 'signed' | 'amount';

/** At most 12 integer digits (a trillion): a longer "cell" is several cells, never one number. */
const VALID: Record<ColumnKind, RegExp> = {
  count: /^(0|[1-9]\d{0,11})$/,
  signed: /^[-+]?(0|[1-9]\d{0,11})$/,
  amount: /^(0|[1-9]\d{0,11})(\.\d{1,6})?$/,
};
const MAX_CHARS: Record<ColumnKind, number> = { count: 12, signed: 13, amount: 19 };

/** Beyond this many readings a run is too long to be a table row: treated as unreadable. */
const MAX_READINGS = 20000;

/**
 * Every reading of `groups` (digit strings as printed; a space always separates two cells)
 * as exactly `kinds.length` numbers. null when there are too many to enumerate.
 */
export function readings(groups: string[], kinds: ColumnKind[]): number[][] | null {
  const out: number[][] = [];
  const acc: number[] = [];
  const n = kinds.length;
  let overflow = false;
  const minLeft = (g: number) => groups.length - g; // each remaining group holds at least one number
  // characters left from group g on (each number takes at least one)
  const charsFrom: number[] = new Array(groups.length + 1).fill(0);
  for (let g = groups.length - 1; g >= 0; g--) charsFrom[g] = charsFrom[g + 1] + groups[g].length;
  const walk = (g: number, pos: number) => {
    if (overflow) return;
    if (g === groups.length) {
      if (acc.length === n) out.push(acc.slice());
      if (out.length > MAX_READINGS) overflow = true;
      return;
    }
    const col = acc.length;
    if (col >= n || n - col < minLeft(g) || charsFrom[g] - pos < n - col) return;
    let room = 0;
    for (let c = col; c < n; c++) room += MAX_CHARS[kinds[c]];
    if (charsFrom[g] - pos > room) return;
    const s = groups[g];
    for (let end = pos + 1; end <= Math.min(s.length, pos + MAX_CHARS[kinds[col]]); end++) {
      const tok = s.slice(pos, end);
      if (!VALID[kinds[col]].test(tok)) continue;
      // a sign or a decimal point cannot start the rest of the group
      if (end < s.length && /[.]/.test(s[end])) continue;
      acc.push(Number(tok));
      if (end === s.length) walk(g + 1, 0);
      else walk(g, end);
      acc.pop();
    }
  };
  walk(0, 0);
  return overflow ? null : out;
}

/** Per column: the value every reading agrees on, else null. */
export function agreed(cands: number[][], n: number): (number | null)[] {
  return Array.from({ length: n }, (_, i) => {
    if (cands.length === 0) return null;
    const v = cands[0][i];
    return cands.every((c) => c[i] === v) ? v : null;
  });
}

/** Joint readings tried per equation before giving up on it. */
const MAX_COMBOS = 20000;

/**
 * Rows linked by column sums (Σ left rows = Σ right rows, column by column): each row keeps the
 * readings that take part in at least one combination of readings (one per row) for which the
 * equation holds. Repeated until nothing changes. Rows are candidate lists, changed in place.
 */
export function propagate(rows: Map<string, number[][]>, equations: { left: string[]; right: string[] }[], width: number): void {
  let changed = true;
  while (changed) {
    changed = false;
    for (const eq of equations) {
      const all = [...eq.left, ...eq.right];
      if (!all.every((k) => rows.has(k))) continue;
      const open = all.filter((k) => rows.get(k)!.length !== 1);
      if (open.length === 0) continue;
      if (open.reduce((p, k) => p * rows.get(k)!.length, 1) > MAX_COMBOS) continue;
      const sign = (k: string) => (eq.left.includes(k) ? 1 : -1);
      // Σ left − Σ right over the settled rows; the open rows must bring it to 0
      const base = Array.from({ length: width }, (_, c) => {
        let v = 0;
        for (const k of all) if (!open.includes(k)) v += sign(k) * rows.get(k)![0][c];
        return v;
      });
      const used = open.map(() => new Set<number>());
      const pick: number[] = [];
      const walk = (i: number) => {
        if (i === open.length) {
          const ok = base.every((b, c) => Math.abs(open.reduce((v, k, j) => v + sign(k) * rows.get(k)![pick[j]][c], b)) < 1e-6);
          if (ok) pick.forEach((p, j) => used[j].add(p));
          return;
        }
        const n = rows.get(open[i])!.length;
        for (let p = 0; p < n; p++) {
          pick[i] = p;
          walk(i + 1);
        }
      };
      walk(0);
      if (used.some((u) => u.size === 0)) continue; // the equation does not hold: the table is inconsistent, no help
      open.forEach((k, j) => {
        const before = rows.get(k)!;
        if (used[j].size < before.length) {
          rows.set(k, before.filter((_, p) => used[j].has(p)));
          changed = true;
        }
      });
    }
  }
}
