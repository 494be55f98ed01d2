/** Health: engine, report count, last index run. 503 while the index is unusable (Playwright waits on 200). */
import { publicIndexStatus } from '@/lib/indexer/public-status';
import { getSiteStatus } from '@/lib/queries';

export const dynamic = 'force-dynamic';

export async function GET(): Promise<Response> {
  const status = await getSiteStatus();
  return Response.json({ ...status, index: publicIndexStatus(status.index) }, { status: status.ok ? 200 : 503, headers: { 'cache-control': 'no-store' } });
}
