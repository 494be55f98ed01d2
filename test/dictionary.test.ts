import { describe, expect, it } from 'vitest';
import { EXPORT_COLUMNS } from '@/lib/compare/export';
import { FIGURE_KEYS } from '@/lib/compare/figures';
import { TIMELINE_COLUMNS } from '@/lib/compare/timeline';
import { columnDef, columnLabel, csvHeaderRows, CSV_FILES, dictionary, parseHeaderMode } from '@/lib/dictionary';
import { APPLICANT_COLUMN_LABELS, REQUEST_ROW_LABELS } from '@/lib/labels';

const HAN = /[\u4e00-\u9fff]/;

describe('data dictionary', () => {
  it('defines every column of every CSV, once, in Chinese', () => {
    const all = dictionary();
    expect(new Set(all.map((c) => c.key)).size).toBe(all.length);
    for (const f of Object.values(CSV_FILES)) {
      for (const k of f.columns) {
        const d = columnDef(k);
        expect(d, k).toBeDefined();
        expect(d!.label, k).toMatch(HAN);
        expect(d!.definition, k).toMatch(HAN);
        expect(d!.definition).not.toMatch(/undefined/);
      }
      // Chinese headers must tell the columns apart.
      const labels = f.columns.map(columnLabel);
      expect(new Set(labels).size, f.title).toBe(labels.length);
    }
    // 211 figure columns in the export, the count of English codes.
    expect(EXPORT_COLUMNS.filter((k) => FIGURE_KEYS.includes(k))).toHaveLength(FIGURE_KEYS.length);
  });

  it('composes figure definitions from lib/labels (one home for the wording)', () => {
    const d = columnDef('requests.denied_three_safeties.total')!;
    expect(d.definition).toContain(REQUEST_ROW_LABELS.denied_three_safeties.label);
    expect(d.definition).toContain('（三）不予公开');
    expect(d.definition).toContain('各类申请人合计');
    expect(d.unit).toBe('件');
    expect(columnDef('requests.new_received.commercial')!.definition).toContain(APPLICANT_COLUMN_LABELS.commercial);
    expect(columnDef('active.fees_wan_yuan')!.unit).toBe('万元');
    expect(columnDef('rate.refused_share')!.unit).toBe('%');
    expect(columnDef('no.such.key')).toBeUndefined();
  });

  it('gives Chinese headers over keys by default, keys only on request', () => {
    expect(csvHeaderRows(['year', 'requests.new_received.total'], 'labels')).toEqual([
      ['年度', '一、本年新收政府信息公开申请数量 · 总计'],
      ['year', 'requests.new_received.total'],
    ]);
    expect(csvHeaderRows(['year'], 'keys')).toEqual([['year']]);
    expect(parseHeaderMode(null)).toBe('labels');
    expect(parseHeaderMode('keys')).toBe('keys');
    expect(parseHeaderMode('english')).toBeNull();
  });

  it('the agency CSV uses the dictionary columns', () => {
    expect([...TIMELINE_COLUMNS]).toEqual([...CSV_FILES.agency.columns]);
  });
});
