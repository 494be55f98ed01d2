/** Where the report file came from (sidecar + reader facts), and its other published versions. */
import Link from 'next/link';
import type { ReportRecord, ReportVersion } from '@/lib/types';
import { reportUrl } from '@/lib/urls';

/** Only http(s) URLs become links: a sidecar is operator input, but a javascript: URL must never be clickable. */
function httpUrl(u: string | undefined): string | null {
  if (!u) return null;
  try {
    const p = new URL(u);
    return p.protocol === 'http:' || p.protocol === 'https:' ? p.href : null;
  } catch {
    return null;
  }
}

function dateText(iso: string | undefined): string {
  if (!iso) return '';
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : new Date(t).toISOString().slice(0, 10);
}

export function Provenance({ source }: { source: ReportRecord['source'] }) {
  if (!source) return null;
  const href = httpUrl(source.sourceUrl);
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr_auto_1fr]" data-testid="provenance">
      <dt className="text-stone-500">来源</dt>
      <dd className="break-all" data-testid="provenance-url">
        {href ? (
          <a href={href} className="text-brand-700" rel="noopener noreferrer nofollow" target="_blank">
            {source.sourceUrl}
          </a>
        ) : (
          (source.sourceUrl ?? '未记录')
        )}
      </dd>
      <dt className="text-stone-500">采集日期</dt>
      <dd data-testid="provenance-captured">{dateText(source.capturedAt) || '未记录'}</dd>
      <dt className="text-stone-500">文件格式 / 编码</dt>
      <dd>
        {source.format.toUpperCase()} / {source.encoding}
      </dd>
      <dt className="text-stone-500">SHA-256</dt>
      <dd className="font-mono text-xs" title={source.sha256} data-testid="provenance-sha256">
        {source.sha256.slice(0, 12)}…
      </dd>
    </dl>
  );
}

/**
 * The notice on every version of a report published in several files. `versions` is the canonical
 * record's list (the canonical version first, then newest first; lib/versions.ts says which is
 * canonical); `current` is the id of the page being shown.
 */
export function Versions({ versions, current }: { versions: ReportVersion[] | undefined; current: string }) {
  if (!versions || versions.length < 2) return null;
  const isCanonical = versions[0].id === current;
  return (
    <aside className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm" data-testid="versions">
      <p className="font-semibold">
        {isCanonical ? '此报告有其他版本' : '此页是其他版本'}：同一报告有 {versions.length} 个不同文件，本站采用最完整的一个（同样完整时取最新的）{isCanonical ? '，即本页' : '，见下'}。
      </p>
      <ul className="mt-1 list-disc space-y-1 pl-6">
        {versions.map((v, i) => (
          <li key={v.id}>
            {v.id === current ? (
              <span aria-current="page" className="font-semibold">{label(v, i)}（本页）</span>
            ) : (
              <Link href={reportUrl(v.id)} className="text-brand-700" data-testid="version-link">
                {label(v, i)}
              </Link>
            )}
          </li>
        ))}
      </ul>
    </aside>
  );
}

function label(v: ReportVersion, i: number): string {
  const when = dateText(v.capturedAt);
  const kind = i === 0 ? '采用的版本' : v.incomplete ? '不完整的版本' : '旧版本';
  return `${kind}${when ? `（采集于 ${when}）` : ''} · ${v.file.split(/[\\/]/).pop()} · ${v.sha256.slice(0, 8)}`;
}
