/** Aggregates of a search result's figures (the /stats page and its twins). */
import 'server-only';
import { getSearchRecords } from '../agency/queries';
import type { SearchState } from '../search-params';
import { aggregate, type Stats } from './aggregate';

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
  const { total, records, truncated } = await getSearchRecords({ state: { ...state, page: 1 }, limit: STATS_MAX_REPORTS });
  return { total, used: records.length, truncated, stats: aggregate(records) };
}
