/** Writes the deterministic benchmark corpus (tools/corpus) to a folder, streaming. */
import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_YEARS, generateReports } from '../corpus/generate';

export interface CorpusStats {
  reports: number;
  bytes: number;
  seconds: number;
}

export function writeCorpus(dir: string, reports: number, seed: string): CorpusStats {
  const t0 = performance.now();
  const dirs = new Set<string>();
  let bytes = 0;
  let n = 0;
  for (const r of generateReports({ seed, agencies: Math.ceil(reports / DEFAULT_YEARS.length), limit: reports })) {
    const file = path.join(dir, r.name);
    const d = path.dirname(file);
    if (!dirs.has(d)) {
      fs.mkdirSync(d, { recursive: true });
      dirs.add(d);
    }
    const buf = Buffer.from(r.text, 'utf8');
    fs.writeFileSync(file, buf);
    bytes += buf.length;
    n++;
  }
  return { reports: n, bytes, seconds: (performance.now() - t0) / 1000 };
}
