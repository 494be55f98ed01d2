/**
 * Arithmetic checks printed on the national format, and the narrative-vs-table check.
 * A comparison involving a null cell is skipped (the null already carries a warning); a check
 * whose table is missing, or where nothing could be compared, is omitted rather than failed.
 */
import {
  APPEAL_COLUMNS,
  APPEAL_GROUPS,
  APPLICANT_COLUMNS,
  REQUEST_ROWS,
  type AppealFigures,
  type Cell,
  type Check,
  type LegacyFigures,
  type RequestFigures,
  type RequestRowKey,
} from '../types';
import { APPEAL_GROUP_NAMES, APPLICANT_NAMES, REQUEST_ROW_NAMES } from './row-names';

const SIX = APPLICANT_COLUMNS.filter((c) => c !== 'total');
const RESULT_ROWS = REQUEST_ROWS.slice(REQUEST_ROWS.indexOf('granted'), REQUEST_ROWS.indexOf('total_processed'));

function sum(xs: Cell[]): number | null {
  if (xs.some((x) => x === null)) return null;
  return (xs as number[]).reduce((a, b) => a + b, 0);
}

/** Float-safe equality: fees can be fractional; counts are integers either way. */
const eq = (a: number, b: number) => Math.abs(a - b) < 1e-6;
const fmt = (n: number) => String(Math.round(n * 1e6) / 1e6);

function result(id: string, compared: number, failures: string[]): Check | null {
  if (compared === 0) return null;
  return { id, ok: failures.length === 0, detail: failures.join('；') };
}

export function checkRowTotals(r: RequestFigures): Check | null {
  let compared = 0;
  const fails: string[] = [];
  const rows: [string, RequestFigures[RequestRowKey]][] = REQUEST_ROWS.map((k) => [REQUEST_ROW_NAMES[k], r[k]]);
  if (r.other_processing) rows.push(['（六）其他处理', r.other_processing]);
  for (const [name, row] of rows) {
    const s = sum(SIX.map((c) => row[c]));
    if (s === null || row.total === null) continue;
    compared++;
    if (!eq(s, row.total)) fails.push(`${name} 总计 ${fmt(row.total)} ≠ 各列之和 ${fmt(s)}`);
  }
  return result('requests.row_totals', compared, fails);
}

/** A row with no number at all (absent in the 2019 table, or all `/`) adds nothing to （七）. */
const present = (r: RequestFigures, k: RequestRowKey) => APPLICANT_COLUMNS.some((c) => r[k][c] !== null);

export function checkTotalProcessed(r: RequestFigures): Check | null {
  let compared = 0;
  const fails: string[] = [];
  const rows = RESULT_ROWS.filter((k) => present(r, k));
  // 2019 format: （六）其他处理 is one row of its own
  const extra = r.other_processing ? [r.other_processing] : [];
  for (const col of APPLICANT_COLUMNS) {
    const s = sum([...rows.map((k: RequestRowKey) => r[k][col]), ...extra.map((row) => row[col])]);
    const t = r.total_processed[col];
    if (s === null || t === null) continue;
    compared++;
    if (!eq(s, t)) fails.push(`（七）总计 ${APPLICANT_NAMES[col]} ${fmt(t)} ≠ 各项之和 ${fmt(s)}`);
  }
  return result('requests.total_processed', compared, fails);
}

export function checkBalance(r: RequestFigures): Check | null {
  let compared = 0;
  const fails: string[] = [];
  for (const col of APPLICANT_COLUMNS) {
    const left = sum([r.new_received[col], r.carried_over[col]]);
    const right = sum([r.total_processed[col], r.carried_forward[col]]);
    if (left === null || right === null) continue;
    compared++;
    if (!eq(left, right))
      fails.push(
        `${APPLICANT_NAMES[col]} 一+二 = ${fmt(r.new_received[col]!)}+${fmt(r.carried_over[col]!)} = ${fmt(left)} ≠ （七）+四 = ${fmt(r.total_processed[col]!)}+${fmt(r.carried_forward[col]!)} = ${fmt(right)}`,
      );
  }
  return result('requests.balance', compared, fails);
}

export function checkAppeals(a: AppealFigures): Check | null {
  let compared = 0;
  const fails: string[] = [];
  for (const g of APPEAL_GROUPS) {
    const parts = APPEAL_COLUMNS.filter((c) => c !== 'total').map((c) => a[g][c]);
    const s = sum(parts);
    const t = a[g].total;
    if (s === null || t === null) continue;
    compared++;
    if (!eq(s, t)) fails.push(`${APPEAL_GROUP_NAMES[g]} 总计 ${fmt(t)} ≠ 各项之和 ${fmt(s)}`);
  }
  return result('appeals.totals', compared, fails);
}

/** "本机关2024年度未收到政府信息公开申请" and the like: a claim of no requests at all. */
export const NO_REQUESTS =
  /[^。；，,\n]{0,40}(未|没有|无)(收到|受理|接到)(过|到)?(任何)?(政府信息公开|信息公开|依申请公开)?(的)?申请(?!人)[^。；，,\n]{0,30}|[^。；，,\n]{0,40}(收到|受理)(政府信息公开|信息公开)?申请(数量)?(为)?\s*0\s*件[^。；，,\n]{0,30}/;

// The two cores of NO_REQUESTS (what follows its 40-character lead-in), anchored.
const DENIAL_AT = /(未|没有|无)(收到|受理|接到)(过|到)?(任何)?(政府信息公开|信息公开|依申请公开)?(的)?申请(?!人)/y;
const ZERO_AT = /(收到|受理)(政府信息公开|信息公开)?申请(数量)?(为)?\s*0\s*件/y;
const NO_REQUESTS_AT = new RegExp(NO_REQUESTS.source, 'y');
const VERB = /收到|受理|接到/g;
const LEAD_IN = 40;
const isStop = (c: string) => c === '。' || c === '；' || c === '，' || c === ',' || c === '\n';

/**
 * NO_REQUESTS.exec(text)?.[0], without trying the lead-in at every position of the text (that
 * scan was ~10 % of parsing). Every match holds a core, and every core holds 收到/受理/接到, so
 * the earliest start is found from the cores alone; the regex then runs once, at that start.
 */
export function findNoRequests(text: string): string | null {
  let start = -1;
  VERB.lastIndex = 0;
  for (let m = VERB.exec(text); m; m = VERB.exec(text)) {
    const k = m.index;
    // A core at q can start a match no earlier than q - LEAD_IN; cores lie at k - 2 or later.
    if (start >= 0 && k - 2 - LEAD_IN > start) break;
    for (const [q, core] of [[k - 2, DENIAL_AT], [k - 1, DENIAL_AT], [k, ZERO_AT]] as const) {
      if (q < 0) continue;
      core.lastIndex = q;
      if (!core.test(text)) continue;
      // Earliest start for this core: up to LEAD_IN characters back, not across a stop.
      let p = q;
      while (p > 0 && q - p < LEAD_IN && !isStop(text[p - 1])) p--;
      if (start < 0 || p < start) start = p;
    }
  }
  if (start < 0) return null;
  NO_REQUESTS_AT.lastIndex = start;
  return NO_REQUESTS_AT.exec(text)?.[0] ?? null;
}

/**
 * The narrative must not deny what the table shows. `text` is the report without its table
 * parts, so table labels cannot trigger it. Omitted when the table or its new-requests total is missing.
 */
export function checkNarrative(text: string, r: RequestFigures | null): Check | null {
  if (!r) return null;
  const newTotal = r.new_received.total ?? sum(SIX.map((c) => r.new_received[c]));
  if (newTotal === null) return null;
  // No requests in the table: a claim of none agrees with it (no need to look for one).
  const claim = newTotal === 0 ? null : findNoRequests(text);
  if (claim === null) return { id: 'narrative.requests', ok: true, detail: '' };
  const sentence = claim.trim().replace(/^[，,、：:]+/, '');
  return {
    id: 'narrative.requests',
    ok: false,
    detail: `正文称“${sentence}”，但表三“本年新收政府信息公开申请数量”总计为 ${fmt(newTotal)}`,
  };
}

/**
 * Legacy reports: the same claim against the 统计表's received-requests figure (a figure read
 * from the prose itself is not compared with the prose).
 */
export function checkNarrativeLegacy(text: string, legacy: LegacyFigures | null): Check | null {
  if (!legacy || legacy.requests_received === null || legacy.from_prose.includes('requests_received')) return null;
  const n = legacy.requests_received;
  const claim = n === 0 ? null : findNoRequests(text);
  if (claim === null) return { id: 'narrative.requests', ok: true, detail: '' };
  const sentence = claim.trim().replace(/^[，,、：:]+/, '');
  return { id: 'narrative.requests', ok: false, detail: `正文称“${sentence}”，但统计表“受理申请数”为 ${fmt(n)}` };
}

export function runChecks(
  requests: RequestFigures | null,
  appeals: AppealFigures | null,
  narrative: string,
  legacy: LegacyFigures | null = null,
): Check[] {
  const out: (Check | null)[] = [];
  if (requests) out.push(checkRowTotals(requests), checkTotalProcessed(requests), checkBalance(requests));
  if (appeals) out.push(checkAppeals(appeals));
  out.push(requests || !legacy ? checkNarrative(narrative, requests) : checkNarrativeLegacy(narrative, legacy));
  return out.filter((c): c is Check => c !== null);
}
