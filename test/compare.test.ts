import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { FIGURE_KEYS, flattenFigures, formatKeys } from '@/lib/compare/figures';
import { emptyLegacy } from '@/lib/parse/legacy';
import { delta, pctChange, share, sumCells, formatPct } from '@/lib/compare/numbers';
import { deriveRates } from '@/lib/compare/rates';
import { themeDiff } from '@/lib/compare/themes';
import { compareYears, headline, figureChange } from '@/lib/compare/yoy';
import { buildTimeline, timelineRows, TIMELINE_COLUMNS } from '@/lib/compare/timeline';
import { parsePeerSort, peerColumn, sortPeers, peerCsv } from '@/lib/compare/peers';
import { exportRow, exportRowValues, EXPORT_COLUMNS } from '@/lib/compare/export';
import { figureLabel } from '@/lib/compare/key-labels';
import type { Figures } from '@/lib/types';
import { appeals, record, requests, theme } from './compare-fixtures';

const repoRoot = path.resolve(__dirname, '..');
const expected = JSON.parse(fs.readFileSync(path.resolve(repoRoot, '../shared/seeds-expected.json'), 'utf8')) as Record<
  string,
  { agency: string; year: number; figures: Figures }
>;

describe('delta and percentage change', () => {
  it('computes later − earlier and the change in percent, one decimal', () => {
    expect(delta(386, 412)).toBe(26);
    expect(pctChange(386, 412)).toBe(6.7);
    expect(pctChange(412, 386)).toBe(-6.3);
    expect(pctChange(10, 10)).toBe(0);
    expect(delta(0.1, 0.3)).toBe(0.2); // fractional fees, no float noise
  });
  it('never divides by a zero baseline', () => {
    expect(pctChange(0, 5)).toBeNull();
    expect(pctChange(0, 0)).toBe(0);
    expect(delta(0, 5)).toBe(5);
    expect(formatPct(pctChange(0, 5), 0)).toBe('基数为0');
    expect(formatPct(6.7)).toBe('+6.7%');
    expect(formatPct(-3)).toBe('-3%');
  });
  it('keeps null as null, never 0', () => {
    expect(delta(null, 5)).toBeNull();
    expect(delta(5, null)).toBeNull();
    expect(pctChange(null, 5)).toBeNull();
    expect(pctChange(5, null)).toBeNull();
    expect(sumCells([1, null, 2])).toBeNull();
    expect(share(null, 10)).toBeNull();
    expect(share(3, 0)).toBeNull();
    expect(share(1, 3)).toBe(33.3);
    expect(formatPct(null, null)).toBe('—');
  });
  it('percentage is finite and its sign follows the delta (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 0, max: 1e6 }), (a, b) => {
        const p = pctChange(a, b);
        if (a === 0) return b === 0 ? p === 0 : p === null;
        return p !== null && Number.isFinite(p) && Math.sign(Math.round(p * 10)) === Math.sign(Math.round(((b - a) / a) * 1000));
      }),
    );
  });
});

describe('flattenFigures', () => {
  it('gives every canonical key, and the seed values under them', () => {
    // 2021 keys, the 2019 （六）其他处理 row, part 二 of the 2019 format, the legacy keys
    expect(FIGURE_KEYS).toHaveLength(10 + 26 * 7 + 3 * 5 + 22 + 31);
    for (const [file, e] of Object.entries(expected)) {
      const flat = flattenFigures(e.figures);
      expect(Object.keys(flat), file).toEqual([...FIGURE_KEYS]);
      expect(flat['requests.new_received.total'], file).toBe(e.figures.requests!.new_received.total);
      expect(flat['appeals.review.corrected'], file).toBe(e.figures.appeals!.review.corrected);
    }
  });
  it('maps missing tables (and a record stored with the old untyped 2019 part 二) to null, not 0', () => {
    const old = { active: { format: '2019', rows: {} }, requests: null, appeals: null } as unknown as Figures;
    expect(Object.values(flattenFigures(old)).every((v) => v === null)).toBe(true);
    expect(Object.values(flattenFigures({ active: null, requests: null, appeals: null })).every((v) => v === null)).toBe(true);
  });
  it('flattens the 2019 and legacy keys', () => {
    const f = flattenFigures({
      active: null,
      requests: null,
      appeals: null,
      active2019: {
        rules: { made: 1, published: 2, total_published: 3 },
        normative_documents: { made: null, published: null, total_published: null },
        licensing: { previous_year: 10, change: -2, decisions: 99 },
        other_services: { previous_year: null, change: null, decisions: null },
        penalty: { previous_year: null, change: null, decisions: null },
        coercion: { previous_year: null, change: null, decisions: null },
        fees: { previous_year: 4, change: 0 },
        procurement: { projects: null, amount_yuan: 12.5 },
      },
    });
    expect(f['active2019.rules.total_published']).toBe(3);
    expect(f['active2019.licensing.change']).toBe(-2);
    expect(f['active2019.procurement.amount_yuan']).toBe(12.5);
    expect(f['active.licensing']).toBeNull();
    expect(figureLabel('active2019.licensing.decisions')).toBe('行政许可 · 处理决定数量（2019年格式）');
    expect(figureLabel('legacy.requests_received')).toBe('收到政府信息公开申请数（旧格式）');
  });
  it('labels every key in Chinese', () => {
    for (const k of FIGURE_KEYS) expect(figureLabel(k)).not.toBe(k);
    expect(figureLabel('requests.denied_state_secret.total')).toBe('（三）不予公开1.属于国家秘密 · 总计');
    expect(figureLabel('appeals.review.corrected')).toBe('行政复议 · 结果纠正');
  });
});

describe('derived rates', () => {
  const f = flattenFigures({
    active: null,
    requests: requests({
      granted: { total: 50 },
      partially_granted: { total: 10 },
      denied_state_secret: { total: 4 },
      denied_process_info: { total: 6 },
      unavailable_not_held: { total: 20 },
      total_processed: { total: 100 },
    }),
    appeals: appeals({ review: { upheld: 6, corrected: 2, other: 0, pending: 3, total: 11 } }),
  });
  it('computes shares of requests processed and the review correction rate', () => {
    expect(deriveRates(f)).toEqual({
      'rate.granted_share': 60,
      'rate.refused_share': 10,
      'rate.not_held_share': 20,
      'rate.review_correction': 25, // 2 of 8 concluded; pending cases excluded
      'rate.litigation_correction': null, // no litigation concluded: no rate, not 0
    });
  });
  it('is null with no requests processed or an unknown cell', () => {
    const none = deriveRates(flattenFigures({ active: null, requests: requests(), appeals: null }));
    expect(Object.values(none).every((v) => v === null)).toBe(true);
    const unknown = deriveRates({ ...f, 'requests.denied_third_party.total': null });
    expect(unknown['rate.refused_share']).toBeNull();
    expect(unknown['rate.granted_share']).toBe(60);
  });
  it('matches the seeds by hand: shares add up to at most 100', () => {
    for (const e of Object.values(expected)) {
      const r = deriveRates(flattenFigures(e.figures));
      const parts = [r['rate.granted_share'], r['rate.refused_share'], r['rate.not_held_share']];
      if (parts.every((p) => p !== null)) expect(parts.reduce((s, p) => s! + p!, 0)!).toBeLessThanOrEqual(100.1);
    }
  });
});

describe('theme diff', () => {
  it('splits themes into appeared, persisted and disappeared', () => {
    const d = themeDiff(
      [theme('timeliness', '时效性', ['更新不及时']), theme('platform', '平台建设')],
      [theme('timeliness', '时效性', ['发布不够及时']), theme('staff', '队伍能力')],
    );
    expect(d).toEqual({
      appeared: [theme('staff', '队伍能力')],
      persisted: [{ id: 'timeliness', label: '时效性', evidenceEarlier: ['更新不及时'], evidenceLater: ['发布不够及时'] }],
      disappeared: [theme('platform', '平台建设')],
    });
    expect(themeDiff([], [])).toEqual({ appeared: [], persisted: [], disappeared: [] });
  });
});

describe('compareYears', () => {
  const a = record({
    agency: '示范区人民政府',
    year: 2023,
    figures: { active: null, requests: requests({ new_received: { total: 386 }, total_processed: { total: 0 } }), appeals: null },
    themes: [theme('timeliness', '时效性')],
    sections: [{ key: 'problems', title: '五', text: '一是信息发布不够及时。二是队伍力量薄弱。' }],
  });
  const b = record({
    agency: '示范区人民政府',
    year: 2024,
    figures: { active: null, requests: requests({ new_received: { total: 412 }, total_processed: { total: 100 }, granted: { total: 40 } }), appeals: appeals() },
    themes: [theme('timeliness', '时效性'), theme('staff', '队伍能力')],
    sections: [{ key: 'problems', title: '五', text: '一是信息发布不够及时。二是政策解读形式单一。' }],
  });
  it('orders the years, compares every figure and states the headline', () => {
    const c = compareYears(b, a); // given in the wrong order on purpose
    expect(c.earlier.year).toBe(2023);
    expect(c.later.year).toBe(2024);
    expect(c.figures).toHaveLength(formatKeys('2021').length);
    expect(c.comparability).toEqual([]);
    expect(c.figures.find((f) => f.key === 'requests.new_received.total')).toEqual({
      key: 'requests.new_received.total', earlier: 386, later: 412, delta: 26, pct: 6.7,
    });
    expect(c.figures.find((f) => f.key === 'appeals.review.total')).toEqual({
      key: 'appeals.review.total', earlier: null, later: 0, delta: null, pct: null,
    });
    expect(c.headline).toBe('示范区人民政府 2023→2024：新收政府信息公开申请 386 → 412（+6.7%）');
    expect(c.rates.find((r) => r.key === 'rate.granted_share')).toEqual({ key: 'rate.granted_share', earlier: null, later: 40, points: null });
    expect(c.themes.persisted.map((t) => t.id)).toEqual(['timeliness']);
    expect(c.themes.appeared.map((t) => t.id)).toEqual(['staff']);
    expect(c.repeated).toMatchObject({ sentences: 2, repeated: 1, share: 50 });
  });
  it('headline without a baseline has no percentage', () => {
    expect(headline('甲', 2022, 2023, figureChange('k', 0, 5))).toBe('甲 2022→2023：新收政府信息公开申请 0 → 5');
    expect(headline('甲', 2022, 2023, figureChange('k', null, 5))).toBe('甲 2022→2023：新收政府信息公开申请 — → 5');
  });
});

describe('across a format change', () => {
  const legacy = emptyLegacy();
  Object.assign(legacy, { requests_received: 8, active_total: 150 });
  legacy.review.total = 1;
  legacy.litigation.total = 0;
  const old = record({ agency: '甲局', year: 2015, format: 'legacy', figures: { active: null, requests: null, appeals: null, legacy } });
  const now = record({
    agency: '甲局',
    year: 2023,
    format: '2021',
    figures: {
      active: null,
      requests: requests({ new_received: { total: 10 }, granted: { total: 6 } }),
      appeals: appeals({ review: { total: 2 }, litigation_direct: { total: 1 }, litigation_after_review: { total: 0 } }),
    },
  });
  it('compares only figures of the same meaning, and says which', () => {
    const c = compareYears(now, old);
    expect(c.earlier.format).toBe('legacy');
    expect(c.figures.map((f) => f.key).sort()).toEqual(
      ['active.coercion', 'active.licensing', 'active.penalty', 'appeals.litigation.total', 'appeals.review.total', 'requests.new_received.total'].sort(),
    );
    expect(c.figures.find((f) => f.key === 'requests.new_received.total')).toMatchObject({ earlier: 8, later: 10, delta: 2 });
    expect(c.figures.find((f) => f.key === 'appeals.litigation.total')).toMatchObject({ earlier: 0, later: 1 });
    expect(c.figures.find((f) => f.key === 'active.licensing')).toMatchObject({ earlier: null });
    expect(c.comparability.join('\n')).toContain('收到申请数');
    expect(c.headline).toBe('甲局 2015→2023：新收政府信息公开申请 8 → 10（+25%）');
  });
  it('puts the equivalents on the timeline apart from the report’s own figures', () => {
    const t = buildTimeline('甲局', [old, now]);
    expect(t.years[0]).toMatchObject({ format: 'legacy', equivalents: { 'requests.new_received.total': 8, 'appeals.review.total': 1 } });
    expect(t.years[0].figures['requests.new_received.total']).toBeNull();
    expect(t.years[0].figures['legacy.requests_received']).toBe(8);
    expect(t.years[1].equivalents).toEqual({});
  });
});

describe('timeline, peers, export', () => {
  const r22 = record({ agency: '甲局', year: 2022, figures: { active: null, requests: requests({ new_received: { total: 5 } }), appeals: null } });
  const r23 = record({
    agency: '甲局',
    year: 2023,
    checks: [{ id: 'requests.balance', ok: false, detail: '不平衡' }, { id: 'appeals.totals', ok: true, detail: '' }],
    themes: [theme('timeliness', '时效性')],
  });
  it('builds a timeline in year order with failed checks only, and skips reports without a year', () => {
    const t = buildTimeline('甲局', [r23, record({ agency: '甲局', year: null }), r22]);
    expect(t.years.map((y) => y.year)).toEqual([2022, 2023]);
    expect(t.years[1]!.failedChecks.map((c) => c.id)).toEqual(['requests.balance']);
    const rows = timelineRows(t);
    expect(rows[0]).toHaveLength(TIMELINE_COLUMNS.length);
    expect(rows[0]![TIMELINE_COLUMNS.indexOf('requests.new_received.total')]).toBe(5);
    expect(rows[1]!.at(-1)).toBe('申请表勾稽关系：一 + 二 = （七）总计 + 四');
  });
  it('sorts peers by any figure, unknown values last in both directions', () => {
    const mk = (slug: string, n: number | null) =>
      peerColumn(slug, record({ agency: slug, year: 2024, figures: { active: null, requests: requests({ new_received: { total: n } }), appeals: null } }));
    const cols = [mk('a', 5), mk('b', null), mk('c', 9), mk('d', 5)];
    const order = (s: string) => sortPeers(cols, parsePeerSort(s)).map((c) => c.slug).join('');
    expect(order('requests.new_received.total')).toBe('adcb');
    expect(order('-requests.new_received.total')).toBe('cadb');
    expect(parsePeerSort('no.such.key')).toBeNull();
    expect(parsePeerSort('-rate.granted_share')).toEqual({ key: 'rate.granted_share', dir: 'desc' });
    expect(order('bogus')).toBe('abcd');
    const csv = peerCsv(cols);
    expect(csv.columns).toEqual(['key', 'label', 'a', 'b', 'c', 'd']);
    expect(csv.names).toEqual({ a: 'a', b: 'b', c: 'c', d: 'd' });
    expect(csv.rows.find((r) => r[0] === 'requests.new_received.total')).toEqual(['requests.new_received.total', '一、本年新收政府信息公开申请数量 · 总计', 5, null, 9, 5]);
  });
  it('exports one flat row per report with canonical keys', () => {
    const row = exportRow(r23);
    expect(Object.keys(row).sort()).toEqual([...EXPORT_COLUMNS].sort());
    // The same definitions as every other CSV (lib/dictionary): a count, a list of Chinese names, theme labels.
    expect(row.checks_failed).toBe(1);
    expect(row.checks_failed_list).toBe('申请表勾稽关系：一 + 二 = （七）总计 + 四');
    expect(row.themes).toBe('时效性');
    expect(exportRowValues(exportRow(r22))[EXPORT_COLUMNS.indexOf('requests.new_received.total')]).toBe(5);
  });
});
