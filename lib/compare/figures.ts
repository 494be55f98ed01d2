/**
 * Canonical figures flattened to dotted keys (`requests.new_received.total`), the one shape
 * every comparison, chart, CSV and JSON twin uses, so a number on screen can be found by key.
 */
import {
  APPEAL_COLUMNS,
  APPEAL_GROUPS,
  APPLICANT_COLUMNS,
  REQUEST_ROWS,
  type ActiveFigures,
  type Cell,
  type Figures,
} from '../types';

export type FlatFigures = Record<string, Cell>;

const ACTIVE_KEYS = [
  'active.rules.issued',
  'active.rules.repealed',
  'active.rules.in_force',
  'active.normative_documents.issued',
  'active.normative_documents.repealed',
  'active.normative_documents.in_force',
  'active.licensing',
  'active.penalty',
  'active.coercion',
  'active.fees_wan_yuan',
] as const;

/** Every flattened canonical key, in report order (part 二, 三, 四). */
export const FIGURE_KEYS: readonly string[] = [
  ...ACTIVE_KEYS,
  ...REQUEST_ROWS.flatMap((row) => APPLICANT_COLUMNS.map((col) => `requests.${row}.${col}`)),
  ...APPEAL_GROUPS.flatMap((g) => APPEAL_COLUMNS.map((col) => `appeals.${g}.${col}`)),
];

const FIGURE_KEY_SET = new Set(FIGURE_KEYS);
export function isFigureKey(key: string): boolean {
  return FIGURE_KEY_SET.has(key);
}

function isActive2021(a: Figures['active']): a is ActiveFigures {
  return a !== null && !('format' in a);
}

function num(v: unknown): Cell {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/**
 * Flatten one report's figures. A missing table, a missing cell, or the older 2019 part-二
 * format (which has different rows) all give null: never 0, since 0 is a reported value.
 */
export function flattenFigures(f: Figures | null | undefined): FlatFigures {
  const out: FlatFigures = {};
  const active = f && isActive2021(f.active) ? f.active : null;
  for (const key of ACTIVE_KEYS) {
    const path = key.split('.').slice(1);
    let v: unknown = active;
    for (const p of path) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[p] : undefined;
    out[key] = num(v);
  }
  for (const row of REQUEST_ROWS)
    for (const col of APPLICANT_COLUMNS) out[`requests.${row}.${col}`] = num(f?.requests?.[row]?.[col]);
  for (const g of APPEAL_GROUPS)
    for (const col of APPEAL_COLUMNS) out[`appeals.${g}.${col}`] = num(f?.appeals?.[g]?.[col]);
  return out;
}

/** The figures a reader looks at first (summary tables on comparison pages); all others follow. */
export const KEY_FIGURE_KEYS: readonly string[] = [
  'requests.new_received.total',
  'requests.total_processed.total',
  'requests.granted.total',
  'requests.partially_granted.total',
  'requests.unavailable_not_held.total',
  'requests.carried_forward.total',
  'appeals.review.total',
  'appeals.review.corrected',
  'active.licensing',
  'active.penalty',
  'active.coercion',
  'active.normative_documents.in_force',
];
