/** Hand-written ReportRecords for the Meilisearch unit tests (no seed text). */
import { APPEAL_COLUMNS, APPEAL_GROUPS, APPLICANT_COLUMNS, REQUEST_ROWS, type AppealFigures, type Figures, type ReportRecord, type RequestFigures } from '../lib/types';

/**
 * Tables with every cell 0 except the total column of 新收申请 (received), the first 不予公开 row
 * (refused: null makes the refusal sum unknown) and 行政复议 结果纠正; appeals null when not given.
 */
export function tables(f: { received: number; refused: number | null; reviewCorrected?: number }): Figures {
  const requests = Object.fromEntries(REQUEST_ROWS.map((r) => [r, Object.fromEntries(APPLICANT_COLUMNS.map((c) => [c, 0]))])) as RequestFigures;
  requests.new_received.total = f.received;
  requests.denied_state_secret.total = f.refused;
  const appeals =
    f.reviewCorrected === undefined
      ? null
      : (Object.fromEntries(APPEAL_GROUPS.map((g) => [g, Object.fromEntries(APPEAL_COLUMNS.map((c) => [c, 0]))])) as AppealFigures);
  if (appeals) appeals.review.corrected = f.reviewCorrected!;
  return { active: null, requests, appeals };
}

export function makeRecord(over: Partial<ReportRecord> & { id: string }): ReportRecord {
  return {
    file: `${over.id}.txt`,
    agency: '测试市人民政府办公室',
    year: 2023,
    region: { province: '测试省', city: '测试市', county: null },
    level: 'city',
    kind: 'office',
    sections: [
      { key: 'overview', title: '一、总体情况', text: '本机关坚持以政务公开促进依法行政，主动公开政府信息一千余条。' },
      { key: 'problems', title: '五、存在的主要问题及改进情况', text: '部分信息发布不够及时，时效性有待提高。' },
    ],
    figures: { active: null, requests: null, appeals: null },
    checks: [
      { id: 'requests.balance', ok: true, detail: '' },
      { id: 'appeals.totals', ok: true, detail: '' },
    ],
    themes: [{ id: 'timeliness', label: '时效性', evidence: ['部分信息发布不够及时，时效性有待提高。'] }],
    warnings: [],
    ...over,
  };
}
