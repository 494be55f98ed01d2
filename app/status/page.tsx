import type { Metadata } from 'next';
import type { IndexStatus } from '@/lib/index-status';
import { publicIndexStatus } from '@/lib/indexer/public-status';
import { engineLabel } from '@/lib/labels';
import { getSiteStatus } from '@/lib/queries';
import { statusJsonUrl } from '@/lib/urls';
import { pageMeta } from '../_lib/meta';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return pageMeta({ title: '服务状态', description: '检索服务是否可用、已收录的报告数量和最近一次建立索引的结果。', path: '/status' });
}

function when(iso: string | undefined): string {
  if (!iso) return '未记录';
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  // Shown in Beijing time, the time zone of the reports' readers.
  return new Date(t).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) + '（北京时间）';
}

/** The human view of /api/status: the same facts, in sentences and a table. */
export default async function StatusPage() {
  const status = await getSiteStatus();
  const index = publicIndexStatus(status.index) as IndexStatus | null;
  return (
    <article className="max-w-3xl space-y-6" data-testid="status-page">
      <header className="space-y-2">
        <h1 className="text-2xl font-bold">服务状态</h1>
        <p
          className={`rounded-lg border p-3 text-sm ${status.ok ? 'border-emerald-300 bg-emerald-50 text-emerald-900' : 'border-red-300 bg-red-50 text-red-900'}`}
          data-testid="status-summary"
          data-ok={status.ok}
        >
          <span aria-hidden="true">{status.ok ? '✓ ' : '✕ '}</span>
          {status.ok
            ? `检索服务正常，共收录 ${(status.reports ?? 0).toLocaleString('zh-CN')} 份报告。`
            : `检索服务暂时不可用：${status.error ?? '原因未知'}`}
        </p>
      </header>

      <section aria-labelledby="engine-h" className="space-y-2">
        <h2 id="engine-h" className="text-lg font-semibold">检索引擎</h2>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="text-stone-600">引擎</dt>
          <dd data-testid="status-engine">{engineLabel(status.engine)}</dd>
          <dt className="text-stone-600">报告数量</dt>
          <dd data-testid="status-reports">{status.reports === null ? '无法统计' : `${status.reports.toLocaleString('zh-CN')} 份`}</dd>
        </dl>
      </section>

      <section aria-labelledby="index-h" className="space-y-2">
        <h2 id="index-h" className="text-lg font-semibold">最近一次建立索引</h2>
        {index ? <IndexRun s={index} /> : <p className="text-sm text-stone-700" data-testid="status-no-run">尚无建立索引的记录。请运行 npm run index -- 报告所在文件夹。</p>}
      </section>

      <p className="text-sm">
        机器可读的同一信息：<a href={statusJsonUrl()} className="text-brand-700" data-testid="status-json">JSON 数据</a>
      </p>
    </article>
  );
}

function IndexRun({ s }: { s: IndexStatus }) {
  const rows: [string, string][] = [
    ['完成时间', when(s.finishedAt)],
    ['用时', `${s.seconds} 秒`],
    ['报告文件夹', s.source],
    ['找到的文件', `${s.found} 个`],
    ['已收录', `${s.indexed} 份`],
    ['无法读取', `${s.failed} 个`],
    ['解析提示', `${s.warnings} 条`],
    ['数据校验未通过的报告', `${s.checksFailed} 份`],
    ['内容相同而跳过的文件', `${s.duplicates} 个`],
    ...(s.versions !== undefined ? ([['保留为旧版本的重新发布', `${s.versions} 份`]] as [string, string][]) : []),
    ['索引是否已替换', s.swapped ? '是，新索引已启用' : '否，仍使用原有索引'],
  ];
  return (
    <div className="space-y-3">
      <table className="figures-table" data-testid="status-index">
        <caption className="sr-only">最近一次建立索引的结果</caption>
        <tbody>
          {rows.map(([k, v]) => (
            <tr key={k}>
              <th scope="row" className="text-left font-normal">{k}</th>
              <td>{v}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {s.error && <p className="rounded border border-red-300 bg-red-50 p-2 text-sm text-red-900">建立索引出错：{s.error}</p>}
      <FileList title="无法读取的文件" items={s.failures ?? []} testId="status-failures" />
      <FileList title="未读取的文件（格式不支持）" items={s.skipped ?? []} testId="status-skipped" />
    </div>
  );
}

function FileList({ title, items, testId }: { title: string; items: { file: string; reason: string; code?: string }[]; testId: string }) {
  if (!items.length) return null;
  return (
    <details className="text-sm" data-testid={testId}>
      <summary className="cursor-pointer font-medium">
        {title}（{items.length}）
      </summary>
      <ul className="mt-1 list-disc space-y-1 pl-6">
        {items.map((f, i) => (
          <li key={i} data-code={f.code}>
            <span className="break-all font-mono text-xs">{f.file}</span>：{f.reason}
          </li>
        ))}
      </ul>
    </details>
  );
}
