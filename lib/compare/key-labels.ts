/** Chinese labels of flattened figure keys, composed from the shared labels in lib/labels.ts. */
import {
  ACTIVE2019_COLUMN_LABELS,
  ACTIVE2019_ROW_LABELS,
  LEGACY_LABELS,
  OTHER_PROCESSING_LABEL,
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
  if (part === 'active2019') {
    const row = ACTIVE2019_ROW_LABELS[a as keyof typeof ACTIVE2019_ROW_LABELS];
    return row ? `${row} · ${ACTIVE2019_COLUMN_LABELS[b] ?? b}（2019年格式）` : key;
  }
  if (part === 'legacy') return `${LEGACY_LABELS[key.slice('legacy.'.length)] ?? key}（旧格式）`;
  if (key === 'appeals.litigation.total') return '行政诉讼 · 总计（直接起诉 + 复议后起诉）';
  if (part === 'requests' && a === 'other_processing') {
    const col = APPLICANT_COLUMN_LABELS[b as ApplicantColumn];
    return col ? `${OTHER_PROCESSING_LABEL}（2019年格式） · ${col}` : key;
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
export function figurePart(key: string): 'active' | 'requests' | 'appeals' | 'active2019' | 'legacy' | 'rates' {
  const p = key.split('.')[0];
  return p === 'active' || p === 'requests' || p === 'appeals' || p === 'active2019' || p === 'legacy' ? p : 'rates';
}

export const PART_LABELS = {
  active: SECTION_LABELS.active,
  requests: SECTION_LABELS.requests,
  // shorter than the section title (四、政府信息公开行政复议…): a row group's heading
  appeals: '四、行政复议、行政诉讼情况',
  active2019: '二、主动公开政府信息情况（2019年格式）',
  legacy: '旧格式（2019年以前）统计数字',
  rates: '派生比率（%）',
} as const;
