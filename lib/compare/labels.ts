/** Chinese labels of flattened figure keys, composed from the shared labels in lib/labels.ts. */
import {
  APPEAL_COLUMN_LABELS,
  APPEAL_GROUP_LABELS,
  APPLICANT_COLUMN_LABELS,
  DECISION_LABELS,
  DOCUMENT_KIND_LABELS,
  FEES_LABEL,
  ISSUED_LABELS,
  REQUEST_ROW_LABELS,
  SECTION_LABELS,
} from '../labels';
import type { AppealColumn, AppealGroup, ApplicantColumn, RequestRowKey } from '../types';
import { RATE_LABELS, type RateKey } from './rates';

/** Short, self-contained label of one flattened key, e.g. "不予公开 · 属于国家秘密 · 总计". */
export function figureLabel(key: string): string {
  // Own keys only: `'toString' in RATE_LABELS` is true.
  if (Object.hasOwn(RATE_LABELS, key)) return RATE_LABELS[key as RateKey];
  const [part, a, b] = key.split('.');
  if (part === 'active') {
    if (a === 'rules' || a === 'normative_documents')
      return `${DOCUMENT_KIND_LABELS[a]} · ${ISSUED_LABELS[b as keyof typeof ISSUED_LABELS] ?? b}`;
    if (a === 'fees_wan_yuan') return `${FEES_LABEL}（万元）`;
    return DECISION_LABELS[a as keyof typeof DECISION_LABELS] ?? key;
  }
  if (part === 'requests') {
    const row = REQUEST_ROW_LABELS[a as RequestRowKey];
    const col = APPLICANT_COLUMN_LABELS[b as ApplicantColumn];
    if (!row || !col) return key;
    const group = row.group && !row.group.startsWith('三、') ? `${row.group}` : '';
    // Keep labels short: drop the long parenthetical explanation of 部分公开.
    const rowLabel = row.label.replace(/（区分处理的.*）$/, '');
    return `${group}${rowLabel} · ${col}`;
  }
  if (part === 'appeals') {
    const g = APPEAL_GROUP_LABELS[a as AppealGroup];
    const c = APPEAL_COLUMN_LABELS[b as AppealColumn];
    return g && c ? `${g} · ${c}` : key;
  }
  return key;
}

/** The part a key belongs to, for grouping rows on the page. */
export function figurePart(key: string): 'active' | 'requests' | 'appeals' | 'rates' {
  const p = key.split('.')[0];
  return p === 'active' || p === 'requests' || p === 'appeals' ? p : 'rates';
}

export const PART_LABELS = {
  active: SECTION_LABELS.active,
  requests: SECTION_LABELS.requests,
  // shorter than the section title (四、政府信息公开行政复议…): a row group's heading
  appeals: '四、行政复议、行政诉讼情况',
  rates: '派生比率（%）',
} as const;
