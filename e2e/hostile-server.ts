/**
 * A second production server for the hostile-input specs, on its own data: generated reports,
 * reports whose text carries markup (tools/hostile/report.ts) and the bad-files corpus
 * (test/fixtures/bad). Kept apart from the shared e2e index so poisoned reports and failed files
 * never change what the other specs count. It uses the build the main web server command made.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { generateReports } from '../tools/corpus/generate';
import { hostileReports } from '../tools/hostile/report';
import { buildBadCorpus } from '../test/fixtures/bad/build';
import { ROOT } from '../scripts/prestart';

export const GOOD_REPORTS = 24;
export const HOSTILE_REPORTS = 2;

export interface HostileServer {
  baseURL: string;
  dataDir: string;
  corpus: string;
  /** the `npm run index` run over the corpus */
  index: { status: number | null; stderr: string };
  serverLog(): string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function writeAll(dir: string, files: Iterable<{ name: string; text: string }>): void {
  for (const f of files) {
    const p = path.join(dir, f.name);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, f.text);
  }
}

/** A report with its tables but none of its text: not recognisable as a report. */
function tablesOnly(): { name: string; text: string } {
  const [r] = [...generateReports({ seed: 'tables-only', agencies: 1, years: [2024] })];
  const lines = r.text.split('\n');
  const from = lines.findIndex((l) => l.startsWith('二、'));
  const to = lines.findIndex((l) => l.startsWith('五、'));
  return { name: 'bad/tables-only.txt', text: lines.slice(from + 1, to).filter((l) => !/^[三四]、/.test(l)).join('\n') };
}

export async function prepareCorpus(root: string): Promise<string> {
  const corpus = path.join(root, 'corpus');
  writeAll(corpus, [...generateReports({ seed: 'hostile-e2e', agencies: GOOD_REPORTS / 2, years: [2023, 2024] })].map((r) => ({ name: `good/${r.name}`, text: r.text })));
  writeAll(corpus, hostileReports({ seed: 'e2e', count: HOSTILE_REPORTS }));
  writeAll(corpus, [tablesOnly()]);
  await buildBadCorpus(path.join(corpus, 'bad'));
  // The fixtures that read fine are one ordinary report (read-bad tests them); only failures stay.
  for (const f of ['pdf-named.txt', 'utf8-damaged.txt']) fs.rmSync(path.join(corpus, 'bad', f));
  return corpus;
}

async function waitForStatus(baseURL: string, child: ChildProcess, log: () => string, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`hostile server exited (${child.exitCode}):\n${log()}`);
    try {
      const r = await fetch(`${baseURL}/api/status`);
      if (r.ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`hostile server not ready in ${ms} ms:\n${log()}`);
}

export async function startHostileServer(): Promise<HostileServer> {
  if (!fs.existsSync(path.join(ROOT, '.next', 'BUILD_ID'))) throw new Error('no production build (.next/BUILD_ID): run the e2e web server first');
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-hostile-e2e-'));
  const dataDir = path.join(root, 'data');
  const corpus = await prepareCorpus(root);
  const env = { ...process.env, DATA_DIR: dataDir, SEARCH_ENGINE: 'sqlite', NEXT_TELEMETRY_DISABLED: '1' };
  const idx = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/index.ts', corpus], { cwd: ROOT, env, encoding: 'utf8' });
  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  // Own process group, so stop() ends the server and nothing else.
  const child = spawn(path.join(ROOT, 'node_modules', '.bin', 'next'), ['start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: ROOT,
    env: { ...env, PORT: String(port), NODE_ENV: 'production' },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const stop = async () => {
    if (child.exitCode === null && child.pid) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {}
      await new Promise((r) => setTimeout(r, 300));
    }
    fs.rmSync(root, { recursive: true, force: true });
  };
  try {
    await waitForStatus(baseURL, child, () => out);
  } catch (e) {
    await stop();
    throw e;
  }
  return { baseURL, dataDir, corpus, index: { status: idx.status, stderr: idx.stderr }, stop, serverLog: () => out };
}
