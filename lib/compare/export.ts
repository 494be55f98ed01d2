/** Bulk export: one row per report with every canonical figure flattened to a column. */
import type { ReportRecord } from '../types';
import { FIGURE_KEYS, flattenFigures } from './figures';

export const EXPORT_META_COLUMNS = ['id', 'agency', 'year', 'province', 'city', 'county', 'level', 'kind', 'format', 'file', 'themes', 'checks_failed'] as const;
export const EXPORT_COLUMNS: readonly string[] = [...EXPORT_META_COLUMNS, ...FIGURE_KEYS];

export type ExportRow = Record<string, string | number | null>;

export function exportRow(r: ReportRecord): ExportRow {
  const row: ExportRow = {
    id: r.id,
    agency: r.agency,
    year: r.year,
    province: r.region.province,
    city: r.region.city,
    county: r.region.county,
    level: r.level,
    kind: r.kind,
    format: r.format ?? '2021',
    file: r.file,
    themes: r.themes.map((t) => t.id).join(';'),
    checks_failed: r.checks.filter((c) => !c.ok).map((c) => c.id).join(';'),
  };
  Object.assign(row, flattenFigures(r.figures));
  return row;
}

export function exportRowValues(row: ExportRow): (string | number | null)[] {
  return EXPORT_COLUMNS.map((c) => row[c] ?? null);
}
