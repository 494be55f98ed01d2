import { describe, expect, it } from 'vitest';
import { queryTerms } from '@/lib/search/fts-query';
import { markTerms } from '@/lib/search/highlight';
import { failedAppealCells, failedRequestCells } from '@/components/table-checks';
import { APPEAL_GROUPS, APPLICANT_COLUMNS, REQUEST_ROWS, type AppealFigures, type RequestFigures, type RequestRow } from '@/lib/types';

const row = (n: number): RequestRow => ({ natural_person: n, commercial: 0, research: 0, public_interest: 0, legal_services: 0, other_org: 0, total: n });

/** A consistent table: 5 new + 1 carried = 4 granted + 1 denied + 1 carried forward. */
function table(): RequestFigures {
  const t = Object.fromEntries(REQUEST_ROWS.map((r) => [r, row(0)])) as RequestFigures;
  t.new_received = row(5);
  t.carried_over = row(1);
  t.granted = row(4);
  t.denied_third_party = row(1);
  t.total_processed = row(5);
  t.carried_forward = row(1);
  return t;
}

describe('failedRequestCells', () => {
  it('finds nothing in a consistent table', () => {
    expect([...failedRequestCells(table())]).toEqual([]);
    expect([...failedRequestCells(null)]).toEqual([]);
  });

  it('marks a row total that is not the sum of the applicant columns', () => {
    const t = table();
    t.granted = { ...row(4), commercial: 2 }; // sum 6, total says 4; also breaks （七）总计 in that column
    expect(Object.fromEntries(failedRequestCells(t))).toEqual({
      'requests.granted.total': ['requests.row_totals'],
      'requests.total_processed.commercial': ['requests.total_processed'],
    });
  });

  it('marks the four balance cells of a column where 一+二 ≠ （七）+四', () => {
    const t = table();
    t.carried_forward = row(3);
    expect(Object.fromEntries(failedRequestCells(t))).toEqual(
      Object.fromEntries(
        ['natural_person', 'total'].flatMap((c) =>
          ['new_received', 'carried_over', 'total_processed', 'carried_forward'].map((r) => [`requests.${r}.${c}`, ['requests.balance']]),
        ),
      ),
    );
  });

  it('never fails on unreadable (null) cells', () => {
    const t = table();
    t.granted = { ...row(4), total: null };
    t.total_processed = { ...row(5), natural_person: null, total: null };
    for (const c of APPLICANT_COLUMNS) expect(failedRequestCells(t).has(`requests.total_processed.${c}`)).toBe(false);
  });
});

describe('failedAppealCells', () => {
  it('marks a group whose total is not the sum', () => {
    const a = Object.fromEntries(APPEAL_GROUPS.map((g) => [g, { upheld: 1, corrected: 1, other: 0, pending: 0, total: 2 }])) as AppealFigures;
    expect([...failedAppealCells(a)]).toEqual([]);
    a.review = { upheld: 1, corrected: 1, other: 0, pending: 0, total: 3 };
    a.litigation_direct = { upheld: null, corrected: 1, other: 0, pending: 0, total: 3 };
    expect(Object.fromEntries(failedAppealCells(a))).toEqual({ 'appeals.review.total': ['appeals.totals'] });
  });
});

describe('markTerms (report page highlighting)', () => {
  // The page marks what the engine matched: the same term splitting and folding (queryTerms).
  const text = '本机关依法办理政府信息公开申请，继续推进政务公开。';
  const marked = (q: string) => markTerms(text, queryTerms(q)).filter((p) => p.marked).map((p) => p.text);

  it('splits the query at punctuation as the engine does', () => {
    expect(marked('信息公开，申请')).toEqual(['信息公开', '申请']);
  });

  it('folds traditional characters and marks the original text', () => {
    expect(marked('政務公開')).toEqual(['政务公开']);
    expect(markTerms('Open GOV', queryTerms('gov'))).toEqual([
      { text: 'Open ', marked: false },
      { text: 'GOV', marked: true },
    ]);
  });

  it('marks every occurrence, preferring the longer term', () => {
    expect(markTerms('提高时效性，注重时效。', ['时效', '时效性'])).toEqual([
      { text: '提高', marked: false },
      { text: '时效性', marked: true },
      { text: '，注重', marked: false },
      { text: '时效', marked: true },
      { text: '。', marked: false },
    ]);
  });

  it('never lets query syntax reach a pattern', () => {
    expect(marked('(c) a*b')).toEqual([]);
    expect(markTerms('a.b (c) a*b', queryTerms('(c) a*b')).filter((p) => p.marked).map((p) => p.text)).toEqual(['a', 'b', 'c', 'a', 'b']);
    expect(markTerms('无匹配', ['x'])).toEqual([{ text: '无匹配', marked: false }]);
    expect(markTerms('无匹配', [])).toEqual([{ text: '无匹配', marked: false }]);
    expect(markTerms('', ['x'])).toEqual([]);
  });
});
