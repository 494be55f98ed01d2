/** Health: engine, report count, last index run. 503 while the index is unusable (Playwright waits on 200). */
import path from 'node:path';
import type { IndexStatus } from '@/lib/indexer/status';
import { getSiteStatus } from '@/lib/queries';

export const dynamic = 'force-dynamic';

/**
 * The status is public: the corpus folder's absolute path (in `source` and in read errors such as
 * "/srv/reports/x.pdf: …") says where the server keeps its files, so it is cut to paths relative
 * to the corpus. index-status.json on disk keeps the full text for the operator.
 */
function publicIndex(index: unknown): unknown {
  const s = index as IndexStatus | null;
  if (!s || typeof s.source !== 'string') return index;
  const root = s.source.endsWith(path.sep) ? s.source : s.source + path.sep;
  const strip = (t: string) => t.split(root).join('');
  return {
    ...s,
    source: path.basename(s.source),
    failures: (s.failures ?? []).map((f) => ({ file: strip(f.file), reason: strip(f.reason) })),
    skipped: (s.skipped ?? []).map((f) => ({ file: strip(f.file), reason: f.reason })),
    ...(s.error ? { error: strip(s.error) } : {}),
  };
}

export async function GET(): Promise<Response> {
  const status = await getSiteStatus();
  return Response.json({ ...status, index: publicIndex(status.index) }, { status: status.ok ? 200 : 503, headers: { 'cache-control': 'no-store' } });
}
