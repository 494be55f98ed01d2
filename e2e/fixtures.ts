/** Values the e2e setup writes into the corpus and the specs look for. */

/** The provenance sidecar of the first generated report (e2e/global-setup.ts writes it). */
export const PROVENANCE_FIXTURE = { sourceUrl: 'https://www.example.gov.cn/zwgk/ndbg/report-2023.html', capturedAt: '2025-03-01T08:00:00Z' };
