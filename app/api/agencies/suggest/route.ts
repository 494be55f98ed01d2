/** Agency names containing `q`, for the comparison picker's autocomplete (lib/queries/agency.ts). */
import { suggestAgencies } from '@/lib/queries';
import { AppError, errorResponse } from '@/lib/errors';
import { cleanText } from '@/lib/search-params';
import { jsonResponse } from '@/app/agencies/_lib/respond';

export const dynamic = 'force-dynamic';

const MAX_Q = 50;

export async function GET(req: Request): Promise<Response> {
  const q = cleanText(new URL(req.url).searchParams.get('q') ?? '').trim();
  if (q.length > MAX_Q) return errorResponse(new AppError('bad_request:api', `机关名称过长（最多 ${MAX_Q} 字）`));
  try {
    const items = await suggestAgencies({ q, limit: 10 });
    return jsonResponse({ ok: true, q, items });
  } catch (e) {
    return errorResponse(e, 'api');
  }
}
