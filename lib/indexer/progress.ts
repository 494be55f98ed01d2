/**
 * Progress on stderr: a redrawn bar on a terminal, plain lines every few seconds otherwise (logs,
 * CI), and failed files as their own lines so they survive in either.
 */
import type { IndexProgress } from './run';
import type { IndexFailure, IndexStatus } from '../index-status';

export interface Out {
  isTTY?: boolean;
  columns?: number;
  write(s: string): unknown;
}

export function formatProgress(p: IndexProgress, width = 24): string {
  const frac = p.total ? p.done / p.total : 1;
  const filled = Math.round(frac * width);
  const rate = p.elapsedMs > 0 ? (p.done / p.elapsedMs) * 1000 : 0;
  const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
  return `${bar} ${p.done}/${p.total} files  ${rate.toFixed(0)} files/s  ${p.indexed} indexed  ${p.failed} failed`;
}

/** Skipped files listed in the summary; the status file has all of them. */
const SKIPPED_SHOWN = 20;

export function makeReporter(out: Out, opts: { plainEveryMs?: number; now?: () => number } = {}) {
  const now = opts.now ?? Date.now;
  const every = opts.plainEveryMs ?? 2000;
  let last = -Infinity;
  let drawn = false;
  const clear = () => {
    if (drawn) out.write('\r\x1b[2K');
    drawn = false;
  };
  return {
    progress(p: IndexProgress) {
      const t = now();
      const finished = p.done === p.total;
      if (out.isTTY) {
        if (t - last < 100 && !finished) return;
        last = t;
        out.write(`\r\x1b[2K${formatProgress(p)}`);
        drawn = true;
      } else if (t - last >= every || finished) {
        last = t;
        out.write(formatProgress(p) + '\n');
      }
    },
    failure(f: IndexFailure) {
      clear();
      out.write(`✗ ${f.file}: ${f.reason}\n`);
    },
    summary(s: IndexStatus) {
      clear();
      const lines = [
        `${s.swapped ? '✓' : '✗'} ${s.indexed} indexed, ${s.failed} failed, ${s.warnings} warnings, ${s.checksFailed} with failed checks` +
          (s.duplicates ? `, ${s.duplicates} duplicates` : '') +
          (s.versions ? `, ${s.versions} older versions` : '') +
          (s.incomplete?.length ? `, ${s.incomplete.length} incomplete` : '') +
          (s.skipped?.length ? `, ${s.skipped.length} skipped` : '') +
          ` — ${s.found} files in ${s.seconds.toFixed(1)} s (${s.seconds > 0 ? Math.round(s.found / s.seconds) : s.found} files/s)`,
      ];
      for (const f of (s.incomplete ?? []).slice(0, SKIPPED_SHOWN)) lines.push(`! ${f.file}: ${f.reason}`);
      if ((s.incomplete?.length ?? 0) > SKIPPED_SHOWN) lines.push(`! … and ${s.incomplete!.length - SKIPPED_SHOWN} more (see index-status.json)`);
      const skipped = s.skipped ?? [];
      for (const f of skipped.slice(0, SKIPPED_SHOWN)) lines.push(`– ${f.file}: ${f.reason}`);
      if (skipped.length > SKIPPED_SHOWN) lines.push(`– … and ${skipped.length - SKIPPED_SHOWN} more (see index-status.json)`);
      if (!s.found) lines.push(`No report files (.txt .html .htm .docx .pdf) found in ${s.source}; the index was not changed.`);
      else if (!s.swapped && s.error) lines.push(`The index could not be rebuilt (${s.error}); the previous index is still live.`);
      else if (!s.swapped) lines.push('No file could be read as a report; the index was not changed.');
      out.write(lines.join('\n') + '\n');
    },
  };
}
