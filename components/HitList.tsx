'use client';
/**
 * The hits of a search page, drawn from plain data (components/SearchHits.tsx prepares it on the
 * server). A client component for the size of the page: its RSC payload then carries each hit's
 * data once, instead of the whole rendered element tree, which was larger than the hits' HTML.
 */
import Link from 'next/link';
import type { SnippetPart } from '@/lib/search/highlight';
import { DemoBadge } from './DemoData';
import { Marked } from './Marked';
import { AddToCompare } from './CompareTray';

export interface HitView {
  id: string;
  href: string;
  agency: string;
  /** the comparison page with this agency added (加入比较 without JavaScript) */
  compareHref: string;
  year: number | null;
  region: string;
  levelLabel: string | null;
  kindLabel: string;
  section: string | null;
  sectionLabel: string | null;
  checksFailed: number;
  synthetic: boolean;
  snippet: SnippetPart[] | null;
  themes: string[];
  /** set on an older version of a report (listed only with include_versions=1) */
  versionOf?: string;
  /** the headline key figures, in order (lib/key-figures.ts HEADLINE_FIGURES); null: unknown */
  figures: { key: string; short: string; label: string; value: number | null }[];
}

/** 收 123 · 公开 45 · 不予公开 6 · 纠错 1 (— where unknown); the full name is read out and shown on hover. */
function HitFigures({ figures }: { figures: HitView['figures'] }) {
  return (
    <p className="hit-figures" data-testid="hit-figures">
      {figures.map((f, i) => (
        <span key={f.key} data-testid="hit-figure" data-key={f.key} data-value={f.value ?? ''} title={f.label}>
          {i > 0 && <span aria-hidden="true"> · </span>}
          <span aria-hidden="true">{f.short}</span>
          <span className="sr-only">{f.label}</span> <span className="tabular-nums text-stone-800">{f.value === null ? '—' : f.value.toLocaleString('zh-CN')}</span>
          {f.value === null && <span className="sr-only">（不详）</span>}
        </span>
      ))}
    </p>
  );
}

export function HitList({ hits }: { hits: HitView[] }) {
  return (
    <ol className="space-y-3" data-testid="hits">
      {hits.map((h) => (
        <li key={h.id} className="hit" data-testid="hit" data-id={h.id}>
          <div className="hit-head">
            <Link href={h.href} className="hit-link" data-testid="hit-link">
              <span data-testid="hit-agency">{h.agency}</span>
              {h.year !== null && <span data-testid="hit-year"> {h.year}年度</span>}
            </Link>
            {h.versionOf && (
              <span className="text-xs text-amber-700" data-testid="hit-version-of" data-version-of={h.versionOf}>
                旧版本
              </span>
            )}
            {h.synthetic && <DemoBadge />}
            {h.checksFailed > 0 && (
              <span className="hit-failed" data-testid="hit-checks-failed">
                {h.checksFailed} 项校验未通过
              </span>
            )}
            <AddToCompare agency={h.agency} href={h.compareHref} />
          </div>
          <div className="hit-meta">
            {h.region && <span data-testid="hit-region">{h.region}</span>}
            {h.levelLabel && <span>{h.levelLabel}</span>}
            <span>{h.kindLabel}</span>
            {h.section && (
              <span data-testid="hit-section" data-section={h.section}>
                命中：{h.sectionLabel}
              </span>
            )}
          </div>
          <HitFigures figures={h.figures} />
          {h.snippet && (
            <p className="hit-snippet" data-testid="hit-snippet">
              <Marked parts={h.snippet} testId="hit-mark" />
            </p>
          )}
          {h.themes.length > 0 && (
            <ul className="hit-themes" aria-label="问题主题">
              {h.themes.map((t) => (
                <li key={t} className="hit-theme" data-testid="hit-theme">
                  {t}
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}
