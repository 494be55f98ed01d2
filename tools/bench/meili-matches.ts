/**
 * Meilisearch's whole match set for a bench query in one request: the adapter's own search
 * parameters (buildSearchParams, its term selection and filters), asking only for report ids
 * with a page as large as the corpus. Paging through every result 100 at a time costs each page
 * a ranking of the whole match set (27,000 pages at 100,000 reports: hours); the match set is the
 * same, and paging itself is pinned by the contract suite (test/engine-contract.ts).
 */
import { Meilisearch } from 'meilisearch';
import { buildSearchParams, meiliQueryText } from '../../lib/search/meili-query';
import { segmentQuery } from '../../lib/segment/index';
import type { MatchSet } from './recall';


export function meiliMatchSet(host: string, apiKey: string | undefined, indexUid: string, maxHits: number): MatchSet {
  const client = new Meilisearch({ host, apiKey });
  return async (q) => {
    const qText = meiliQueryText(q.q, segmentQuery);
    if (qText === null) return { ids: [], total: 0, requests: 0 };
    const params = buildSearchParams({ q: q.q, filters: q.filters, sort: q.sort, page: 1, perPage: 1, facets: [] }, qText);
    const res = await client.index(indexUid).search(qText, {
      ...params,
      hitsPerPage: maxHits,
      attributesToRetrieve: ['report_id'],
      attributesToHighlight: [],
      attributesToCrop: [],
    });
    return { ids: res.hits.map((h) => String((h as { report_id: unknown }).report_id)), total: res.totalHits ?? 0, requests: 1 };
  };
}
