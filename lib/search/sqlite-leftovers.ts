/**
 * Build files left by index runs that were killed (`nianbao.sqlite.building-<pid>` and its
 * `-journal`): a run that dies mid-build never reaches its cleanup, and each file can be hundreds
 * of MB. The next run removes those whose process is gone and says so in its status.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { AbortedRun } from '../index-status';

/** True while a process with this id exists (EPERM: it exists but belongs to another user). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Remove the build files of dead runs beside `dbFile`; files of live runs (another indexer at
 * work) and of this process are kept. One entry per dead run, oldest first.
 */
export function removeAbandonedBuilds(dbFile: string, alive: (pid: number) => boolean = processAlive): AbortedRun[] {
  const dir = path.dirname(dbFile);
  const prefix = `${path.basename(dbFile)}.building-`;
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const runs = new Map<number, AbortedRun & { lastMs: number }>();
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const m = /^(\d+)(-journal)?$/.exec(name.slice(prefix.length));
    if (!m) continue;
    const pid = Number(m[1]);
    if (pid === process.pid || alive(pid)) continue;
    const file = path.join(dir, name);
    let st: fs.Stats;
    try {
      st = fs.statSync(file);
      fs.rmSync(file, { force: true });
    } catch {
      continue; // removed meanwhile (another run cleaning up): nothing to record
    }
    const run = runs.get(pid) ?? { pid, lastWriteAt: '', bytes: 0, files: [], lastMs: 0 };
    run.bytes += st.size;
    run.files.push(name);
    run.lastMs = Math.max(run.lastMs, st.mtimeMs);
    runs.set(pid, run);
  }
  return [...runs.values()]
    .sort((a, b) => a.lastMs - b.lastMs)
    .map(({ lastMs, ...r }) => ({ ...r, lastWriteAt: new Date(lastMs).toISOString(), files: r.files.sort() }));
}
