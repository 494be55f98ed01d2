/**
 * The key figures of one report, for the summary card at the top of its page (and its share
 * image): what a reader asks first — how many requests came in, how many were settled, granted,
 * refused, and how often a review or a court corrected the agency. Pure functions of the
 * canonical figures; a sum with an unknown part is unknown (null), never a partial total.
 */
import { DENIED_ROWS } from './compare/rates';
import { keyFigures } from './key-figures';
import type { Cell, Figures, RequestRowKey } from './types';

/** The eight （三）不予公开 rows of part 三 (the same rows the refusal rate counts). */
export { DENIED_ROWS };

export type SummaryKey = 'received' | 'processed' | 'granted' | 'denied' | 'corrected';

export interface SummaryFigure {
  key: SummaryKey;
  label: string;
  value: Cell;
  /** how the value is made, in words (shown as a note) */
  note: string;
  /** id of the table row the value comes from, for an in-page link */
  anchor: string;
  /** the parts of a sum, for the note under it */
  parts?: { label: string; value: Cell }[];
}

/** id of a part-三 table row, so a summary figure can link to it. */
export function requestRowAnchor(row: RequestRowKey | 'other_processing'): string {
  return `row-requests-${row}`;
}

export const APPEALS_ANCHOR = 'row-appeals';

export function reportSummary(f: Figures): SummaryFigure[] {
  // The numbers come from lib/key-figures.ts, the one place each key figure is made.
  const k = keyFigures(f);
  return [
    { key: 'received', label: '收到申请', value: k.received, note: '本年新收政府信息公开申请', anchor: requestRowAnchor('new_received') },
    { key: 'processed', label: '办结', value: k.processed, note: '本年度办理结果（七）总计', anchor: requestRowAnchor('total_processed') },
    { key: 'granted', label: '予以公开', value: k.granted, note: '办理结果（一）予以公开，不含部分公开', anchor: requestRowAnchor('granted') },
    {
      key: 'denied',
      label: '不予公开',
      value: k.refused,
      note: '办理结果（三）不予公开 8 项之和',
      anchor: requestRowAnchor(DENIED_ROWS[0]!),
    },
    {
      key: 'corrected',
      label: '复议/诉讼纠错',
      value: k.corrected,
      note: '行政复议与行政诉讼中结果纠正的件数之和',
      anchor: APPEALS_ANCHOR,
      parts: [
        { label: '行政复议', value: k.review_corrected },
        { label: '行政诉讼', value: k.litigation_corrected },
      ],
    },
  ];
}

/** Whether the report has any table the summary reads. */
export function hasSummary(f: Figures): boolean {
  return f.requests !== null || f.appeals !== null;
}
