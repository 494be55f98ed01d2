/** Aggregates of a search result's figures (the /stats page and its twins). */
import 'server-only';
import { getSearchIds } from './search';
import { streamRecords } from './report';
import type { ReportRecord } from '../types';
import type { SearchState } from '../search-params';
import { aggregate, type Stats } from '../stats/aggregate';

/** At most this many reports are aggregated per request; beyond, the page says so. */
export const STATS_MAX_REPORTS = 5000;

export interface SearchStats {
  /** reports matching the search */
  total: number;
  /** reports aggregated (total, unless capped) */
  used: number;
  truncated: boolean;
  stats: Stats;
}

export async function getSearchStats({ state }: { state: SearchState }): Promise<SearchStats> {
  const { total, ids, truncated } = await getSearchIds({ state: { ...state, page: 1 }, limit: STATS_MAX_REPORTS });
  // figures only: section texts are most of a record's bytes and no aggregate reads them
  const records: ReportRecord[] = [];
  for await (const r of streamRecords({ ids })) records.push(r);
  return { total, used: records.length, truncated, stats: aggregate(records) };
}
