/** JSON/CSV twin of /agencies/[slug]/compare/[a]-[b]: the same comparison, canonical keys. */
import { compareYears } from '@/lib/compare/yoy';
import { errorResponse } from '@/lib/errors';
import { compareUrl } from '@/lib/urls';
import { loadYearPair } from '@/lib/queries';
import { columnLabel } from '@/lib/dictionary';
import { apiPath, dictionaryCsvResponse, formatOf, headerModeOf, jsonResponse, notOk } from '@/app/agencies/_lib/respond';

export const dynamic = 'force-dynamic';

export async function GET(req: Request, { params }: { params: Promise<{ slug: string; years: string }> }): Promise<Response> {
  const format = formatOf(req);
  if (format instanceof Response) return format;
  const headers = headerModeOf(req);
  if (headers instanceof Response) return headers;
  try {
    const { slug, years } = await params;
    const r = await loadYearPair({ slug, years });
    if (r.kind !== 'ok') return notOk(r, req, apiPath);
    const c = compareYears(r.value.earlier, r.value.later);
    const yA = c.earlier.year!;
    const yB = c.later.year!;
    if (format === 'csv') {
      // One row per key; rates are in percent and their change in percentage points (column delta).
      const rows = [
        ...c.figures.map((f) => [f.key, columnLabel(f.key), f.earlier, f.later, f.delta, f.pct]),
        ...c.rates.map((x) => [x.key, columnLabel(x.key), x.earlier, x.later, x.points, null]),
      ];
      const cols = ['key', 'label', String(yA), String(yB), 'delta', 'pct_change'];
      return dictionaryCsvResponse(`${r.value.slug}-${yA}-${yB}.csv`, cols, rows, headers, { [yA]: `${yA}年`, [yB]: `${yB}年` });
    }
    const { segments, ...repeated } = c.repeated;
    return jsonResponse({
      ok: true,
      slug: r.value.slug,
      url: compareUrl(r.value.slug, yA, yB),
      agency: c.agency,
      earlier: c.earlier,
      later: c.later,
      headline: c.headline,
      figures: c.figures,
      rates: c.rates,
      themes: c.themes,
      repeated: { ...repeated, repeatedSentences: segments.filter((s) => s.repeated).map((s) => s.text.trim()) },
    });
  } catch (e) {
    return errorResponse(e, 'api');
  }
}
