/** One report, the same agency's other reports, and records streamed for exports. */
import 'server-only';
import { getEngine } from '../search/index';
import type { AgencyReportRef } from '../search/types';
import type { ReportRecord } from '../types';
import { withoutOlderVersions } from '../versions';
import { isKnownAgency } from '../agency/known';
import { engineCall } from './engine-call';

export type { AgencyReportRef };

export async function getReportById({ id }: { id: string }): Promise<ReportRecord | null> {
  return engineCall(() => getEngine().getReport(id));
}

/** Whether a report id is held (no section texts read). */
export async function reportExists({ id }: { id: string }): Promise<boolean> {
  return engineCall(async () => (await getEngine().getReport(id, { sections: false })) !== null);
}

/** The same agency's reports (every year held, older re-publications left out), oldest first. */
export async function getAgencyReports({ agency }: { agency: string }): Promise<AgencyReportRef[]> {
  // Reports of unknown agency are not "the same agency" as each other.
  if (!isKnownAgency(agency)) return [];
  return engineCall(async () => withoutOlderVersions(await getEngine().listAgencyReports(agency)));
}

/**
 * Records for `ids`, one at a time, for streamed exports: only one record is in memory at a time,
 * and an id gone since the search (a re-index) is skipped. Without section texts (`sections: []`)
 * unless asked: exports carry figures and metadata, and the texts are most of a report's bytes.
 */
export async function* streamRecords({ ids, sections = false }: { ids: string[]; sections?: boolean }): AsyncGenerator<ReportRecord> {
  const engine = getEngine();
  for (const id of ids) {
    const r = await engineCall(() => engine.getReport(id, { sections }));
    if (r) yield r;
  }
}
