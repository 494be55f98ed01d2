/**
 * Runs before `npm start` so a fresh clone serves a working site with one command:
 *   1. no index in DATA_DIR → generate the demo corpus (or use REPORTS_DIR) and index it;
 *   2. no production build (.next/BUILD_ID) → `next build`.
 * Each step says what it does; an existing index or build is left alone.
 * The same helpers prepare the Playwright server (e2e/global-setup.ts).
 */
import { spawnSync } from 'node:child_process';
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

/** True when the configured engine already holds at least one report. */
export async function hasIndex(dataDir: string): Promise<boolean> {
  const file = await sqliteFile(dataDir);
  if (file) return fs.existsSync(file);
  try {
    const { createEngine } = await import('../lib/search/index');
    const engine = createEngine();
    const r = await engine.search({ q: '', facets: [], perPage: 1 });
    await engine.close();
    return r.total > 0;
  } catch {
    return false;
  }
}

/** Generate the demo corpus (unless REPORTS_DIR points at real reports) and index it. */
export async function ensureIndex(dataDir: string, opts: { reportsDir?: string; demoReports?: number } = {}): Promise<void> {
  if (await hasIndex(dataDir)) {
    log(`index found in ${dataDir}; not re-indexing (run \`npm run index -- DIR\` to rebuild)`);
    return;
  }
  let dir = opts.reportsDir;
  if (dir) {
    log(`no index yet: indexing the reports in REPORTS_DIR=${dir}`);
  } else {
    dir = path.join(dataDir, 'demo-corpus');
    const n = opts.demoReports ?? 600;
    log(`no index yet and no REPORTS_DIR: generating a demo corpus of ${n} reports in ${dir}`);
    runScript('generate.ts', ['--out', dir, '--reports', String(n), '--seed', '1']);
  }
  runScript('index.ts', [dir], { DATA_DIR: dataDir });
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
    log(`${reason}: running next build (takes a few minutes)`);
    run(path.join(ROOT, 'node_modules', '.bin', 'next'), ['build']);
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  // `next start` reads .env itself; read it here too so both agree on DATA_DIR and friends.
  if (fs.existsSync(path.join(ROOT, '.env'))) process.loadEnvFile(path.join(ROOT, '.env'));
  const { env } = await import('../lib/env');
  const e = env();
  await ensureIndex(e.dataDir, { reportsDir: e.REPORTS_DIR ? path.resolve(e.REPORTS_DIR) : undefined });
  ensureBuild();
  log(`starting on http://localhost:${e.PORT}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((err) => {
    console.error(`[prestart] ${(err as Error).message}`);
    process.exit(1);
  });
}
