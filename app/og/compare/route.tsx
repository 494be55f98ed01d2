/** Share card of a peer comparison (/compare?agencies=…&year=…): new requests per agency. */
import { loadPeers, parsePeerParams } from '@/lib/queries';
import { cardResponse, notFoundImage } from '../_lib/card';

export const dynamic = 'force-dynamic';

export async function GET(req: Request): Promise<Response> {
  const p = parsePeerParams(new URL(req.url).searchParams);
  if (!p.slugs.length) return notFoundImage('要比较的机关');
  const r = await loadPeers(p);
  if (r.kind !== 'ok' || !r.value.columns.length || r.value.year === null) return notFoundImage('要比较的机关');
  const d = r.value;
  return cardResponse({
    kicker: '年报 Nianbao · 机关比较',
    title: `${d.year}年度 ${d.columns.length} 个机关比较`,
    subtitle: d.columns.map((c) => c.agency).join('、').slice(0, 40),
    barsTitle: '新收政府信息公开申请（件）',
    bars: d.columns.map((c) => ({ label: c.agency, value: c.figures['requests.new_received.total'] ?? null })),
  });
}
