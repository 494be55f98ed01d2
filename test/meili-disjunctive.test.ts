import { describe, expect, it } from 'vitest';
import { disjunctiveSearches, mergeDistributions } from '../lib/search/meili-disjunctive';
import { encodeFacetKey } from '../lib/search/meili-facet-key';
import { buildSearchParams } from '../lib/search/meili-query';

describe('Meilisearch disjunctive facet counts', () => {
  const query = { q: '时效', filters: { year: ['2023', '2024'], theme: ['时效性'] }, facets: ['year', 'theme', 'kind'] as ('year' | 'theme' | 'kind')[] };
  const main = buildSearchParams(query, '时效');

  it('one count-only search per filtered facet, with the other facets’ filters kept and its own left out', () => {
    const s = disjunctiveSearches(query, main);
    expect(s.map((x) => x.facet)).toEqual(['year', 'theme']);
    expect(s[0].params).toMatchObject({ q: '时效', hitsPerPage: 0, facets: ['year'] });
    expect(s[0].params.filter).toEqual([['version_of IS NULL', 'version_of NOT EXISTS'], [`keys.themes = "${encodeFacetKey('时效性')}"`]]);
    expect(s[1].params.filter).toEqual([['version_of IS NULL', 'version_of NOT EXISTS'], ['year = "2023"', 'year = "2024"']]);
    // No filter at all, older versions included: no filter sent.
    const only = disjunctiveSearches({ q: '', filters: { year: ['2023'] }, facets: ['year'], includeVersions: true }, main);
    expect(only[0].params.filter).toBeUndefined();
    expect(disjunctiveSearches({ q: '', facets: ['year'] }, main)).toEqual([]);
    // A filtered facet that is not requested costs no search.
    expect(disjunctiveSearches({ q: '', filters: { year: ['2023'] }, facets: ['kind'] }, main)).toEqual([]);
  });

  it('takes each filtered facet’s counts from its own search, the rest from the main one', () => {
    const s = disjunctiveSearches(query, main);
    const merged = mergeDistributions(
      // string facets are counted on their encoded copies (keys.*)
      { year: { '2023': 1 }, 'keys.themes': { [encodeFacetKey('时效性')]: 1 }, kind: { office: 1 } },
      s,
      [{ facetDistribution: { year: { '2022': 3, '2023': 1 } } }, { facetDistribution: {} }],
    );
    expect(merged).toEqual({ year: { '2022': 3, '2023': 1 }, 'keys.themes': {}, kind: { office: 1 } });
  });
});
