/** Hand-written report records for comparison tests (no seed text copied). */
import {
  APPEAL_COLUMNS,
  APPEAL_GROUPS,
  APPLICANT_COLUMNS,
  REQUEST_ROWS,
  type AppealFigures,
  type ReportRecord,
  type RequestFigures,
  type ThemeHit,
} from '@/lib/types';

export function requests(over: Partial<Record<string, Partial<Record<string, number | null>>>> = {}): RequestFigures {
  const out = {} as RequestFigures;
  for (const row of REQUEST_ROWS) {
    out[row] = Object.fromEntries(APPLICANT_COLUMNS.map((c) => [c, over[row]?.[c] ?? 0])) as RequestFigures[typeof row];
    for (const [c, v] of Object.entries(over[row] ?? {})) (out[row] as Record<string, number | null>)[c] = v ?? null;
  }
  return out;
}

export function appeals(over: Partial<Record<string, Partial<Record<string, number | null>>>> = {}): AppealFigures {
  const out = {} as AppealFigures;
  for (const g of APPEAL_GROUPS) {
    out[g] = Object.fromEntries(APPEAL_COLUMNS.map((c) => [c, 0])) as AppealFigures[typeof g];
    for (const [c, v] of Object.entries(over[g] ?? {})) (out[g] as Record<string, number | null>)[c] = v ?? null;
  }
  return out;
}

export function theme(id: string, label: string, evidence: string[] = []): ThemeHit {
  return { id, label, evidence };
}

export function record(p: Partial<ReportRecord> & { agency: string; year: number | null }): ReportRecord {
  return {
    file: `${p.agency}-${p.year}.txt`,
    id: `${p.agency}-${p.year}`,
    region: { province: '测试省', city: '样例市', county: '示范区' },
    level: 'county',
    kind: 'government',
    sections: [],
    figures: { active: null, requests: requests(), appeals: appeals() },
    checks: [],
    themes: [],
    warnings: [],
    ...p,
  };
}
