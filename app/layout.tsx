import type { Metadata } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { DemoBanner, SourceNote } from '@/components/DemoData';
import { SiteHeader } from '@/components/SiteHeader';
import { getCorpusCounts } from '@/lib/queries';
import './globals.css';

export const metadata: Metadata = {
  title: { default: '年报 Nianbao：政府信息公开工作年度报告检索', template: '%s · 年报 Nianbao' },
  description: '检索、比较各级行政机关的政府信息公开工作年度报告：全文检索、分面筛选、统计表与数据校验。',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Per request, never at build time: the banner follows whatever index is live.
  await connection();
  const counts = await getCorpusCounts();
  return (
    <html lang="zh-CN">
      <body className="min-h-screen font-sans">
        <SiteHeader />
        <DemoBanner counts={counts} />
        <main className="mx-auto max-w-7xl px-4 py-6">{children}</main>
        <footer className="mx-auto max-w-7xl px-4 pb-8 pt-4 text-xs text-stone-500">
          <SourceNote counts={counts} />
        </footer>
      </body>
    </html>
  );
}
