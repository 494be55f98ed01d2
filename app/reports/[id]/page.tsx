import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ActiveTable, Active2019Table, AppealsTable, LegacyTable, RequestsTable } from '@/components/FiguresTables';
import { DemoBadge } from '@/components/DemoData';
import { Marked } from '@/components/Marked';
import { ReportSummary } from '@/components/ReportSummary';
import { queryTerms } from '@/lib/search/fts-query';
import { markTerms } from '@/lib/search/highlight';
import { failedAppealCells, failedRequestCells } from '@/components/table-checks';
import { FORMAT_LABELS, KIND_LABELS, LEVEL_LABELS, SECTION_LABELS, checkLabel, regionText } from '@/lib/labels';
import { getAgencyReports, getReportById, slugForAgencyName, type AgencyReportRef } from '@/lib/queries';
import { MAX_QUERY_CHARS, cleanText, lastParam } from '@/lib/search-params';
import { cutCodePoints } from '@/lib/text';
import type { Check, ReportRecord, SectionKey } from '@/lib/types';
import { agencyUrl, compareUrl, reportCsvUrl, reportJsonUrl, reportUrl, searchUrl } from '@/lib/urls';
import { answeredMissing } from '../../_lib/missing-page';
import { loadReport } from '../../_lib/data';
import { ReportMissing } from './ReportMissing';
import { Provenance, Versions } from './Provenance';
import { reportMeta, reportTitle } from './meta';
import { AddToCompare } from '@/components/CompareTray';
import { peerPickUrl } from '@/lib/urls';

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const TABLE_SECTIONS: SectionKey[] = ['active', 'requests', 'appeals'];

/** The query to highlight: last `q` wins (lib/search-params), control characters removed. */
function queryParam(sp: Record<string, string | string[] | undefined>): string {
  return cutCodePoints(cleanText(lastParam(sp, 'q') ?? ''), MAX_QUERY_CHARS).trim();
}

function fileName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const r = await loadReport(id).catch(() => null);
  if (!r) return { title: '未找到报告' };
  return reportMeta(r);
}

export default async function ReportPage({ params, searchParams }: Props) {
  const { id } = await params;
  const q = queryParam(await searchParams);
  const report = await loadReport(id);
  if (!report) {
    // Rendered here, not by not-found.tsx, so it is in the server HTML (app/_lib/missing-page).
    if (!(await answeredMissing())) notFound();
    return <ReportMissing />;
  }
  const [others, slug, versions] = await Promise.all([
    getAgencyReports({ agency: report.agency }).catch(() => []),
    slugForAgencyName({ name: report.agency }).catch(() => null),
    // an older version learns its siblings from the canonical record's list
    report.versionOf ? getReportById({ id: report.versionOf }).then((c) => c?.versions, () => undefined) : report.versions,
  ]);
  const terms = q ? queryTerms(q) : [];
  const failed = failedCells(report);
  return (
    <article className="space-y-6" data-testid="report">
      <ReportHeader report={report} q={q} slug={slug} />
      <Versions versions={versions} current={report.id} />
      <ReportSummary figures={report.figures} />
      <OtherYears report={report} others={others} slug={slug} q={q} />
      <ChecksPanel checks={report.checks} failed={report.checks.filter((c) => !c.ok)} />
      <ThemesPanel themes={report.themes} terms={terms} />
      <WarningsPanel warnings={report.warnings} messages={report.messages} />
      {report.figures.legacy && <LegacyFigures legacy={report.figures.legacy} />}
      {report.sections.map((s, i) => (
        <ReportSection key={`${s.key}-${i}`} report={report} index={i} terms={terms} failed={failed} />
      ))}
      {report.sections.length === 0 && <p className="text-stone-500">该报告未能划分章节。</p>}
    </article>
  );
}

interface FailedCells {
  requests: ReturnType<typeof failedRequestCells>;
  appeals: ReturnType<typeof failedAppealCells>;
}

/** The table cells each failed check points at, to mark in red. */
function failedCells(report: ReportRecord): FailedCells {
  const requests = failedRequestCells(report.figures.requests);
  // The narrative check has no wrong sum to point at: mark the table figure the text contradicts.
  if (report.checks.some((c) => !c.ok && c.id === 'narrative.requests')) {
    const k = 'requests.new_received.total';
    requests.set(k, [...(requests.get(k) ?? []), 'narrative.requests']);
  }
  return { requests, appeals: failedAppealCells(report.figures.appeals) };
}

function ReportHeader({ report, q, slug }: { report: ReportRecord; q: string; slug: string | null }) {
  return (
    <header className="space-y-2">
      <p className="text-sm">
        <Link href={searchUrl({ q })} className="text-brand-700" data-testid="back-to-search">
          ← {q ? `返回“${q}”的检索结果` : '返回检索'}
        </Link>
      </p>
      <h1 className="text-2xl font-bold" data-testid="report-title">
        {reportTitle(report)}
      </h1>
      {report.synthetic && (
        <p className="text-sm text-amber-900" data-testid="report-demo-note">
          <DemoBadge /> 本报告由程序生成，机关名称仅为按地区筛选而设，数字与表述均为虚构，不代表该机关的真实报告。
        </p>
      )}
      <ReportFacts report={report} slug={slug} />
      <Provenance source={report.source} />
    </header>
  );
}

function ReportFacts({ report, slug }: { report: ReportRecord; slug: string | null }) {
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr_auto_1fr]">
      <dt className="text-stone-500">机关</dt>
      <dd data-testid="report-agency">
        {slug ? (
          <Link href={agencyUrl(slug)} className="text-brand-700" data-testid="agency-link">
            {report.agency}
          </Link>
        ) : (
          report.agency
        )}{' '}
        <AddToCompare agency={report.agency} href={peerPickUrl([], { add: [report.agency] })} />
      </dd>
      <dt className="text-stone-500">年度</dt>
      <dd data-testid="report-year">{report.year ?? '未能识别'}</dd>
      <dt className="text-stone-500">地区</dt>
      <dd data-testid="report-region">{regionText(report.region) || '未能识别'}</dd>
      <dt className="text-stone-500">层级 / 类型</dt>
      <dd>
        {report.level ? LEVEL_LABELS[report.level] : '未能识别'} · {KIND_LABELS[report.kind]}
      </dd>
      <dt className="text-stone-500">报告格式</dt>
      <dd data-testid="report-format" data-format={report.format ?? '2021'}>{FORMAT_LABELS[report.format ?? '2021']}</dd>
      <dt className="text-stone-500">来源文件</dt>
      <dd className="break-all text-stone-600" title="文件名（服务器路径不公开）">{fileName(report.file)}</dd>
      <dt className="text-stone-500">数据</dt>
      <dd className="flex gap-3">
        <a href={reportJsonUrl(report.id)} className="text-brand-700" data-testid="report-json">JSON</a>
        <a href={reportCsvUrl(report.id)} className="text-brand-700" data-testid="report-csv">统计数据 CSV</a>
      </dd>
    </dl>
  );
}

function OtherYears({ report, others, slug, q }: { report: ReportRecord; others: AgencyReportRef[]; slug: string | null; q: string }) {
  if (others.length <= 1) return null;
  const previous = [...others].reverse().find((o) => o.year !== null && report.year !== null && o.year < report.year);
  return (
    <nav aria-label="该机关其他年度" className="text-sm" data-testid="other-years">
      <span className="text-stone-500">该机关其他年度：</span>
      {others.map((o) =>
        o.id === report.id ? (
          <span key={o.id} className="mx-1 font-semibold" aria-current="page">{o.year ?? '?'}</span>
        ) : (
          <Link key={o.id} href={reportUrl(o.id, { q: q || undefined })} className="mx-1 text-brand-700" data-testid="other-year">
            {o.year ?? '?'}
          </Link>
        ),
      )}
      {slug && previous && report.year !== null && previous.year !== null && (
        <Link href={compareUrl(slug, previous.year, report.year)} className="ml-3 text-brand-700" data-testid="compare-previous">
          与 {previous.year} 年对比 →
        </Link>
      )}
    </nav>
  );
}

function ThemesPanel({ themes, terms }: { themes: ReportRecord['themes']; terms: string[] }) {
  if (!themes.length) return null;
  return (
    <section className="rounded-lg border border-stone-200 bg-white p-4" data-testid="themes">
      <h2 className="mb-2 text-lg font-semibold">问题主题</h2>
      <ul className="space-y-3">
        {themes.map((t) => (
          <li key={t.id} data-testid="theme" data-theme={t.id}>
            <Link href={searchUrl({ filters: { theme: [t.label] } })} className="font-semibold text-brand-700">{t.label}</Link>
            <ul className="mt-1 list-disc space-y-1 pl-6 text-sm text-stone-700">
              {t.evidence.map((e, i) => (
                <li key={i} data-testid="theme-evidence">
                  <Marked parts={markTerms(e, terms)} testId="term-mark" />
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}

function WarningsPanel({ warnings, messages }: { warnings: ReportRecord['warnings']; messages: ReportRecord['messages'] }) {
  if (!warnings.length) return null;
  return (
    <details className="rounded-lg border border-stone-200 bg-white p-4 text-sm" data-testid="warnings">
      <summary className="cursor-pointer font-semibold">解析提示（{warnings.length}）</summary>
      <ul className="mt-2 list-disc space-y-1 pl-6 text-stone-600">
        {warnings.map((w, i) => (
          // the message's code, for machines; the text is the Chinese message
          <li key={i} data-code={messages?.[i]?.code}>{w}</li>
        ))}
      </ul>
    </details>
  );
}

function LegacyFigures({ legacy }: { legacy: NonNullable<ReportRecord['figures']['legacy']> }) {
  return (
    <section className="rounded-lg border border-stone-200 bg-white p-4" data-testid="legacy-figures">
      <h2 className="mb-1 text-lg font-semibold">政府信息公开统计数字（{FORMAT_LABELS.legacy}）</h2>
      <p className="mb-3 text-sm text-stone-600">
        本报告早于2019年的统一表格格式：数字取自报告所附统计表；标“据正文”的取自正文中明确写出该数字的句子。
      </p>
      <div className="overflow-x-auto"><LegacyTable f={legacy} /></div>
    </section>
  );
}

/** One section: its table (if it has one, with the text behind 查看原文), else its text. */
function ReportSection({ report, index, terms, failed }: { report: ReportRecord; index: number; terms: string[]; failed: FailedCells }) {
  const s = report.sections[index]!;
  const f = report.figures;
  const table =
    s.key === 'active' && f.active2019 ? <Active2019Table a={f.active2019} />
    : s.key === 'active' && f.active ? <ActiveTable a={f.active} />
    : s.key === 'requests' && f.requests ? <RequestsTable r={f.requests} failed={failed.requests} />
    : s.key === 'appeals' && f.appeals ? <AppealsTable a={f.appeals} failed={failed.appeals} />
    : null;
  const parts = markTerms(s.text, terms);
  return (
    <section className="rounded-lg border border-stone-200 bg-white p-4" data-testid={`section-${s.key}`} id={report.sections.findIndex((x) => x.key === s.key) === index ? s.key : undefined}>
      <h2 className="mb-3 text-lg font-semibold">{s.title || SECTION_LABELS[s.key]}</h2>
      {table && <div className="overflow-x-auto">{table}</div>}
      {TABLE_SECTIONS.includes(s.key) && table ? (
        <details className="mt-3 text-sm">
          <summary className="cursor-pointer text-stone-500">查看原文</summary>
          <p className="mt-2 whitespace-pre-wrap leading-relaxed text-stone-700">
            <Marked parts={parts} testId="term-mark" />
          </p>
        </details>
      ) : (
        <p className="whitespace-pre-wrap leading-relaxed text-stone-800">
          <Marked parts={parts} testId="term-mark" />
        </p>
      )}
    </section>
  );
}

function ChecksPanel({ checks, failed }: { checks: Check[]; failed: Check[] }) {
  if (!checks.length) return null;
  return (
    <section
      className={`rounded-lg border p-4 text-sm ${failed.length ? 'border-red-300 bg-red-50' : 'border-emerald-300 bg-emerald-50'}`}
      data-testid="checks"
    >
      <h2 className="mb-1 font-semibold">
        数据校验：{failed.length ? `${failed.length} 项未通过` : `${checks.length} 项全部通过`}
      </h2>
      {failed.length > 0 && (
        <ul className="list-disc space-y-1 pl-6">
          {failed.map((c) => (
            <li key={c.id} data-testid="failed-check" data-check={c.id}>
              <strong>{checkLabel(c.id)}</strong>
              {c.detail && <span>：{c.detail}</span>}
            </li>
          ))}
        </ul>
      )}
      <p className="mt-1 text-xs text-stone-600">表格中红色单元格为校验未通过处。校验不通过不代表报告无效，请对照原文核实。</p>
    </section>
  );
}
