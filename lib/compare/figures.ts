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
  type ReportFormat,
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

/** Part 二 of the 2019 format (`figures.active2019`). */
export const ACTIVE2019_KEYS: readonly string[] = [
  ...['rules', 'normative_documents'].flatMap((r) => ['made', 'published', 'total_published'].map((c) => `active2019.${r}.${c}`)),
  ...['licensing', 'other_services', 'penalty', 'coercion'].flatMap((r) => ['previous_year', 'change', 'decisions'].map((c) => `active2019.${r}.${c}`)),
  'active2019.fees.previous_year',
  'active2019.fees.change',
  'active2019.procurement.projects',
  'active2019.procurement.amount_yuan',
];

/** Legacy reports (`figures.legacy`), without the 累计 column. */
export const LEGACY_KEYS: readonly string[] = [
  'legacy.active_total',
  'legacy.active_normative',
  'legacy.requests_received',
  ...['in_person', 'fax', 'online', 'letter'].map((c) => `legacy.by_channel.${c}`),
  'legacy.requests_completed',
  ...['already_public', 'granted', 'partially_granted', 'denied', 'not_this_agency', 'not_exist', 'asked_to_amend', 'other_channel'].map(
    (c) => `legacy.replies.${c}`,
  ),
  ...['review', 'litigation'].flatMap((g) => ['upheld', 'corrected', 'other', 'total'].map((c) => `legacy.${g}.${c}`)),
  'legacy.complaints',
  'legacy.fees_wan_yuan',
  'legacy.staff.full_time',
  'legacy.staff.part_time',
  'legacy.training.meetings',
  'legacy.training.courses',
  'legacy.training.trainees',
];

const REQUEST_KEYS = [...REQUEST_ROWS, 'other_processing'].flatMap((row) => APPLICANT_COLUMNS.map((col) => `requests.${row}.${col}`));

/** Every flattened canonical key, in report order (part 二, 三, 四), then the older formats' own keys. */
export const FIGURE_KEYS: readonly string[] = [
  ...ACTIVE_KEYS,
  ...REQUEST_KEYS,
  ...APPEAL_GROUPS.flatMap((g) => APPEAL_COLUMNS.map((col) => `appeals.${g}.${col}`)),
  ...ACTIVE2019_KEYS,
  ...LEGACY_KEYS,
];

const FIGURE_KEY_SET = new Set(FIGURE_KEYS);
export function isFigureKey(key: string): boolean {
  return FIGURE_KEY_SET.has(key);
}

function isActive2021(a: Figures['active']): a is ActiveFigures {
  // records indexed before active2019 existed kept the 2019 table here, marked with `format`
  return a !== null && a !== undefined && !('format' in a);
}

function at(o: unknown, path: string[]): unknown {
  let v = o;
  for (const p of path) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[p] : undefined;
  return v;
}

function num(v: unknown): Cell {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/**
 * Flatten one report's figures. A missing table or cell gives null (never 0, since 0 is a
 * reported value); each format fills its own keys (active / active2019 / legacy).
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
  for (const key of REQUEST_KEYS) out[key] = num(at(f?.requests, key.split('.').slice(1)));
  for (const g of APPEAL_GROUPS)
    for (const col of APPEAL_COLUMNS) out[`appeals.${g}.${col}`] = num(f?.appeals?.[g]?.[col]);
  for (const key of ACTIVE2019_KEYS) out[key] = num(at(f?.active2019, key.split('.').slice(1)));
  for (const key of LEGACY_KEYS) out[key] = num(at(f?.legacy, key.split('.').slice(1)));
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

/** The keys a report of this format can have (a report's own CSV lists only these). */
export function formatKeys(format: ReportFormat | undefined): string[] {
  const requests = (withOther: boolean) => REQUEST_KEYS.filter((k) => withOther === k.startsWith('requests.other_processing.') || !k.startsWith('requests.other_'));
  const appeals = APPEAL_GROUPS.flatMap((g) => APPEAL_COLUMNS.map((col) => `appeals.${g}.${col}`));
  if (format === 'legacy') return [...LEGACY_KEYS];
  if (format === '2019') return [...ACTIVE2019_KEYS, ...requests(true), ...appeals];
  return [...ACTIVE_KEYS, ...requests(false), ...appeals];
}
