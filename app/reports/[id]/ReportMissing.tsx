import Link from 'next/link';
import { searchUrl } from '@/lib/urls';

/** Body of a report 404: rendered by the page (status set by proxy.ts) and by not-found.tsx. */
export function ReportMissing() {
  return (
    <div className="mx-auto max-w-xl space-y-3 py-10" data-testid="not-found">
      <h1 className="text-2xl font-bold">未找到这份报告</h1>
      <p className="text-stone-700">链接中的报告编号不存在，可能是索引已重建、编号有误或链接被截断。</p>
      <ul className="list-disc pl-6 text-stone-700">
        <li>
          <Link href={searchUrl()} className="text-brand-700">检索全部报告</Link>，按机关名称或年度查找；
        </li>
        <li>报告编号由机关名称和年度决定，同一机关同一年度的报告重建索引后编号不变。</li>
      </ul>
    </div>
  );
}
