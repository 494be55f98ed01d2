import Link from 'next/link';
import { snippetParts } from '@/lib/search/highlight';
import { KIND_LABELS, LEVEL_LABELS, SECTION_SHORT_LABELS } from '@/lib/labels';
import type { SearchHit } from '@/lib/search/types';
import { reportUrl } from '@/lib/urls';
import { Marked } from './Marked';

export function regionText(r: SearchHit['region']): string {
  return [r.province, r.city, r.county].filter((x, i, a) => x && a.indexOf(x) === i).join(' · ');
}

/** Classes (.hit …) are in app/globals.css: 20 hits a page, each class list was in the HTML and the RSC payload. */
export function SearchHits({ hits, q }: { hits: SearchHit[]; q: string }) {
  return (
    <ol className="space-y-3" data-testid="hits">
      {hits.map((h) => (
        <li key={h.id} className="hit" data-testid="hit" data-id={h.id}>
          <div className="hit-head">
            <Link href={reportUrl(h.id, { q: q || undefined })} className="hit-link" data-testid="hit-link">
              <span data-testid="hit-agency">{h.agency}</span>
              {h.year !== null && <span data-testid="hit-year"> {h.year}年度</span>}
            </Link>
            {h.checksFailed > 0 && (
              <span className="hit-failed" data-testid="hit-checks-failed">
                {h.checksFailed} 项校验未通过
              </span>
            )}
          </div>
          <div className="hit-meta">
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
            <p className="hit-snippet" data-testid="hit-snippet">
              <Marked parts={snippetParts(h.snippet)} testId="hit-mark" />
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
