/**
 * Bulk export: one row per report with every canonical figure flattened to a column. Columns
 * and their meaning are lib/dictionary's (CSV_FILES.export); values are what a spreadsheet reader
 * needs: Chinese labels for themes, level, kind and failed checks.
 */
import { CSV_FILES, LIST_SEPARATOR } from '../dictionary';
import { checkLabel, KIND_LABELS, LEVEL_LABELS } from '../labels';
import type { ReportRecord } from '../types';
import { flattenFigures } from './figures';

/** At most this many reports per export; the response says when a result was cut. */
export const EXPORT_LIMIT = 5000;

export const EXPORT_COLUMNS: readonly string[] = CSV_FILES.export.columns;

/**
 * With older versions included (include_versions=1), `version_of` follows `id`: the canonical
 * report's id on an older version's row, empty on the canonical one's.
 */
export function exportColumns({ includeVersions = false } = {}): readonly string[] {
  return includeVersions ? ['id', 'version_of', ...EXPORT_COLUMNS.slice(1)] : EXPORT_COLUMNS;
}

export type ExportRow = Record<string, string | number | null>;

export function exportRow(r: ReportRecord, { includeVersions = false } = {}): ExportRow {
  const failed = r.checks.filter((c) => !c.ok);
  const row: ExportRow = {
    id: r.id,
    ...(includeVersions ? { version_of: r.versionOf ?? null } : {}),
    agency: r.agency,
    year: r.year,
    province: r.region.province,
    city: r.region.city,
    county: r.region.county,
    level: r.level ? LEVEL_LABELS[r.level] : null,
    kind: KIND_LABELS[r.kind],
    format: r.format ?? '2021',
    file: r.file,
    themes: r.themes.map((t) => t.label).join(LIST_SEPARATOR),
    checks_failed: failed.length,
    checks_failed_list: failed.map((c) => checkLabel(c.id)).join(LIST_SEPARATOR),
    // true: a generated demo report, its figures invented (a spreadsheet keeps no badge)
    synthetic: r.synthetic ? 'true' : 'false',
  };
  Object.assign(row, flattenFigures(r.figures));
  return row;
}

export function exportRowValues(row: ExportRow, columns: readonly string[] = EXPORT_COLUMNS): (string | number | null)[] {
  return columns.map((c) => row[c] ?? null);
}
