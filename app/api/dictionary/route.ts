/** JSON (or CSV) twin of /dictionary: every CSV column's Chinese header, definition, type and unit. */
import { CSV_FILES, dictionary } from '@/lib/dictionary';
import { csvResponse, formatOf, jsonResponse } from '@/app/agencies/_lib/respond';

export const dynamic = 'force-dynamic';

export async function GET(req: Request): Promise<Response> {
  const format = formatOf(req);
  if (format instanceof Response) return format;
  const columns = dictionary();
  if (format === 'csv') {
    return csvResponse('nianbao-dictionary.csv', ['字段名', '中文表头', '类型', '单位', '定义'], columns.map((c) => [c.key, c.label, c.type, c.unit ?? '', c.definition]));
  }
  return jsonResponse({
    ok: true,
    headers: '默认两行表头：第一行中文表头，第二行字段名；加 headers=keys 只输出字段名一行。列表值用“；”分隔。空白表示原表为空或无法识别，不是 0。',
    files: Object.fromEntries(Object.entries(CSV_FILES).map(([k, f]) => [k, { title: f.title, columns: f.columns }])),
    columns,
  });
}
