import { describe, expect, it } from 'vitest';
import { APPEAL_COLUMNS, APPEAL_GROUPS, APPLICANT_COLUMNS, REQUEST_ROWS, SECTION_KEYS } from '@/lib/types';
import { FACETS } from '@/lib/search/types';
import {
  APPEAL_COLUMN_LABELS,
  APPEAL_GROUP_LABELS,
  APPLICANT_COLUMN_LABELS,
  FACET_LABELS,
  REQUEST_ROW_LABELS,
  SECTION_LABELS,
  facetValueLabel,
} from '@/lib/labels';

describe('labels cover every canonical key', () => {
  it('has exactly one non-empty Chinese label per key', () => {
    const cases: [readonly string[], Record<string, unknown>][] = [
      [REQUEST_ROWS, REQUEST_ROW_LABELS],
      [APPLICANT_COLUMNS, APPLICANT_COLUMN_LABELS],
      [APPEAL_GROUPS, APPEAL_GROUP_LABELS],
      [APPEAL_COLUMNS, APPEAL_COLUMN_LABELS],
      [SECTION_KEYS, SECTION_LABELS],
      [FACETS, FACET_LABELS],
    ];
    for (const [keys, labels] of cases) {
      expect(Object.keys(labels).sort()).toEqual([...keys].sort());
      for (const k of keys) {
        const v = labels[k] as string | { label: string };
        expect(typeof v === 'string' ? v : v.label).toMatch(/[\u4e00-\u9fff]/);
      }
    }
  });

  it('labels facet values, passing unknown ones through', () => {
    expect(facetValueLabel('level', 'county')).toBe('县级');
    expect(facetValueLabel('checks', 'failed')).toBe('存在未通过的校验');
    expect(facetValueLabel('year', '2024')).toBe('2024年');
    expect(facetValueLabel('level', 'galaxy')).toBe('galaxy');
    expect(facetValueLabel('agency', '北仑区人民政府')).toBe('北仑区人民政府');
  });
});
