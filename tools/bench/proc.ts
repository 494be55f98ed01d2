/** Memory of processes from /proc (Linux): peak and current RSS, process groups. */
import fs from 'node:fs';

/** VmHWM (peak RSS) and VmRSS of one process in MB, or null once it has exited. */
export function procMemory(pid: number): { hwmMB: number; rssMB: number } | null {
  let s: string;
  try {
    s = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return null;
  }
  const kb = (k: string) => Number(new RegExp(`^${k}:\\s+(\\d+) kB`, 'm').exec(s)?.[1] ?? NaN);
  return { hwmMB: kb('VmHWM') / 1024, rssMB: kb('VmRSS') / 1024 };
}

/** Every live pid whose process group is `pgid` (a server and the workers it forked). */
export function groupPids(pgid: number): number[] {
  const out: number[] = [];
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
      // Fields after the parenthesised command name: state ppid pgrp …
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(rest[2]) === pgid) out.push(Number(d));
    } catch {
      // exited while we looked
    }
  }
  return out;
}

/** Sum of VmRSS over a process group, MB. */
export function groupRssMB(pgid: number): number {
  return groupPids(pgid).reduce((sum, pid) => sum + (procMemory(pid)?.rssMB ?? 0), 0);
}

export function loadAvg(): string {
  try {
    return fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  } catch {
    return 'n/a';
  }
}
