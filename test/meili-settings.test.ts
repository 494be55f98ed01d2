import { describe, expect, it } from 'vitest';
import { recordIndexSettings, sectionIndexSettings } from '../lib/search/meili-settings';
import { userTerms } from '../lib/segment/index';

/** the key figures, filterable and sortable as numbers */
const FIGS = ['fig.received', 'fig.processed', 'fig.granted', 'fig.refused', 'fig.review', 'fig.review_corrected', 'fig.litigation_corrected', 'fig.corrected'];

describe('Meilisearch settings as code', () => {
  it('section index: the whole payload', () => {
    expect(sectionIndexSettings(['依申请公开', ' 政府信息公开 ', '依申请公开', ''])).toEqual({
      searchableAttributes: ['theme_labels', 'agency', 'title', 'text', 'text_seg'],
      displayedAttributes: [
        'id',
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
        'checks',
        'checks_failed',
        'version_of',
        'synthetic',
        'fig',
      ],
      filterableAttributes: ['keys.agency', 'year', 'keys.province', 'keys.city', 'keys.county', 'level', 'kind', 'keys.themes', 'checks', 'keys.report', 'version_of', 'synthetic', ...FIGS],
      sortableAttributes: ['year', 'keys.agency', ...FIGS],
      rankingRules: ['sort', 'words', 'proximity', 'attributeRank', 'wordPosition', 'exactness'],
      distinctAttribute: 'report_id',
      localizedAttributes: [{ attributePatterns: ['theme_labels', 'agency', 'title', 'text', 'text_seg'], locales: ['cmn'] }],
      dictionary: ['依申请公开', '政府信息公开'],
      typoTolerance: { enabled: false },
      faceting: { maxValuesPerFacet: 1000, sortFacetValuesBy: { '*': 'count' } },
      pagination: { maxTotalHits: 1_000_000 },
      facetSearch: false,
    });
  });

  it('the hidden jieba and theme-label fields are searchable but never displayed', () => {
    const s = sectionIndexSettings([]);
    for (const f of ['text_seg', 'theme_labels', 'keys']) {
      if (f === 'keys') {
        expect(s.displayedAttributes).not.toContain(f);
        continue;
      }
      expect(s.searchableAttributes).toContain(f);
      expect(s.displayedAttributes).not.toContain(f);
    }
  });

  it('dictionary shares the jieba user dictionary terms', () => {
    const terms = userTerms();
    expect(terms.length).toBeGreaterThan(10);
    expect(terms).toContain('政府信息公开');
    const dict = sectionIndexSettings(terms).dictionary!;
    expect(new Set(dict)).toEqual(new Set(terms));
    // comments and frequency/POS columns of userdict.txt never leak into the setting
    expect(dict.some((t) => t.startsWith('#') || /\s/.test(t))).toBe(false);
  });

  it('records index: the whole payload', () => {
    expect(recordIndexSettings()).toEqual({
      searchableAttributes: ['report_id'],
      filterableAttributes: ['keys.report', 'keys.agency', 'upserted_at', 'synthetic'],
      sortableAttributes: ['year'],
      typoTolerance: { enabled: false },
      pagination: { maxTotalHits: 1_000_000 },
      facetSearch: false,
    });
  });
});
