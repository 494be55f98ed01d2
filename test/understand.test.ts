import { describe, expect, it } from 'vitest';
import { shortRegionName, understandQuery, type KnownValues } from '../lib/search/understand';

// Invented index contents.
const KNOWN: KnownValues = {
  province: ['浙江省', '北京市', '广西壮族自治区', '吉林省'],
  city: ['宁波市', '北京市', '吉林市', '延边朝鲜族自治州'],
  year: ['2021', '2022', '2023'],
  hasAgency: (n) => ['宁波市北仑区人民政府', '浙江省教育厅'].includes(n),
};
const NOW = new Date('2025-06-01T00:00:00Z');
const u = (q: string) => understandQuery(q, KNOWN, NOW);

describe('understandQuery', () => {
  it('an agency with a year written into it becomes two filters and no text', () => {
    const r = u('宁波市北仑区人民政府2023年');
    expect(r.q).toBe('');
    expect(r.filters).toEqual({ agency: ['宁波市北仑区人民政府'], year: ['2023'] });
    expect(r.understood.map((x) => x.word)).toEqual(['宁波市北仑区人民政府', '2023年']);
    expect(u('2022年度浙江省教育厅').filters).toEqual({ year: ['2022'], agency: ['浙江省教育厅'] });
  });

  it('a short province name becomes the province filter; the other words stay text', () => {
    const r = u('时效性 浙江');
    expect(r.q).toBe('时效性');
    expect(r.filters).toEqual({ province: ['浙江省'] });
    expect(r.understood).toEqual([{ word: '浙江', facet: 'province', value: '浙江省' }]);
  });

  it('a word that only contains a known name stays text', () => {
    for (const q of ['浙江大学', '时效性', '宁波港', '2023年度报告', '北仑区人民政府']) {
      const r = u(q);
      expect(r.q).toBe(q);
      expect(r.understood).toEqual([]);
    }
  });

  it('years: standalone, with 年/年度, held in the index, never in the future', () => {
    expect(u('2023').filters).toEqual({ year: ['2023'] });
    expect(u('2021年度 依申请').filters).toEqual({ year: ['2021'] });
    expect(u('2019年').q).toBe('2019年'); // not held
    const later: KnownValues = { ...KNOWN, year: ['2030'] };
    expect(understandQuery('2030', later, NOW).q).toBe('2030');
    expect(u('12023').q).toBe('12023');
  });

  it('city names, short and full; a municipality is the province; ambiguous short names stay text', () => {
    expect(u('宁波').filters).toEqual({ city: ['宁波市'] });
    expect(u('宁波市').filters).toEqual({ city: ['宁波市'] });
    expect(u('北京').filters).toEqual({ province: ['北京市'] });
    expect(u('吉林').q).toBe('吉林');
    expect(u('吉林市').filters).toEqual({ city: ['吉林市'] });
    expect(u('广西').filters).toEqual({ province: ['广西壮族自治区'] });
    expect(u('延边州').filters).toEqual({ city: ['延边朝鲜族自治州'] });
  });

  it('never invents a filter the index does not hold', () => {
    expect(u('江苏 2023').filters).toEqual({ year: ['2023'] });
    expect(u('江苏 2023').q).toBe('江苏');
  });
});

describe('shortRegionName', () => {
  it('drops the division suffix', () => {
    expect(shortRegionName('浙江省')).toBe('浙江');
    expect(shortRegionName('新疆维吾尔自治区')).toBe('新疆');
    expect(shortRegionName('内蒙古自治区')).toBe('内蒙古');
    expect(shortRegionName('香港特别行政区')).toBe('香港');
    expect(shortRegionName('大兴安岭地区')).toBe('大兴安岭');
    expect(shortRegionName('沙市')).toBeNull();
  });
});

describe('literal=1 in the URL state', () => {
  it('is read, kept in search URLs while there is text, and dropped without text', async () => {
    const { parseSearchParams } = await import('../lib/search-params');
    const { searchUrl } = await import('../lib/urls');
    const p = parseSearchParams(new URLSearchParams('q=时效性 浙江&literal=1'));
    expect(p.ok && p.state.literal).toBe(true);
    if (!p.ok) return;
    expect(new URL(searchUrl({ ...p.state, page: 2 }), 'http://t').searchParams.get('literal')).toBe('1');
    expect(searchUrl({ ...p.state, q: '' })).not.toContain('literal');
    const plain = parseSearchParams(new URLSearchParams('q=浙江'));
    expect(plain.ok && plain.state.literal).toBeFalsy();
    expect(parseSearchParams(new URLSearchParams('q=x&literal=yes')).ok).toBe(false);
  });
});

describe('nearestNames', () => {
  it('finds names sharing most character pairs, and nothing for unrelated text', async () => {
    const { nearestNames } = await import('../lib/search/understand');
    const names = ['宁波市北仑区人民政府', '宁波市人民政府', '北京市教育委员会', '杭州市西湖区人民政府'];
    expect(nearestNames('北仑区政府', names)[0]).toBe('宁波市北仑区人民政府');
    expect(nearestNames('鹦鹉螺', names)).toEqual([]);
    expect(nearestNames('人民政府', names, 2)).toEqual(['宁波市人民政府', '宁波市北仑区人民政府']);
  });
});
