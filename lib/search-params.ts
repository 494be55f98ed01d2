/**
 * The search state and its validation, shared by the search page and /api/search so both
 * accept exactly the same URLs (the page is a view of the API and vice versa).
 */
import { z } from 'zod';
import { figureFilterMessage, figureFormMessage, notPositiveInteger, sortChoices, tooLarge, tooSmall } from './param-messages';
import { ALL_SORTS, DEFAULT_PER_PAGE, MAX_PER_PAGE, MAX_QUERY_CHARS, SORTS } from './search/query';
import {
  canonicalFigureFilters,
  isFigureKey,
  isFigureOp,
  MAX_FIGURE_FILTERS,
  MAX_FIGURE_VALUE,
  type FigureFilter,
} from './key-figures';
import { FACETS, type FacetName, type Filters, type SortOrder } from './search/types';
import { cleanText } from './text';

export { cleanText };

// The query limits live with the query contract; the URL state accepts exactly those.
export { DEFAULT_PER_PAGE, MAX_PER_PAGE, MAX_QUERY_CHARS, SORTS };
/** Deep pages are useless to people and costly to engines; the export twin covers bulk use. */
export const MAX_PAGE = 500;
const MAX_VALUES_PER_FACET = 50;
const MAX_VALUE_LENGTH = 200;

export interface SearchState {
  q: string;
  filters: Filters;
  sort: SortOrder;
  page: number;
  perPage: number;
  /** older versions of reports counted and listed too (`include_versions=1`; lib/versions.ts) */
  includeVersions: boolean;
  /** year range (`year_from`, `year_to`, each end optional): narrows the year filter, see engineFilters */
  yearFrom?: number;
  yearTo?: number;
  /** take the query as text only, no words turned into filters (`literal=1`; lib/search/understand.ts) */
  literal?: boolean;
  /**
   * Conditions on key figures (`fig=received:ge:100`, repeatable, ANDed; lib/key-figures.ts), in
   * canonical order. Absent or empty: none.
   */
  figureFilters?: FigureFilter[];
}

export const DEFAULT_STATE: SearchState = { q: '', filters: {}, sort: 'relevance', page: 1, perPage: DEFAULT_PER_PAGE, includeVersions: false };

/** Query-string names of the state fields that differ from the field's own name. */
export const PARAM = {
  q: 'q',
  sort: 'sort',
  page: 'page',
  perPage: 'per_page',
  includeVersions: 'include_versions',
  yearFrom: 'year_from',
  yearTo: 'year_to',
  literal: 'literal',
  figure: 'fig',
} as const;

/**
 * The figure-filter form's three fields (a GET form cannot join them into one `fig` value): a
 * request carrying them adds that condition; the search page then redirects to the canonical URL.
 */
export const FIGURE_FORM = { key: 'fig_key', op: 'fig_op', value: 'fig_value' } as const;

/** Bounds of the year range control: open-government reports began in 2008. */
export const YEAR_MIN = 2000;
export const YEAR_MAX = 2100;

const intParam = (name: string, min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,6}$/, notPositiveInteger(name))
    .transform(Number)
    .pipe(z.number().int().min(min, tooSmall(name, min)).max(max, tooLarge(name, max)));

/** One end of the year range (`end`: 起始 or 截止, as the messages name it). */
const yearBound = (end: string) =>
  z
    .string()
    .regex(/^\d{4}$/, `${end}年份必须是 ${YEAR_MIN}–${YEAR_MAX} 之间的四位数年份`)
    .transform(Number)
    .pipe(z.number().int().min(YEAR_MIN, `${end}年份不能早于 ${YEAR_MIN} 年`).max(YEAR_MAX, `${end}年份不能晚于 ${YEAR_MAX} 年`))
    .optional();

const facetValues = z
  .array(z.string().trim().min(1).max(MAX_VALUE_LENGTH, `筛选值过长（最多 ${MAX_VALUE_LENGTH} 字）`))
  .max(MAX_VALUES_PER_FACET, `同一筛选项最多选择 ${MAX_VALUES_PER_FACET} 个值`);

const schema = z.object({
  q: z.string().max(MAX_QUERY_CHARS, `检索词过长（最多 ${MAX_QUERY_CHARS} 字）`).default(''),
  sort: z.enum(ALL_SORTS as [SortOrder, ...SortOrder[]], { message: sortChoices(SORTS) }).default('relevance'),
  page: intParam('page', 1, MAX_PAGE).default(1),
  perPage: intParam('per_page', 1, MAX_PER_PAGE).default(DEFAULT_PER_PAGE),
  includeVersions: z
    .enum(['0', '1'], { message: 'include_versions 只能是 1（包括旧版本）或 0' })
    .default('0')
    .transform((v) => v === '1'),
  literal: z
    .enum(['0', '1'], { message: 'literal 只能是 1（检索词全部作为文字）或 0' })
    .default('0')
    .transform((v) => v === '1'),
  yearFrom: yearBound('起始'),
  yearTo: yearBound('截止'),
  filters: z.object(Object.fromEntries(FACETS.map((f) => [f, facetValues.optional()])) as Record<FacetName, z.ZodOptional<typeof facetValues>>),
});

export type RawParams = URLSearchParams | Record<string, string | string[] | undefined>;

function getAll(raw: RawParams, key: string): string[] {
  if (raw instanceof URLSearchParams) return raw.getAll(key);
  const v = raw[key];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

/**
 * The one rule for a repeated scalar parameter (`q`, `sort`, `format`, `name` …): the last
 * occurrence wins, as browsers and most servers do. Every page and route reads scalars here.
 */
export function lastParam(raw: RawParams, key: string): string | undefined {
  const all = getAll(raw, key);
  return all.length ? all[all.length - 1] : undefined;
}
const getOne = lastParam;

export type ParsedSearch = { ok: true; state: SearchState } | { ok: false; error: string };

/** `received:ge:100` → a condition; null when it is not one (the caller names the parameter). */
export function parseFigureParam(v: string): FigureFilter | null {
  const m = /^([a-z_]+):([a-z]+):(\d{1,10})$/.exec(v);
  if (!m || !isFigureKey(m[1]) || !isFigureOp(m[2])) return null;
  const value = Number(m[3]);
  return value <= MAX_FIGURE_VALUE ? { key: m[1], op: m[2], value } : null;
}

/** Every `fig` condition plus the form's (fig_key/fig_op/fig_value), or the first problem in words. */
function figureFiltersOf(raw: RawParams): { ok: true; filters: FigureFilter[] } | { ok: false; error: string } {
  const out: FigureFilter[] = [];
  // Blank values come from blank form fields: no condition, as for facets.
  for (const v of getAll(raw, PARAM.figure).map((x) => x.trim()).filter(Boolean)) {
    const f = parseFigureParam(v);
    if (!f) return { ok: false, error: figureFilterMessage(v) };
    out.push(f);
  }
  const key = getOne(raw, FIGURE_FORM.key)?.trim() ?? '';
  const op = getOne(raw, FIGURE_FORM.op)?.trim() ?? '';
  const value = getOne(raw, FIGURE_FORM.value)?.trim() ?? '';
  // The form sends all three; with no number typed it adds nothing (its selects always have a value).
  if (value) {
    const f = /^\d{1,10}$/.test(value) ? parseFigureParam(`${key}:${op}:${value}`) : null;
    if (!f) return { ok: false, error: figureFormMessage(key, op, value) };
    out.push(f);
  }
  const filters = canonicalFigureFilters(out);
  if (filters.length > MAX_FIGURE_FILTERS) return { ok: false, error: `数字筛选（fig）最多 ${MAX_FIGURE_FILTERS} 个条件` };
  return { ok: true, filters };
}

/** Whether the request carries the figure form's fields (the page answers with a redirect to the canonical URL). */
export function hasFigureForm(raw: RawParams): boolean {
  return Object.values(FIGURE_FORM).some((k) => getAll(raw, k).length > 0);
}

/** Validate query-string parameters. Unknown parameters are ignored (format, utm_* …). */
export function parseSearchParams(raw: RawParams): ParsedSearch {
  const filters: Record<string, string[]> = {};
  for (const f of FACETS) {
    // Empty values come from blank form fields; they mean "no filter", not an error.
    const vals = [...new Set(getAll(raw, f).map((v) => cleanText(v).trim()).filter(Boolean))];
    if (vals.length) filters[f] = vals;
  }
  const blankToUndef = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : v.trim());
  const parsed = schema.safeParse({
    q: cleanText(getOne(raw, PARAM.q) ?? '').trim(),
    sort: blankToUndef(getOne(raw, PARAM.sort)),
    page: blankToUndef(getOne(raw, PARAM.page)),
    perPage: blankToUndef(getOne(raw, PARAM.perPage)),
    includeVersions: blankToUndef(getOne(raw, PARAM.includeVersions)),
    literal: blankToUndef(getOne(raw, PARAM.literal)),
    yearFrom: blankToUndef(getOne(raw, PARAM.yearFrom)),
    yearTo: blankToUndef(getOne(raw, PARAM.yearTo)),
    filters,
  });
  if (!parsed.success) {
    return { ok: false, error: parsed.error.issues.map((i) => i.message).join('；') };
  }
  const figs = figureFiltersOf(raw);
  if (!figs.ok) return { ok: false, error: figs.error };
  const clean: Filters = {};
  for (const f of FACETS) {
    const v = parsed.data.filters[f];
    if (v?.length) clean[f] = v;
  }
  const { yearFrom, yearTo, literal, ...rest } = parsed.data;
  const state: SearchState = {
    ...rest,
    filters: clean,
    ...(literal ? { literal } : {}),
    ...(yearFrom !== undefined ? { yearFrom } : {}),
    ...(yearTo !== undefined ? { yearTo } : {}),
    ...(figs.filters.length ? { figureFilters: figs.filters } : {}),
  };
  if (yearFrom !== undefined && yearTo !== undefined && yearFrom > yearTo) {
    return { ok: false, error: `起始年份（${yearFrom}）不能晚于截止年份（${yearTo}）` };
  }
  // Ticked years and a range are both kept (a pasted URL may have both): the years inside the range
  // count. None inside it would silently widen to the whole range, so it is an error instead.
  if (clean.year && hasYearRange(state) && !engineFilters(state).year?.length) {
    return { ok: false, error: `所选年度（${clean.year.join('、')}）都不在年份范围 ${yearRangeLabel(state)} 之内` };
  }
  return { ok: true, state };
}

export function hasYearRange(state: Pick<SearchState, 'yearFrom' | 'yearTo'>): boolean {
  return state.yearFrom !== undefined || state.yearTo !== undefined;
}

/** "2020–2024", "2020 年起", "2024 年止". */
export function yearRangeLabel(state: Pick<SearchState, 'yearFrom' | 'yearTo'>): string {
  const { yearFrom: a, yearTo: b } = state;
  if (a !== undefined && b !== undefined) return a === b ? `${a}` : `${a}–${b}`;
  if (a !== undefined) return `${a} 年起`;
  if (b !== undefined) return `${b} 年止`;
  return '';
}

/** The years a range stands for: an open end stops at YEAR_MIN or next year (no report can be later). */
export function rangeYears(state: Pick<SearchState, 'yearFrom' | 'yearTo'>, now = new Date()): number[] {
  const from = state.yearFrom ?? YEAR_MIN;
  const to = state.yearTo ?? Math.min(YEAR_MAX, now.getUTCFullYear() + 1);
  const out: number[] = [];
  for (let y = from; y <= to; y++) out.push(y);
  return out;
}

/**
 * The filters an engine is given: the state's facet filters with the year range folded into the
 * year facet (engines know values, not ranges): the ticked years inside the range, or every year
 * of the range when none is ticked.
 */
export function engineFilters(state: SearchState): Filters {
  if (!hasYearRange(state)) return state.filters;
  const years = rangeYears(state).map(String);
  const ticked = state.filters.year;
  return { ...state.filters, year: ticked ? ticked.filter((y) => years.includes(y)) : years };
}

export function isSelected(state: SearchState, facet: FacetName, value: string): boolean {
  return state.filters[facet]?.includes(value) ?? false;
}

export function hasFilters(state: SearchState): boolean {
  return hasYearRange(state) || hasFigureFilters(state) || FACETS.some((f) => (state.filters[f]?.length ?? 0) > 0);
}

export function hasFigureFilters(state: Pick<SearchState, 'figureFilters'>): boolean {
  return (state.figureFilters?.length ?? 0) > 0;
}
