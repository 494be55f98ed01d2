import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { redirect } from 'next/navigation';
import { ActiveFilters } from '@/components/ActiveFilters';
import { FigureFilterForm } from '@/components/FigureFilterForm';
import { FigureSortMenu } from '@/components/FigureSortMenu';
import { parseFigureSort, type FigureKey } from '@/lib/key-figures';
import { FacetPanel } from '@/components/FacetPanel';
import { FiltersButton, ShowResultsLink } from '@/components/MobileFilters';
import { Pagination } from '@/components/Pagination';
import { SearchBox } from '@/components/SearchBox';
import { SearchHits } from '@/components/SearchHits';
import { SkipLink } from '@/components/SkipLink';
import { SearchSuggestions, UnderstoodQuery } from '@/components/UnderstoodQuery';
import { EXPORT_LIMIT } from '@/lib/compare/export';
import { AppError } from '@/lib/errors';
import { SORT_LABELS } from '@/lib/labels';
import { searchReports, searchSuggestions, understandSearch, type SearchSuggestions as Suggested } from '@/lib/queries';
import type { SearchResult } from '@/lib/search/types';
import { DEFAULT_STATE, hasFigureForm, hasFilters, parseSearchParams, SORTS, type SearchState } from '@/lib/search-params';
import { dictionaryUrl, exportUrl, FIGURE_FORM_ID, searchCsvUrl, searchJsonUrl, searchUrl, sortUrl, statsUrl } from '@/lib/urls';
import { pageMeta } from './_lib/meta';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const parsed = parseSearchParams(await searchParams);
  const state = parsed.ok ? parsed.state : DEFAULT_STATE;
  return pageMeta({
    title: pageTitle(state),
    description: state.q
      ? `在各级行政机关的政府信息公开工作年度报告中检索“${state.q}”：命中的报告、原文片段、统计数据与问题主题。`
      : '检索、比较各级行政机关的政府信息公开工作年度报告：全文检索、分面筛选、统计表与数据校验。',
    // The canonical form of the query (lib/urls): the same view always has one address.
    path: searchUrl(state),
  });
}

function pageTitle(state: SearchState): string {
  if (state.q) return `“${state.q}”的检索结果`;
  return hasFilters(state) ? '筛选结果：政府信息公开工作年度报告' : '检索政府信息公开工作年度报告';
}

/** The page's h1: visible on the start page, for screen readers only above a result list. */
function Heading({ state }: { state: SearchState }) {
  const landing = !state.q && !hasFilters(state);
  return (
    <h1 className={landing ? 'text-2xl font-bold' : 'sr-only'} data-testid="page-title">
      {pageTitle(state)}
    </h1>
  );
}

/** Key figures a hit shows besides the headline: the one sorted by, those filtered on. */
function shownFigures(state: SearchState): FigureKey[] {
  const sorted = parseFigureSort(state.sort);
  return [...(sorted ? [sorted.key] : []), ...(state.figureFilters ?? []).map((f) => f.key)];
}

export default async function SearchPage({ searchParams }: Props) {
  const raw = await searchParams;
  const parsed = parseSearchParams(raw);
  // The figure form's fields became a `fig` condition: one address per view, back at the form.
  if (parsed.ok && hasFigureForm(raw)) redirect(`${searchUrl(parsed.state)}#${FIGURE_FORM_ID}`);
  if (!parsed.ok) {
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-bold">检索政府信息公开工作年度报告</h1>
        <SearchBox state={DEFAULT_STATE} />
        <Notice testId="search-error" title="检索参数有误">
          {parsed.error}。请修改检索条件，或<a href="/" className="text-brand-700 underline">从头开始检索</a>。
        </Notice>
      </div>
    );
  }
  const typed = parsed.state;
  let state = typed;
  let result: SearchResult;
  let understood: Awaited<ReturnType<typeof understandSearch>>['understood'] = [];
  let suggested: Suggested | null = null;
  try {
    ({ state, understood } = await understandSearch({ state: typed }));
    result = await searchReports({ state });
    if (result.total === 0 && typed.q) suggested = await searchSuggestions({ state: typed, searched: state });
  } catch (e) {
    const message = e instanceof AppError ? e.message : '检索服务暂时不可用，请稍后再试。';
    return (
      <div className="space-y-4">
        <Heading state={state} />
        <SearchBox state={state} />
        <Notice testId="search-unavailable" title="暂时无法检索">
          {message}
        </Notice>
      </div>
    );
  }

  return (
    <div className="space-y-4">
      <Heading state={state} />
      {result.hits.length > 0 && (
        <SkipLink href="#hits" testId="skip-to-results">
          {`跳到检索结果（共 ${result.total.toLocaleString('zh-CN')} 份）`}
        </SkipLink>
      )}
      <SearchBox state={state} />
      <UnderstoodQuery typed={typed} understood={understood} />
      <ActiveFilters state={state} />
      <FiltersButton state={state} />
      <div className="grid gap-6 md:grid-cols-[16rem_1fr]">
        <aside id="filters" className="scroll-mt-2">
          <FigureFilterForm state={state} />
          <FacetPanel state={state} result={result} />
          <ShowResultsLink total={result.total} />
        </aside>
        <section id="results" className="min-w-0 scroll-mt-2" aria-label="检索结果">
          <ResultBar state={state} result={result} />
          {result.hits.length ? (
            // The skip link's target: the next Tab lands on the first hit, past sort and export links.
            <div id="hits" tabIndex={-1} className="focus:outline-none">
              <SearchHits hits={result.hits} q={state.q} figures={shownFigures(state)} />
            </div>
          ) : (
            <Notice testId="no-results" title={isEmptyIndex(state, result) ? '索引中还没有报告' : '没有找到报告'}>
              {isEmptyIndex(state, result)
                ? '请先建立索引：npm run index -- 报告所在文件夹（或直接 npm start，自动生成演示数据）。'
                : result.total > 0
                  ? '此页没有结果，请回到第一页。'
                  : '换一个检索词，或减少筛选条件试试。两个字的词（如“时效”）也能检索。'}
              {suggested && <SearchSuggestions typed={typed} {...suggested} />}
            </Notice>
          )}
          <Pagination state={state} total={result.total} />
        </section>
      </div>
    </div>
  );
}

function isEmptyIndex(state: SearchState, result: SearchResult): boolean {
  return result.total === 0 && !state.q && !hasFilters(state);
}

function ResultBar({ state, result }: { state: SearchState; result: SearchResult }) {
  const first = (state.page - 1) * state.perPage + 1;
  const last = Math.min(result.total, state.page * state.perPage);
  return (
    <div className="mb-3 flex flex-wrap items-center gap-x-4 gap-y-2 text-sm text-stone-600">
      <p>
        共 <strong className="text-stone-900" data-testid="result-count">{result.total.toLocaleString('zh-CN')}</strong> 份报告
        {state.includeVersions && (
          <span data-testid="includes-versions">
            （含同一报告的旧版本和不完整副本 ·{' '}
            <a href={searchUrl({ ...state, includeVersions: false, page: 1 })} className="text-brand-700">
              不含
            </a>
            ）
          </span>
        )}
        {result.total > 0 && (
          <span className="text-stone-500">
            ，第 {first}–{last} 份
          </span>
        )}
      </p>
      <div className="flex flex-wrap items-center gap-1" data-testid="sort">
        <span>排序：</span>
        {SORTS.map((s) =>
          s === state.sort ? (
            <span key={s} className="rounded bg-stone-800 px-2 py-0.5 text-white" aria-current="true" data-testid={`sort-${s}`} data-selected="true">
              {SORT_LABELS[s]}
            </span>
          ) : (
            <a key={s} href={sortUrl(state, s)} className="rounded px-2 py-0.5 text-brand-700 hover:bg-stone-100" data-testid={`sort-${s}`}>
              {SORT_LABELS[s]}
            </a>
          ),
        )}
        <FigureSortMenu state={state} />
      </div>
      <div className="ml-auto flex gap-3" data-testid="exports">
        <a href={statsUrl(state)} className="text-brand-700" data-testid="stats-link">统计</a>
        <a href={searchJsonUrl(state)} className="text-brand-700" data-testid="export-json">
          JSON
        </a>
        {result.hits.length > 0 && (
          <a href={searchCsvUrl(state)} className="text-brand-700" data-testid="export-csv" title="本页命中的报告：机关、年度、地区、原文片段">
            本页 {result.hits.length} 条（CSV）
          </a>
        )}
        {result.total > 0 && (
          <a href={exportUrl(state, 'csv')} className="text-brand-700" data-testid="export-figures" title="每份报告一行，全部统计表数字；各列含义见数据字典">
            {result.total > EXPORT_LIMIT
              ? `前 ${EXPORT_LIMIT.toLocaleString('zh-CN')} 份报告的统计数据（共 ${result.total.toLocaleString('zh-CN')} 份，CSV）`
              : `全部 ${result.total.toLocaleString('zh-CN')} 份报告的统计数据（CSV）`}
          </a>
        )}
        <a href={dictionaryUrl()} className="text-brand-700" data-testid="export-dictionary">
          数据字典
        </a>
      </div>
    </div>
  );
}

function Notice({ title, children, testId }: { title: string; children: ReactNode; testId: string }) {
  return (
    <div className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900" role="status" data-testid={testId}>
      <p className="font-semibold">{title}</p>
      <p className="mt-1">{children}</p>
    </div>
  );
}
