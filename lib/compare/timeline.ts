/** An agency's reports over the years: figures, rates, themes and failed checks per year. */
import { CSV_FILES, LIST_SEPARATOR } from '../dictionary';
import { checkLabel } from '../labels';
import type { Check, ReportFormat, ReportRecord, ThemeHit } from '../types';
import { FIGURE_KEYS, flattenFigures, type FlatFigures } from './figures';
import { EQUIVALENTS, equivalentValue } from './formats';
import { deriveRates, RATE_KEYS, type Rates } from './rates';

export interface TimelineYear {
  id: string;
  year: number;
  format: ReportFormat;
  /** the report's own figures, under its format's keys */
  figures: FlatFigures;
  /**
   * figures in the current vocabulary taken from an older format's figure of the same meaning
   * (lib/compare/formats): shown on the timeline with a mark, never mixed into `figures`
   */
  equivalents: FlatFigures;
  rates: Rates;
  themes: { id: string; label: string }[];
  failedChecks: Check[];
  warnings: number;
}

export interface Timeline {
  agency: string;
  years: TimelineYear[];
}

/**
 * Reports without a year cannot be placed on a timeline and are left out; if two reports claim
 * the same year (a re-published report), the one seen last wins, as the engine's id is per year.
 */
export function buildTimeline(agency: string, reports: ReportRecord[]): Timeline {
  const byYear = new Map<number, ReportRecord>();
  for (const r of reports) if (r.year !== null) byYear.set(r.year, r);
  const years = [...byYear.entries()]
    .sort(([a], [b]) => a - b)
    .map(([year, r]) => {
      const figures = flattenFigures(r.figures);
      const format = r.format ?? '2021';
      const equivalents: FlatFigures = {};
      for (const e of EQUIVALENTS)
        if (format !== '2021' && e.from[format] && (figures[e.key] ?? null) === null) {
          const v = equivalentValue(e, figures, format);
          if (v !== null) equivalents[e.key] = v;
        }
      return {
        id: r.id,
        year,
        format,
        figures,
        equivalents,
        rates: deriveRates(figures),
        themes: r.themes.map((t: ThemeHit) => ({ id: t.id, label: t.label })),
        failedChecks: r.checks.filter((c) => !c.ok),
        warnings: r.warnings.length,
      };
    });
  return { agency, years };
}

/** Columns of the agency CSV (lib/dictionary CSV_FILES.agency defines them). */
export const TIMELINE_COLUMNS = CSV_FILES.agency.columns;

export function timelineRows(t: Timeline): (string | number | null)[][] {
  return t.years.map((y) => [
    y.year,
    y.id,
    y.format,
    ...FIGURE_KEYS.map((k) => y.figures[k] ?? null),
    ...RATE_KEYS.map((k) => y.rates[k]),
    y.themes.map((th) => th.label).join(LIST_SEPARATOR),
    y.failedChecks.map((c) => checkLabel(c.id)).join(LIST_SEPARATOR),
  ]);
}
