/**
 * The search state and its validation, shared by the search page and /api/search so both
 * accept exactly the same URLs (the page is a view of the API and vice versa).
 */
import { z } from 'zod';
import { FACETS, type FacetName, type Filters, type SortOrder } from './search/types';
import { cleanText } from './text';

export { cleanText };

export const SORTS = ['relevance', 'year_desc', 'year_asc'] as const satisfies readonly SortOrder[];
export const DEFAULT_PER_PAGE = 20;
export const MAX_PER_PAGE = 100;
/** Deep pages are useless to people and costly to engines; the export twin covers bulk use. */
export const MAX_PAGE = 500;
/** Same as the engines' own limit (lib/search/fts-query.ts), so a long query is a clear 400 here. */
export const MAX_QUERY_LENGTH = 200;
const MAX_VALUES_PER_FACET = 50;
const MAX_VALUE_LENGTH = 200;

export interface SearchState {
  q: string;
  filters: Filters;
  sort: SortOrder;
  page: number;
  perPage: number;
}

export const DEFAULT_STATE: SearchState = { q: '', filters: {}, sort: 'relevance', page: 1, perPage: DEFAULT_PER_PAGE };

/** Query-string names; `per_page` is the only one that differs from the state field. */
export const PARAM = { q: 'q', sort: 'sort', page: 'page', perPage: 'per_page' } as const;

const intParam = (name: string, min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,6}$/, `${name} 必须是正整数`)
    .transform(Number)
    .pipe(z.number().int().min(min, `${name} 不能小于 ${min}`).max(max, `${name} 不能大于 ${max}`));

const facetValues = z
  .array(z.string().trim().min(1).max(MAX_VALUE_LENGTH, `筛选值过长（最多 ${MAX_VALUE_LENGTH} 字）`))
  .max(MAX_VALUES_PER_FACET, `同一筛选项最多选择 ${MAX_VALUES_PER_FACET} 个值`);

const schema = z.object({
  q: z.string().max(MAX_QUERY_LENGTH, `检索词过长（最多 ${MAX_QUERY_LENGTH} 字）`).default(''),
  sort: z.enum(SORTS, { message: `sort 只能是 ${SORTS.join(' / ')}` }).default('relevance'),
  page: intParam('page', 1, MAX_PAGE).default(1),
  perPage: intParam('per_page', 1, MAX_PER_PAGE).default(DEFAULT_PER_PAGE),
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
    filters,
  });
  if (!parsed.success) {
    return { ok: false, error: parsed.error.issues.map((i) => i.message).join('；') };
  }
  const clean: Filters = {};
  for (const f of FACETS) {
    const v = parsed.data.filters[f];
    if (v?.length) clean[f] = v;
  }
  return { ok: true, state: { ...parsed.data, filters: clean } };
}

export function isSelected(state: SearchState, facet: FacetName, value: string): boolean {
  return state.filters[facet]?.includes(value) ?? false;
}

export function hasFilters(state: SearchState): boolean {
  return FACETS.some((f) => (state.filters[f]?.length ?? 0) > 0);
}
