/**
 * CSV as RFC 4180 (CRLF rows, fields with comma, quote, CR or LF quoted, quotes doubled) with a
 * UTF-8 BOM so Excel opens Chinese text correctly.
 */
import { wellFormed } from '../text';

export type CsvValue = string | number | boolean | null | undefined;

export const BOM = '\uFEFF';

function field(v: CsvValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  let s = String(v);
  // Spreadsheet formula injection: a text cell starting with = + - @ would run as a formula.
  if (/^[=+\-@\t]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One CSV record with its CRLF (streamed exports write line by line). */
export function csvLine(values: readonly CsvValue[]): string {
  return values.map(field).join(',') + '\r\n';
}

export function toCsv(header: string[], rows: CsvValue[][]): string {
  return BOM + [header, ...rows].map(csvLine).join('');
}

/** Parse RFC 4180 text (BOM tolerated) into rows of strings: used by tests and e2e. */
export function parseCsv(text: string): string[][] {
  const s = text.startsWith(BOM) ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let cur = '';
  let quoted = false;
  let i = 0;
  while (i < s.length) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"') {
        if (s[i + 1] === '"') {
          cur += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else cur += c;
      i++;
      continue;
    }
    if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cur);
      cur = '';
    } else if (c === '\r' || c === '\n') {
      row.push(cur);
      rows.push(row);
      row = [];
      cur = '';
      if (c === '\r' && s[i + 1] === '\n') i++;
    } else cur += c;
    i++;
  }
  if (cur !== '' || row.length) {
    row.push(cur);
    rows.push(row);
  }
  return rows;
}

/** Filename for Content-Disposition: ASCII fallback plus RFC 5987 UTF-8 form. */
export function contentDisposition(name: string): string {
  // A lone surrogate (cut emoji, damaged UTF-16 name) would make encodeURIComponent throw.
  const filename = wellFormed(name).replace(/[\u0000-\u001f\u007f-\u009f]/g, '_');
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
