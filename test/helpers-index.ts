/** A real SQLite index of generated reports in a temp folder, served to route handlers through env. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateReports } from '../tools/corpus/generate';
import { processText } from '../lib/indexer/pipeline';
import { SqliteEngine } from '../lib/search/sqlite';
import { isFailure, type ReportRecord } from '../lib/types';
import { resetEnvCache } from '../lib/env';
import { resetEngine } from '../lib/search/index';

export function generatedRecords(seed: string, agencies: number, years = [2023, 2024]): ReportRecord[] {
  return [...generateReports({ seed, agencies, years })].map((f) => {
    const r = processText(f.text, f.name);
    if (isFailure(r)) throw new Error(`${f.name}: ${r.error}`);
    return r;
  });
}

/** Build an index in a new temp DATA_DIR and point the app's engine at it. */
export async function serveIndex(records: ReportRecord[], prefix = 'nianbao-test-'): Promise<{ dir: string; file: string; close: () => Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const e = new SqliteEngine({ dataDir: dir });
  await e.rebuild(records);
  await e.close();
  await useDataDir(dir);
  return {
    dir,
    file: path.join(dir, 'nianbao.sqlite'),
    close: async () => {
      await resetEngine();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Point env().dataDir (and so the app's engine) at `dir`. */
export async function useDataDir(dir: string): Promise<void> {
  process.env.DATA_DIR = dir;
  process.env.SEARCH_ENGINE = 'sqlite';
  resetEnvCache();
  await resetEngine();
}
