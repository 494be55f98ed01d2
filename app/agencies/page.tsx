import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, permanentRedirect } from 'next/navigation';
import { getAgencyDirectory } from '@/lib/queries';
import { agenciesUrl, agencyUrl } from '@/lib/urls';
import { pageMeta } from '../_lib/meta';
import { cleanText, lastParam } from '@/lib/search-params';
import { regionText } from '@/lib/labels';
import { answeredMissing } from '../_lib/missing-page';
import { NotFoundHelp } from './_components/NotFoundHelp';

export const dynamic = 'force-dynamic';
export async function generateMetadata(): Promise<Metadata> {
  return pageMeta({ title: '机关列表', description: '本站收录了报告的全部行政机关，按名称或地区筛选。', path: agenciesUrl() });
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const MAX_LISTED = 500;

/**
 * Agency index. `?name=<exact agency name>` redirects to that agency's page, so other pages can
 * link to an agency without computing its slug (lib/urls agencyByNameUrl).
 */
export default async function AgenciesPage({ searchParams }: Props) {
  const sp = await searchParams;
  // Control characters are dropped before anything is echoed into the page.
  const name = cleanText(lastParam(sp, 'name') ?? '').trim();
  const filter = cleanText(lastParam(sp, 'q') ?? '').trim();
  const dir = await getAgencyDirectory();
  if (name) {
    const slug = dir.index.slugOf.get(name);
    if (slug) permanentRedirect(agencyUrl(slug));
    if (!(await answeredMissing())) notFound();
    const info = {
      title: '未找到该机关',
      message: `没有名为“${name}”的机关的报告。`,
      links: dir.agencies.filter((a) => a.agency.includes(name) || name.includes(a.agency)).slice(0, 10).map((a) => ({ href: agencyUrl(dir.index.slugOf.get(a.agency)!), label: a.agency })),
    };
    return <NotFoundHelp info={info} fallbackTitle="未找到该机关" />;
  }
  const list = dir.agencies.filter((a) => !filter || a.agency.includes(filter) || regionText(a.region).includes(filter));
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-bold">机关列表</h1>
      <form method="get" className="flex gap-2 text-sm">
        <label htmlFor="agency-filter" className="self-center">机关名称或地区</label>
        <input id="agency-filter" name="q" type="search" defaultValue={filter} placeholder="如：北仑区、宁波市" className="rounded border border-stone-300 px-2 py-1" data-testid="agency-filter" />
        <button type="submit" className="rounded bg-brand-700 px-3 py-1 text-white">筛选</button>
      </form>
      <p className="text-sm text-stone-600">共 {list.length} 个机关{list.length > MAX_LISTED && `，显示前 ${MAX_LISTED} 个，请输入名称缩小范围`}。</p>
      <ul className="grid gap-1 text-sm md:grid-cols-2" data-testid="agency-list">
        {list.slice(0, MAX_LISTED).map((a) => (
          <li key={a.agency}>
            <Link href={agencyUrl(dir.index.slugOf.get(a.agency)!)} className="text-brand-700 hover:underline">{a.agency}</Link>{' '}
            <span className="text-stone-500">{regionText(a.region)} · {a.years.join('、')}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
