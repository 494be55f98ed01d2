/**
 * The only place page and data URLs are built (datasette's url_builder): every view is a
 * permalink, and a facet toggle or a page change is just another URL.
 * Canonical form: parameters in a fixed order, facet values sorted, defaults omitted, so the
 * same view always has the same URL (cache- and bookmark-friendly).
 */
import { FACETS, type FacetName } from './search/types';
import { DEFAULT_PER_PAGE, DEFAULT_STATE, PARAM, type SearchState } from './search-params';
import { canonicalFigureFilters, figureFilterParam, type FigureFilter } from './key-figures';

export type SearchStateInput = Partial<SearchState>;

function full(state: SearchStateInput): SearchState {
  return { ...DEFAULT_STATE, ...state, filters: state.filters ?? {} };
}

/** Canonical query string (without '?') for a search state. */
export function searchQueryString(input: SearchStateInput): string {
  const s = full(input);
  const p = new URLSearchParams();
  if (s.q) p.append(PARAM.q, s.q);
  for (const f of FACETS) {
    for (const v of [...new Set(s.filters[f] ?? [])].sort()) p.append(f, v);
    if (f === 'year') {
      if (s.yearFrom !== undefined) p.append(PARAM.yearFrom, String(s.yearFrom));
      if (s.yearTo !== undefined) p.append(PARAM.yearTo, String(s.yearTo));
    }
  }
  for (const f of canonicalFigureFilters(s.figureFilters ?? [])) p.append(PARAM.figure, figureFilterParam(f));
  if (s.sort !== 'relevance') p.append(PARAM.sort, s.sort);
  if (s.page > 1) p.append(PARAM.page, String(s.page));
  if (s.perPage !== DEFAULT_PER_PAGE) p.append(PARAM.perPage, String(s.perPage));
  if (s.includeVersions) p.append(PARAM.includeVersions, '1');
  if (s.literal && s.q) p.append(PARAM.literal, '1');
  return p.toString();
}

function withQuery(path: string, qs: string): string {
  return qs ? `${path}?${qs}` : path;
}

export function searchUrl(state: SearchStateInput = {}): string {
  return withQuery('/', searchQueryString(state));
}

/** The JSON twin of a search page. */
export function searchJsonUrl(state: SearchStateInput = {}): string {
  return withQuery('/api/search', searchQueryString(state));
}

/** The CSV twin of a search page (one row per hit on this page). */
export function searchCsvUrl(state: SearchStateInput = {}): string {
  const qs = searchQueryString(state);
  return `/api/search?${qs ? `${qs}&` : ''}format=csv`;
}

/** Every value a facet lists on this search page, with toggle URLs, as JSON (the agency filter box). */
export function facetValuesJsonUrl(state: SearchStateInput, facet: FacetName): string {
  // Toggling goes back to page 1, so the page does not matter; sort and per_page carry over.
  const qs = searchQueryString({ ...full(state), page: 1 });
  return `/api/search/facet?${qs ? `${qs}&` : ''}facet=${facet}`;
}

/** Add the value to the facet's selection, or remove it if already selected; back to page 1. */
export function toggleFacetUrl(state: SearchStateInput, facet: FacetName, value: string): string {
  const s = full(state);
  const current = s.filters[facet] ?? [];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  const filters = { ...s.filters };
  if (next.length) filters[facet] = next;
  else delete filters[facet];
  return searchUrl({ ...s, filters, page: 1 });
}

/** Drop every value of one facet (the "清除" on a facet heading); for the year, the range too. */
export function clearFacetUrl(state: SearchStateInput, facet: FacetName): string {
  const s = full(state);
  const filters = { ...s.filters };
  delete filters[facet];
  return searchUrl({ ...withoutYearRange(s, facet === 'year'), filters, page: 1 });
}

function withoutYearRange(s: SearchState, drop = true): SearchState {
  if (!drop) return s;
  const { yearFrom: _from, yearTo: _to, ...rest } = s;
  return rest;
}

/** Drop the year range only (its chip). */
export function clearYearRangeUrl(state: SearchStateInput): string {
  return searchUrl({ ...withoutYearRange(full(state)), page: 1 });
}

/**
 * Tick exactly these years (the range, if any, dropped): a year ticked or unticked while a range
 * is active starts from the range's years, so the click does what the checkbox shows.
 */
export function setYearsUrl(state: SearchStateInput, years: string[]): string {
  const s = withoutYearRange(full(state));
  const filters = { ...s.filters };
  if (years.length) filters.year = years;
  else delete filters.year;
  return searchUrl({ ...s, filters, page: 1 });
}

/** id of a facet's section on the search page: its links return there (no jump to the top on phones). */
export function facetSectionId(facet: FacetName): string {
  return `facet-${facet}`;
}

/** A facet link's href: the new view, scrolled back to the facet it was chosen in. */
export function withFacetAnchor(url: string, facet: FacetName): string {
  return `${url}#${facetSectionId(facet)}`;
}

/**
 * Hidden fields of a GET form that changes only the year range: every other part of the state,
 * as name/value pairs (years and the range left to the form; page back to 1).
 */
export function yearRangeFormFields(state: SearchStateInput): [string, string][] {
  const s = withoutYearRange(full(state));
  const params = new URLSearchParams(searchQueryString({ ...s, filters: { ...s.filters, year: [] }, page: 1 }));
  return [...params.entries()];
}

/** The search without this figure condition (its chip); back to page 1. */
export function removeFigureFilterUrl(state: SearchStateInput, f: FigureFilter): string {
  const s = full(state);
  const key = figureFilterParam(f);
  return searchUrl({ ...s, figureFilters: (s.figureFilters ?? []).filter((g) => figureFilterParam(g) !== key), page: 1 });
}

/** id of the figure-filter form on the search page: its result returns there. */
export const FIGURE_FORM_ID = 'figure-filters';

/**
 * Hidden fields of the figure-filter GET form: the whole state (its conditions included) as
 * name/value pairs, page back to 1; the form's own three fields add one condition.
 */
export function figureFormFields(state: SearchStateInput): [string, string][] {
  return [...new URLSearchParams(searchQueryString({ ...full(state), page: 1 })).entries()];
}

export function pageUrl(state: SearchStateInput, page: number): string {
  return searchUrl({ ...full(state), page });
}

export function sortUrl(state: SearchStateInput, sort: SearchState['sort']): string {
  return searchUrl({ ...full(state), sort, page: 1 });
}

/** A report page; `q` carries the search term so the page can highlight it. */
export function reportUrl(id: string, opts: { q?: string } = {}): string {
  const qs = opts.q ? new URLSearchParams({ q: opts.q }).toString() : '';
  return withQuery(`/reports/${encodeURIComponent(id)}`, qs);
}

export function reportJsonUrl(id: string): string {
  return `/api/reports/${encodeURIComponent(id)}`;
}

/** Figures of one report as CSV (one row per canonical key). */
export function reportCsvUrl(id: string): string {
  return `/api/reports/${encodeURIComponent(id)}?format=csv`;
}

/** The list of every agency held. */
export function agenciesUrl(): string {
  return '/agencies';
}

export function agencyUrl(slug: string): string {
  return `/agencies/${encodeURIComponent(slug)}`;
}

export function agencyJsonUrl(slug: string, format: 'json' | 'csv' = 'json'): string {
  const base = `/api/agencies/${encodeURIComponent(slug)}`;
  return format === 'csv' ? `${base}?format=csv` : base;
}

/** Link to an agency by its exact name (redirects to the slug), for pages that lack the slug. */
export function agencyByNameUrl(name: string): string {
  return `/agencies?${new URLSearchParams({ name }).toString()}`;
}

/** GET form target for picking two years; it redirects to compareUrl (works without JS). */
export function compareFormAction(slug: string): string {
  return `/agencies/${encodeURIComponent(slug)}/compare`;
}

/** Year-over-year comparison of one agency; years are put in order (earlier first). */
export function compareUrl(slug: string, a: number, b: number): string {
  const [x, y] = a <= b ? [a, b] : [b, a];
  return `/agencies/${encodeURIComponent(slug)}/compare/${x}-${y}`;
}

export function compareJsonUrl(slug: string, a: number, b: number, format: 'json' | 'csv' = 'json'): string {
  const [x, y] = a <= b ? [a, b] : [b, a];
  const base = `/api/agencies/${encodeURIComponent(slug)}/compare/${x}-${y}`;
  return format === 'csv' ? `${base}?format=csv` : base;
}

function peerQuery(slugs: string[], year: number, extra: Record<string, string> = {}): string {
  // Commas are legal in a query value and keep the list readable in a pasted link.
  const list = slugs.map((s) => encodeURIComponent(s)).join(',');
  const rest = new URLSearchParams({ year: String(year), ...extra }).toString();
  return `agencies=${list}&${rest}`;
}

/**
 * The peer comparison's starting point: without agencies the picker; with slugs (no year) the
 * page picks the latest year they all hold; `add` names agencies by their Chinese name (the
 * picker and the comparison tray send names; the page turns them into slugs).
 */
export function peerPickUrl(slugs: string[] = [], opts: { add?: string[]; year?: number | null } = {}): string {
  const parts: string[] = [];
  if (slugs.length) parts.push(`agencies=${slugs.map((s) => encodeURIComponent(s)).join(',')}`);
  for (const name of opts.add ?? []) parts.push(`agency=${encodeURIComponent(name)}`);
  if (opts.year != null) parts.push(`year=${opts.year}`);
  return parts.length ? `/compare?${parts.join('&')}` : '/compare';
}

/** Agency names for a picker's autocomplete (JSON). */
export function agencySuggestUrl(q: string): string {
  return `/api/agencies/suggest?${new URLSearchParams({ q }).toString()}`;
}

/** Several agencies side by side in one year. */
export function peerCompareUrl(slugs: string[], year: number, opts: { sort?: string } = {}): string {
  return `/compare?${peerQuery(slugs, year, opts.sort ? { sort: opts.sort } : {})}`;
}

export function peerCompareJsonUrl(slugs: string[], year: number, format: 'json' | 'csv' = 'json'): string {
  return `/api/compare?${peerQuery(slugs, year, format === 'csv' ? { format: 'csv' } : {})}`;
}

/** Bulk export of every figure of a search result (one row per report). */
export function exportUrl(state: SearchStateInput, format: 'json' | 'csv'): string {
  const qs = searchQueryString({ ...full(state), page: 1, perPage: DEFAULT_PER_PAGE });
  return `/api/export?${qs ? `${qs}&` : ''}format=${format}`;
}

/** Aggregates of a search result (totals, medians, rates by year and region); `by` picks the grouping shown. */
export function statsUrl(state: SearchStateInput, by?: string): string {
  const qs = searchQueryString({ ...full(state), page: 1, perPage: DEFAULT_PER_PAGE });
  const extra = by && by !== 'year' ? `by=${encodeURIComponent(by)}` : '';
  return `/stats${qs || extra ? '?' : ''}${[qs, extra].filter(Boolean).join('&')}`;
}

export function statsJsonUrl(state: SearchStateInput, format: 'json' | 'csv' = 'json'): string {
  const qs = searchQueryString({ ...full(state), page: 1, perPage: DEFAULT_PER_PAGE });
  return format === 'csv' ? `/api/stats?${qs ? `${qs}&` : ''}format=csv` : `/api/stats${qs ? `?${qs}` : ''}`;
}

/** The status page (engine, report count, last index run) and its JSON twin. */
export function statusUrl(): string {
  return '/status';
}

export function statusJsonUrl(): string {
  return '/api/status';
}

/** What every column of the CSV exports means (page and JSON twin). */
export function dictionaryUrl(): string {
  return '/dictionary';
}

export function dictionaryJsonUrl(): string {
  return '/api/dictionary';
}

/** Share-card images (og:image, app/og/…), one per kind of page. */
export const ogImageUrl = {
  site: (): string => '/og/site',
  report: (id: string): string => `/og/reports/${encodeURIComponent(id)}`,
  agency: (slug: string): string => `/og/agencies/${encodeURIComponent(slug)}`,
  compare: (slug: string, a: number, b: number): string => {
    const [x, y] = a <= b ? [a, b] : [b, a];
    return `/og/agencies/${encodeURIComponent(slug)}/compare/${x}-${y}`;
  },
  peers: (slugs: string[], year: number): string => `/og/compare?${peerQuery(slugs, year)}`,
};

/**
 * Every path the builders above make, by kind; `:name` is one path segment, percent-decoded.
 * Static paths come before parameterised ones at the same depth (`/api/agencies/suggest` is
 * that route, not an agency called "suggest", as Next routes it).
 */
const ROUTES = {
  search: '/',
  report: '/reports/:id',
  agencies: '/agencies',
  agency: '/agencies/:slug',
  'agency-compare-form': '/agencies/:slug/compare',
  'agency-compare': '/agencies/:slug/compare/:years',
  compare: '/compare',
  stats: '/stats',
  status: '/status',
  dictionary: '/dictionary',
  'api-search': '/api/search',
  'api-search-facet': '/api/search/facet',
  'api-report': '/api/reports/:id',
  'api-agencies': '/api/agencies',
  'api-agencies-suggest': '/api/agencies/suggest',
  'api-agency': '/api/agencies/:slug',
  'api-agency-compare': '/api/agencies/:slug/compare/:years',
  'api-compare': '/api/compare',
  'api-export': '/api/export',
  'api-stats': '/api/stats',
  'api-status': '/api/status',
  'api-dictionary': '/api/dictionary',
  'og-site': '/og/site',
  'og-report': '/og/reports/:id',
  'og-agency': '/og/agencies/:slug',
  'og-agency-compare': '/og/agencies/:slug/compare/:years',
  'og-compare': '/og/compare',
} as const;

type RouteParams<P extends string> = P extends `${string}:${infer N}/${infer Rest}`
  ? { [K in N]: string } & RouteParams<`/${Rest}`>
  : P extends `${string}:${infer N}`
    ? { [K in N]: string }
    : unknown;
type Flat<T> = { [K in keyof T]: T[K] };

/**
 * A path read back into what it shows: `{ page: 'report', id }`, `{ page: 'agency', slug }`,
 * `{ page: 'agency-compare', slug, years }` (`years` as written, e.g. "2023-2024": the page
 * explains a malformed pair), … Query strings are not part of it (lib/search-params reads them).
 */
export type PageRoute = { [K in keyof typeof ROUTES]: Flat<{ page: K } & RouteParams<(typeof ROUTES)[K]>> }[keyof typeof ROUTES];
export type PageKind = PageRoute['page'];

const COMPILED = Object.entries(ROUTES).map(([page, pattern]) => ({ page, segs: pattern.split('/').filter(Boolean) }));

/**
 * The route a pathname (still percent-encoded, as in a request) names, or null: an unknown path,
 * an empty segment (`//`), or a segment that is not valid percent-encoding. One trailing slash
 * is allowed, as Next redirects it to the same page.
 */
export function matchPage(pathname: string): PageRoute | null {
  if (!pathname.startsWith('/')) return null;
  const trimmed = pathname.length > 1 && pathname.endsWith('/') ? pathname.slice(0, -1) : pathname;
  const raw = trimmed === '/' ? [] : trimmed.slice(1).split('/');
  let segs: string[];
  try {
    segs = raw.map((s) => decodeURIComponent(s));
  } catch {
    return null;
  }
  if (segs.some((s) => s === '')) return null;
  for (const r of COMPILED) {
    if (r.segs.length !== segs.length) continue;
    const params: Record<string, string> = {};
    if (r.segs.every((p, i) => (p.startsWith(':') ? ((params[p.slice(1)] = segs[i]!), true) : p === segs[i]))) {
      return { page: r.page, ...params } as PageRoute;
    }
  }
  return null;
}
