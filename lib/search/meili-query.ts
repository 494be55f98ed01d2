/**
 * From the app's SearchQuery to a Meilisearch search request.
 *
 * Meilisearch reads at most 10 words of a query and silently ignores the rest; segmented
 * Chinese reaches that quickly (jieba's search mode emits 政府信息公开 and also 政府, 信息,
 * 公开, 政府信息). So the terms are chosen here, not cut off at random:
 *   1. drop empties and duplicates, and strip `"` and a leading `-` (phrase and negation
 *      syntax: phrase matching is unreliable on CJK segmentation, so it is never relied on);
 *   2. drop a term contained in another kept term: the document field holds the longer word
 *      too (same segmenter), so the longer one is at least as precise;
 *   3. if still more than 10, keep the 10 longest (earliest first on ties), in query order.
 * Every kept term must match (matchingStrategy "all"), like the SQLite engine's AND.
 */
import type { SearchParams } from 'meilisearch';
import { FACETS, type FacetName, type SearchQuery, type SortOrder } from './types';
import { DEFAULT_PER_PAGE } from './query';
import { buildFilter, FACET_ATTRIBUTE } from './meili-filter';
import { LOCALES } from './meili-settings';
import { MARK_END, MARK_START } from './highlight';

export const MAX_QUERY_TERMS = 10;
/** Snippet length in words (a CJK word is 1–4 characters). */
export const CROP_LENGTH = 30;

/** Fields a hit needs; `text_seg` is hidden and `text` comes back cropped in `_formatted`. */
export const HIT_ATTRIBUTES = [
  'report_id',
  'section_key',
  'title',
  'text',
  'agency',
  'year',
  'province',
  'city',
  'county',
  'level',
  'kind',
  'themes',
  'checks_failed',
  'version_of',
  'synthetic',
];

export function selectTerms(terms: readonly string[], max = MAX_QUERY_TERMS): string[] {
  const cleaned: string[] = [];
  for (const raw of terms) {
    const t = raw.replace(/["\u201c\u201d]/g, '').replace(/^-+/, '').trim();
    if (t && !cleaned.includes(t)) cleaned.push(t);
  }
  const kept = cleaned.filter((t) => !cleaned.some((o) => o !== t && o.includes(t)));
  if (kept.length <= max) return kept;
  const chosen = new Set(
    kept
      .map((t, i) => ({ t, i }))
      .sort((a, b) => b.t.length - a.t.length || a.i - b.i)
      .slice(0, max)
      .map((x) => x.t),
  );
  return kept.filter((t) => chosen.has(t));
}

/**
 * The `q` sent to Meilisearch: the selected terms, space-separated. '' lists everything;
 * null means the query has no word at all (only punctuation), which matches nothing.
 */
export function meiliQueryText(q: string, segment: (q: string) => string[]): string | null {
  if (!q.trim()) return '';
  const terms = selectTerms(segment(q));
  return terms.length ? terms.join(' ') : null;
}

/**
 * Year sorts break ties by agency name (Meilisearch puts documents without a year last).
 * Relevance with no query has nothing to rank by, so it lists newest first, like SQLite.
 */
const SORT: Record<SortOrder, string[] | undefined> = {
  relevance: undefined,
  year_desc: ['year:desc', 'agency:asc'],
  year_asc: ['year:asc', 'agency:asc'],
};

/**
 * Older versions of a report are left out unless asked for (lib/versions.ts). NOT EXISTS keeps
 * documents written before the field was.
 */
export const LATEST_ONLY = ['version_of IS NULL', 'version_of NOT EXISTS'];

export function buildSearchParams(query: SearchQuery, qText: string): SearchParams {
  // Checked by the facade (query.ts); the defaults serve callers that hold the engine itself.
  const page = query.page ?? 1;
  const hitsPerPage = query.perPage ?? DEFAULT_PER_PAGE;
  const sort = query.sort ?? 'relevance';
  const facets = query.facets ?? [...FACETS];
  const params: SearchParams = {
    q: qText,
    // page + hitsPerPage (not offset/limit) so Meilisearch returns an exact totalHits.
    page,
    hitsPerPage,
    facets: facets.map((f: FacetName) => FACET_ATTRIBUTE[f]),
    attributesToRetrieve: HIT_ATTRIBUTES,
    attributesToHighlight: ['text'],
    attributesToCrop: ['text'],
    cropLength: CROP_LENGTH,
    cropMarker: '…',
    highlightPreTag: MARK_START,
    highlightPostTag: MARK_END,
    matchingStrategy: 'all',
    locales: [...LOCALES],
  };
  const filter = buildFilter(query.filters);
  const versions = query.includeVersions ? undefined : LATEST_ONLY;
  if (filter || versions) params.filter = [...(versions ? [versions] : []), ...(filter ?? [])];
  const s = SORT[sort === 'relevance' && !qText ? 'year_desc' : sort];
  if (s) params.sort = s;
  return params;
}
