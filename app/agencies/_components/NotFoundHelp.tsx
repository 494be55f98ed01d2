import Link from 'next/link';
import { searchUrl } from '@/lib/urls';

/** What is missing and what exists instead (the `missing` case of lib/queries' Loaded). */
export interface MissingInfo {
  title: string;
  message: string;
  links: { href: string; label: string; testId?: string }[];
}

/**
 * Body of the 404 pages of agency and comparison URLs. Pages render it themselves with `info`
 * (status 404 set by proxy.ts); not-found.tsx renders it without, after a bare notFound().
 */
export function NotFoundHelp({ info, fallbackTitle }: { info?: MissingInfo; fallbackTitle: string }) {
  return (
    <section className="max-w-3xl space-y-4" data-testid="not-found">
      <h1 className="text-2xl font-bold">{info?.title ?? fallbackTitle}</h1>
      <p className="text-stone-700">{info?.message ?? '该地址没有对应的内容，可能链接有误或数据尚未收录。'}</p>
      {info && info.links.length > 0 && (
        <ul className="list-disc space-y-1 pl-6" data-testid="not-found-links">
          {info.links.map((l) => (
            <li key={l.href}>
              <Link href={l.href} className="text-brand-700 hover:underline" data-testid={l.testId}>
                {l.label}
              </Link>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link href={searchUrl()} className="text-brand-700 hover:underline">
          返回检索
        </Link>
      </p>
    </section>
  );
}
