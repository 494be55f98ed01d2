/**
 * The banner and the footer's source sentence for the three states of an index: only generated
 * reports, mixed, only real reports (the e2e index is mixed; these cover the other two).
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DEMO_BANNER_TEXT, DemoBanner, SourceNote } from '../components/DemoData';

const SOURCE = '数据来自各机关公开发布的《政府信息公开工作年度报告》';
const html = (el: Parameters<typeof renderToStaticMarkup>[0]) => renderToStaticMarkup(el);

describe('demo-data notices', () => {
  it('only generated reports: the banner says so and the footer does not claim agency sources', () => {
    const counts = { reports: 600, synthetic: 600 };
    const banner = html(createElement(DemoBanner, { counts }));
    expect(banner).toContain(DEMO_BANNER_TEXT);
    expect(banner).toContain('npm run index -- /path/to/reports');
    expect(banner).toContain('REPORTS_DIR=/path/to/reports');
    expect(banner).not.toContain('其中');
    const footer = html(createElement(SourceNote, { counts }));
    expect(footer).not.toContain(SOURCE);
    expect(footer).toContain('全部报告为程序生成的示例数据');
  });

  it('mixed: the banner counts the generated ones; the footer names the agencies as source', () => {
    const counts = { reports: 65, synthetic: 60 };
    expect(html(createElement(DemoBanner, { counts }))).toContain('共 65 份报告，其中 60 份为示例');
    expect(html(createElement(SourceNote, { counts }))).toContain(SOURCE);
  });

  it('only real reports (or an engine that cannot say): the source sentence, no demo wording', () => {
    expect(html(createElement(DemoBanner, { counts: { reports: 5, synthetic: 0 } }))).toBe('');
    expect(html(createElement(DemoBanner, { counts: null }))).toBe('');
    const real = html(createElement(SourceNote, { counts: { reports: 5, synthetic: 0 } }));
    expect(real).toContain(SOURCE);
    expect(real).not.toContain('示例');
    expect(html(createElement(SourceNote, { counts: null }))).not.toContain(SOURCE);
  });
});
