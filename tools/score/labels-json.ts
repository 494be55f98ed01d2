/**
 * labels.json of a labelled folder (../shared/realworld/README.md, "Label schema"): one object per
 * file with the hand-checked agency, year, region and figures. Only the fields the scorer needs
 * are typed; a malformed file is an error naming the folder and the entry.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface Label {
  file: string;
  url?: string;
  agency: string | null;
  agency_aliases: string[];
  agency_inferred?: string | null;
  year: number | null;
  province: string | null;
  city: string | null;
  county: string | null;
  figures: Record<string, number>;
}

export function readLabels(dir: string): Label[] {
  const file = path.join(dir, 'labels.json');
  if (!fs.existsSync(dir)) throw new Error(`${dir}: folder not found`);
  if (!fs.existsSync(file)) throw new Error(`${file}: not found — a labelled folder holds its files and labels.json`);
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`${file}: not valid JSON (${(e as Error).message})`);
  }
  if (!Array.isArray(data)) throw new Error(`${file}: expected an array of label objects`);
  return data.map((o, i) => {
    if (!o || typeof o !== 'object' || typeof o.file !== 'string') throw new Error(`${file}: entry ${i} has no "file"`);
    const str = (k: string) => (typeof o[k] === 'string' && o[k] !== '' ? (o[k] as string) : null);
    return {
      file: o.file,
      url: typeof o.url === 'string' ? o.url : undefined,
      agency: str('agency'),
      agency_aliases: Array.isArray(o.agency_aliases) ? o.agency_aliases.filter((a: unknown) => typeof a === 'string') : [],
      agency_inferred: str('agency_inferred'),
      year: typeof o.year === 'number' ? o.year : null,
      province: str('province'),
      city: str('city'),
      county: str('county'),
      figures: o.figures && typeof o.figures === 'object' ? o.figures : {},
    };
  });
}
