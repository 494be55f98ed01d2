/** Year-over-year comparison of one agency's two reports: figures, rates, themes, repeated text. */
import type { Cell, ReportFormat, ReportRecord } from '../types';
import { FIGURE_KEYS, flattenFigures, formatKeys } from './figures';
import { commonValue, comparabilityNote, comparableKeys, EQUIVALENTS } from './formats';
import { delta, pctChange, round1 } from './numbers';
import { deriveRates, RATE_KEYS } from './rates';
import { repeatedText, type RepeatedText } from './similarity';
import { themeDiff, type ThemeDiff } from './themes';

export interface FigureChange {
  key: string;
  earlier: Cell;
  later: Cell;
  delta: Cell;
  /** percentage change, one decimal; null when unknown or the earlier value is 0 (and later ≠ 0) */
  pct: number | null;
}

export interface RateChange {
  key: string;
  earlier: number | null;
  later: number | null;
  /** difference in percentage points */
  points: number | null;
}

export interface YearComparison {
  agency: string;
  earlier: { id: string; year: number | null; format: ReportFormat };
  later: { id: string; year: number | null; format: ReportFormat };
  /** across a format change: only the figures with the same meaning (see lib/compare/formats) */
  figures: FigureChange[];
  /** empty within one format; else which figures are compared, and as what */
  comparability: string[];
  rates: RateChange[];
  themes: ThemeDiff;
  repeated: RepeatedText;
  headline: string;
}

export const HEADLINE_KEY = 'requests.new_received.total';

export function problemsText(r: ReportRecord): string {
  return r.sections
    .filter((s) => s.key === 'problems')
    .map((s) => s.text)
    .join('\n');
}

export function figureChange(key: string, earlier: Cell, later: Cell): FigureChange {
  return { key, earlier, later, delta: delta(earlier, later), pct: pctChange(earlier, later) };
}

/** "北仑区人民政府 2023→2024：政府信息公开申请 386 → 412（+6.7%）" */
export function headline(agency: string, yA: number | null, yB: number | null, c: FigureChange): string {
  const head = `${agency} ${yA ?? '?'}→${yB ?? '?'}：新收政府信息公开申请`;
  if (c.earlier === null || c.later === null) return `${head} ${c.earlier ?? '—'} → ${c.later ?? '—'}`;
  const pct = c.pct === null ? '' : `（${c.pct > 0 ? '+' : ''}${c.pct}%）`;
  return `${head} ${c.earlier} → ${c.later}${pct}`;
}

/** Compare two reports of one agency; `a` and `b` are put in year order. */
export function compareYears(a: ReportRecord, b: ReportRecord): YearComparison {
  const [e, l] = (a.year ?? 0) <= (b.year ?? 0) ? [a, b] : [b, a];
  const fe = flattenFigures(e.figures);
  const fl = flattenFigures(l.figures);
  const [fmtE, fmtL] = [e.format ?? '2021', l.format ?? '2021'];
  let figures: FigureChange[];
  if (fmtE === fmtL) figures = formatKeys(fmtE).map((k) => figureChange(k, fe[k] ?? null, fl[k] ?? null));
  else {
    const keys = comparableKeys(FIGURE_KEYS, fmtE, fmtL);
    const ordered = [...FIGURE_KEYS.filter((k) => keys.has(k)), ...EQUIVALENTS.map((x) => x.key).filter((k) => !FIGURE_KEYS.includes(k))];
    figures = ordered.map((k) => figureChange(k, commonValue(k, fe, fmtE), commonValue(k, fl, fmtL)));
  }
  const re = deriveRates(fe);
  const rl = deriveRates(fl);
  const rates = RATE_KEYS.map((k) => ({
    key: k,
    earlier: re[k],
    later: rl[k],
    points: re[k] === null || rl[k] === null ? null : round1(rl[k]! - re[k]!),
  }));
  const head = figures.find((f) => f.key === HEADLINE_KEY)!;
  return {
    agency: l.agency,
    earlier: { id: e.id, year: e.year, format: fmtE },
    later: { id: l.id, year: l.year, format: fmtL },
    figures,
    comparability: comparabilityNote(fmtE, fmtL),
    rates,
    themes: themeDiff(e.themes, l.themes),
    repeated: repeatedText(problemsText(e), problemsText(l)),
    headline: headline(l.agency, e.year, l.year, head),
  };
}
