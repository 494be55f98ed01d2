/**
 * Validation messages for query-string parameters, in Chinese, naming the parameter (so a URL
 * can be fixed by hand) and listing the allowed values in words. Pages and route handlers all
 * take their wording from here.
 */
import { FACET_LABELS, SORT_LABELS } from './labels';
import type { FacetName, SortOrder } from './search/types';
import { FIGURE_OP_SYMBOLS, FIGURE_OPS, KEY_FIGURES, MAX_FIGURE_VALUE } from './key-figures';

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
  fig: '数字筛选',
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

/** 新收申请（received）、办结（processed）… */
export const FIGURE_KEY_WORDS = KEY_FIGURES.map((d) => `${d.label}（${d.key}）`).join('、');
/** ≥（ge）、>（gt）… */
export const FIGURE_OP_WORDS = FIGURE_OPS.map((o) => `${FIGURE_OP_SYMBOLS[o]}（${o}）`).join('、');

export function sortChoices(sorts: readonly SortOrder[]): string {
  return (
    `${paramName('sort')}只能是${orList([...sorts.map((s) => `${SORT_LABELS[s]}（${s}）`), '按数字项排序（fig:数字项:desc 为从多到少，fig:数字项:asc 为从少到多）'])}` +
    `；数字项可以是${FIGURE_KEY_WORDS}`
  );
}

/** A `fig` value that is not key:op:number. */
export function figureFilterMessage(value: string): string {
  return (
    `${paramName('fig')}“${value}”无法识别：格式为 数字项:比较方式:数值，例如 received:ge:100（新收申请 ≥ 100）；` +
    `数字项可以是${FIGURE_KEY_WORDS}；比较方式可以是${FIGURE_OP_WORDS}；数值为 0 到 ${MAX_FIGURE_VALUE} 之间的整数`
  );
}

/** The figure form's fields (fig_key, fig_op, fig_value) do not make a condition. */
export function figureFormMessage(key: string, op: string, value: string): string {
  if (!/^\d{1,10}$/.test(value) || Number(value) > MAX_FIGURE_VALUE) return `数字筛选的数值“${value}”必须是 0 到 ${MAX_FIGURE_VALUE} 之间的整数`;
  if (!KEY_FIGURES.some((d) => d.key === key)) return `数字筛选的数字项“${key}”无法识别，可以是${FIGURE_KEY_WORDS}`;
  return `数字筛选的比较方式“${op}”无法识别，可以是${FIGURE_OP_WORDS}`;
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
