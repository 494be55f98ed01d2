/**
 * Demo data marked where a visitor looks: a badge on each generated report (its page and its
 * search hit) and a site-wide banner while the index holds any. No server-only imports: the
 * badge is drawn inside the client hit list too.
 */
import type { CorpusCounts } from '@/lib/search/types';

export function DemoBadge() {
  return (
    <span className="demo-badge" data-testid="demo-badge" title="本报告由程序生成，数字与表述均为虚构">
      示例数据
    </span>
  );
}

export const DEMO_BANNER_TEXT = '本站当前为演示数据：报告由程序生成，数字与表述均为虚构，不代表真实机关';

/** Shown while the index holds any generated report; nothing otherwise (or when the engine cannot say). */
export function DemoBanner({ counts }: { counts: CorpusCounts | null }) {
  if (!counts || counts.synthetic === 0) return null;
  const real = counts.reports - counts.synthetic;
  return (
    <div className="demo-banner" role="note" data-testid="demo-banner">
      <div className="mx-auto max-w-7xl space-y-1 px-4 py-2">
        <p className="font-semibold">
          {DEMO_BANNER_TEXT}
          {real > 0 && `（共 ${counts.reports} 份报告，其中 ${counts.synthetic} 份为示例，均标有“示例数据”）`}。
        </p>
        <p>
          索引真实报告：<code>npm run index -- /path/to/reports</code>，或在首次 <code>npm start</code> 前设置{' '}
          <code>REPORTS_DIR=/path/to/reports</code>。
        </p>
      </div>
    </div>
  );
}

/** The footer's sourcing sentence stands only when real reports are indexed. */
export function SourceNote({ counts }: { counts: CorpusCounts | null }) {
  const real = counts ? counts.reports - counts.synthetic : 0;
  return (
    <p data-testid="source-note">
      {real > 0 && <span data-testid="source-sentence">数据来自各机关公开发布的《政府信息公开工作年度报告》；</span>}
      {counts && counts.synthetic > 0 && real === 0 && <span>全部报告为程序生成的示例数据，并非各机关发布的报告；</span>}
      表格数字由程序解析，校验未通过处已标出，请以原文为准。
    </p>
  );
}
