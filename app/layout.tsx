import type { Metadata } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { DemoBanner, SourceNote } from '@/components/DemoData';
import { SiteHeader } from '@/components/SiteHeader';
import { getCorpusCounts } from '@/lib/queries';
import { SkipLink } from '@/components/SkipLink';
import { pageMeta } from './_lib/meta';
import { CompareTray } from '@/components/CompareTray';
import { peerPickUrl } from '@/lib/urls';
import './globals.css';

const SITE_TITLE = '年报 Nianbao：政府信息公开工作年度报告检索';
const SITE_DESCRIPTION = '检索、比较各级行政机关的政府信息公开工作年度报告：全文检索、分面筛选、统计表与数据校验。';

/** Defaults for pages without their own (404s, errors): no canonical URL, the site's share card. */
export async function generateMetadata(): Promise<Metadata> {
  const { alternates: _canonical, openGraph, ...m } = await pageMeta({ title: SITE_TITLE, description: SITE_DESCRIPTION, path: '/' });
  return { ...m, title: { default: SITE_TITLE, template: '%s · 年报 Nianbao' }, openGraph: { ...openGraph, url: undefined } };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Per request, never at build time: the banner follows whatever index is live.
  await connection();
  const counts = await getCorpusCounts();
  return (
    <html lang="zh-CN">
      <body className="min-h-screen font-sans">
        <SkipLink />
        <SiteHeader />
        <DemoBanner counts={counts} />
        <main id="main" tabIndex={-1} className="mx-auto max-w-7xl px-4 py-6 focus:outline-none">{children}</main>
        <footer className="mx-auto max-w-7xl px-4 pb-8 pt-4 text-xs text-stone-600">
          <SourceNote counts={counts} />
        </footer>
        <CompareTray action={peerPickUrl()} />
      </body>
    </html>
  );
}
