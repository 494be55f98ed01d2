import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { ActiveFilters } from '@/components/ActiveFilters';
import { FacetPanel } from '@/components/FacetPanel';
import { FiltersButton, ShowResultsLink } from '@/components/MobileFilters';
import { Pagination } from '@/components/Pagination';
import { SearchBox } from '@/components/SearchBox';
import { SearchHits } from '@/components/SearchHits';
import { AppError } from '@/lib/errors';
import { SORT_LABELS } from '@/lib/labels';
import { searchReports } from '@/lib/queries';
import type { SearchResult } from '@/lib/search/types';
import { DEFAULT_STATE, hasFilters, parseSearchParams, SORTS, type SearchState } from '@/lib/search-params';
import { exportUrl, searchCsvUrl, searchJsonUrl, searchUrl, sortUrl } from '@/lib/urls';
import { statsUrl } from '@/lib/urls';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const parsed = parseSearchParams(await searchParams);
  const q = parsed.ok ? parsed.state.q : '';
  return { title: q ? `“${q}”的检索结果` : '检索政府信息公开工作年度报告' };
}

export default async function SearchPage({ searchParams }: Props) {
  const parsed = parseSearchParams(await searchParams);
  if (!parsed.ok) {
    return (
      <div className="space-y-4">
        <SearchBox state={DEFAULT_STATE} />
        <Notice testId="search-error" title="检索参数有误">
          {parsed.error}。请修改检索条件，或<a href="/" className="text-brand-700 underline">从头开始检索</a>。
        </Notice>
      </div>
    );
  }
  const state = parsed.state;
  let result: SearchResult;
  try {
    result = await searchReports({ state });
  } catch (e) {
    const message = e instanceof AppError ? e.message : '检索服务暂时不可用，请稍后再试。';
    return (
      <div className="space-y-4">
        <SearchBox state={state} />
        <Notice testId="search-unavailable" title="暂时无法检索">
          {message}
        </Notice>
      </div>
    );
  }

  return (
    <div className="space-y-4">
      <SearchBox state={state} />
      <ActiveFilters state={state} />
      <FiltersButton state={state} />
      <div className="grid gap-6 md:grid-cols-[16rem_1fr]">
        <aside id="filters" className="scroll-mt-2">
          <FacetPanel state={state} result={result} />
          <ShowResultsLink total={result.total} />
        </aside>
        <section id="results" className="min-w-0 scroll-mt-2" aria-label="检索结果">
          <ResultBar state={state} result={result} />
          {result.hits.length ? (
            <SearchHits hits={result.hits} q={state.q} />
          ) : (
            <Notice testId="no-results" title={isEmptyIndex(state, result) ? '索引中还没有报告' : '没有找到报告'}>
              {isEmptyIndex(state, result)
                ? '请先建立索引：npm run index -- 报告所在文件夹（或直接 npm start，自动生成演示数据）。'
                : result.total > 0
                  ? '此页没有结果，请回到第一页。'
                  : '换一个检索词，或减少筛选条件试试。两个字的词（如“时效”）也能检索。'}
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
      <div className="flex items-center gap-1" data-testid="sort">
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
      </div>
      <div className="ml-auto flex gap-3" data-testid="exports">
        <a href={statsUrl(state)} className="text-brand-700" data-testid="stats-link">统计</a>
        <a href={searchJsonUrl(state)} className="text-brand-700" data-testid="export-json">
          JSON
        </a>
        <a href={searchCsvUrl(state)} className="text-brand-700" data-testid="export-csv">
          CSV
        </a>
        <a href={exportUrl(state, 'csv')} className="text-brand-700" data-testid="export-figures">
          全部统计数据（CSV）
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
