/**
 * Runs before `npm start` so a fresh clone serves a working site with one command:
 *   1. no index in DATA_DIR → generate the demo corpus (or use REPORTS_DIR) and index it;
 *   2. no production build (.next/BUILD_ID) → `next build`.
 * Each step is announced with its number and an estimate and timed; an existing index or build
 * is left alone (why later starts take seconds). The URL is printed once the server answers.
 * The same helpers prepare the Playwright server (e2e/global-setup.ts).
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TSX = ['--import', 'tsx'];

function log(msg: string): void {
  console.log(`[prestart] ${msg}`);
}

/** Run a command in the repo root with inherited output; throw on failure so start stops. */
export function run(cmd: string, args: string[], extraEnv: Record<string, string> = {}): void {
  log(`$ ${[path.basename(cmd), ...args].join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...extraEnv } });
  if (r.status !== 0) throw new Error(`${path.basename(cmd)} ${args.join(' ')} failed (exit ${r.status ?? r.signal})`);
}

export function runScript(script: string, args: string[], extraEnv: Record<string, string> = {}): void {
  run(process.execPath, [...TSX, path.join('scripts', script), ...args], extraEnv);
}

/** The SQLite index file, or null when another engine holds the index. */
async function sqliteFile(dataDir: string): Promise<string | null> {
  const { env } = await import('../lib/env');
  if (env().SEARCH_ENGINE !== 'sqlite') return null;
  const { DEFAULT_DB_FILE } = await import('../lib/search/sqlite');
  return path.join(dataDir, DEFAULT_DB_FILE);
}

/**
 * 'ok' when the configured engine already holds reports; 'stale' when the SQLite file was written
 * by an older schema (its rows lack columns this code reads: it must be rebuilt); else 'missing'.
 */
export async function indexState(dataDir: string): Promise<'ok' | 'stale' | 'missing'> {
  const file = await sqliteFile(dataDir);
  if (file) {
    if (!fs.existsSync(file)) return 'missing';
    const { default: Database } = await import('better-sqlite3');
    const { SCHEMA_VERSION } = await import('../lib/search/sqlite-schema');
    try {
      const db = new Database(file, { readonly: true, fileMustExist: true });
      try {
        const row = db.prepare(`SELECT value FROM meta WHERE key = 'schema'`).get() as { value: string } | undefined;
        return row?.value === SCHEMA_VERSION ? 'ok' : 'stale';
      } finally {
        db.close();
      }
    } catch {
      return 'stale';
    }
  }
  try {
    const { createEngine } = await import('../lib/search/index');
    const engine = createEngine();
    const r = await engine.search({ q: '', facets: [], perPage: 1 });
    await engine.close();
    return r.total > 0 ? 'ok' : 'missing';
  } catch {
    return 'missing';
  }
}

/** True when the configured engine already holds at least one report in the current schema. */
export async function hasIndex(dataDir: string): Promise<boolean> {
  return (await indexState(dataDir)) === 'ok';
}

export const DEMO_REPORTS = 600;
/**
 * The demo corpus shows what real collections hold too: a share of reports dressed as web pages
 * (breadcrumbs, crawler headers, lost titles) and a share in the older national formats (2019 and
 * legacy). Only the first start passes them; the benchmark and the e2e corpus use the defaults (0).
 */
export const DEMO_SHAPES = ['--pages', '0.15', '--old-formats', '0.15'];

/** One step of the first start, announced with its number and an estimate, timed when done. */
export interface Step {
  what: string;
  estimate: string;
  run: () => void | Promise<void>;
}

export async function runSteps(steps: Step[]): Promise<void> {
  for (const [i, st] of steps.entries()) {
    const t0 = Date.now();
    log(`step ${i + 1}/${steps.length}: ${st.what} (estimate: ${st.estimate})`);
    await st.run();
    log(`step ${i + 1}/${steps.length} done in ${seconds(Date.now() - t0)}`);
  }
}

function seconds(ms: number): string {
  const s = Math.round(ms / 1000);
  return s < 90 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
}

/**
 * The steps that make an index in `dataDir`: none when it exists; else generate the demo corpus
 * (unless REPORTS_DIR points at real reports) and index it. An index of an older schema is rebuilt
 * from the folder it was built from (the status file's source), the demo corpus regenerated.
 * Estimates are from a shared 2-core machine: ~500 generated and ~60 indexed reports a second.
 */
export async function indexSteps(dataDir: string, opts: { reportsDir?: string; demoReports?: number } = {}): Promise<Step[]> {
  const state = await indexState(dataDir);
  if (state === 'ok') {
    log(`index found in ${dataDir}; not re-indexing (run \`npm run index -- DIR\` to rebuild)`);
    return [];
  }
  const demoDir = path.join(dataDir, 'demo-corpus');
  let dir = opts.reportsDir;
  if (state === 'stale') {
    const { readIndexStatus } = await import('../lib/index-status');
    const last = (await readIndexStatus(dataDir).catch(() => null))?.source;
    log(`the index in ${dataDir} was built by an older version of Nianbao: rebuilding it`);
    if (!dir && last && path.resolve(last) !== path.resolve(demoDir) && fs.existsSync(last)) dir = last;
  }
  const steps: Step[] = [];
  if (dir) {
    log(`indexing the reports in ${dir}`);
  } else {
    dir = demoDir;
    const n = opts.demoReports ?? DEMO_REPORTS;
    log(`no REPORTS_DIR: generating a demo corpus of ${n} invented reports (labelled 示例数据 on the site)`);
    steps.push({
      what: `generate ${n} demo reports into ${dir}`,
      estimate: `${Math.max(2, Math.ceil(n / 500) + 2)} s`,
      run: () => runScript('generate.ts', ['--out', dir!, '--reports', String(n), '--seed', '1', ...DEMO_SHAPES]),
    });
  }
  const n = dir === demoDir ? (opts.demoReports ?? DEMO_REPORTS) : null;
  steps.push({
    what: `index ${dir} into ${dataDir}`,
    estimate: n ? `${Math.ceil(n / 60) + 5} s` : 'about 1 s per 60 reports',
    run: () => runScript('index.ts', [dir!], { DATA_DIR: dataDir }),
  });
  return steps;
}

/** Generate the demo corpus (unless REPORTS_DIR points at real reports) and index it. */
export async function ensureIndex(dataDir: string, opts: { reportsDir?: string; demoReports?: number } = {}): Promise<void> {
  await runSteps(await indexSteps(dataDir, opts));
}

/** Newest modification time under these paths (files that end up in the build). */
function newestMtime(paths: string[]): number {
  let newest = 0;
  const walk = (p: string) => {
    let st: fs.Stats;
    try {
      st = fs.statSync(p);
    } catch {
      return;
    }
    if (st.isDirectory()) {
      for (const e of fs.readdirSync(p)) if (e !== 'node_modules' && !e.startsWith('.')) walk(path.join(p, e));
    } else if (/\.(tsx?|mjs|js|css|json)$/.test(p)) newest = Math.max(newest, st.mtimeMs);
  };
  paths.forEach((p) => walk(path.join(ROOT, p)));
  return newest;
}

const BUILD_INPUTS = ['app', 'components', 'lib', 'proxy.ts', 'instrumentation.ts', 'next.config.js', 'postcss.config.mjs', 'package.json', 'tsconfig.json'];

/**
 * `next build` when there is no build, or (with ifStale) when sources changed since it.
 * A lock directory keeps two test runs from building into the same .next at once.
 */
export function needsBuild(): boolean {
  return !fs.existsSync(path.join(ROOT, '.next', 'BUILD_ID'));
}

/** `next build` on a 2-core machine shared with other work (measured: see the README). */
export const BUILD_ESTIMATE = '3–6 min on 2 cores';

export function ensureBuild(opts: { ifStale?: boolean } = {}): void {
  const buildId = path.join(ROOT, '.next', 'BUILD_ID');
  const needs = () => {
    if (!fs.existsSync(buildId)) return 'no production build (.next/BUILD_ID missing)';
    if (opts.ifStale && newestMtime(BUILD_INPUTS) > fs.statSync(buildId).mtimeMs) return 'sources changed since the last build';
    return null;
  };
  let reason = needs();
  if (!reason) {
    log('production build found; not rebuilding');
    return;
  }
  const lock = path.join(ROOT, '.next-build.lock');
  const deadline = Date.now() + 15 * 60_000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      // A lock older than 15 minutes is left over from a killed build.
      try {
        if (Date.now() - fs.statSync(lock).mtimeMs > 15 * 60_000) fs.rmSync(lock, { recursive: true, force: true });
      } catch {}
      if (Date.now() > deadline) throw new Error(`timed out waiting for another build (${lock})`);
      spawnSync('sleep', ['2']);
    }
  }
  try {
    reason = needs(); // another process may have just built it
    if (!reason) return log('build finished by another process');
    log(`${reason}: running next build (${BUILD_ESTIMATE})`);
    run(path.join(ROOT, 'node_modules', '.bin', 'next'), ['build']);
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const t0 = Date.now();
  // `next start` reads .env itself; read it here too so both agree on DATA_DIR and friends.
  if (fs.existsSync(path.join(ROOT, '.env'))) process.loadEnvFile(path.join(ROOT, '.env'));
  const { env } = await import('../lib/env');
  const e = env();
  const steps = await indexSteps(e.dataDir, { reportsDir: e.REPORTS_DIR ? path.resolve(e.REPORTS_DIR) : undefined });
  if (needsBuild()) steps.push({ what: 'build the site (next build)', estimate: BUILD_ESTIMATE, run: () => ensureBuild() });
  else log('production build found; not rebuilding');
  if (steps.length) {
    log(`first start: ${steps.length} step(s); later starts reuse the index in ${e.dataDir} and the build in .next and take seconds`);
    await runSteps(steps);
    log(`ready after ${seconds(Date.now() - t0)}`);
  }
  log(`starting the server on port ${e.PORT}`);
  // Prints the URL once the server answers; outlives this process, not the server's process group.
  spawn(process.execPath, [path.join(ROOT, 'scripts', 'announce-serving.mjs'), `http://localhost:${e.PORT}`, String(t0)], { stdio: 'inherit' }).unref();
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((err) => {
    console.error(`[prestart] ${(err as Error).message}`);
    process.exit(1);
  });
}
