/**
 * Per-request data for pages: the query layer (lib/queries) wrapped in React's cache(), so
 * generateMetadata and the page share one load of their subject per request, and a subject the
 * proxy already looked up (app/_lib/handoff.ts) is taken from it instead of being loaded again.
 * Route handlers answer once per request and call lib/queries directly.
 */
import 'server-only';
import { cache } from 'react';
import { headers } from 'next/headers';
import { getReportById, loadAgency as queryAgency, loadYearPair as queryYearPair, type AgencyData, type Loaded, type YearPairData } from '@/lib/queries';
import type { ReportRecord } from '@/lib/types';
import type { PageRoute } from '@/lib/urls';
import { HANDOFF_HEADER, takeHandedOver } from './handoff';

async function handed<T>(route: PageRoute): Promise<{ value: T } | undefined> {
  const token = (await headers()).get(HANDOFF_HEADER);
  return token ? takeHandedOver<T>(token, route) : undefined;
}

/** The report at /reports/<id>, or null when none is held. */
export const loadReport = cache(async (id: string): Promise<ReportRecord | null> => {
  const h = await handed<ReportRecord | null>({ page: 'report', id });
  return h ? h.value : getReportById({ id });
});

/** The agency at /agencies/<slug> (slug decoded). */
export const loadAgency = cache(async (slug: string): Promise<Loaded<AgencyData>> => {
  const h = await handed<Loaded<AgencyData>>({ page: 'agency', slug });
  return h ? h.value : queryAgency({ slug });
});

/** The comparison at /agencies/<slug>/compare/<years> (slug decoded, years as written). */
export const loadYearPair = cache(async (slug: string, years: string): Promise<Loaded<YearPairData>> => {
  const h = await handed<Loaded<YearPairData>>({ page: 'agency-compare', slug, years });
  return h ? h.value : queryYearPair({ slug, years });
});
