import { snippetParts } from '@/lib/search/highlight';
import { KIND_LABELS, LEVEL_LABELS, SECTION_SHORT_LABELS, regionText } from '@/lib/labels';
import type { SearchHit } from '@/lib/search/types';
import { peerPickUrl, reportUrl } from '@/lib/urls';
import { HitList, type HitView } from './HitList';
import { FIGURE_DEFS, HEADLINE_FIGURES, type FigureKey } from '@/lib/key-figures';

/** Labels, URLs and snippet parts are made here, so the client list needs no lookup tables. */
/**
 * `figures`: key figures a hit shows besides the headline ones (those the search sorts or filters
 * by), so the number that placed a report in the list is on screen.
 */
export function SearchHits({ hits, q, figures = [] }: { hits: SearchHit[]; q: string; figures?: FigureKey[] }) {
  const shown = [...new Set([...HEADLINE_FIGURES, ...figures])];
  const views: HitView[] = hits.map((h) => ({
    id: h.id,
    href: reportUrl(h.id, { q: q || undefined }),
    agency: h.agency,
    compareHref: peerPickUrl([], { add: [h.agency] }),
    year: h.year,
    region: regionText(h.region),
    levelLabel: h.level ? LEVEL_LABELS[h.level] : null,
    kindLabel: KIND_LABELS[h.kind],
    section: h.section,
    sectionLabel: h.section ? SECTION_SHORT_LABELS[h.section] : null,
    checksFailed: h.checksFailed,
    synthetic: h.synthetic,
    snippet: h.snippet ? snippetParts(h.snippet) : null,
    themes: h.themes,
    figures: shown.map((k) => ({ key: k, short: FIGURE_DEFS[k].short, label: FIGURE_DEFS[k].label, value: h.figures[k] })),
    ...(h.versionOf ? { versionOf: h.versionOf } : {}),
  }));
  return <HitList hits={views} />;
}
