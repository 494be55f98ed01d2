import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, permanentRedirect } from 'next/navigation';
import { compareYears, type FigureChange, type YearComparison } from '@/lib/compare/yoy';
import { KEY_FIGURE_KEYS } from '@/lib/compare/figures';
import { figureLabel, figurePart, PART_LABELS } from '@/lib/compare/key-labels';
import { FORMAT_LABELS } from '@/lib/labels';
import { RATE_LABELS, RATE_NOTES, type RateKey } from '@/lib/compare/rates';
import { formatCell, formatDelta, formatPct } from '@/lib/compare/numbers';
import { agencyUrl, compareJsonUrl, compareUrl, ogImageUrl, reportUrl } from '@/lib/urls';
import { earlierYearPhrase } from '@/lib/year-text';
import { pageMeta } from '../../../../_lib/meta';
import { answeredMissing } from '../../../../_lib/missing-page';
import { NotFoundHelp } from '../../../_components/NotFoundHelp';
import { Twins } from '../../../_components/Twins';
import { loadYearPair } from '../../../../_lib/data';
import { pctText } from '../../../_lib/format';
import { ScrollRegion } from '@/components/ScrollRegion';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ slug: string; years: string }> };



export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, years } = await params;
  const r = await loadYearPair(decodeURIComponent(slug), years);
  if (r.kind !== 'ok') return { title: '没有可比较的年度' };
  const c = compareYears(r.value.earlier, r.value.later);
  const rate = c.rates.find((x) => x.key === 'rate.granted_share')!;
  const description = [
    c.headline,
    rate.earlier !== null || rate.later !== null ? `予以公开及部分公开占比 ${pctText(rate.earlier)} → ${pctText(rate.later)}` : '',
    c.repeated.share !== null ? `问题部分与${earlierYearPhrase(c.earlier.year!, c.later.year!)}逐字重复 ${c.repeated.share}%` : '',
  ]
    .filter(Boolean)
    .join('；');
  const title = `${c.agency} ${c.earlier.year}→${c.later.year} 年度比较`;
  return pageMeta({
    title,
    description,
    path: compareUrl(r.value.slug, c.earlier.year!, c.later.year!),
    image: ogImageUrl.compare(r.value.slug, c.earlier.year!, c.later.year!),
    shareTitle: c.headline,
    type: 'article',
  });
}

export default async function YearComparePage({ params }: Props) {
  const { slug, years } = await params;
  const r = await loadYearPair(decodeURIComponent(slug), years);
  if (r.kind === 'redirect') permanentRedirect(r.to);
  if (r.kind === 'missing') {
    // Rendered here, not by not-found.tsx, so it is in the server HTML (app/_lib/missing-page).
    if (!(await answeredMissing())) notFound();
    return <NotFoundHelp info={r} fallbackTitle="没有可比较的年度" />;
  }
  const data = r.value;
  const c = compareYears(data.earlier, data.later);
  const yA = c.earlier.year!;
  const yB = c.later.year!;
  const byKey = new Map(c.figures.map((f) => [f.key, f]));
  return (
    <article className="space-y-8" data-testid="compare-page" data-earlier={yA} data-later={yB}>
      <CompareHeader c={c} slug={data.slug} />
      <FormatNote c={c} />
      <section aria-labelledby="key-h" className="space-y-2">
        <h2 id="key-h" className="text-lg font-semibold">主要数字</h2>
        <FigureTable rows={KEY_FIGURE_KEYS.flatMap((k) => byKey.get(k) ?? [])} yA={yA} yB={yB} testId="key-figures" />
      </section>
      <RatesTable c={c} />
      <ThemesDiff c={c} />
      <Repeated c={c} />
      <section aria-labelledby="all-h" className="space-y-4">
        <h2 id="all-h" className="text-lg font-semibold">全部数字</h2>
        {(['active', 'requests', 'appeals', 'active2019', 'legacy'] as const)
          .filter((part) => c.figures.some((f) => figurePart(f.key) === part))
          .map((part) => (
          <div key={part} className="space-y-1">
            <h3 className="font-medium">{PART_LABELS[part]}</h3>
            <FigureTable rows={c.figures.filter((f) => figurePart(f.key) === part)} yA={yA} yB={yB} testId={`figures-${part}`} />
          </div>
          ))}
      </section>
    </article>
  );
}

function CompareHeader({ c, slug }: { c: YearComparison; slug: string }) {
  const yA = c.earlier.year!;
  const yB = c.later.year!;
  return (
    <header className="space-y-2">
      <p className="text-sm">
        <Link href={agencyUrl(slug)} className="text-brand-700 hover:underline" data-testid="agency-link">
          {c.agency}
        </Link>{' '}
        · 年度比较
      </p>
      <h1 className="text-2xl font-bold" data-testid="headline">{c.headline}</h1>
      <p className="text-sm text-stone-600">
        原报告：
        <Link href={reportUrl(c.earlier.id)} className="text-brand-700 hover:underline">{yA}年度</Link>、
        <Link href={reportUrl(c.later.id)} className="text-brand-700 hover:underline">{yB}年度</Link>
      </p>
      <Twins json={compareJsonUrl(slug, yA, yB)} csv={compareJsonUrl(slug, yA, yB, 'csv')} />
    </header>
  );
}

/** Two formats: which figures mean the same and are compared; the rest are not. */
function FormatNote({ c }: { c: YearComparison }) {
  if (!c.comparability.length) return null;
  return (
    <section aria-labelledby="fmt-h" className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm" data-testid="format-note">
      <h2 id="fmt-h" className="font-semibold">
        两份报告格式不同：{c.earlier.year}年为{FORMAT_LABELS[c.earlier.format]}，{c.later.year}年为{FORMAT_LABELS[c.later.format]}
      </h2>
      <p className="mt-1">只比较含义相同的数字，其余数字两种格式口径不同，不作比较：</p>
      <ul className="mt-1 list-disc pl-6" data-testid="comparable-figures">
        {c.comparability.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
    </section>
  );
}

function RatesTable({ c }: { c: YearComparison }) {
  return (
    <section aria-labelledby="rates-h" className="space-y-2">
      <h2 id="rates-h" className="text-lg font-semibold">派生比率</h2>
      <ScrollRegion label="派生比率">
        <table className="figures-table" data-testid="rates-table">
          <thead>
            <tr>
              <th scope="col">比率</th>
              <th scope="col">{c.earlier.year}</th>
              <th scope="col">{c.later.year}</th>
              <th scope="col">变化（百分点）</th>
              <th scope="col">计算方法</th>
            </tr>
          </thead>
          <tbody>
            {c.rates.map((r) => (
              <tr key={r.key} data-testid="rate-row" data-key={r.key}>
                <th scope="row" className="text-left font-normal">{RATE_LABELS[r.key as RateKey]}</th>
                <td className="num" data-col="earlier">{pctText(r.earlier)}</td>
                <td className="num" data-col="later">{pctText(r.later)}</td>
                <td className="num" data-col="points">{formatDelta(r.points)}</td>
                <td className="text-xs text-stone-500">{RATE_NOTES[r.key as RateKey]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}

function FigureTable({ rows, yA, yB, testId }: { rows: FigureChange[]; yA: number; yB: number; testId: string }) {
  return (
    <ScrollRegion label="数字比较表">
      <table className="figures-table" data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">项目</th>
            <th scope="col">{yA}</th>
            <th scope="col">{yB}</th>
            <th scope="col">变化</th>
            <th scope="col">变化率</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((f) => (
            <tr key={f.key} data-testid="figure-row" data-key={f.key}>
              <th scope="row" className="text-left font-normal">{figureLabel(f.key)}</th>
              <td className="num" data-col="earlier">{formatCell(f.earlier)}</td>
              <td className="num" data-col="later">{formatCell(f.later)}</td>
              <td className={`num ${f.delta !== null && f.delta > 0 ? 'text-emerald-800' : f.delta !== null && f.delta < 0 ? 'text-red-800' : ''}`} data-col="delta">
                {formatDelta(f.delta)}
              </td>
              <td className="num" data-col="pct">{formatPct(f.pct, f.earlier)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

function ThemesDiff({ c }: { c: YearComparison }) {
  const { appeared, persisted, disappeared } = c.themes;
  const list = (items: { id: string; label: string }[], testId: string) =>
    items.length ? (
      <ul className="flex flex-wrap gap-1" data-testid={testId}>
        {items.map((t) => (
          <li key={t.id} className="rounded-full bg-stone-100 px-2 py-0.5 text-sm" data-theme={t.id}>{t.label}</li>
        ))}
      </ul>
    ) : (
      <p className="text-sm text-stone-500" data-testid={testId}>无</p>
    );
  return (
    <section aria-labelledby="themes-h" className="space-y-3">
      <h2 id="themes-h" className="text-lg font-semibold">自述问题主题的变化</h2>
      <div className="grid gap-4 md:grid-cols-3">
        <div>
          <h3 className="mb-1 font-medium">持续存在（{c.earlier.year}、{c.later.year} 均提及）</h3>
          {list(persisted, 'themes-persisted')}
        </div>
        <div>
          <h3 className="mb-1 font-medium">新出现（仅 {c.later.year}）</h3>
          {list(appeared, 'themes-appeared')}
        </div>
        <div>
          <h3 className="mb-1 font-medium">不再提及（仅 {c.earlier.year}）</h3>
          {list(disappeared, 'themes-disappeared')}
        </div>
      </div>
      {persisted.length > 0 && (
        <details className="text-sm">
          <summary className="cursor-pointer text-stone-600">持续存在主题的原文依据</summary>
          <dl className="mt-2 space-y-2">
            {persisted.map((t) => (
              <div key={t.id}>
                <dt className="font-medium">{t.label}</dt>
                <dd className="text-stone-700">{c.earlier.year}：{t.evidenceEarlier.join(' … ') || '—'}</dd>
                <dd className="text-stone-700">{c.later.year}：{t.evidenceLater.join(' … ') || '—'}</dd>
              </div>
            ))}
          </dl>
        </details>
      )}
    </section>
  );
}

function Repeated({ c }: { c: YearComparison }) {
  const r = c.repeated;
  return (
    <section aria-labelledby="rep-h" className="space-y-2">
      <h2 id="rep-h" className="text-lg font-semibold">问题部分的逐字重复</h2>
      {r.share === null ? (
        <p className="text-sm text-stone-600" data-testid="repeated-share" data-share="">
          {c.later.year} 年度报告中没有可比较的“存在的主要问题及改进情况”文字。
        </p>
      ) : (
        <>
          <p className="text-sm" data-testid="repeated-share" data-share={r.share}>
            {c.later.year} 年度“存在的主要问题及改进情况”共 {r.sentences} 句，其中 <strong>{r.repeated}</strong> 句与 {c.earlier.year}{' '}
            年度逐字相同（忽略标点、空格、序号和年份），占 <strong>{r.share}%</strong>。重复的句子已标出。
          </p>
          <blockquote className="whitespace-pre-wrap rounded border border-stone-200 bg-white p-3 text-sm leading-relaxed" data-testid="repeated-text">
            {r.segments.map((s, i) => (s.repeated ? <mark key={i} data-testid="repeated-sentence">{s.text}</mark> : <span key={i}>{s.text}</span>))}
          </blockquote>
        </>
      )}
    </section>
  );
}
