/**
 * The key figures of a report: the handful of numbers a reader asks first (requests received,
 * settled, granted, refused; corrections by review and courts). One home for their keys, Chinese
 * labels and how each is made from the canonical figures: search filters and sorts on them, hits
 * show them, the summary card and /stats read them. Keys are part of the URL contract
 * (`fig=received:ge:100`, `sort=fig:refused:desc`), so they never change once published.
 * A sum with an unknown part is unknown (null), never a partial total; null is never 0.
 */
import { sumCells } from './compare/numbers';
import { APPEAL_GROUPS, REQUEST_ROWS, type Cell, type Figures, type RequestRowKey } from './types';

/** The eight （三）不予公开 rows of part 三. */
export const DENIED_ROWS = REQUEST_ROWS.filter((r) => r.startsWith('denied_')) as RequestRowKey[];

export const FIGURE_KEYS = ['received', 'processed', 'granted', 'refused', 'review', 'review_corrected', 'litigation_corrected', 'corrected'] as const;
export type FigureKey = (typeof FIGURE_KEYS)[number];

export interface KeyFigureDef {
  key: FigureKey;
  /** full Chinese name (menus, chips, column headers) */
  label: string;
  /** a word or two, for the compact line under each hit */
  short: string;
  /** how the number is made, in words */
  note: string;
}

export const KEY_FIGURES: readonly KeyFigureDef[] = [
  { key: 'received', label: '新收申请', short: '收', note: '本年新收政府信息公开申请数量（总计列）' },
  { key: 'processed', label: '办结', short: '办结', note: '本年度办理结果（七）总计（总计列）' },
  { key: 'granted', label: '予以公开', short: '公开', note: '办理结果（一）予以公开（总计列），不含部分公开' },
  { key: 'refused', label: '不予公开', short: '不予公开', note: '办理结果（三）不予公开 8 项之和（总计列）；任一项空白则为空' },
  { key: 'review', label: '行政复议', short: '复议', note: '政府信息公开行政复议总计' },
  { key: 'review_corrected', label: '行政复议纠错', short: '复议纠错', note: '行政复议结果纠正的件数' },
  { key: 'litigation_corrected', label: '行政诉讼纠错', short: '诉讼纠错', note: '行政诉讼（未经复议直接起诉与复议后起诉）结果纠正的件数之和' },
  { key: 'corrected', label: '复议/诉讼纠错', short: '纠错', note: '行政复议与行政诉讼中结果纠正的件数之和' },
];

export const FIGURE_DEFS: Readonly<Record<FigureKey, KeyFigureDef>> = Object.fromEntries(KEY_FIGURES.map((d) => [d.key, d])) as Record<FigureKey, KeyFigureDef>;

/** The figures each search hit shows, in order (收 123 · 公开 45 · 不予公开 6 · 纠错 1). */
export const HEADLINE_FIGURES: readonly FigureKey[] = ['received', 'granted', 'refused', 'corrected'];

export type KeyFigureValues = Record<FigureKey, Cell>;

export function isFigureKey(k: unknown): k is FigureKey {
  return typeof k === 'string' && (FIGURE_KEYS as readonly string[]).includes(k);
}

/** Every key figure of a report (null where the report does not state it, or states only part). */
export function keyFigures(f: Figures | null | undefined): KeyFigureValues {
  const req = (row: RequestRowKey): Cell => f?.requests?.[row]?.total ?? null;
  const reviewCorrected = f?.appeals?.review?.corrected ?? null;
  const litigationCorrected = sumCells(APPEAL_GROUPS.filter((g) => g !== 'review').map((g) => f?.appeals?.[g]?.corrected ?? null));
  return {
    received: req('new_received'),
    processed: req('total_processed'),
    granted: req('granted'),
    refused: sumCells(DENIED_ROWS.map(req)),
    review: f?.appeals?.review?.total ?? null,
    review_corrected: reviewCorrected,
    litigation_corrected: litigationCorrected,
    corrected: sumCells([reviewCorrected, litigationCorrected]),
  };
}

/** All key figures unknown (an index written before they were stored). */
export function noKeyFigures(): KeyFigureValues {
  return Object.fromEntries(FIGURE_KEYS.map((k) => [k, null])) as KeyFigureValues;
}

// ---- filters and sorts on key figures (the query contract uses these) -----------------------

export const FIGURE_OPS = ['ge', 'gt', 'le', 'lt', 'eq'] as const;
export type FigureOp = (typeof FIGURE_OPS)[number];

export const FIGURE_OP_SYMBOLS: Record<FigureOp, string> = { ge: '≥', gt: '>', le: '≤', lt: '<', eq: '=' };
export const FIGURE_OP_WORDS: Record<FigureOp, string> = { ge: '不少于', gt: '多于', le: '不多于', lt: '少于', eq: '等于' };

/** A report passes when its figure is known and `value op bound` holds; an unknown figure never passes. */
export interface FigureFilter {
  key: FigureKey;
  op: FigureOp;
  value: number;
}

/** Largest bound accepted: no report counts more than this many of anything. */
export const MAX_FIGURE_VALUE = 1_000_000_000;
/** Most figure conditions in one query. */
export const MAX_FIGURE_FILTERS = 10;

export function isFigureOp(op: unknown): op is FigureOp {
  return typeof op === 'string' && (FIGURE_OPS as readonly string[]).includes(op);
}

export function passesFigure(v: Cell, op: FigureOp, bound: number): boolean {
  if (v === null) return false;
  switch (op) {
    case 'ge':
      return v >= bound;
    case 'gt':
      return v > bound;
    case 'le':
      return v <= bound;
    case 'lt':
      return v < bound;
    case 'eq':
      return v === bound;
  }
}

/** 新收申请 ≥ 100 */
export function figureFilterLabel(f: FigureFilter): string {
  return `${FIGURE_DEFS[f.key].label} ${FIGURE_OP_SYMBOLS[f.op]} ${f.value.toLocaleString('zh-CN')}`;
}

/** Canonical order and no repeats: the same conditions always make the same query (and cache key, and URL). */
export function canonicalFigureFilters(filters: readonly FigureFilter[]): FigureFilter[] {
  const seen = new Map<string, FigureFilter>();
  for (const f of filters) seen.set(figureFilterParam(f), f);
  return [...seen.values()].sort(
    (a, b) => FIGURE_KEYS.indexOf(a.key) - FIGURE_KEYS.indexOf(b.key) || FIGURE_OPS.indexOf(a.op) - FIGURE_OPS.indexOf(b.op) || a.value - b.value,
  );
}

/** URL form of one condition: `received:ge:100`. */
export function figureFilterParam(f: FigureFilter): string {
  return `${f.key}:${f.op}:${f.value}`;
}

export type FigureSortDir = 'desc' | 'asc';
/** Sort order by a key figure: `fig:received:desc` (largest first) or `fig:received:asc`; unknown last either way. */
export type FigureSort = `fig:${FigureKey}:${FigureSortDir}`;

export const FIGURE_SORTS: readonly FigureSort[] = FIGURE_KEYS.flatMap((k) => [`fig:${k}:desc` as const, `fig:${k}:asc` as const]);

export function parseFigureSort(sort: string): { key: FigureKey; dir: FigureSortDir } | null {
  const m = /^fig:([a-z_]+):(desc|asc)$/.exec(sort);
  return m && isFigureKey(m[1]) ? { key: m[1], dir: m[2] as FigureSortDir } : null;
}

/** 新收申请（多→少） */
export function figureSortLabel(key: FigureKey, dir: FigureSortDir): string {
  return `${FIGURE_DEFS[key].label}（${dir === 'desc' ? '多→少' : '少→多'}）`;
}
