import { describe, expect, it } from 'vitest';
import { DENIED_ROWS, reportSummary, requestRowAnchor, APPEALS_ANCHOR } from '@/lib/report-summary';
import { APPEAL_COLUMNS, APPEAL_GROUPS, REQUEST_ROWS, type AppealFigures, type Figures, type RequestFigures, type RequestRow } from '@/lib/types';

const row = (n: number | null): RequestRow => ({ natural_person: n, commercial: 0, research: 0, public_interest: 0, legal_services: 0, other_org: 0, total: n });

function requests(): RequestFigures {
  const t = Object.fromEntries(REQUEST_ROWS.map((r) => [r, row(0)])) as RequestFigures;
  t.new_received = row(40);
  t.carried_over = row(2);
  t.granted = row(20);
  t.partially_granted = row(5);
  t.denied_state_secret = row(1);
  t.denied_third_party = row(3);
  t.denied_admin_query = row(4);
  t.unavailable_not_held = row(6);
  t.total_processed = row(39);
  t.carried_forward = row(3);
  return t;
}

function appeals(): AppealFigures {
  const g = () => Object.fromEntries(APPEAL_COLUMNS.map((c) => [c, 0])) as AppealFigures['review'];
  const a = Object.fromEntries(APPEAL_GROUPS.map((x) => [x, g()])) as AppealFigures;
  a.review.corrected = 2;
  a.litigation_direct.corrected = 1;
  a.litigation_after_review.corrected = 3;
  return a;
}

const figures = (over: Partial<Figures> = {}): Figures => ({ active: null, requests: requests(), appeals: appeals(), ...over });
const values = (f: Figures) => Object.fromEntries(reportSummary(f).map((s) => [s.key, s.value]));

describe('reportSummary', () => {
  it('reads 收到, 办结, 予以公开, sums the eight 不予公开 rows and the corrected appeals', () => {
    expect(DENIED_ROWS).toHaveLength(8);
    expect(values(figures())).toEqual({ received: 40, processed: 39, granted: 20, denied: 8, corrected: 6 });
    const corrected = reportSummary(figures()).find((s) => s.key === 'corrected')!;
    expect(corrected.parts).toEqual([
      { label: '行政复议', value: 2 },
      { label: '行政诉讼', value: 4 },
    ]);
  });

  it('links every figure to its table row', () => {
    expect(reportSummary(figures()).map((s) => s.anchor)).toEqual([
      requestRowAnchor('new_received'),
      requestRowAnchor('total_processed'),
      requestRowAnchor('granted'),
      requestRowAnchor('denied_state_secret'),
      APPEALS_ANCHOR,
    ]);
  });

  it('a sum with a blank part is unknown, not a partial total', () => {
    const r = requests();
    r.denied_process_info = row(null);
    const a = appeals();
    a.litigation_direct.corrected = null;
    expect(values(figures({ requests: r, appeals: a }))).toEqual({ received: 40, processed: 39, granted: 20, denied: null, corrected: null });
  });

  it('without tables every figure is unknown', () => {
    expect(values(figures({ requests: null, appeals: null }))).toEqual({ received: null, processed: null, granted: null, denied: null, corrected: null });
  });
});

describe('ReportSummary card', () => {
  it('links each figure to its row and explains an unknown value instead of showing 0', async () => {
    const { renderToStaticMarkup } = await import('react-dom/server');
    const { createElement } = await import('react');
    const { ReportSummary } = await import('@/components/ReportSummary');
    const out = renderToStaticMarkup(createElement(ReportSummary, { figures: figures() }));
    expect(out).toContain('href="#row-requests-new_received"');
    expect(out).toContain('href="#row-appeals"');
    expect(out).toMatch(/data-key="denied" data-value="8"/);
    expect(out).toContain('行政复议 2 · 行政诉讼 4');
    const r = requests();
    r.denied_process_info = row(null);
    const unknown = renderToStaticMarkup(createElement(ReportSummary, { figures: figures({ requests: r }) }));
    expect(unknown).toMatch(/data-key="denied" data-value="">.*—.*原表有空白或未能识别，无法计算/);
    expect(renderToStaticMarkup(createElement(ReportSummary, { figures: figures({ requests: null, appeals: null }) }))).toBe('');
  });
});
