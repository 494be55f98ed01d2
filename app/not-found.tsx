import Link from 'next/link';
import { searchUrl } from '@/lib/urls';

export default function NotFound() {
  return (
    <div className="mx-auto max-w-xl space-y-3 py-10" data-testid="not-found">
      <h1 className="text-2xl font-bold">页面不存在</h1>
      <p className="text-stone-700">您访问的地址没有对应的页面。</p>
      <p>
        <Link href={searchUrl()} className="text-brand-700">返回检索首页</Link>
      </p>
    </div>
  );
}
