import { describe, expect, it } from 'vitest';
import { renderChart } from '@/lib/charts/svg';
import { agencyChartSpecs, agencyCharts } from '@/lib/charts/agency';
import { buildTimeline } from '@/lib/compare/timeline';
import { appeals, record, requests } from './compare-fixtures';

describe('server-rendered SVG charts', () => {
  it('renders an SVG with the title, categories and series names, without script', () => {
    const svg = renderChart({ title: '测试图', categories: ['2023', '2024'], type: 'bar', series: [{ name: '自然人', data: [3, null] }] });
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('测试图');
    expect(svg).toContain('2024');
    expect(svg).toContain('自然人');
    expect(svg).not.toMatch(/<script|on\w+=/i);
    // Attribute values stay intact (a double quote in the font list would cut the style attribute).
    const styles = svg.match(/style="[^"]*"/g) ?? [];
    expect(styles.length).toBeGreaterThan(0);
    for (const st of styles) expect(st).toMatch(/font-family:'WenQuanYi Micro Hei'.*sans-serif/);
  });
  it('escapes markup in labels', () => {
    const svg = renderChart({ title: '<b>x</b>', categories: ['<img src=x>'], type: 'line', series: [{ name: 'a&b', data: [1] }] });
    expect(svg).not.toContain('<img');
    expect(svg).not.toContain('<b>');
    expect(svg).toContain('&lt;img');
  });
  it('builds the five agency charts from a timeline, nulls as gaps', () => {
    const t = buildTimeline('甲局', [
      record({ agency: '甲局', year: 2022, figures: { active: null, requests: null, appeals: null } }),
      record({
        agency: '甲局',
        year: 2023,
        figures: {
          active: null,
          requests: requests({ new_received: { natural_person: 7, total: 7 }, granted: { total: 3 }, total_processed: { total: 4 }, denied_third_party: { total: 1 } }),
          appeals: appeals({ review: { corrected: 1, total: 2 } }),
        },
      }),
    ]);
    const specs = agencyChartSpecs(t);
    expect(specs.map((s) => s.id)).toEqual(['requests-by-applicant', 'outcomes-share', 'appeals', 'decisions', 'documents-in-force']);
    const byId = Object.fromEntries(specs.map((s) => [s.id, s.spec]));
    expect(byId['requests-by-applicant']!.series[0]!.data).toEqual([null, 7]);
    expect(byId['outcomes-share']!.series.map((s) => s.data[1])).toEqual([75, 0, 25, 0, 0, 0]);
    expect(byId['outcomes-share']!.series[0]!.data[0]).toBeNull();
    expect(byId['appeals']!.series[1]!.data).toEqual([null, 1]);
    for (const c of agencyCharts(t)) expect(c.svg).toMatch(/^<svg[\s\S]*<\/svg>$/);
  });
});
