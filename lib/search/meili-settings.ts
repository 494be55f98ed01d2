/**
 * Meilisearch index settings as code: pure functions returning the exact payloads that
 * `rebuild` applies (PATCH /indexes/{uid}/settings), so they are reviewed and unit-tested
 * like any other code instead of being clicked together in a dashboard.
 */
import type { Settings } from 'meilisearch';
import { FIGURE_KEYS, type FigureKey } from '../key-figures';

/** Document attribute of a key figure (lib/key-figures.ts): a number, or null when unknown. */
export const figureAttribute = (key: FigureKey) => `fig.${key}` as const;
const FIGURE_ATTRIBUTES = FIGURE_KEYS.map(figureAttribute);

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
  'keys',
  'fig',
] as const;

/**
 * Searched, never returned: the jieba field (the original text re-spaced) and theme labels; the
 * encoded filter keys (meili-facet-key.ts) are for filters, facets and sorting only.
 */
export const HIDDEN_FIELDS = ['text_seg', 'theme_labels', 'keys'] as const;

/**
 * Order matters: the attributeRank ranking rule prefers matches in earlier fields. Theme labels
 * come first (held by the problems-section document only), so a report whose own part 五 names
 * the queried theme outranks a passing mention, as in the SQLite engine, and the hit's section
 * is the problems section.
 */
export const SEARCHABLE = ['theme_labels', 'agency', 'title', 'text', 'text_seg'] as const;

/**
 * String facets are filtered and counted on their encoded copies under `keys.` (Meilisearch would
 * otherwise merge values that differ only in bracket width, case or script variant); years and
 * the ASCII enums are stored as they are.
 */
export const FILTERABLE = [
  'keys.agency',
  'year',
  'keys.province',
  'keys.city',
  'keys.county',
  'level',
  'kind',
  'keys.themes',
  'checks',
  'keys.report',
  // the canonical id on an older version (ids are hex: nothing for the normalizer to merge)
  'version_of',
  // generated demo reports: counted on the records index (corpusCounts)
  'synthetic',
  // key figures, compared with numbers (meili-filter.ts figureConditions)
  ...FIGURE_ATTRIBUTES,
] as const;
export type FilterableAttribute = (typeof FILTERABLE)[number];

/**
 * Values per facet Meilisearch returns, the most frequent first. Every facet but agency has far
 * fewer values (years, provinces, ~340 cities, themes); the agency facet (tens of thousands of
 * values) is cut here rather than shipped whole with every search: the site shows at most 300
 * values of a facet (facet-rank.ts RANK_MEMO). When a facet reaches this cap its value count
 * (facetValueCounts) is a lower bound.
 */
export const MAX_VALUES_PER_FACET = 1000;
/**
 * Exact totals need maxTotalHits above the number of documents a query can match (agencies x
 * years x sections; beyond it totals are capped, never wrong by excess).
 */
export const MAX_TOTAL_HITS = 1_000_000;

/**
 * `sort` first: with a year order the hits are ordered by year, relevance only breaking ties
 * (Meilisearch's default puts sort after words, typo, proximity and attributeRank, which made a
 * year order with a query a mere tie-breaker). With relevance order no sort is sent and the rule
 * is a no-op. Typo is off, so its rule is left out.
 */
export const RANKING_RULES = ['sort', 'words', 'proximity', 'attributeRank', 'wordPosition', 'exactness'];

/** Mandarin (ISO 639-3), so Meilisearch's tokenizer never guesses Japanese for kanji-only text. */
export const LOCALES = ['cmn'];

export function sectionIndexSettings(dictionary: readonly string[]): Settings {
  return {
    searchableAttributes: [...SEARCHABLE],
    displayedAttributes: SECTION_FIELDS.filter((f) => !(HIDDEN_FIELDS as readonly string[]).includes(f)),
    filterableAttributes: [...FILTERABLE],
    // agency breaks ties between years, in code-point order as in the SQLite engine (the encoded
    // key sorts as the code points do).
    sortableAttributes: ['year', 'keys.agency', ...FIGURE_ATTRIBUTES],
    rankingRules: [...RANKING_RULES],
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
    // No caller uses facet search, and over encoded keys it would be meaningless.
    facetSearch: false,
  };
}

/** The companion `<index>_records` index: one document per report holding the full record. */
export function recordIndexSettings(): Settings {
  return {
    // Nothing here is meant for full-text search; report_id keeps the index valid and cheap.
    searchableAttributes: ['report_id'],
    // upserted_at: a rebuild carries over upserts made while it ran (MeilisearchEngine.rebuild).
    filterableAttributes: ['keys.report', 'keys.agency', 'upserted_at', 'synthetic'],
    sortableAttributes: ['year'],
    typoTolerance: { enabled: false },
    pagination: { maxTotalHits: MAX_TOTAL_HITS },
    facetSearch: false,
  };
}
