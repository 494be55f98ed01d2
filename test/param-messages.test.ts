import { describe, expect, it } from 'vitest';
import { facetChoices, formatChoices, orList } from '@/lib/param-messages';
import { FACETS } from '@/lib/search/types';
import { parseSearchParams } from '@/lib/search-params';

const err = (p: Record<string, string>) => {
  const r = parseSearchParams(p);
  if (r.ok) throw new Error('expected an error');
  return r.error;
};

describe('validation messages: Chinese sentences with the allowed values in words', () => {
  it('page, per_page and sort', () => {
    expect(err({ page: '501' })).toBe('页码（page）最大为 500，请改为 500 或更小的数');
    expect(err({ page: '0' })).toBe('页码（page）不能小于 1，请改为 1 或更大的数');
    expect(err({ per_page: 'x' })).toBe('每页条数（per_page）必须是正整数，例如 1、2、3');
    expect(err({ sort: 'random' })).toBe(
      '排序方式（sort）只能是相关度（relevance）、年度（新→旧）（year_desc）、年度（旧→新）（year_asc）或按数字项排序（fig:数字项:desc 为从多到少，fig:数字项:asc 为从少到多）；' +
        '数字项可以是新收申请（received）、办结（processed）、予以公开（granted）、不予公开（refused）、行政复议（review）、行政复议纠错（review_corrected）、行政诉讼纠错（litigation_corrected）、复议/诉讼纠错（corrected）',
    );
  });

  it('format and facet name the choices in Chinese', () => {
    expect(formatChoices()).toBe('数据格式（format）只能是JSON 数据（json）或CSV 表格（csv）');
    const f = facetChoices(FACETS);
    for (const name of ['机关（agency）', '年度（year）', '问题主题（theme）']) expect(f).toContain(name);
    expect(orList(['甲', '乙', '丙'])).toBe('甲、乙或丙');
  });
});
