/**
 * From the app's SearchQuery to a Meilisearch search request.
 *
 * Meilisearch reads at most 10 query parts and silently ignores the rest (milli words_limit);
 * it counts parts after its own tokenization (charabia, which cuts an unknown 3+ character
 * Chinese word into shorter pieces), and a quoted phrase is one part. Unquoted, a jieba term
 * could become several parts, and its single-character pieces need not even be adjacent
 * (时效性差 matched 时效性 plus any word starting with 差 anywhere). So:
 *   1. the query is cut with jieba (the same segmenter as the indexed `text_seg` field); empties,
 *      duplicates, quotes and a leading `-` go; a term is split at any non-word character, so no
 *      separator sits inside a phrase;
 *   2. a term contained in another kept term goes: the document holds the longer word, so it
 *      holds the shorter as well;
 *   3. every kept term is sent as a quoted phrase: one part each, its pieces adjacent, matched
 *      exactly (no prefix: jieba's search mode indexes the shorter words inside longer ones);
 *   4. more than 10 terms is refused (SearchInputError) rather than answered without some terms:
 *      a result that silently ignores part of the query would be wrong, not just less precise.
 * Every kept term must match (matchingStrategy "all"), like the SQLite engine's AND.
 */
import type { SearchParams } from 'meilisearch';
import { FACETS, SearchInputError, type FacetName, type SearchQuery, type SortOrder } from './types';
import { DEFAULT_PER_PAGE } from './query';
import { buildFilter, FACET_ATTRIBUTE, figureConditions } from './meili-filter';
import { figureAttribute, LOCALES } from './meili-settings';
import { parseFigureSort } from '../key-figures';
import { MARK_END, MARK_START } from './highlight';

export const MAX_QUERY_TERMS = 10;
/** Snippet length in words (a CJK word is 1–4 characters). */
export const CROP_LENGTH = 30;

/**
 * Fields a hit needs. `text` is not among them: it comes back cropped in `_formatted` (a whole
 * section, or a whole report, per hit would be most of the response).
 */
export const HIT_ATTRIBUTES = [
  'report_id',
  'section_key',
  'title',
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
  'fig',
];

export function selectTerms(terms: readonly string[], max = MAX_QUERY_TERMS): string[] {
  const cleaned: string[] = [];
  for (const raw of terms) {
    for (const piece of raw.split(/[^\p{L}\p{N}\p{M}]+/u)) {
      const t = piece.trim();
      if (t && !cleaned.includes(t)) cleaned.push(t);
    }
  }
  const kept = cleaned.filter((t) => !cleaned.some((o) => o !== t && o.includes(t)));
  if (kept.length > max) {
    throw new SearchInputError(`检索词过多：共 ${kept.length} 个不同的词，最多可同时检索 ${max} 个（${kept.join(" ")}）`);
  }
  return kept;
}

/**
 * The `q` sent to Meilisearch: the selected terms as quoted phrases. '' lists everything; null
 * means the query has no word at all (only punctuation), which matches nothing.
 */
export function meiliQueryText(q: string, segment: (q: string) => string[]): string | null {
  const terms = meiliTerms(q, segment);
  return terms === null ? null : quotedTerms(terms);
}

/** Terms as quoted phrases, the form every search request sends them in. */
export function quotedTerms(terms: readonly string[]): string {
  return terms.map((t) => `"${t}"`).join(' ');
}

/** The selected terms; [] lists everything, null matches nothing (see meiliQueryText). */
export function meiliTerms(q: string, segment: (q: string) => string[]): string[] | null {
  if (!q.trim()) return [];
  const terms = selectTerms(segment(q));
  return terms.length ? terms : null;
}

/**
 * Year sorts break ties by agency name (Meilisearch puts documents without a year last).
 * Relevance with no query has nothing to rank by, so it lists newest first, like SQLite.
 */
const SORT: Record<'relevance' | 'year_desc' | 'year_asc', string[] | undefined> = {
  relevance: undefined,
  year_desc: ['year:desc', 'keys.agency:asc'],
  year_asc: ['year:asc', 'keys.agency:asc'],
};

/**
 * A key-figure order: the figure, then newest year and agency name, as in the SQLite engine.
 * Meilisearch puts documents whose sort field is null after all numbers in either direction, so
 * unknown figures come last.
 */
export function sortParam(sort: SortOrder, hasText: boolean): string[] | undefined {
  const fig = parseFigureSort(sort);
  if (fig) return [`${figureAttribute(fig.key)}:${fig.dir}`, ...SORT.year_desc!];
  return SORT[sort === 'relevance' && !hasText ? 'year_desc' : (sort as keyof typeof SORT)];
}

/** Every AND-ed filter item of a query: latest versions only unless asked, the facet filters, the figure conditions. */
export function filterItems(query: Pick<SearchQuery, 'filters' | 'figureFilters' | 'includeVersions'>): (string | string[])[] | undefined {
  const items = [...(query.includeVersions ? [] : [LATEST_ONLY]), ...(buildFilter(query.filters) ?? []), ...figureConditions(query.figureFilters)];
  return items.length ? items : undefined;
}

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
  const filter = filterItems(query);
  if (filter) params.filter = filter;
  const s = sortParam(sort, !!qText);
  if (s) params.sort = s;
  return params;
}
