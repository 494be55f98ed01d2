import Link from 'next/link';
import { snippetParts } from '@/lib/search/highlight';
import { KIND_LABELS, LEVEL_LABELS, SECTION_SHORT_LABELS } from '@/lib/labels';
import type { SearchHit } from '@/lib/search/types';
import { reportUrl } from '@/lib/urls';
import { Marked } from './Marked';

export function regionText(r: SearchHit['region']): string {
  return [r.province, r.city, r.county].filter((x, i, a) => x && a.indexOf(x) === i).join(' · ');
}

export function SearchHits({ hits, q }: { hits: SearchHit[]; q: string }) {
  return (
    <ol className="space-y-3" data-testid="hits">
      {hits.map((h) => (
        <li key={h.id} className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm" data-testid="hit" data-id={h.id}>
          <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
            <Link href={reportUrl(h.id, { q: q || undefined })} className="text-lg font-semibold text-brand-700 hover:underline" data-testid="hit-link">
              <span data-testid="hit-agency">{h.agency}</span>
              {h.year !== null && <span data-testid="hit-year"> {h.year}年度</span>}
            </Link>
            {h.checksFailed > 0 && (
              <span className="rounded bg-red-100 px-1.5 py-0.5 text-xs font-medium text-red-800" data-testid="hit-checks-failed">
                {h.checksFailed} 项校验未通过
              </span>
            )}
          </div>
          <div className="mt-1 flex flex-wrap gap-x-3 text-xs text-stone-500">
            {regionText(h.region) && <span data-testid="hit-region">{regionText(h.region)}</span>}
            {h.level && <span>{LEVEL_LABELS[h.level]}</span>}
            <span>{KIND_LABELS[h.kind]}</span>
            {h.section && (
              <span data-testid="hit-section" data-section={h.section}>
                命中：{SECTION_SHORT_LABELS[h.section]}
              </span>
            )}
          </div>
          {h.snippet && (
            <p className="mt-2 text-sm leading-relaxed text-stone-700" data-testid="hit-snippet">
              <Marked parts={snippetParts(h.snippet)} testId="hit-mark" />
            </p>
          )}
          {h.themes.length > 0 && (
            <ul className="mt-2 flex flex-wrap gap-1" aria-label="问题主题">
              {h.themes.map((t) => (
                <li key={t} className="rounded-full bg-stone-100 px-2 py-0.5 text-xs text-stone-700" data-testid="hit-theme">
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
