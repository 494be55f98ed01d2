/**
 * Which table cells a failed check points at, so the report page can mark them. Pure; mirrors
 * the checks in DESIGN.md ("Checks every report gets"). Null cells never count as failures:
 * an unreadable cell is a warning, not a wrong sum.
 */
import {
  APPEAL_GROUPS,
  APPLICANT_COLUMNS,
  REQUEST_ROWS,
  type AppealFigures,
  type Cell,
  type RequestFigures,
  type RequestRowKey,
} from '@/lib/types';

/** Rows （一）…（六） that make up （七）总计. */
export const PROCESSED_ROWS: RequestRowKey[] = REQUEST_ROWS.slice(
  REQUEST_ROWS.indexOf('granted'),
  REQUEST_ROWS.indexOf('total_processed'),
);

function sum(cells: Cell[]): number | null {
  let s = 0;
  for (const c of cells) {
    if (c === null) return null;
    s += c;
  }
  return s;
}

/** Figures may be fractional only in fees; compare with a tolerance anyway. */
const differs = (a: number, b: number) => Math.abs(a - b) > 1e-6;

/** Map of flattened key (`requests.granted.total`) → ids of the checks that cell fails. */
export type FailedCells = Map<string, string[]>;

function add(m: FailedCells, key: string, id: string) {
  const l = m.get(key);
  if (l) {
    if (!l.includes(id)) l.push(id);
  } else m.set(key, [id]);
}

export function failedRequestCells(r: RequestFigures | null): FailedCells {
  const out: FailedCells = new Map();
  if (!r) return out;
  const six = APPLICANT_COLUMNS.filter((c) => c !== 'total');
  for (const [row, cells] of Object.entries(r)) {
    const s = sum(six.map((c) => cells[c]));
    if (s !== null && cells.total !== null && differs(s, cells.total)) add(out, `requests.${row}.total`, 'requests.row_totals');
  }
  for (const col of APPLICANT_COLUMNS) {
    const processed = sum(PROCESSED_ROWS.map((row) => r[row]?.[col] ?? null));
    const t = r.total_processed?.[col] ?? null;
    if (processed !== null && t !== null && differs(processed, t)) add(out, `requests.total_processed.${col}`, 'requests.total_processed');
    const inflow = sum([r.new_received?.[col] ?? null, r.carried_over?.[col] ?? null]);
    const outflow = sum([t, r.carried_forward?.[col] ?? null]);
    if (inflow !== null && outflow !== null && differs(inflow, outflow)) {
      for (const row of ['new_received', 'carried_over', 'total_processed', 'carried_forward'])
        add(out, `requests.${row}.${col}`, 'requests.balance');
    }
  }
  return out;
}

export function failedAppealCells(a: AppealFigures | null): FailedCells {
  const out: FailedCells = new Map();
  if (!a) return out;
  for (const g of APPEAL_GROUPS) {
    const v = a[g];
    if (!v) continue;
    const s = sum([v.upheld, v.corrected, v.other, v.pending]);
    if (s !== null && v.total !== null && differs(s, v.total)) add(out, `appeals.${g}.total`, 'appeals.totals');
  }
  return out;
}
