/**
 * Truth figures for a generated report: consistent tables (every check passes) unless the
 * report is chosen to carry a deliberate inconsistency, as real reports sometimes do.
 */
import {
  APPEAL_COLUMNS,
  APPEAL_GROUPS,
  APPLICANT_COLUMNS,
  REQUEST_ROWS,
  type ActiveFigures,
  type AppealFigures,
  type Figures,
  type Level,
  type AgencyKind,
  type RequestFigures,
  type RequestRow,
  type RequestRowKey,
} from '../../lib/types';
import type { Rng } from './prng';

const APPLICANTS = APPLICANT_COLUMNS.filter((c) => c !== 'total');
/** Outcome rows (三（一）…（六）) that add up to （七）总计. */
const OUTCOMES = REQUEST_ROWS.filter(
  (r) => !['new_received', 'carried_over', 'total_processed', 'carried_forward'].includes(r),
) as RequestRowKey[];
/** How often each outcome occurs (granted dominates, rare refusals). */
const OUTCOME_WEIGHTS: Record<string, number> = {
  granted: 40,
  partially_granted: 8,
  denied_state_secret: 0.5,
  denied_prohibited_by_law: 1,
  denied_three_safeties: 0.5,
  denied_third_party: 1.5,
  denied_internal_affairs: 1,
  denied_process_info: 2,
  denied_enforcement_files: 0.5,
  denied_admin_query: 1.5,
  unavailable_not_held: 18,
  unavailable_needs_creation: 4,
  unavailable_unclear: 3,
  rejected_complaint: 3,
  rejected_duplicate: 3,
  rejected_publication: 0.5,
  rejected_excessive: 1,
  rejected_confirmation: 1,
  other_no_correction: 3,
  other_no_fee: 0.2,
  other_other: 4,
};

export interface GeneratedFigures {
  figures: Figures;
  /** the deliberate inconsistency, if any (a check id) */
  broken: string | null;
}

function requestVolume(level: Level, kind: AgencyKind): number {
  const base = { province: 30, city: 12, county: 4, township: 0.6 }[level];
  return kind === 'government' ? base * 3 : kind === 'department' ? base : base * 0.4;
}

export function makeFigures(rng: Rng, level: Level, kind: AgencyKind, brokenRate: number): GeneratedFigures {
  const vol = requestVolume(level, kind);
  const zeroYear = rng.chance(level === 'township' ? 0.6 : 0.25);
  const rows = {} as Record<RequestRowKey, RequestRow>;
  const empty = (): RequestRow => Object.fromEntries(APPLICANT_COLUMNS.map((c) => [c, 0])) as RequestRow;
  for (const r of REQUEST_ROWS) rows[r] = empty();

  for (const col of APPLICANTS) {
    const share = col === 'natural_person' ? 1 : col === 'commercial' ? 0.25 : 0.05;
    const received = zeroYear ? 0 : rng.count(vol * share);
    const carried = zeroYear ? 0 : rng.chance(0.2) ? rng.count(1 + vol * share * 0.1) : 0;
    const forward = Math.min(received + carried, rng.chance(0.25) ? rng.count(1 + vol * share * 0.08) : 0);
    rows.new_received[col] = received;
    rows.carried_over[col] = carried;
    rows.carried_forward[col] = forward;
    let left = received + carried - forward;
    rows.total_processed[col] = left;
    const pairs = OUTCOMES.map((o) => [o, OUTCOME_WEIGHTS[o]] as const);
    while (left > 0) {
      // Hand out in lumps so larger agencies get a few big rows rather than noise everywhere.
      const o = rng.weighted(pairs);
      const n = Math.min(left, 1 + rng.count(left / 4));
      rows[o][col] = (rows[o][col] ?? 0) + n;
      left -= n;
    }
  }
  for (const r of REQUEST_ROWS) rows[r].total = APPLICANTS.reduce((s, c) => s + (rows[r][c] ?? 0), 0);

  const appeals = {} as AppealFigures;
  for (const g of APPEAL_GROUPS) {
    const busy = rng.chance(g === 'review' ? 0.12 : 0.06) ? 1 : 0;
    const cell = () => (busy ? rng.count(vol / 20 + 0.5) : 0);
    const grp = { upheld: cell(), corrected: rng.chance(0.3) ? cell() : 0, other: cell(), pending: rng.chance(0.3) ? cell() : 0, total: 0 };
    grp.total = grp.upheld + grp.corrected + grp.other + grp.pending;
    appeals[g] = grp as AppealFigures[typeof g];
  }

  const active: ActiveFigures = {
    rules: kind === 'government' && level !== 'township' && level !== 'county'
      ? { issued: rng.count(1), repealed: rng.count(0.5), in_force: rng.int(5, 60) }
      : { issued: 0, repealed: 0, in_force: 0 },
    normative_documents: { issued: rng.count(3), repealed: rng.count(1), in_force: rng.int(0, 80) },
    licensing: rng.chance(0.5) ? rng.count(vol * 40) : 0,
    penalty: rng.chance(0.5) ? rng.count(vol * 15) : 0,
    coercion: rng.chance(0.2) ? rng.count(vol * 2) : 0,
    fees_wan_yuan: rng.chance(0.1) ? Math.round(rng.next() * 5000) / 100 : 0,
  };

  let broken: string | null = null;
  if (rng.chance(brokenRate)) {
    // One typo-like slip, the kind the checks exist to catch.
    broken = rng.pick(['requests.row_totals', 'requests.total_processed', 'requests.balance', 'appeals.totals']);
    const bump = rng.int(1, 3);
    if (broken === 'requests.row_totals') rows.granted.total = (rows.granted.total ?? 0) + bump;
    else if (broken === 'requests.total_processed') {
      rows.total_processed.natural_person = (rows.total_processed.natural_person ?? 0) + bump;
      rows.total_processed.total = (rows.total_processed.total ?? 0) + bump;
    } else if (broken === 'requests.balance') {
      rows.carried_forward.natural_person = (rows.carried_forward.natural_person ?? 0) + bump;
      rows.carried_forward.total = (rows.carried_forward.total ?? 0) + bump;
    } else appeals.review.total = (appeals.review.total ?? 0) + bump;
  }
  return { figures: { active, requests: rows as RequestFigures, appeals }, broken };
}

export { APPEAL_COLUMNS, APPLICANTS };
