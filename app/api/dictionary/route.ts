/** JSON (or CSV) twin of /dictionary: every CSV column's Chinese header, definition, type and unit. */
import { CSV_FILES, dictionary } from '@/lib/dictionary';
import { FIGURE_OP_SYMBOLS, FIGURE_OP_WORDS, FIGURE_OPS, KEY_FIGURES } from '@/lib/key-figures';
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
    // The key figures as search parameters (the same on /, /api/search, /api/export and /stats).
    figureParams: {
      fig: '按关键数字筛选：fig=数字项:比较方式:数值，可重复，各条件同时满足；例如 fig=received:ge:100&fig=refused:gt:0。数字不详的报告不满足任何条件（不当作 0）。',
      sort: '按关键数字排序：sort=fig:数字项:desc（从多到少）或 sort=fig:数字项:asc（从少到多）；数字不详的报告排在最后，数字相同时新年度在前。',
      figures: KEY_FIGURES.map((d) => ({ key: d.key, label: d.label, definition: d.note, column: `fig.${d.key}` })),
      ops: FIGURE_OPS.map((o) => ({ op: o, symbol: FIGURE_OP_SYMBOLS[o], words: FIGURE_OP_WORDS[o] })),
    },
  });
}
