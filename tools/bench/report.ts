/** The benchmark's one plain-text table (aligned columns; CJK counted as two columns wide). */
import type { BenchResult } from './run';

/** Display width: East Asian wide characters take two terminal columns. */
export function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}
const pad = (s: string, n: number, right = false) => (right ? ' '.repeat(Math.max(0, n - width(s))) + s : s + ' '.repeat(Math.max(0, n - width(s))));

export function alignTable(rows: string[][], rightCols: number[] = []): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => width(r[c] ?? ''))));
  const line = (r: string[]) => r.map((cell, c) => pad(cell ?? '', widths[c], rightCols.includes(c))).join('  ').trimEnd();
  const sep = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(rows[0]), sep, ...rows.slice(1).map(line)].join('\n');
}

const f0 = (x: number) => (Number.isFinite(x) ? Math.round(x).toLocaleString('en-US') : 'n/a');
const f1 = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : 'n/a');
const f2 = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : 'n/a');
/** Latencies: two decimals below 1 ms (a cached query takes hundredths), one above. */
const fms = (x: number) => (Number.isFinite(x) && x < 1 ? x.toFixed(2) : f1(x));
const ms = (s: { p50: number; p95: number; p99: number }) => `${fms(s.p50)} / ${fms(s.p95)} / ${fms(s.p99)}`;

export function formatTable(r: BenchResult): string {
  /** one or more targets ('a+b') shown in one cell: ok only when all are met */
  const target = (names: string) => {
    const ts = names.split('+').map((n) => r.targets.find((x) => x.name === n)).filter((t) => t !== undefined);
    if (!ts.length) return ['', ''];
    return [ts.map((t) => t.target).join(', '), ts.every((t) => t.ok) ? 'ok' : 'MISS'];
  };
  const rows: string[][] = [['phase', 'metric', 'value', 'target', '']];
  rows.push(['engine', r.engine ?? 'sqlite', r.server ? `Meilisearch ${r.server.version} (${r.server.commit.slice(0, 12)})` : '', '', '']);
  const add = (phase: string, metric: string, value: string, tname?: string) => rows.push([phase, metric, value, ...(tname ? target(tname) : ['', ''])]);
  const mb = r.corpus.bytes / 1048576;
  add('corpus', 'reports / size', `${f0(r.corpus.reports)} / ${f1(mb)} MB`);
  add('index', 'reports/s (end to end)', f0(r.indexing.reportsPerSec), 'indexing reports/s');
  add('index', 'MB/s', f2(r.indexing.mbPerSec));
  add('index', 'wall time s', f1(r.indexing.seconds));
  add('index', 'indexer peak RSS MB', f0(r.indexing.peakRssMB), 'indexer peak RSS MB');
  add('index', 'index size on disk MB', f1(r.index.bytes / 1048576));
  add('search', `open + facet data ms`, f1(r.search.openMs));
  add('search', `facets: ${r.search.facetLimit ? `top ${r.search.facetLimit} values each (as the site)` : 'every value'}`, '');
  add('search', `all p50/p95/p99 ms (${r.search.all.n})`, ms(r.search.all), 'search p95 ms+search p99 ms');
  add('search', `cold (1st run) p50/p95/p99 ms`, ms(r.search.cold));
  add('search', `warm p50/p95/p99 ms`, ms(r.search.warm));
  for (const [kind, s] of Object.entries(r.search.byKind)) add('search', `  ${kind} p50/p95/p99 ms (${s!.n})`, ms(s!));
  if (r.searchEveryValue) {
    add('search', 'every facet value: all p50/p95/p99 ms', ms(r.searchEveryValue.all));
    add('search', 'every facet value: cold p50/p95/p99 ms', ms(r.searchEveryValue.cold));
  }
  add('quality', 'recall % (worst query)', `${r.quality.recall * 100 === 100 ? '100' : (r.quality.recall * 100).toFixed(3)} (${(r.quality.minRecall * 100).toFixed(2)})`, 'recall %');
  add('quality', 'precision % (worst query)', `${r.quality.precision * 100 === 100 ? '100' : (r.quality.precision * 100).toFixed(3)} (${(r.quality.minPrecision * 100).toFixed(2)})`, 'precision %');
  if (r.like.skipped) add('LIKE', 'skipped', r.like.reason);
  else {
    add('quality', 'LIKE counts = baseline', r.like.countsAgree ? 'yes' : 'NO');
    add('LIKE', 'p50/p95/p99 ms', ms(r.like.latency));
    add('LIKE', 'LIKE ÷ engine cold (p50, p95)', `${f1(r.like.ratioP50)}× / ${f1(r.like.ratioP95)}×`);
  }
  if (r.http.skipped) add('HTTP', 'skipped', r.http.reason);
  else {
    for (const h of r.http.targets) {
      add('HTTP', `${h.name} req/s`, f0(h.requestsPerSec));
      add('HTTP', `${h.name} p50 / p99 ms`, `${h.p50} / ${h.p99}`, `HTTP ${h.name} p99 ms`);
      add('HTTP', `${h.name} errors`, `${h.non2xx + h.errors + h.timeouts} (${h.non2xx} non-2xx, ${h.errors} err, ${h.timeouts} timeout)`, `HTTP ${h.name} errors`);
    }
    add('HTTP', 'server RSS warmed up → after load MB', `${f0(r.http.serverRssWarmMB)} → ${f0(r.http.serverRssMB)}`, 'server RSS MB');
    const s = r.http.stress;
    if (s) {
      const e = s.exports;
      const during = s.searchDuringExports;
      const p99 = during.requests ? String(during.p99) : `none finished (${during.timeouts} timeouts)`;
      add('stress', `search p99 during exports ms (${e.clients} exports)`, `${p99} (alone ${s.searchAlone.p99})`, 'search p99 during exports ms+search errors during exports');
      add('stress', 'search p50 during exports ms / req/s', `${s.searchDuringExports.p50} / ${f0(s.searchDuringExports.requestsPerSec)}`);
      add('stress', 'exports done / 429 / failed', `${e.completed} / ${e.refused} / ${e.failed}`, 'export failures');
      add('stress', 'export s p50 / max, MB received', `${f1(e.exportSecondsP50)} / ${f1(e.exportSecondsMax)}, ${f1(e.bytes / 1048576)}`);
      for (const p of s.pages64) {
        add('stress', `pages at 64 connections: timeouts (${p.name})`, `${p.timeouts} (${p.requests ? `p99 ${p.p99} ms` : 'none finished'}, ${f0(p.requestsPerSec)} req/s, ${p.non2xx} non-2xx)`, `${p.name} timeouts`);
      }
      add('stress', 'server RSS after stress MB', f0(s.serverRssMB));
    }
  }
  add('machine', 'cpus / load 1-5-15 (start → end)', `${r.machine.cpus} / ${r.machine.loadavg.start} → ${r.machine.loadavg.end}`);
  return alignTable(rows, [2]);
}

/**
 * Engines side by side (the same corpus: same --reports and --seed): one column per result.
 */
export function formatComparison(results: BenchResult[]): string {
  const head = ['metric', ...results.map((r) => (r.engine === 'meilisearch' ? `meilisearch ${r.server?.version ?? ''}`.trim() : (r.engine ?? 'sqlite')))];
  const rows: string[][] = [head];
  const row = (metric: string, f: (r: BenchResult) => string) => rows.push([metric, ...results.map(f)]);
  const http = (r: BenchResult, name: string, f: (h: Extract<BenchResult['http'], { skipped: false }>['targets'][number]) => string) => {
    if (r.http.skipped) return 'skipped';
    const h = r.http.targets.find((t) => t.name === name);
    return h ? f(h) : 'n/a';
  };
  row('reports / corpus MB', (r) => `${f0(r.corpus.reports)} / ${f1(r.corpus.bytes / 1048576)}`);
  row('indexing wall time s', (r) => f1(r.indexing.seconds));
  row('indexing reports/s', (r) => f0(r.indexing.reportsPerSec));
  row('indexer peak RSS MB', (r) => f0(r.indexing.peakRssMB));
  row('index size on disk MB', (r) => f1(r.index.bytes / 1048576));
  row('search cold p50/p95/p99 ms', (r) => ms(r.search.cold));
  row('search warm p50/p95/p99 ms', (r) => ms(r.search.warm));
  row('search all p50/p95/p99 ms', (r) => ms(r.search.all));
  row('every facet value: all p50/p95/p99 ms', (r) => (r.searchEveryValue ? ms(r.searchEveryValue.all) : 'n/a'));
  row('recall % (worst query)', (r) => `${(r.quality.recall * 100).toFixed(2)} (${(r.quality.minRecall * 100).toFixed(2)})`);
  row('precision % (worst query)', (r) => `${(r.quality.precision * 100).toFixed(2)} (${(r.quality.minPrecision * 100).toFixed(2)})`);
  for (const name of ['page /', '/api/search']) {
    row(`HTTP ${name} req/s`, (r) => http(r, name, (h) => f0(h.requestsPerSec)));
    row(`HTTP ${name} p50 / p99 ms`, (r) => http(r, name, (h) => `${h.p50} / ${h.p99}`));
    row(`HTTP ${name} errors`, (r) => http(r, name, (h) => String(h.non2xx + h.errors + h.timeouts)));
  }
  row('app server RSS after load MB', (r) => (r.http.skipped ? 'skipped' : f0(r.http.serverRssMB)));
  return alignTable(rows, results.map((_, i) => i + 1));
}
