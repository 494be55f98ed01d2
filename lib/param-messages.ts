/**
 * Validation messages for query-string parameters, in Chinese, naming the parameter (so a URL
 * can be fixed by hand) and listing the allowed values in words. Pages and route handlers all
 * take their wording from here.
 */
import { FACET_LABELS, SORT_LABELS } from './labels';
import type { FacetName, SortOrder } from './search/types';

/** Chinese name of each scalar parameter, shown with the parameter itself: 页码（page）. */
export const PARAM_NAMES: Record<string, string> = {
  q: '检索词',
  sort: '排序方式',
  page: '页码',
  per_page: '每页条数',
  format: '数据格式',
  facet: '筛选项',
  facet_limit: '每个筛选项列出的值数',
  headers: '表头',
};

export function paramName(p: string): string {
  return Object.hasOwn(PARAM_NAMES, p) ? `${PARAM_NAMES[p]}（${p}）` : p;
}

/** "甲、乙或丙" */
export function orList(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join('、')}或${items.at(-1)}`;
}

export function notPositiveInteger(p: string): string {
  return `${paramName(p)}必须是正整数，例如 1、2、3`;
}

export function tooSmall(p: string, min: number): string {
  return `${paramName(p)}不能小于 ${min}，请改为 ${min} 或更大的数`;
}

export function tooLarge(p: string, max: number): string {
  return `${paramName(p)}最大为 ${max}，请改为 ${max} 或更小的数`;
}

export function sortChoices(sorts: readonly SortOrder[]): string {
  return `${paramName('sort')}只能是${orList(sorts.map((s) => `${SORT_LABELS[s]}（${s}）`))}`;
}

const FORMAT_WORDS = { json: 'JSON 数据（json）', csv: 'CSV 表格（csv）' } as const;

export function formatChoices(formats: readonly (keyof typeof FORMAT_WORDS)[] = ['json', 'csv']): string {
  return `${paramName('format')}只能是${orList(formats.map((f) => FORMAT_WORDS[f]))}`;
}

export function facetChoices(facets: readonly FacetName[]): string {
  return `${paramName('facet')}只能是${orList(facets.map((f) => `${FACET_LABELS[f]}（${f}）`))}`;
}

export const FACET_LIMIT_MESSAGE = `${paramName('facet_limit')}必须是 0（列出全部）或正整数`;

export const HEADERS_MESSAGE = `${paramName('headers')}只能是中文表头加字段名两行（默认，不填）或仅字段名（keys）`;
