import { redirect } from 'next/navigation';
import { agencyUrl, compareUrl } from '@/lib/urls';
import { lastParam } from '@/lib/search-params';

export const dynamic = 'force-dynamic';

/** Target of the year-picker form (?a=&b=): sends the browser to the comparison permalink. */
export default async function CompareForm({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { slug } = await params;
  const sp = await searchParams;
  const a = Number(lastParam(sp, 'a'));
  const b = Number(lastParam(sp, 'b'));
  const s = decodeURIComponent(slug);
  if (Number.isInteger(a) && Number.isInteger(b) && a > 1900 && b > 1900) redirect(compareUrl(s, a, b));
  redirect(agencyUrl(s));
}
