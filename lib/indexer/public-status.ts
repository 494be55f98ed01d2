/**
 * The index status as the public may see it (/api/status and the /status page): the corpus
 * folder's absolute path (in `source` and in read errors such as "/srv/reports/x.pdf: …") says
 * where the server keeps its files, so it is cut to paths relative to the corpus.
 * index-status.json on disk keeps the full text for the operator.
 */
import path from 'node:path';
import type { IndexStatus } from '../index-status';

export function publicIndexStatus(index: unknown): unknown {
  const s = index as IndexStatus | null;
  if (!s || typeof s.source !== 'string') return index;
  const root = s.source.endsWith(path.sep) ? s.source : s.source + path.sep;
  const strip = (t: string) => t.split(root).join('');
  return {
    ...s,
    source: path.basename(s.source),
    failures: (s.failures ?? []).map((f) => ({ ...f, file: strip(f.file), reason: strip(f.reason) })),
    skipped: (s.skipped ?? []).map((f) => ({ ...f, file: strip(f.file) })),
    ...(s.error ? { error: strip(s.error) } : {}),
  };
}
