import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { SiteHeader } from '@/components/SiteHeader';
import { CompareTray } from '@/components/CompareTray';
import { peerPickUrl } from '@/lib/urls';
import './globals.css';

export const metadata: Metadata = {
  title: { default: '年报 Nianbao：政府信息公开工作年度报告检索', template: '%s · 年报 Nianbao' },
  description: '检索、比较各级行政机关的政府信息公开工作年度报告：全文检索、分面筛选、统计表与数据校验。',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="zh-CN">
      <body className="min-h-screen font-sans">
        <SiteHeader />
        <main className="mx-auto max-w-7xl px-4 py-6">{children}</main>
        <footer className="mx-auto max-w-7xl px-4 pb-8 pt-4 text-xs text-stone-500">
          数据来自各机关公开发布的《政府信息公开工作年度报告》；表格数字由程序解析，校验未通过处已标出，请以原文为准。
        </footer>
        <CompareTray action={peerPickUrl()} />
      </body>
    </html>
  );
}
