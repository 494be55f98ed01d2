/**
 * HTTP phase: `next start` on 127.0.0.1 and a free port, DATA_DIR pointing at the bench index,
 * in its own process group (killed as a group at the end); autocannon against the search page
 * and its JSON twin, each connection cycling through a rotating set of query URLs.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import autocannon from 'autocannon';
import { searchJsonUrl, searchUrl } from '../../lib/urls';
import type { BenchQuery } from './queries';
import { groupRssMB } from './proc';
import { measureStress, type StressResult } from './stress';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');

export interface HttpTarget {
  name: string;
  urls: number;
  requestsPerSec: number;
  requests: number;
  p50: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

export interface HttpResult {
  skipped: false;
  seconds: number;
  connections: number;
  startupMs: number;
  targets: HttpTarget[];
  /** after one request per URL (engine open, facet data and result cache filled), before load */
  serverRssWarmMB: number;
  serverRssMB: number;
  /** exports beside searches, and pages at 64 connections (tools/bench/stress.ts) */
  stress?: StressResult;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

/**
 * The V8 options `npm start` gives the server (package.json "start": its heap cap), so the bench
 * measures the server as it is run. Read from package.json, not repeated here.
 */
export function startNodeOptions(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  return /NODE_OPTIONS="([^"$]*)/.exec(pkg.scripts.start)?.[1]?.trim() ?? '';
}

export function hasBuild(): boolean {
  return fs.existsSync(path.join(ROOT, '.next', 'BUILD_ID'));
}

/**
 * A private copy of the production build to serve from: other engineers' `next build` runs
 * rewrite the shared .next at any time, which would break a server in the middle of the load
 * test. The copy is taken under the same lock directory scripts/prestart.ts builds under;
 * everything else in the project is symlinked.
 */
export function snapshotBuild(dest: string, timeoutMs = 15 * 60_000): void {
  const lock = path.join(ROOT, '.next-build.lock');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`timed out waiting for a build to finish (${lock})`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1000);
    }
  }
  try {
    if (!hasBuild()) throw new Error('no production build (.next/BUILD_ID): run `npm run build`');
    fs.mkdirSync(dest, { recursive: true });
    const skip = new Set(['cache', 'dev']); // build cache and `next dev` output: not served
    fs.cpSync(path.join(ROOT, '.next'), path.join(dest, '.next'), {
      recursive: true,
      filter: (src) => !skip.has(path.relative(path.join(ROOT, '.next'), src).split(path.sep)[0]),
    });
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
  for (const e of fs.readdirSync(ROOT)) if (e !== '.next' && !e.startsWith('.next-')) fs.symlinkSync(path.join(ROOT, e), path.join(dest, e));
}

export interface Server {
  base: string;
  pgid: number;
  stop(): Promise<void>;
}

export async function startServer(dataDir: string, appDir = ROOT, timeoutMs = 90_000, engineEnv: Record<string, string> = { SEARCH_ENGINE: 'sqlite' }): Promise<Server> {
  const port = await freePort();
  const child: ChildProcess = spawn(path.join(ROOT, 'node_modules', '.bin', 'next'), ['start', appDir, '-p', String(port), '-H', '127.0.0.1'], {
    cwd: appDir,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      ...engineEnv,
      NODE_ENV: 'production',
      PORT: String(port),
      NODE_OPTIONS: `${startNodeOptions()} ${process.env.NODE_OPTIONS ?? ''}`.trim(),
    },
    detached: true, // own process group: stop() kills next and anything it forked
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout!.on('data', (d) => (log = (log + d).slice(-4000)));
  child.stderr!.on('data', (d) => (log = (log + d).slice(-4000)));
  const pgid = child.pid!;
  const base = `http://127.0.0.1:${port}`;
  let exited = false;
  child.on('exit', () => (exited = true));
  const stop = async () => {
    if (exited) return;
    const gone = new Promise<void>((r) => child.once('exit', () => r()));
    try {
      process.kill(-pgid, 'SIGTERM');
    } catch {
      return;
    }
    const t = setTimeout(() => {
      try {
        process.kill(-pgid, 'SIGKILL');
      } catch {}
    }, 5000);
    await gone;
    clearTimeout(t);
  };
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited) throw new Error(`next start exited before answering:\n${log}`);
    try {
      const r = await fetch(`${base}/api/status`);
      const body = (await r.json()) as { ok?: boolean };
      if (r.ok && body.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`next start did not answer /api/status within ${timeoutMs / 1000} s:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { base, pgid, stop };
}

/** The rotating URL set: every benchmark query as the search page and as /api/search. */
export function benchUrls(queries: BenchQuery[]): { page: string[]; api: string[] } {
  const states = queries.map((q) => ({ q: q.q, filters: q.filters ?? {}, sort: q.sort ?? 'relevance' }));
  return { page: states.map((s) => searchUrl(s)), api: states.map((s) => searchJsonUrl(s)) };
}

export async function load(base: string, name: string, paths: string[], connections: number, seconds: number): Promise<HttpTarget> {
  const r = await autocannon({
    url: base,
    connections,
    duration: seconds,
    timeout: 10,
    requests: paths.map((p) => ({ method: 'GET', path: p })),
  });
  return {
    name,
    urls: paths.length,
    requestsPerSec: r.requests.average,
    requests: r.requests.total,
    p50: r.latency.p50,
    p99: r.latency.p99,
    max: r.latency.max,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
  };
}

export async function measureHttp(opts: {
  dataDir: string;
  appDir: string;
  queries: BenchQuery[];
  seconds: number;
  connections: number;
  /** seconds per stress phase; 0 skips them */
  stressSeconds?: number;
  log?: (s: string) => void;
  engineEnv?: Record<string, string>;
}): Promise<HttpResult> {
  snapshotBuild(opts.appDir);
  const t0 = performance.now();
  const server = await startServer(opts.dataDir, opts.appDir, undefined, opts.engineEnv);
  const startupMs = performance.now() - t0;
  try {
    const urls = benchUrls(opts.queries);
    // One pass over every URL first: route compilation and first-open costs are not load.
    for (const u of [...urls.page, ...urls.api]) await (await fetch(server.base + u)).arrayBuffer();
    const serverRssWarmMB = groupRssMB(server.pgid);
    const targets = [
      await load(server.base, 'page /', urls.page, opts.connections, opts.seconds),
      await load(server.base, '/api/search', urls.api, opts.connections, opts.seconds),
    ];
    const serverRssMB = groupRssMB(server.pgid);
    const stress = opts.stressSeconds ? await measureStress({ base: server.base, pgid: server.pgid, apiUrls: urls.api, seconds: opts.stressSeconds, log: opts.log }) : undefined;
    return { skipped: false, seconds: opts.seconds, connections: opts.connections, startupMs, targets, serverRssWarmMB, serverRssMB, ...(stress ? { stress } : {}) };
  } finally {
    await server.stop();
  }
}
