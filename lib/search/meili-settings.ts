/**
 * Meilisearch index settings as code: pure functions returning the exact payloads that
 * `rebuild` applies (PATCH /indexes/{uid}/settings), so they are reviewed and unit-tested
 * like any other code instead of being clicked together in a dashboard.
 */
import type { Settings } from 'meilisearch';

/** Fields of a section document (lib/search/meili-map.ts builds them). */
export const SECTION_FIELDS = [
  'id',
  'report_id',
  'section_key',
  'title',
  'text',
  'text_seg',
  'theme_labels',
  'agency',
  'year',
  'province',
  'city',
  'county',
  'level',
  'kind',
  'themes',
  'checks',
  'checks_failed',
  'version_of',
  'synthetic',
] as const;

/** Searched, never returned: the jieba field (the original text re-spaced) and theme labels. */
export const HIDDEN_FIELDS = ['text_seg', 'theme_labels'] as const;

/**
 * Order matters: the attributeRank ranking rule prefers matches in earlier fields. Theme labels
 * come first (held by the problems-section document only), so a report whose own part 五 names
 * the queried theme outranks a passing mention, as in the SQLite engine, and the hit's section
 * is the problems section.
 */
export const SEARCHABLE = ['theme_labels', 'agency', 'title', 'text', 'text_seg'] as const;

export const FILTERABLE = [
  'agency',
  'year',
  'province',
  'city',
  'county',
  'level',
  'kind',
  'themes',
  'checks',
  'report_id',
  'version_of',
  // generated demo reports: counted on the records index (corpusCounts)
  'synthetic',
] as const;
export type FilterableAttribute = (typeof FILTERABLE)[number];

/**
 * Tens of thousands of agencies publish a report each year. A facet is counted over the whole
 * result set, so the agency facet must be able to list every agency (default is 100), and
 * exact totals need maxTotalHits above the number of section documents a query can match
 * (agencies x years x up to 7 sections; beyond it totals are capped, never wrong by excess).
 */
export const MAX_VALUES_PER_FACET = 100_000;
export const MAX_TOTAL_HITS = 1_000_000;

/** Mandarin (ISO 639-3), so Meilisearch's tokenizer never guesses Japanese for kanji-only text. */
export const LOCALES = ['cmn'];

export function sectionIndexSettings(dictionary: readonly string[]): Settings {
  return {
    searchableAttributes: [...SEARCHABLE],
    displayedAttributes: SECTION_FIELDS.filter((f) => !(HIDDEN_FIELDS as readonly string[]).includes(f)),
    filterableAttributes: [...FILTERABLE],
    // agency breaks ties between years, in the same order as the SQLite engine.
    sortableAttributes: ['year', 'agency'],
    // Section-level documents; one hit per report. Facet counts are computed after distinct,
    // so they count reports, like the SQLite engine.
    distinctAttribute: 'report_id',
    localizedAttributes: [{ attributePatterns: [...SEARCHABLE], locales: [...LOCALES] }],
    // The same domain terms the jieba user dictionary keeps whole (政府信息公开, 依申请公开 …),
    // so Meilisearch's own segmentation agrees with ours.
    dictionary: [...new Set(dictionary.map((t) => t.trim()).filter(Boolean))].sort(),
    // Typo tolerance is off: on CJK a "typo" in a 5+ character word swaps a whole morpheme
    // (政府信息公开 ~ 政府信息公布), and on figures it matches the wrong number. Researchers
    // search exact terms; recall comes from jieba's search-mode segmentation instead.
    typoTolerance: { enabled: false },
    faceting: { maxValuesPerFacet: MAX_VALUES_PER_FACET, sortFacetValuesBy: { '*': 'count' } },
    pagination: { maxTotalHits: MAX_TOTAL_HITS },
    // Lets the agency filter offer type-ahead over tens of thousands of names (facet-search).
    facetSearch: true,
  };
}

/** The companion `<index>_records` index: one document per report holding the full record. */
export function recordIndexSettings(): Settings {
  return {
    // Nothing here is meant for full-text search; report_id keeps the index valid and cheap.
    searchableAttributes: ['report_id'],
    filterableAttributes: ['report_id', 'agency', 'synthetic'],
    sortableAttributes: ['year'],
    typoTolerance: { enabled: false },
    pagination: { maxTotalHits: MAX_TOTAL_HITS },
    facetSearch: false,
  };
}
