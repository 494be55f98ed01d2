/** The performance targets (stated for N = 100,000 reports; docs/benchmark.md), checked against a result. */
import type { BenchResult } from './run';

export interface TargetCheck {
  name: string;
  value: number;
  target: string;
  ok: boolean | null;
}

export function evaluateTargets(r: BenchResult): TargetCheck[] {
  const t = (name: string, value: number, op: '>=' | '<=' | '==', limit: number, unit = ''): TargetCheck => ({
    name,
    value,
    target: `${op === '==' ? '=' : op === '>=' ? '≥' : '≤'} ${limit}${unit}`,
    ok: op === '>=' ? value >= limit : op === '<=' ? value <= limit : value === limit,
  });
  const out = [
    t('indexing reports/s', r.indexing.reportsPerSec, '>=', 1000),
    t('indexer peak RSS MB', r.indexing.peakRssMB, '<=', 1024),
    t('search p95 ms', r.search.all.p95, '<=', 30),
    t('search p99 ms', r.search.all.p99, '<=', 100),
    t('recall %', r.quality.recall * 100, '>=', 99.5),
    t('precision %', r.quality.precision * 100, '==', 100),
  ];
  if (!r.http.skipped) {
    for (const h of r.http.targets) {
      out.push(t(`HTTP ${h.name} p99 ms`, h.p99, '<=', 250));
      out.push(t(`HTTP ${h.name} errors`, h.non2xx + h.errors + h.timeouts, '==', 0));
    }
    out.push(t('server RSS MB', r.http.serverRssMB, '<=', 500));
    const s = r.http.stress;
    if (s) {
      // No search finished at all: autocannon reports p99 0, which must not read as a pass.
      out.push(t('search p99 during exports ms', s.searchDuringExports.requests ? s.searchDuringExports.p99 : Infinity, '<=', 250));
      out.push(t('search errors during exports', s.searchDuringExports.non2xx + s.searchDuringExports.errors + s.searchDuringExports.timeouts, '==', 0));
      out.push(t('export failures', s.exports.failed, '==', 0));
      for (const p of s.pages64) out.push(t(`${p.name} timeouts`, p.timeouts, '==', 0));
    }
  }
  return out;
}
