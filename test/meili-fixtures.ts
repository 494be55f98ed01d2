/** Hand-written ReportRecords for the Meilisearch unit tests (no seed text). */
import type { ReportRecord } from '../lib/types';

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
