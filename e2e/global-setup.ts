/**
 * Prepares what the Playwright web server serves (run by the webServer command in
 * playwright.config.ts, before `next start`):
 *   - a corpus folder in .e2e-data/corpus: the user's seeds (../shared/seeds, linked, never
 *     copied into the repo), a small generated corpus with agencies over several years, and
 *     e2e/fixtures/formats (one invented agency's reports in the legacy, 2019 and 2021 formats);
 *   - the index of that folder, built by the real `npm run index` path, into .e2e-data;
 *   - a production build when sources changed since the last one.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, ensureBuild, runScript } from '../scripts/prestart';
import { PROVENANCE_FIXTURE } from './fixtures';

export const DATA_DIR = path.join(ROOT, '.e2e-data');
export const SEEDS_DIR = path.resolve(ROOT, '../shared/seeds');
const CORPUS = path.join(DATA_DIR, 'corpus');
/** Small but with several years per agency, for the comparison tests. */
const GENERATED_REPORTS = 60;
const GENERATOR_SEED = 7;

function prepareData(): void {
  if (!fs.existsSync(SEEDS_DIR)) throw new Error(`seeds not found at ${SEEDS_DIR} (../shared must sit beside the repo)`);
  fs.rmSync(DATA_DIR, { recursive: true, force: true });
  fs.mkdirSync(CORPUS, { recursive: true });
  fs.symlinkSync(SEEDS_DIR, path.join(CORPUS, 'seeds'), 'dir');
  fs.symlinkSync(path.join(ROOT, 'e2e', 'fixtures', 'formats'), path.join(CORPUS, 'formats'), 'dir');
  runScript('generate.ts', ['--out', path.join(CORPUS, 'generated'), '--reports', String(GENERATED_REPORTS), '--seed', String(GENERATOR_SEED)]);
  addProvenanceSidecar(path.join(CORPUS, 'generated'));
  runScript('index.ts', [CORPUS], { DATA_DIR: DATA_DIR });
}

/** One report with a provenance sidecar (`<file>.json`), so the link to the original is tested. */
function addProvenanceSidecar(dir: string): void {
  const first = fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(txt|html?)$/.test(f)).sort()[0];
  if (!first) throw new Error(`no generated report in ${dir}`);
  fs.writeFileSync(path.join(dir, `${first}.json`), JSON.stringify(PROVENANCE_FIXTURE));
}

export default async function globalSetup(): Promise<void> {
  prepareData();
  ensureBuild({ ifStale: true });
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.join(ROOT, 'e2e', 'global-setup.ts')) {
  globalSetup().catch((err) => {
    console.error(`[e2e setup] ${(err as Error).message}`);
    process.exit(1);
  });
}
