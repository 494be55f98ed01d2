/** Where the report file came from (sidecar + reader facts), and its other published versions. */
import Link from 'next/link';
import { encodingLabel, fileFormatLabel } from '@/lib/labels';
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

/**
 * Where the report came from. The original address and the capture date come from the file's
 * sidecar (`report.pdf.json`); when there is none the block says so plainly, so a reader knows
 * the link is missing rather than hidden.
 */
export function Provenance({ source }: { source: ReportRecord['source'] }) {
  const href = httpUrl(source?.sourceUrl);
  const captured = dateText(source?.capturedAt);
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr_auto_1fr]" data-testid="provenance">
      <dt className="text-stone-600">原文网址</dt>
      <dd className="break-all" data-testid="provenance-url" data-known={href ? 'true' : 'false'}>
        {href ? (
          <a href={href} className="text-brand-700" rel="noopener noreferrer nofollow" target="_blank" data-testid="provenance-link">
            {source!.sourceUrl}
            <span className="sr-only">（在新窗口打开原文）</span>
          </a>
        ) : source?.sourceUrl ? (
          // Not http(s): shown as text, never as a link (a sidecar is operator input).
          <span>{source.sourceUrl}（不是网页地址，未设为链接）</span>
        ) : (
          <span className="text-stone-700">未记录：收录时没有提供原文网址，请按机关名称和年度到该机关的政府信息公开专栏查找原文。</span>
        )}
      </dd>
      <dt className="text-stone-600">采集日期</dt>
      <dd data-testid="provenance-captured" data-known={captured ? 'true' : 'false'}>
        {captured || <span className="text-stone-700">未记录：不知道原文是哪一天取得的。</span>}
      </dd>
      {source && (
        <>
          <dt className="text-stone-600">文件格式</dt>
          <dd data-testid="provenance-format">
            {fileFormatLabel(source.format)}，编码：{encodingLabel(source.encoding)}
          </dd>
          <dt className="text-stone-600">文件指纹</dt>
          <dd title={source.sha256} data-testid="provenance-sha256">
            <span className="font-mono text-xs">{source.sha256.slice(0, 12)}…</span>
            <span className="text-xs text-stone-600">（用于核对文件是否被改动）</span>
          </dd>
        </>
      )}
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
  return `${kind}${when ? `（采集于 ${when}）` : ''} · ${v.file.split(/[\\/]/).pop()} · 指纹 ${v.sha256.slice(0, 8)}`;
}
