/**
 * Scores the parser on a labelled folder (files + labels.json): parses every labelled file as
 * the indexer would and compares it with its label (compare.ts). The label's `url` stands in
 * for the provenance sidecar a crawler writes next to each file, unless the file has its own
 * sidecar or `useUrl` is false.
 */
import fs from 'node:fs';
import path from 'node:path';
import { processFile } from '../../lib/indexer/pipeline';
import { scoreFile, type FieldResult, type FileScore } from './compare';
import { readLabels } from './labels-json';

export interface Tally {
  ok: number;
  total: number;
  wrong: number;
}

export interface Summary {
  dir: string;
  files: number;
  rejected: number;
  agency: Tally;
  year: Tally;
  region: Tally;
  cells: Tally;
  garbage: number;
}

export interface ScoreResult {
  summary: Summary;
  files: FileScore[];
}

function tally(results: FieldResult[]): Tally {
  return {
    ok: results.filter((r) => r.verdict === 'ok').length,
    total: results.length,
    wrong: results.filter((r) => r.verdict === 'wrong').length,
  };
}

export async function scoreFolder(dir: string, opts: { useUrl?: boolean } = {}): Promise<ScoreResult> {
  const labels = readLabels(dir);
  const files: FileScore[] = [];
  for (const l of labels) {
    const file = path.join(dir, l.file);
    if (!fs.existsSync(file)) throw new Error(`${file}: listed in labels.json but missing`);
    const provenance = opts.useUrl !== false && l.url ? { sourceUrl: l.url } : undefined;
    files.push(scoreFile(l, await processFile(file, { provenance })));
  }
  return {
    summary: {
      dir,
      files: files.length,
      rejected: files.filter((f) => f.error).length,
      agency: tally(files.map((f) => f.agency)),
      year: tally(files.map((f) => f.year)),
      region: tally(files.flatMap((f) => f.region)),
      cells: tally(files.flatMap((f) => f.cells)),
      garbage: files.filter((f) => f.garbage).length,
    },
    files,
  };
}

export const pct = (t: Tally) => (t.total === 0 ? 100 : (100 * t.ok) / t.total);

/** The one line: percentages, then every wrong non-null value, then garbage names. */
export function formatSummary(s: Summary): string {
  const p = (name: string, t: Tally) => `${name} ${pct(t).toFixed(1)}% (${t.ok}/${t.total})`;
  return [
    `${s.files} files, ${s.rejected} rejected`,
    p('agency', s.agency),
    p('year', s.year),
    p('region', s.region),
    p('cells', s.cells),
    `wrong non-null: agency ${s.agency.wrong}, year ${s.year.wrong}, region ${s.region.wrong}, cells ${s.cells.wrong}`,
    `garbage names ${s.garbage}`,
  ].join(' | ');
}

/** Per-file lines for the mismatches only (verbose mode). */
export function formatMismatches(files: FileScore[]): string[] {
  const out: string[] = [];
  for (const f of files) {
    const bad = [f.agency, f.year, ...f.region, ...f.cells].filter((r) => r.verdict !== 'ok');
    if (!bad.length && !f.error && !f.garbage) continue;
    const from = (field: string) => (field === 'agency' || field === 'year' ? f.sources?.[field] : null);
    const parts = bad.map((r) => `${r.field} ${r.verdict}: got ${JSON.stringify(r.got)}${from(r.field) ? ` (${from(r.field)})` : ''} want ${JSON.stringify(r.want)}`);
    if (f.garbage) parts.unshift('GARBAGE NAME');
    if (f.error) parts.unshift(`REJECTED: ${f.error}`);
    out.push(`${f.file}  ${parts.join('; ')}`);
  }
  return out;
}
