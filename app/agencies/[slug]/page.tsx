import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, permanentRedirect } from 'next/navigation';
import { buildTimeline, type Timeline } from '@/lib/compare/timeline';
import { RATE_KEYS, RATE_LABELS, RATE_NOTES } from '@/lib/compare/rates';
import { figureLabel } from '@/lib/compare/key-labels';
import { formatCell } from '@/lib/compare/numbers';
import { figureChange, headline, HEADLINE_KEY } from '@/lib/compare/yoy';
import { FORMAT_LABELS, LEVEL_LABELS, checkLabel } from '@/lib/labels';
import { EQUIVALENTS } from '@/lib/compare/formats';
import { agencyJsonUrl, agencyUrl, compareFormAction, compareUrl, ogImageUrl, peerCompareUrl, reportUrl } from '@/lib/urls';
import { yearSpan } from '@/lib/year-text';
import { pageMeta } from '../../_lib/meta';
import { consecutivePairs, getAgencyCharts, sameAreaPeers, type AgencyData } from '@/lib/queries';
import { answeredMissing } from '../../_lib/missing-page';
import { loadAgency } from '../../_lib/data';
import { Chart } from '../_components/Chart';
import { NotFoundHelp } from '../_components/NotFoundHelp';
import { Twins } from '../_components/Twins';
import { pctText } from '../_lib/format';
import { regionText } from '@/lib/labels';
import { ScrollRegion } from '@/components/ScrollRegion';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ slug: string }> };

/** The figures shown in the per-year table (all figures are in the JSON/CSV twins). */
const AGENCY_TABLE_KEYS = [
  'requests.new_received.total',
  'requests.carried_over.total',
  'requests.granted.total',
  'requests.partially_granted.total',
  'requests.unavailable_not_held.total',
  'requests.total_processed.total',
  'requests.carried_forward.total',
  'appeals.review.total',
  'appeals.review.corrected',
  'appeals.litigation_direct.total',
  'appeals.litigation_after_review.total',
  'active.licensing',
  'active.penalty',
  'active.coercion',
  'active.normative_documents.in_force',
  'active.rules.in_force',
];


export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const r = await loadAgency(decodeURIComponent(slug));
  if (r.kind !== 'ok') return { title: '未找到该机关' };
  const t = buildTimeline(r.value.agency.agency, r.value.records);
  const ys = t.years;
  const last = ys.at(-1);
  const title = `${r.value.agency.agency} 政府信息公开年度报告 ${yearSpan(ys.map((y) => y.year))}`.trim();
  const n = (y: (typeof ys)[number]) => formatCell(y.figures['requests.new_received.total'] ?? null);
  const prev = ys.at(-2);
  // The headline change of the latest two years leads, as on the comparison page.
  const lead = prev && last
    ? `${headline(r.value.agency.agency, prev.year, last.year, figureChange(HEADLINE_KEY, prev.figures[HEADLINE_KEY] ?? null, last.figures[HEADLINE_KEY] ?? null))}。`
    : '';
  const description = ys.length
    ? `${lead}${regionText(r.value.agency.region)}。已收录 ${ys.length} 个年度；新收政府信息公开申请：${ys.map((y) => `${y.year}年 ${n(y)}`).join('，')}。`
    : `${r.value.agency.agency}：暂无带年度的报告。`;
  return pageMeta({ title, description, path: agencyUrl(r.value.slug), image: ogImageUrl.agency(r.value.slug), type: 'article' });
}

export default async function AgencyPage({ params }: Props) {
  const { slug } = await params;
  const r = await loadAgency(decodeURIComponent(slug));
  if (r.kind === 'redirect') permanentRedirect(r.to);
  if (r.kind === 'missing') {
    // Rendered here, not by not-found.tsx, so it is in the server HTML (app/_lib/missing-page).
    if (!(await answeredMissing())) notFound();
    return <NotFoundHelp info={r} fallbackTitle="未找到该机关" />;
  }
  const data = r.value;
  const t = buildTimeline(data.agency.agency, data.records);
  const charts = getAgencyCharts({ agency: data.agency, timeline: t });
  const latest = t.years.at(-1);
  const peers = latest ? await sameAreaPeers({ agency: data.agency, slug: data.slug, year: latest.year }) : [];
  return (
    <article className="space-y-8" data-testid="agency-page" data-agency={data.agency.agency}>
      <AgencyHeader data={data} t={t} />
      <CompareNav slug={data.slug} years={t.years.map((y) => y.year)} />
      {charts.length > 0 && (
        <section aria-labelledby="charts-h" className="space-y-3">
          <h2 id="charts-h" className="text-lg font-semibold">历年变化</h2>
          <div className="grid gap-4 lg:grid-cols-2">
            {charts.map((c) => (
              <Chart key={c.id} id={c.id} spec={c.spec} svg={c.svg} />
            ))}
          </div>
        </section>
      )}
      <YearTable t={t} />
      <ThemesByYear t={t} />
      <FailedChecks t={t} />
      {latest && peers.length > 1 && (
        <p className="text-sm">
          <Link href={peerCompareUrl(peers, latest.year)} className="text-brand-700 hover:underline" data-testid="peer-link">
            与同地区机关比较 {latest.year} 年度数字
          </Link>
        </p>
      )}
    </article>
  );
}

function AgencyHeader({ data, t }: { data: AgencyData; t: Timeline }) {
  return (
    <header className="space-y-2">
      <h1 className="text-2xl font-bold" data-testid="agency-name">{data.agency.agency}</h1>
      <p className="text-sm text-stone-600">
        {regionText(data.agency.region)}
        {data.agency.level && ` · ${LEVEL_LABELS[data.agency.level]}`}
      </p>
      <p className="text-sm">
        已收录年度：
        {t.years.map((y, i) => (
          <span key={y.year}>
            {i > 0 && '、'}
            <Link href={reportUrl(y.id)} className="text-brand-700 hover:underline" data-testid="year-link" data-year={y.year}>
              {y.year}
            </Link>
          </span>
        ))}
        {t.years.length === 0 && '无'}
      </p>
      <Twins json={agencyJsonUrl(data.slug)} csv={agencyJsonUrl(data.slug, 'csv')} />
    </header>
  );
}

function ThemesByYear({ t }: { t: Timeline }) {
  return (
    <section aria-labelledby="themes-h" className="space-y-2">
      <h2 id="themes-h" className="text-lg font-semibold">各年度自述的问题主题</h2>
      <ul className="space-y-1 text-sm" data-testid="themes-by-year">
        {t.years.map((y) => (
          <li key={y.year} data-year={y.year}>
            <span className="font-medium">{y.year}年：</span>
            {y.themes.length ? y.themes.map((th) => th.label).join('、') : '未识别出主题'}
          </li>
        ))}
      </ul>
    </section>
  );
}

function FailedChecks({ t }: { t: Timeline }) {
  return (
    <section aria-labelledby="checks-h" className="space-y-2">
      <h2 id="checks-h" className="text-lg font-semibold">未通过的数据校验</h2>
      {t.years.every((y) => y.failedChecks.length === 0) ? (
        <p className="text-sm text-stone-600" data-testid="checks-none">各年度报告的表格校验全部通过。</p>
      ) : (
        <ul className="space-y-2 text-sm" data-testid="failed-checks">
          {t.years
            .filter((y) => y.failedChecks.length)
            .map((y) => (
              <li key={y.year} data-year={y.year}>
                <Link href={reportUrl(y.id)} className="font-medium text-brand-700 hover:underline">{y.year}年</Link>
                <ul className="list-disc pl-6">
                  {y.failedChecks.map((c) => (
                    <li key={c.id} data-testid="failed-check" data-check={c.id}>
                      <span className="font-medium">{checkLabel(c.id)}</span>
                      {c.detail && <span className="text-red-800">：{c.detail}</span>}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
        </ul>
      )}
    </section>
  );
}

function CompareNav({ slug, years }: { slug: string; years: number[] }) {
  if (years.length < 2) {
    return <p className="text-sm text-stone-600" data-testid="compare-none">只收录了一个年度，暂无年度比较。</p>;
  }
  const pairs = consecutivePairs(years);
  return (
    <section aria-labelledby="cmp-h" className="space-y-2">
      <h2 id="cmp-h" className="text-lg font-semibold">年度比较</h2>
      <ul className="flex flex-wrap gap-2 text-sm">
        {pairs.map(([a, b]) => (
          <li key={`${a}-${b}`}>
            <Link href={compareUrl(slug, a, b)} className="rounded border border-stone-300 bg-white px-2 py-1 text-brand-700 hover:bg-brand-50" data-testid="compare-link">
              {a} → {b}
            </Link>
          </li>
        ))}
      </ul>
      <form action={compareFormAction(slug)} method="get" className="flex flex-wrap items-center gap-2 text-sm" data-testid="compare-form">
        <label>
          较早年度{' '}
          <select name="a" defaultValue={String(years.at(0))} className="rounded border border-stone-300 px-1 py-0.5">
            {years.map((y) => <option key={y} value={y}>{y}</option>)}
          </select>
        </label>
        <label>
          较晚年度{' '}
          <select name="b" defaultValue={String(years.at(-1))} className="rounded border border-stone-300 px-1 py-0.5">
            {years.map((y) => <option key={y} value={y}>{y}</option>)}
          </select>
        </label>
        <button type="submit" className="rounded bg-brand-700 px-3 py-1 text-white">比较</button>
      </form>
    </section>
  );
}

/** Figures of the older formats, shown when a year of that format is on the timeline. */
const OLDER_FORMAT_KEYS: Record<'2019' | 'legacy', string[]> = {
  '2019': ['active2019.rules.total_published', 'active2019.normative_documents.total_published', 'active2019.procurement.projects'],
  legacy: ['legacy.active_total', 'legacy.requests_received', 'legacy.requests_completed', 'legacy.replies.granted', 'legacy.replies.denied', 'legacy.fees_wan_yuan'],
};

function YearTable({ t }: { t: Timeline }) {
  if (!t.years.length) return null;
  const formats = [...new Set(t.years.map((y) => y.format))];
  const keys = [...AGENCY_TABLE_KEYS, ...(['2019', 'legacy'] as const).flatMap((f) => (formats.includes(f) ? OLDER_FORMAT_KEYS[f] : []))];
  const mixed = formats.length > 1;
  return (
    <section aria-labelledby="table-h" className="space-y-2">
      <h2 id="table-h" className="text-lg font-semibold">主要数字</h2>
      {mixed && (
        <p className="text-sm text-stone-600" data-testid="format-note">
          各年度报告格式不同（{t.years.map((y) => `${y.year}年${FORMAT_LABELS[y.format]}`).join('，')}）。
          标“≈”的数字取自旧格式中含义相同的指标（{EQUIVALENTS.filter((e) => formats.some((f) => e.from[f])).map((e) => e.note).join('；')}），可与新格式比较；其余数字口径不同，空缺处为该格式没有此项。
        </p>
      )}
      <ScrollRegion label="主要数字">
        <table className="figures-table" data-testid="year-table">
          <thead>
            <tr>
              <th scope="col">项目</th>
              {t.years.map((y) => (
                <th key={y.year} scope="col" title={FORMAT_LABELS[y.format]} data-format={y.format}>
                  {y.year}
                  {mixed && <span className="block text-xs font-normal text-stone-500">{FORMAT_LABELS[y.format]}</span>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {keys.map((k) => (
              <tr key={k} data-testid="year-row" data-key={k}>
                <th scope="row" className="text-left font-normal">{figureLabel(k)}</th>
                {t.years.map((y) => {
                  const own = y.figures[k] ?? null;
                  const eq = own === null ? (y.equivalents[k] ?? null) : null;
                  return (
                    <td key={y.year} className="num" data-year={y.year} data-equivalent={eq !== null ? 'true' : undefined}>
                      {eq !== null ? <span title="取自旧格式中含义相同的指标">≈{formatCell(eq)}</span> : formatCell(own)}
                    </td>
                  );
                })}
              </tr>
            ))}
            {RATE_KEYS.map((k) => (
              <tr key={k} data-testid="year-row" data-key={k}>
                <th scope="row" className="text-left font-normal" title={RATE_NOTES[k]}>{RATE_LABELS[k]}</th>
                {t.years.map((y) => (
                  <td key={y.year} className="num" data-year={y.year}>{pctText(y.rates[k])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}
