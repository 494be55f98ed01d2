import Link from 'next/link';
import { agenciesUrl, dictionaryUrl, peerPickUrl, searchUrl, statusUrl } from '@/lib/urls';

/** Site name and navigation; plain links so it works without JavaScript. */
export function SiteHeader() {
  return (
    <header className="border-b border-stone-200 bg-white">
      <div className="mx-auto flex max-w-7xl flex-wrap items-baseline gap-x-6 gap-y-1 px-4 py-3">
        <Link href={searchUrl()} className="text-xl font-bold text-brand-700 no-underline" data-testid="site-name">
          年报 <span className="font-semibold text-stone-600">Nianbao</span>
        </Link>
        <span className="text-sm text-stone-600">政府信息公开工作年度报告检索与比较</span>
        <nav className="ml-auto flex gap-4 text-sm" aria-label="主导航">
          <Link href={searchUrl()} className="text-stone-700 hover:text-brand-700">检索</Link>
          <Link href={agenciesUrl()} className="text-stone-700 hover:text-brand-700">机关</Link>
          <Link href={peerPickUrl()} className="text-stone-700 hover:text-brand-700" data-testid="nav-compare">比较</Link>
          <Link href={dictionaryUrl()} className="text-stone-700 hover:text-brand-700">数据字典</Link>
          <Link href={statusUrl()} className="text-stone-700 hover:text-brand-700" data-testid="nav-status">状态</Link>
        </nav>
      </div>
    </header>
  );
}
