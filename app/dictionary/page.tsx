import type { Metadata } from 'next';
import { CSV_FILES, dictionary, LIST_SEPARATOR } from '@/lib/dictionary';
import { dictionaryJsonUrl, dictionaryUrl } from '@/lib/urls';
import { Twins } from '../agencies/_components/Twins';
import { pageMeta } from '../_lib/meta';
import { ScrollRegion } from '@/components/ScrollRegion';

export async function generateMetadata(): Promise<Metadata> {
  return pageMeta({
    title: '数据字典',
    description: '本站 CSV 导出文件每一列的中文名称、字段名、类型、单位和定义。',
    path: dictionaryUrl(),
  });
}

/** Every CSV column defined once (lib/dictionary); the JSON twin is /api/dictionary. */
export default function DictionaryPage() {
  const columns = dictionary();
  return (
    <article className="space-y-6" data-testid="dictionary-page">
      <header className="space-y-2">
        <h1 className="text-2xl font-bold">数据字典</h1>
        <p className="max-w-3xl text-sm text-stone-700">
          本站的 CSV 文件默认有两行表头：第一行是中文表头，第二行是字段名（与 JSON 数据中的名称相同）；在下载地址后加上
          <code className="mx-1 rounded bg-stone-100 px-1">headers=keys</code>只输出字段名一行。一个单元格里有多个值时用“{LIST_SEPARATOR}”分隔。空白表示原表此处为空、为“/”或无法识别，不等于 0。
        </p>
        <Twins json={dictionaryJsonUrl()} csv={`${dictionaryJsonUrl()}?format=csv`} />
      </header>

      <section aria-labelledby="files-h" className="space-y-2">
        <h2 id="files-h" className="text-lg font-semibold">文件</h2>
        <ul className="list-disc space-y-1 pl-6 text-sm">
          {Object.entries(CSV_FILES).map(([k, f]) => (
            <li key={k} data-testid="dictionary-file" data-file={k}>
              {f.title}：{f.columns.length} 列
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="cols-h" className="space-y-2">
        <h2 id="cols-h" className="text-lg font-semibold">各列定义（{columns.length} 列）</h2>
        <ScrollRegion label="各列定义">
          <table className="figures-table" data-testid="dictionary-table">
            <caption className="sr-only">CSV 各列的中文表头、字段名、类型、单位和定义</caption>
            <thead>
              <tr>
                <th scope="col">中文表头</th>
                <th scope="col">字段名</th>
                <th scope="col">类型</th>
                <th scope="col">单位</th>
                <th scope="col">定义</th>
              </tr>
            </thead>
            <tbody>
              {columns.map((c) => (
                <tr key={c.key} id={`col-${c.key}`} data-testid="dictionary-row" data-key={c.key}>
                  <th scope="row" className="text-left font-normal">{c.label}</th>
                  <td className="font-mono text-xs break-all">{c.key}</td>
                  <td className="whitespace-nowrap">{c.type}</td>
                  <td className="whitespace-nowrap">{c.unit ?? ''}</td>
                  <td className="text-sm">{c.definition}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </section>
    </article>
  );
}
