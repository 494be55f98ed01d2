/** Terminal lines of a crawl: periodic progress and the closing summary. */
import type { CrawlProgress, CrawlSummary } from './crawler';

export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const pad = (n: number) => String(n).padStart(2, '0');
  return h ? `${h}:${pad(m)}:${pad(s % 60)}` : `${m}:${pad(s % 60)}`;
}

export function formatProgress(p: CrawlProgress): string {
  const eta = p.etaMs === null ? 'ETA —' : `ETA ~${formatDuration(p.etaMs)}`;
  return `sites ${p.sitesDone}/${p.sites}  pages ${p.pages}  reports found ${p.found} fetched ${p.fetched + p.versions} unchanged ${p.unchanged} failed ${p.failed}  queued ${p.queued}  ${formatDuration(p.elapsedMs)} elapsed  ${eta}`;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function formatSummary(s: CrawlSummary): string {
  const lines = [
    `Crawl ${s.run}${s.resumed ? ' (resumed)' : ''} finished in ${formatDuration(s.elapsedMs)}: ${plural(s.sites, 'site')} (${s.sitesFailed.length} failed), ${plural(s.pages, 'page')}, ${plural(s.requests, 'request')}`,
    `  reports: ${s.found} found, ${s.fetched} new, ${s.versions} changed (kept as new versions), ${s.unchanged} unchanged, ${s.failed} failed, ${s.blocked} blocked by robots.txt`,
    `  corpus: ${s.out}`,
  ];
  for (const f of s.sitesFailed) lines.push(`  ✗ site ${f.seed}: ${f.reason}`);
  for (const seed of s.sitesLimited) lines.push(`  ! site ${seed}: stopped at the page limit`);
  const shown = s.failures.slice(0, 20);
  for (const f of shown) lines.push(`  ✗ ${f.reason}`);
  if (s.failures.length > shown.length) lines.push(`  … ${s.failures.length - shown.length} more in .crawl/last-summary.json`);
  return lines.join('\n');
}
