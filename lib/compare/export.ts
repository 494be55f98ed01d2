/** Bulk export: one row per report with every canonical figure flattened to a column. */
import type { ReportRecord } from '../types';
import { FIGURE_KEYS, flattenFigures } from './figures';

export const EXPORT_META_COLUMNS = ['id', 'agency', 'year', 'province', 'city', 'county', 'level', 'kind', 'format', 'file', 'themes', 'checks_failed', 'synthetic'] as const;
export const EXPORT_COLUMNS: readonly string[] = [...EXPORT_META_COLUMNS, ...FIGURE_KEYS];

/**
 * With older versions included (include_versions=1), `version_of` follows `id`: the canonical
 * report's id on an older version's row, empty on the canonical one's.
 */
export function exportColumns({ includeVersions = false } = {}): readonly string[] {
  return includeVersions ? ['id', 'version_of', ...EXPORT_COLUMNS.slice(1)] : EXPORT_COLUMNS;
}

export type ExportRow = Record<string, string | number | null>;

export function exportRow(r: ReportRecord, { includeVersions = false } = {}): ExportRow {
  const row: ExportRow = {
    id: r.id,
    ...(includeVersions ? { version_of: r.versionOf ?? null } : {}),
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
    // true: a generated demo report, its figures invented (a spreadsheet keeps no badge)
    synthetic: r.synthetic ? 'true' : 'false',
  };
  Object.assign(row, flattenFigures(r.figures));
  return row;
}

export function exportRowValues(row: ExportRow, columns: readonly string[] = EXPORT_COLUMNS): (string | number | null)[] {
  return columns.map((c) => row[c] ?? null);
}
