/**
 * Seeds file: one start URL per line, or CSV rows `url,agency,province` (a header row naming
 * `url` is skipped). Blank lines and `#` comments are ignored. A bad line is an error naming
 * the file and the line, not a silent skip.
 */
import fs from 'node:fs';
import { normalizeUrl } from './url';

export interface Seed {
  url: string;
  agency?: string;
  province?: string;
}

/** Splits one CSV row (quoted fields with "" escapes). */
function csvFields(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') (cur += '"'), i++;
      else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') out.push(cur), (cur = '');
    else cur += c;
  }
  out.push(cur);
  return out.map((f) => f.trim());
}

export function parseSeeds(text: string, file = 'seeds'): Seed[] {
  const seeds: Seed[] = [];
  const seen = new Set<string>();
  text.replace(/^\uFEFF/, '').split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const [first, agency, province] = csvFields(line);
    if (i === 0 && /^url$/i.test(first)) return;
    const url = normalizeUrl(first);
    if (!url) throw new Error(`${file}:${i + 1}: not an http(s) URL: ${first.slice(0, 100)}`);
    if (seen.has(url)) return;
    seen.add(url);
    seeds.push({ url, ...(agency ? { agency } : {}), ...(province ? { province } : {}) });
  });
  if (!seeds.length) throw new Error(`${file}: no start URLs (one per line, or CSV url,agency,province)`);
  return seeds;
}

export function readSeeds(file: string): Seed[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new Error(`${file}: cannot read seeds file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  return parseSeeds(text, file);
}
