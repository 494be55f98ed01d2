import { hasSummary, reportSummary } from '@/lib/report-summary';
import type { Cell, Figures } from '@/lib/types';

function num(v: Cell): string {
  return v === null ? '—' : v.toLocaleString('zh-CN', { maximumFractionDigits: 4 });
}

/**
 * Key figures at the top of a report page, each a link to the table row it comes from.
 * The sums are lib/report-summary's; an unknown value says why instead of showing 0.
 */
export function ReportSummary({ figures }: { figures: Figures }) {
  if (!hasSummary(figures)) return null;
  const items = reportSummary(figures);
  return (
    <section aria-labelledby="summary-h" className="rounded-lg border border-stone-200 bg-white p-4" data-testid="report-summary">
      <h2 id="summary-h" className="mb-3 text-lg font-semibold">主要数字</h2>
      <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
        {items.map((s) => (
          <li key={s.key}>
            <a
              href={`#${s.anchor}`}
              className="block h-full rounded-md border border-stone-200 p-3 no-underline hover:border-brand-600 hover:bg-brand-50"
              data-testid="summary-figure"
              data-key={s.key}
              data-value={s.value ?? ''}
            >
              <span className="block text-sm text-stone-700">{s.label}</span>
              <span className="block text-2xl font-bold tabular-nums text-stone-900" data-testid="summary-value">
                {num(s.value)}
              </span>
              <span className="mt-1 block text-xs text-stone-600">
                {s.value === null ? '原表有空白或未能识别，无法计算' : s.parts ? s.parts.map((p) => `${p.label} ${num(p.value)}`).join(' · ') : s.note}
              </span>
            </a>
          </li>
        ))}
      </ul>
      <p className="mt-2 text-xs text-stone-600">点击数字可跳到表格中对应的行。“不予公开”为办理结果（三）8 项之和。</p>
    </section>
  );
}
