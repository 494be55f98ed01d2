/**
 * The benchmark end to end at small N (CI): `npm run bench` generates, indexes through the real
 * pipeline, measures, and writes a JSON result with every field; the table prints.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadQueries, QUERY_KINDS } from '../tools/bench/queries';
import { percentile, summarize } from '../tools/bench/stats';
import { alignTable, width } from '../tools/bench/report';
import { DEFAULT_FACET_LIMIT } from '../lib/search/types';

const ROOT = path.resolve(__dirname, '..');

describe('bench helpers', () => {
  it('nearest-rank percentiles are real samples', () => {
    const xs = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(xs, 50)).toBe(50);
    expect(percentile(xs, 95)).toBe(95);
    expect(percentile(xs, 99)).toBe(99);
    expect(percentile([7], 99)).toBe(7);
    expect(summarize([3, 1, 2])).toMatchObject({ n: 3, p50: 2, max: 3, mean: 2 });
  });

  it('aligns CJK as double width', () => {
    expect(width('公开ab')).toBe(6);
    const t = alignTable([['a', 'b'], ['公开', 'x'], ['abc', 'yy']]).split('\n');
    // The second column starts at display column 6 on every line (widest first cell 公开 = 4, then 2 spaces).
    expect(t).toEqual(['a     b', '----  --', '公开  x', 'abc   yy']);
    expect([t[0], t[2], t[3]].map((l) => width(l.slice(0, l.search(/\S+$/))))).toEqual([6, 6, 6]);
  });

  it('query set: ≥ 50 queries covering every kind, facets valid', () => {
    const qs = loadQueries();
    expect(qs.length).toBeGreaterThanOrEqual(50);
    for (const k of QUERY_KINDS) expect(qs.some((q) => q.kind === k)).toBe(true);
    expect(qs.some((q) => q.q === '' && !q.filters)).toBe(true);
  });
});

describe('npm run bench (N = 200, no HTTP)', () => {
  it('runs and writes a JSON result with every field', { timeout: 60_000 }, () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-bench-test-'));
    try {
      const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/bench.ts', '--reports', '200', '--http-seconds', '0', '--rounds', '2', '--out', out, '--quiet'], {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 58_000,
      });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/reports\/s \(end to end\)/);
      expect(r.stdout).toMatch(/recall %/);
      const files = fs.readdirSync(out).filter((f) => f.endsWith('-200.json'));
      expect(files).toHaveLength(1);
      const j = JSON.parse(fs.readFileSync(path.join(out, files[0]), 'utf8'));
      expect(j.corpus.reports).toBe(200);
      expect(j.indexing).toEqual({
        reports: 200,
        failed: 0,
        seconds: expect.any(Number),
        reportsPerSec: expect.any(Number),
        mbPerSec: expect.any(Number),
        peakRssMB: expect.any(Number),
        indexBytes: expect.any(Number),
      });
      expect(j.indexing.peakRssMB).toBeGreaterThan(20);
      const summary = { n: expect.any(Number), p50: expect.any(Number), p95: expect.any(Number), p99: expect.any(Number), max: expect.any(Number), mean: expect.any(Number) };
      const nq = loadQueries().length;
      expect(j.search.all).toEqual(summary);
      expect(j.search.all.n).toBe(nq * 2);
      expect(j.search.cold).toEqual(summary);
      expect(j.search.warm).toEqual(summary);
      expect(Object.keys(j.search.byKind).sort()).toEqual([...QUERY_KINDS].sort());
      expect(j.search.perQuery).toHaveLength(nq);
      // Targets are measured as the site asks (top values per facet); every value is reported too.
      expect(j.search.facetLimit).toBe(DEFAULT_FACET_LIMIT);
      expect(j.searchEveryValue.facetLimit).toBe(0);
      expect(j.searchEveryValue.all.n).toBe(nq * 2);
      expect(j.searchEveryValue.perQuery.map((q: { total: number }) => q.total)).toEqual(j.search.perQuery.map((q: { total: number }) => q.total));
      // The generated corpus is about government information disclosure: 公开 is everywhere.
      expect(j.search.perQuery[0]).toMatchObject({ label: '公开', total: 200 });
      expect(j.quality).toMatchObject({ recall: 1, precision: 1, minRecall: 1, minPrecision: 1 });
      expect(j.quality.perQuery).toHaveLength(nq);
      expect(j.quality.perQuery.every((q: { duplicates: number; totalMismatch: boolean }) => q.duplicates === 0 && !q.totalMismatch)).toBe(true);
      expect(j.baseline.counts).toHaveLength(nq);
      expect(j.like).toMatchObject({ rounds: 1, latency: summary, countsAgree: true, ratioP50: expect.any(Number), ratioP95: expect.any(Number) });
      expect(j.http).toEqual({ skipped: true, reason: expect.any(String) });
      expect(j.index.bytes).toBeGreaterThan(0);
      expect(j.machine).toMatchObject({ cpus: expect.any(Number), loadavg: { start: expect.any(String), end: expect.any(String) } });
      expect(j.targets.map((t: { name: string }) => t.name)).toEqual([
        'indexing reports/s',
        'indexer peak RSS MB',
        'search p95 ms',
        'search p99 ms',
        'recall %',
        'precision %',
      ]);
      expect(j.engine).toBe('sqlite');
      // The side-by-side table: one column per result file, every compared metric on a row.
      const cmp = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/bench.ts', '--compare', path.join(out, files[0]), path.join(out, files[0])], { cwd: ROOT, encoding: 'utf8' });
      expect(cmp.status, cmp.stderr).toBe(0);
      const lines = cmp.stdout.trim().split('\n');
      expect(lines[0]).toMatch(/^metric\s+sqlite\s+sqlite$/);
      for (const m of ['indexing wall time s', 'index size on disk MB', 'search cold p50/p95/p99 ms', 'search warm p50/p95/p99 ms', 'recall %', 'precision %', 'HTTP page / p50 / p99 ms']) {
        expect(lines.some((l) => l.startsWith(m)), m).toBe(true);
      }
      expect(lines.find((l) => l.startsWith('recall %'))).toMatch(/100\.00 \(100\.00\)\s+100\.00 \(100\.00\)$/);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});
