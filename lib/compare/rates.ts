/**
 * Rates derived from the canonical figures, each as a percentage (one decimal) or null.
 * Denominators: requests processed (row （七）总计, total column); for appeals, the cases
 * concluded (upheld + corrected + other), since pending cases have no outcome yet.
 */
import { REQUEST_ROWS } from '../types';
import type { FlatFigures } from './figures';
import { share, sumCells } from './numbers';
import type { Cell } from '../types';

export const RATE_KEYS = [
  'rate.granted_share',
  'rate.refused_share',
  'rate.not_held_share',
  'rate.review_correction',
  'rate.litigation_correction',
] as const;
export type RateKey = (typeof RATE_KEYS)[number];
export type Rates = Record<RateKey, number | null>;

export const RATE_LABELS: Record<RateKey, string> = {
  'rate.granted_share': '予以公开及部分公开占比',
  'rate.refused_share': '不予公开占比',
  'rate.not_held_share': '本机关不掌握占比',
  'rate.review_correction': '行政复议纠错率',
  'rate.litigation_correction': '行政诉讼纠错率',
};

export const RATE_NOTES: Record<RateKey, string> = {
  'rate.granted_share': '（予以公开 + 部分公开）÷ 办理总计',
  'rate.refused_share': '不予公开 1–8 项之和 ÷ 办理总计',
  'rate.not_held_share': '本机关不掌握相关政府信息 ÷ 办理总计',
  'rate.review_correction': '行政复议结果纠正 ÷ 已审结（维持 + 纠正 + 其他）',
  'rate.litigation_correction': '行政诉讼结果纠正 ÷ 已审结（直接起诉与复议后起诉合计）',
};

export const DENIED_ROWS = REQUEST_ROWS.filter((r) => r.startsWith('denied_'));

function concluded(f: FlatFigures, group: string): Cell {
  return sumCells(['upheld', 'corrected', 'other'].map((c) => f[`appeals.${group}.${c}`] ?? null));
}

export function deriveRates(f: FlatFigures): Rates {
  const processed = f['requests.total_processed.total'] ?? null;
  const t = (row: string): Cell => f[`requests.${row}.total`] ?? null;
  const litCorrected = sumCells([f['appeals.litigation_direct.corrected'] ?? null, f['appeals.litigation_after_review.corrected'] ?? null]);
  const litConcluded = sumCells([concluded(f, 'litigation_direct'), concluded(f, 'litigation_after_review')]);
  return {
    'rate.granted_share': share(sumCells([t('granted'), t('partially_granted')]), processed),
    'rate.refused_share': share(sumCells(DENIED_ROWS.map(t)), processed),
    'rate.not_held_share': share(t('unavailable_not_held'), processed),
    'rate.review_correction': share(f['appeals.review.corrected'] ?? null, concluded(f, 'review')),
    'rate.litigation_correction': share(litCorrected, litConcluded),
  };
}
