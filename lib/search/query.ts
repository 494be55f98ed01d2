/**
 * The one query contract: the limits of a SearchQuery, its defaults and its validation. The
 * facade (lib/search/index.ts) normalizes every query here once, so each engine receives a
 * complete, valid query and keeps only what is its own (the SQLite term count, Meilisearch's
 * term selection). The URL layer (lib/search-params.ts) reads the same limits, so a bad URL is a
 * clear 400 before it reaches an engine.
 */
import type { AgencyKind, Level, ReportRecord } from '../types';
import { FACETS, SearchInputError, type FacetName, type Filters, type SearchQuery, type SortOrder } from './types';
import {
  canonicalFigureFilters,
  FIGURE_DEFS,
  FIGURE_OP_SYMBOLS,
  FIGURE_OPS,
  FIGURE_SORTS,
  isFigureKey,
  isFigureOp,
  KEY_FIGURES,
  MAX_FIGURE_FILTERS,
  MAX_FIGURE_VALUE,
  type FigureFilter,
} from '../key-figures';

/** Longest query accepted, in characters (a query longer than any useful phrase is a mistake or abuse). */
export const MAX_QUERY_CHARS = 200;
export const DEFAULT_PER_PAGE = 20;
export const MAX_PER_PAGE = 100;
export const SORTS = ['relevance', 'year_desc', 'year_asc'] as const satisfies readonly SortOrder[];
/** Every sort order accepted: the base orders, then each key figure largest and smallest first. */
export const ALL_SORTS: readonly SortOrder[] = [...SORTS, ...FIGURE_SORTS];

/** A query with every field present and checked: what engines receive from the facade. */
export type NormalQuery = Required<Omit<SearchQuery, 'filters'>> & { filters: Filters };

const FIGURE_NAMES = KEY_FIGURES.map((d) => `${d.label}（${d.key}）`).join('、');
const OP_NAMES = FIGURE_OPS.map((o) => `${FIGURE_OP_SYMBOLS[o]}（${o}）`).join('、');

/**
 * Figure conditions checked (Chinese messages naming the allowed keys and operators), repeats
 * dropped, in canonical order.
 */
export function normalizeFigureFilters(input: unknown): FigureFilter[] {
  if (input === undefined) return [];
  if (!Array.isArray(input)) throw new SearchInputError('数字筛选必须是列表');
  if (input.length > MAX_FIGURE_FILTERS) throw new SearchInputError(`数字筛选最多 ${MAX_FIGURE_FILTERS} 个条件`);
  for (const f of input as Partial<FigureFilter>[]) {
    if (!f || typeof f !== 'object') throw new SearchInputError('数字筛选的每个条件必须包含数字项、比较方式和数值');
    if (!isFigureKey(f.key)) throw new SearchInputError(`未知的数字项：${JSON.stringify(f.key)}；可选：${FIGURE_NAMES}`);
    if (!isFigureOp(f.op)) throw new SearchInputError(`${FIGURE_DEFS[f.key].label}的比较方式只能是${OP_NAMES}`);
    if (!isInt(f.value) || f.value < 0 || f.value > MAX_FIGURE_VALUE) {
      throw new SearchInputError(`${FIGURE_DEFS[f.key].label}的数值必须是 0 到 ${MAX_FIGURE_VALUE} 之间的整数`);
    }
  }
  return canonicalFigureFilters(input as FigureFilter[]);
}

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
const isFacet = (f: unknown): f is FacetName => typeof f === 'string' && (FACETS as readonly string[]).includes(f);

/**
 * Defaults filled in and every field checked; a bad field is a SearchInputError (Chinese, shown
 * as 检索条件有误：…), never silently corrected. Filters lose empty lists and repeated values.
 */
export function normalizeQuery(query: SearchQuery): NormalQuery {
  const q = query.q ?? '';
  if (typeof q !== 'string') throw new SearchInputError('检索词必须是文本');
  if (q.length > MAX_QUERY_CHARS) throw new SearchInputError(`检索词过长（最多 ${MAX_QUERY_CHARS} 字）`);

  const page = query.page ?? 1;
  if (!isInt(page) || page < 1) throw new SearchInputError('page 必须是正整数');
  const perPage = query.perPage ?? DEFAULT_PER_PAGE;
  if (!isInt(perPage) || perPage < 1 || perPage > MAX_PER_PAGE) throw new SearchInputError(`perPage 必须是 1 到 ${MAX_PER_PAGE} 之间的整数`);

  const sort = query.sort ?? 'relevance';
  if (!(ALL_SORTS as readonly string[]).includes(sort)) {
    throw new SearchInputError(`排序方式只能是相关度（relevance）、年度（year_desc / year_asc）或按数字项排序（fig:数字项:desc / asc，数字项：${FIGURE_NAMES}）`);
  }

  const facetLimit = query.facetLimit ?? 0;
  if (!isInt(facetLimit) || facetLimit < 0) throw new SearchInputError('facetLimit 必须是非负整数（0 表示全部取值）');

  const facets = query.facets ?? [...FACETS];
  if (!Array.isArray(facets)) throw new SearchInputError('facets 必须是列表');
  for (const f of facets) if (!isFacet(f)) throw new SearchInputError(`未知的分面：${JSON.stringify(f)}`);

  const filters: Filters = {};
  for (const [f, values] of Object.entries(query.filters ?? {})) {
    if (!isFacet(f)) throw new SearchInputError(`未知的筛选项：${JSON.stringify(f)}`);
    if (values === undefined) continue;
    if (!Array.isArray(values) || values.some((v) => typeof v !== 'string')) throw new SearchInputError(`筛选项 ${f} 必须是文本列表`);
    if (values.length) filters[f] = [...new Set(values)];
  }

  const figureFilters = normalizeFigureFilters(query.figureFilters);

  return { q, filters, figureFilters, facets: [...new Set(facets)], facetLimit, sort, includeVersions: query.includeVersions === true, page, perPage };
}

/** What a report is filtered and counted by, in every engine: derived from the record here only. */
export interface FacetFields {
  agency: string;
  year: number | null;
  province: string | null;
  city: string | null;
  county: string | null;
  level: Level | null;
  kind: AgencyKind;
  /** theme labels, each once */
  themes: string[];
  checks: 'ok' | 'failed';
  checks_failed: number;
  /** the canonical report's id on an older version, else null */
  version_of: string | null;
  synthetic: boolean;
}

export function facetFields(record: ReportRecord): FacetFields {
  const failed = record.checks.filter((c) => !c.ok).length;
  return {
    agency: record.agency,
    year: record.year,
    province: record.region?.province ?? null,
    city: record.region?.city ?? null,
    county: record.region?.county ?? null,
    level: record.level,
    kind: record.kind,
    themes: [...new Set(record.themes.map((t) => t.label))],
    checks: failed > 0 ? 'failed' : 'ok',
    checks_failed: failed,
    version_of: record.versionOf ?? null,
    synthetic: record.synthetic === true,
  };
}
