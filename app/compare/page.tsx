import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { formatPeerSort, parsePeerSort, PEER_ROW_KEYS, peerValue, sortPeers, type PeerColumn, type PeerSort } from '@/lib/compare/peers';
import { figureLabel, figurePart, PART_LABELS } from '@/lib/compare/key-labels';
import { KEY_FIGURE_KEYS } from '@/lib/compare/figures';
import { RATE_KEYS } from '@/lib/compare/rates';
import { formatCell } from '@/lib/compare/numbers';
import { agencySuggestUrl, agencyUrl, ogImageUrl, peerCompareJsonUrl, peerCompareUrl, peerPickUrl, reportUrl } from '@/lib/urls';
import { pageMeta } from '../_lib/meta';
import { resolveAgencyNames } from '@/lib/queries';
import { cleanText } from '@/lib/search-params';
import { AgencyPicker } from '@/components/AgencyPicker';
import { Twins } from '@/app/agencies/_components/Twins';
import { loadPeers, MAX_PEERS, parsePeerParams, type PeerData } from '@/lib/queries';
import { ScrollRegion } from '@/components/ScrollRegion';

export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const HEAD_KEY = 'requests.new_received.total';

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const p = parsePeerParams(await searchParams);
  const pick = () => pageMeta({ title: '机关比较', description: '把几个行政机关同一年度的政府信息公开数字放在一起比较。', path: '/compare' });
  if (!p.slugs.length) return pick();
  const r = await loadPeers(p);
  if (r.kind !== 'ok' || !r.value.columns.length || r.value.year === null) return pick();
  const d = r.value;
  const title = `${d.columns.map((c) => c.agency).join(' / ')} ${d.year}年度比较`;
  const description = `新收政府信息公开申请（${d.year}年）：${d.columns.map((c) => `${c.agency} ${formatCell(c.figures[HEAD_KEY] ?? null)}`).join('，')}`;
  return pageMeta({ title, description, path: peerCompareUrl(d.slugs, d.year!), image: ogImageUrl.peers(d.slugs, d.year!), type: 'article' });
}

/** `agency=<中文名称>` (repeated): agencies added by name, from the picker or the comparison tray. */
function addedNames(sp: Record<string, string | string[] | undefined>): string[] {
  const v = sp.agency;
  const all = v === undefined ? [] : Array.isArray(v) ? v : [v];
  return [...new Set(all.map((n) => cleanText(n).trim().slice(0, 100)).filter(Boolean))].slice(0, MAX_PEERS);
}

export default async function PeerComparePage({ searchParams }: Props) {
  const sp = await searchParams;
  const p = parsePeerParams(sp);
  const names = addedNames(sp);
  if (names.length) {
    // Names become slugs; all found → the comparison's own URL, else the picker says what was not.
    const r = await resolveAgencyNames({ names });
    const slugs = [...new Set([...p.slugs, ...r.slugs])].slice(0, MAX_PEERS);
    if (!r.missing.length) redirect(peerPickUrl(slugs, { year: p.year }));
    return <PickAgencies slugs={slugs} year={p.year} missing={r.missing} />;
  }
  if (!p.slugs.length) return <PickAgencies slugs={[]} year={p.year} missing={[]} />;
  const r = await loadPeers(p);
  if (r.kind === 'redirect') redirect(r.to);
  const d = r.value;
  const sort = parsePeerSort(p.sort);
  const cols = sortPeers(d.columns, sort);
  return (
    <article className="space-y-6" data-testid="peer-page" data-year={d.year ?? ''}>
      <header className="space-y-2">
        <h1 className="text-2xl font-bold">机关比较{d.year !== null && `：${d.year} 年度`}</h1>
        {d.year !== null && <Twins json={peerCompareJsonUrl(d.slugs, d.year)} csv={peerCompareJsonUrl(d.slugs, d.year, 'csv')} />}
        {d.commonYears.length > 1 && d.year !== null && (
          <p className="text-sm">
            共同年度：
            {d.commonYears.map((y, i) => (
              <span key={y}>
                {i > 0 && '、'}
                {y === d.year ? <strong>{y}</strong> : <Link href={peerCompareUrl(d.slugs, y, p.sort ? { sort: p.sort } : {})} className="text-brand-700 hover:underline">{y}</Link>}
              </span>
            ))}
          </p>
        )}
        <Problems d={d} />
        <AddAgencyForm slugs={d.slugs} year={d.year} />
        {d.columns.length > 1 && (
          <p className="flex flex-wrap gap-x-3 text-sm" data-testid="peer-remove">
            {d.columns.map((c) => (
              <Link key={c.slug} href={peerPickUrl(d.slugs.filter((x) => x !== c.slug), { year: d.year })} className="text-stone-600 hover:text-brand-700">
                移除 {c.agency}
              </Link>
            ))}
          </p>
        )}
        <p className="text-sm text-stone-600">点击左列项目名称可按该项排序（再次点击切换升降序）；数字未知的机关排在最后。</p>
      </header>
      {cols.length > 0 && d.year !== null && (
        <>
          <section className="space-y-2">
            <h2 className="text-lg font-semibold">主要数字</h2>
            <PeerTable cols={cols} rowKeys={[...KEY_FIGURE_KEYS, ...RATE_KEYS]} rowTestId="peer-key-row" sort={sort} slugs={d.slugs} year={d.year} />
          </section>
          <section className="space-y-2">
            <h2 className="text-lg font-semibold">全部数字</h2>
            <PeerTable cols={cols} rowKeys={PEER_ROW_KEYS} rowTestId="peer-row" sort={sort} slugs={d.slugs} year={d.year} grouped testId="peer-table" />
          </section>
        </>
      )}
    </article>
  );
}

function PeerTable(props: {
  cols: PeerColumn[];
  rowKeys: readonly string[];
  rowTestId: string;
  sort: PeerSort | null;
  slugs: string[];
  year: number;
  grouped?: boolean;
  testId?: string;
}) {
  const { cols, rowKeys, rowTestId, sort, slugs, year, grouped, testId } = props;
  return (
    <ScrollRegion label="机关比较表">
      <table className="figures-table" data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">项目</th>
            {cols.map((c) => (
              <th key={c.slug} scope="col" data-testid={testId ? 'peer-col' : undefined} data-slug={c.slug}>
                <Link href={agencyUrl(c.slug)} className="text-brand-700 hover:underline">{c.agency}</Link>{' '}
                <Link href={reportUrl(c.id)} className="text-xs text-stone-500 hover:underline">原报告</Link>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rowKeys.map((k, i) => {
            const part = figurePart(k);
            const newPart = grouped && (i === 0 || figurePart(rowKeys[i - 1]!) !== part);
            return [
              newPart && (
                <tr key={`h-${part}`}>
                  <th colSpan={cols.length + 1} className="text-left">{PART_LABELS[part]}</th>
                </tr>
              ),
              <tr key={k} data-testid={rowTestId} data-key={k} className={sort?.key === k ? 'bg-amber-50' : undefined}>
                <th scope="row" className="text-left font-normal">
                  <SortLink k={k} sort={sort} slugs={slugs} year={year} />
                </th>
                {cols.map((c) => {
                  const v = peerValue(c, k);
                  return (
                    <td key={c.slug} className="num" data-slug={c.slug}>
                      {v === null ? '—' : part === 'rates' ? `${v}%` : String(v)}
                    </td>
                  );
                })}
              </tr>,
            ];
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

function SortLink({ k, sort, slugs, year }: { k: string; sort: PeerSort | null; slugs: string[]; year: number }) {
  const active = sort?.key === k;
  // First click sorts largest first (the usual question); a second click reverses.
  const next: PeerSort = { key: k, dir: active && sort!.dir === 'desc' ? 'asc' : 'desc' };
  return (
    <Link href={peerCompareUrl(slugs, year, { sort: formatPeerSort(next) })} className="hover:underline" data-testid="sort-link" aria-sort={active ? (sort!.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
      {figureLabel(k)}
      {active && (sort!.dir === 'desc' ? ' ↓' : ' ↑')}
    </Link>
  );
}

function Problems({ d }: { d: PeerData }) {
  if (!d.unknown.length && !d.withoutYear.length) return null;
  return (
    <ul className="space-y-1 rounded border border-amber-300 bg-amber-50 p-3 text-sm" data-testid="peer-problems">
      {d.unknown.map((u) => (
        <li key={u.slug}>
          没有地址为“{u.slug}”的机关。
          {u.similar.length > 0 && '相近的机关：'}
          {u.similar.map((s, i) => (
            <span key={s.slug}>
              {i > 0 && '、'}
              <Link href={agencyUrl(s.slug)} className="text-brand-700 hover:underline">{s.agency}</Link>
            </span>
          ))}
        </li>
      ))}
      {d.withoutYear.map((w) => (
        <li key={w.slug}>
          <Link href={agencyUrl(w.slug)} className="text-brand-700 hover:underline">{w.agency}</Link> 没有 {d.year} 年度的报告（已收录：{w.years.join('、') || '无'}）。
        </li>
      ))}
    </ul>
  );
}

/** Add one agency by its Chinese name (autocomplete); the agencies chosen so far ride along. */
function AddAgencyForm({ slugs, year, label = '添加机关' }: { slugs: string[]; year: number | null; label?: string }) {
  return (
    <form action={peerPickUrl()} method="get" className="flex flex-wrap items-center gap-2 text-sm" data-testid="peer-add">
      {slugs.length > 0 && <input type="hidden" name="agencies" value={slugs.join(',')} />}
      {year !== null && <input type="hidden" name="year" value={year} />}
      <AgencyPicker name="agency" suggestPrefix={agencySuggestUrl('')} label={label} />
      <button type="submit" className="rounded bg-brand-700 px-3 py-1 text-white" data-testid="peer-add-submit">
        加入
      </button>
    </form>
  );
}

type Missing = { name: string; similar: { agency: string; slug: string }[] };

function PickAgencies({ slugs, year, missing }: { slugs: string[]; year: number | null; missing: Missing[] }) {
  return (
    <section className="max-w-2xl space-y-3" data-testid="peer-pick">
      <h1 className="text-2xl font-bold">机关比较</h1>
      <p className="text-sm text-stone-700">
        输入机关的中文名称逐个加入（输入时会提示已收录的机关）；也可以在检索结果或报告页点“加入比较”，再在页面底部的比较栏中点“比较”。年度默认取各机关共有的最近年度。
      </p>
      {missing.length > 0 && (
        <ul className="space-y-1 rounded border border-amber-300 bg-amber-50 p-3 text-sm" data-testid="peer-missing">
          {missing.map((m) => (
            <li key={m.name}>
              没有名为“{m.name}”的机关的报告。
              {m.similar.length > 0 && '是否要找：'}
              {m.similar.map((s, i) => (
                <span key={s.slug}>
                  {i > 0 && '、'}
                  <Link href={peerPickUrl([...slugs, s.slug], { year })} className="text-brand-700 hover:underline" data-testid="peer-similar">
                    {s.agency}
                  </Link>
                </span>
              ))}
            </li>
          ))}
        </ul>
      )}
      {slugs.length > 0 && (
        <p className="text-sm">
          已选 {slugs.length} 个机关：
          <Link href={peerPickUrl(slugs, { year })} className="text-brand-700 hover:underline" data-testid="peer-go">
            查看比较
          </Link>
        </p>
      )}
      <AddAgencyForm slugs={slugs} year={year} label="机关名称" />
    </section>
  );
}
