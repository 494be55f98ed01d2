/**
 * Stress phases of the HTTP benchmark, against the same `next start` server:
 * 1. "search p99 during exports": 8 clients each downloading broad exports (/api/export, every
 *    report up to its cap) back to back, while 2 connections search (/api/search, the rotating
 *    query set); search latency is what is measured. A 429 (export queue full) makes the client
 *    wait its Retry-After, as a well-behaved client would.
 * 2. "pages at 64 connections": report pages and agency pages, 64 connections each, counting
 *    timeouts (autocannon's 10 s) and non-2xx answers.
 */
import { agencyUrl, reportUrl } from '../../lib/urls';
import { summarize } from './stats';
import { groupRssMB } from './proc';
import { load, type HttpTarget } from './http';

export const EXPORT_CLIENTS = 8;
export const PAGE_CONNECTIONS = 64;

export interface ExportLoad {
  clients: number;
  /** exports that completed with 200 and a whole body */
  completed: number;
  /** 429 answers (each followed by a wait of Retry-After) */
  refused: number;
  /** other statuses or broken bodies */
  failed: number;
  /** bytes of export bodies received */
  bytes: number;
  /** seconds one export took, p50 / max */
  exportSecondsP50: number;
  exportSecondsMax: number;
}

export interface StressResult {
  seconds: number;
  exports: ExportLoad;
  /** /api/search under the export load */
  searchDuringExports: HttpTarget;
  /** the same searches with nothing else running, just before (for comparison) */
  searchAlone: HttpTarget;
  pages64: HttpTarget[];
  serverRssMB: number;
}

/** Broad export clients, back to back until `until`; resolves with their tallies. */
async function exportClients(base: string, n: number, until: number): Promise<ExportLoad> {
  const tally: ExportLoad = { clients: n, completed: 0, refused: 0, failed: 0, bytes: 0, exportSecondsP50: 0, exportSecondsMax: 0 };
  const durations: number[] = [];
  const client = async (i: number) => {
    const format = i % 2 ? 'csv' : 'json';
    while (Date.now() < until) {
      const t0 = performance.now();
      try {
        const res = await fetch(`${base}/api/export?format=${format}`);
        if (res.status === 429) {
          tally.refused++;
          await res.arrayBuffer();
          const wait = Number(res.headers.get('retry-after') ?? '1');
          await new Promise((r) => setTimeout(r, Math.min(wait * 1000, Math.max(0, until - Date.now()))));
          continue;
        }
        const body = await res.arrayBuffer();
        if (res.status !== 200) tally.failed++;
        else {
          tally.completed++;
          tally.bytes += body.byteLength;
          durations.push((performance.now() - t0) / 1000);
        }
      } catch {
        tally.failed++;
      }
    }
  };
  await Promise.all(Array.from({ length: n }, (_, i) => client(i)));
  const s = summarize(durations);
  tally.exportSecondsP50 = durations.length ? s.p50 : 0;
  tally.exportSecondsMax = durations.length ? s.max : 0;
  return tally;
}

/** Report ids and agency slugs to visit: from the server's own twins. */
async function pageUrls(base: string): Promise<{ reports: string[]; agencies: string[] }> {
  const search = (await (await fetch(`${base}/api/search?per_page=100&facet_limit=1`)).json()) as { hits: { id: string }[] };
  const dir = (await (await fetch(`${base}/api/agencies`)).json()) as { agencies: { slug: string }[] };
  return { reports: search.hits.map((h) => reportUrl(h.id)), agencies: dir.agencies.slice(0, 100).map((a) => agencyUrl(a.slug)) };
}

export async function measureStress(opts: { base: string; pgid: number; apiUrls: string[]; seconds: number; log?: (s: string) => void }): Promise<StressResult> {
  const log = opts.log ?? (() => {});
  const searchLoad = (name: string) => load(opts.base, name, opts.apiUrls, 2, opts.seconds);

  log(`stress: /api/search alone, 2 connections × ${opts.seconds} s`);
  const searchAlone = await searchLoad('/api/search alone');
  log(`stress: ${EXPORT_CLIENTS} broad exports back to back + /api/search, ${opts.seconds} s`);
  // Exports first get going (their first requests are in flight) before searches are timed.
  const until = Date.now() + (opts.seconds + 2) * 1000;
  const exporting = exportClients(opts.base, EXPORT_CLIENTS, until);
  await new Promise((r) => setTimeout(r, 1000));
  const searchDuringExports = await searchLoad('/api/search during exports');
  const exports = await exporting;
  log(`  search p99 ${searchDuringExports.p99} ms (alone ${searchAlone.p99} ms); exports: ${exports.completed} done, ${exports.refused} refused (429), ${exports.failed} failed`);

  const urls = await pageUrls(opts.base);
  // One visit per URL first, as the HTTP phase does: first-render costs (an agency's charts are
  // drawn once per index version) are not load.
  for (const u of [...urls.reports, ...urls.agencies]) await (await fetch(opts.base + u)).arrayBuffer();
  const pages64: HttpTarget[] = [];
  for (const [name, paths] of [['report pages', urls.reports], ['agency pages', urls.agencies]] as const) {
    log(`stress: ${name}, ${PAGE_CONNECTIONS} connections × ${opts.seconds} s`);
    const t = await load(opts.base, `${name} @${PAGE_CONNECTIONS}`, paths, PAGE_CONNECTIONS, opts.seconds);
    log(`  ${t.requestsPerSec.toFixed(0)} req/s, p99 ${t.p99} ms, ${t.timeouts} timeouts, ${t.non2xx} non-2xx`);
    pages64.push(t);
  }
  return { seconds: opts.seconds, exports, searchDuringExports, searchAlone, pages64, serverRssMB: groupRssMB(opts.pgid) };
}

