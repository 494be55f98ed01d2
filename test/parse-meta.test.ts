/**
 * Metadata from invented pages in the layouts real pages use (lib/parse/meta): furniture,
 * split and misleading titles, crawler headers, publishing/compiling sentences, signatures,
 * short forms and their completion, years from every source, regions with their traps.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPage } from '@/lib/read/html';
import { extractMeta } from '@/lib/parse/meta/index';
import { nameAtEnd, readName } from '@/lib/parse/meta/agency-name';
import { isFurniture } from '@/lib/parse/meta/furniture';
import { processFile, processText } from '@/lib/indexer/pipeline';
import { resolveRegion } from '@/lib/region/index';
import { isFailure } from '@/lib/types';

const BODY = '\n一、总体情况\n本机关认真贯彻落实《条例》，全年主动公开信息120条。\n二、主动公开政府信息情况\n略。\n';
const meta = (text: string, ctx = {}) => {
  const m = extractMeta(text, ctx);
  return { agency: m.agency?.value ?? null, agencySource: m.agency?.source, year: m.year?.value ?? null, yearSource: m.year?.source, warnings: m.messages.map((x) => x.message) };
};

describe('agency name grammar', () => {
  it('accepts place + body + organisation word, and places alone', () => {
    for (const n of ['嘉善县民政局', '全南县农业农村局', '本溪市教育局', '兴安盟行署外事办公室', '平潭综合实验区地方税务局', '海南州人民政府', '宿迁市', '通城县马港镇', '高新区(新市区)政府'])
      expect(readName(n)?.complete, n).toBe(true);
  });
  it('marks level-word and place-less names incomplete', () => {
    for (const n of ['市人民政府办公室', '自治区北部湾办', '应急管理局']) expect(readName(n)?.complete, n).toBe(false);
  });
  it('never reads furniture, prefaces, headings or bare organisation words as names', () => {
    for (const n of ['根据《中华人民共和国', '当前位置:首页>', '首页/', '一、总体情况', '本报告', '本年报是根据', '政府', '局编制', '文号:关键字:', '2022', '我局'])
      expect(readName(n.replace(/\s/g, '')), n).toBeNull();
  });
  it('cuts the name out of the words before it, never a piece of a place', () => {
    expect(nameAtEnd('标题:嘉善县民政局')?.name).toBe('嘉善县民政局');
    expect(nameAtEnd('特向社会公布嘉善县民政局')?.name).toBe('嘉善县民政局');
    expect(nameAtEnd('现公布青禾县民政局')).toBeNull();
    expect(nameAtEnd('北京市大兴区北京市大兴区发展和改革委员会')?.name).toBe('北京市大兴区发展和改革委员会');
  });
  it('furniture lines', () => {
    for (const l of ['您现在的位置 : 首页   >   政府信息公开', '首页>>政府信息公开', 'dw.png 位置:首页--政务公开', '发布时间:2024-01-20 来源:嘉善县民政局', '字号：大 中 小', '浏览次数：12', '【字体：大 中 小】 打印', '无障碍'])
      expect(isFurniture(l), l).toBe(true);
    expect(isFurniture('嘉善县民政局2023年政府信息公开工作年度报告')).toBe(false);
  });
});

describe('agency and year from the page', () => {
  it('title after breadcrumbs and furniture', () => {
    const m = meta('您现在的位置：首页 > 政务公开 > 年报\n嘉善县民政局2023年政府信息公开工作年度报告\n发布时间：2024-01-20 来源：嘉兴市民政局 字号：大 中 小' + BODY);
    expect(m).toMatchObject({ agency: '嘉善县民政局', agencySource: 'title', year: 2023, yearSource: 'title' });
  });
  it('a title split over two lines, and a column name before the real title', () => {
    expect(meta('嘉善县民政局\n2023年政府信息公开工作年度报告' + BODY).agency).toBe('嘉善县民政局');
    expect(meta('嘉善县民政局2023年政府信息公开工作\n年度报告' + BODY).agency).toBe('嘉善县民政局');
    expect(meta('政府信息公开工作年度报告\n嘉善县民政局2023年政府信息公开工作年度报告' + BODY).agency).toBe('嘉善县民政局');
  });
  it('crawler header before ==== 正文 ====', () => {
    const m = meta('标题: 嘉善县民政局2023年政府信息公开工作年度报告\n发布时间: 2024-01-10 12:00\n发布机构: 嘉善县人民政府办公室\n原文链接: https://www.jiashan.gov.cn/a.htm\n==== 正文 ====\n本报告根据《条例》编制。' + BODY);
    expect(m).toMatchObject({ agency: '嘉善县民政局', agencySource: 'header', year: 2023 });
    expect(extractMeta('标题: x\n原文链接: https://www.jiashan.gov.cn/a.htm\n==== 正文 ====\n正文').url).toBe('https://www.jiashan.gov.cn/a.htm');
  });
  it('no title: the publishing sentence, the compiler, the signature', () => {
    expect(meta('根据《中华人民共和国政府信息公开条例》，现公布嘉善县民政局2023年政府信息公开工作年度报告。' + BODY)).toMatchObject({ agency: '嘉善县民政局', agencySource: 'publish', year: 2023 });
    expect(meta('本年度报告根据《条例》要求，由嘉善县西塘镇人民政府编制。本报告所列数据统计期限自2023年1月1日起至2023年12月31日止。' + BODY)).toMatchObject({ agency: '嘉善县西塘镇人民政府', agencySource: 'compiler', year: 2023, yearSource: 'period' });
    expect(meta('本报告根据《条例》编制。' + BODY + '\n嘉善县民政局\n2024年1月15日')).toMatchObject({ agency: '嘉善县民政局', agencySource: 'signature', year: 2023, yearSource: 'signature' });
  });
  it('a short form counts for the full name the text gives (以下简称)', () => {
    const m = meta('北部办2023年政府信息公开工作年度报告\n本报告由嘉兴市北部新区管理办公室(以下简称北部办)编制。' + BODY);
    expect(m.agency).toBe('嘉兴市北部新区管理办公室');
  });
  it('a level word is completed from the text, else null with a warning', () => {
    expect(meta('市人民政府办公室2023年政府信息公开工作年度报告\n如有疑问请与嘉兴市人民政府办公室联系。' + BODY).agency).toBe('嘉兴市人民政府办公室');
    const m = meta('应急管理局2023年政府信息公开工作年度报告' + BODY);
    expect(m.agency).toBeNull();
    expect(m.warnings.join()).toContain('应急管理局');
  });
  it('a place alone becomes its government only when the text names it', () => {
    expect(meta('西塘镇2023年政府信息公开工作年度报告\n西塘镇人民政府根据《条例》编制本报告。' + BODY).agency).toBe('西塘镇人民政府');
    expect(meta('嘉兴市2023年政府信息公开工作年度报告\n本报告汇总全市情况。' + BODY).agency).toBe('嘉兴市');
  });
  it('years: 统计期限 with dropped 年/月, never a later publication date when the report says its year', () => {
    expect(meta('本报告所列数据的统计期限自20231月1日起至12月31日止。\n发布时间：2024-02-01' + BODY).year).toBe(2023);
    expect(meta('报告中所列数据的统计时间为202211日至20221231日。' + BODY).year).toBe(2022);
    expect(meta('嘉善县民政局2021年政府信息公开工作年度报告\n发布日期：2024-03-01' + BODY).year).toBe(2021);
    expect(meta('嘉善县民政局二〇二三年政府信息公开工作年度报告' + BODY).year).toBe(2023);
  });
  it('traditional characters read like simplified ones', () => {
    expect(meta('嘉善縣民政局2023年政府信息公開工作年度報告' + BODY)).toMatchObject({ agency: '嘉善縣民政局', year: 2023 });
  });
  it('HTML title/h1 and the sidecar title are evidence too', () => {
    expect(meta('正文第一段。' + BODY, { h1: ['嘉善县民政局2023年政府信息公开工作年度报告'] })).toMatchObject({ agency: '嘉善县民政局', agencySource: 'h1' });
    expect(meta('正文第一段。' + BODY, { pageTitle: '嘉善县民政局2023年政府信息公开工作年度报告' })).toMatchObject({ agency: '嘉善县民政局', agencySource: 'sidecar-title' });
    expect(meta('正文第一段。' + BODY, { htmlTitle: '嘉善县民政局2023年政府信息公开工作年度报告_嘉善县人民政府' })).toMatchObject({ agency: '嘉善县民政局', year: 2023 });
  });
  it('the record says where agency and year came from', () => {
    const r = processText('嘉善县民政局2023年政府信息公开工作年度报告' + BODY + '三、收到和处理政府信息公开申请情况\n略。\n', 'x.txt');
    if (isFailure(r)) throw new Error(r.error);
    expect(r.meta).toEqual({ agency: { value: '嘉善县民政局', source: 'title' }, year: { value: 2023, source: 'title' } });
  });
});

describe('region traps', () => {
  it('海南州 is in 青海, 海南省 is a province', () => {
    expect(resolveRegion('海南州人民政府', '').region).toEqual({ province: '青海省', city: '海南藏族自治州', county: null });
    expect(resolveRegion('海南省生态环境厅', '').region).toEqual({ province: '海南省', city: null, county: null });
  });
  it('朝阳区 (北京) vs 朝阳乡 (四川): a township through the streets data and the text', () => {
    expect(resolveRegion('北京市朝阳区审计局', '').region).toEqual({ province: '北京市', city: '北京市', county: '朝阳区' });
    expect(resolveRegion('朝阳乡', '根据《四川省政府信息公开规定》编制。').region.province).toBe('四川省');
    expect(resolveRegion('朝阳乡', '本乡全年公开信息20条。').region).toEqual({ province: null, city: null, county: null });
  });
  it('the site: a zone on its county’s host, a credit code; nothing without them', () => {
    expect(resolveRegion('平潭综合实验区', '', { url: 'https://www.pingtan.gov.cn/zwgk/a.htm' }).region).toEqual({ province: '福建省', city: '福州市', county: '平潭县' });
    expect(resolveRegion('平潭综合实验区', '').region.county).toBeNull();
    expect(resolveRegion('', '索引号：113703220042223482/2026-5566148').region).toEqual({ province: '山东省', city: '淄博市', county: '高青县' });
  });
});

describe('page evidence through the readers', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'meta-page-'));
  const body = '<p>本报告根据《条例》编制。</p><p>一、总体情况</p><p>全年主动公开信息120条。</p><p>二、主动公开政府信息情况</p><p>略。</p><p>三、收到和处理政府信息公开申请情况</p><p>略。</p>';

  it('the HTML reader returns <title>, <h1> and meta tags', () => {
    const { page } = readPage('<html><head><title>嘉善县民政局2023年政府信息公开工作年度报告_嘉善县人民政府</title><meta name="ArticleTitle" content="嘉善县民政局2023年政府信息公开工作年度报告"><meta name="ContentSource" content="嘉善县民政局"></head><body><h1>嘉善县民政局 2023年政府信息公开工作年度报告</h1></body></html>');
    expect(page).toEqual({
      htmlTitle: '嘉善县民政局2023年政府信息公开工作年度报告_嘉善县人民政府',
      h1: ['嘉善县民政局 2023年政府信息公开工作年度报告'],
      meta: { ArticleTitle: '嘉善县民政局2023年政府信息公开工作年度报告', ContentSource: '嘉善县民政局' },
    });
  });

  it('a page whose text lost its title is named by its <title>', async () => {
    const f = path.join(dir, 'a.html');
    fs.writeFileSync(f, `<html><head><title>嘉善县民政局2023年政府信息公开工作年度报告</title></head><body>${body}</body></html>`);
    const r = await processFile(f);
    if (isFailure(r)) throw new Error(r.error);
    expect(r.meta?.agency).toEqual({ value: '嘉善县民政局', source: 'html-title' });
    expect(r.year).toBe(2023);
  });

  it('the sidecar’s page title and URL are evidence', async () => {
    const f = path.join(dir, 'b.txt');
    fs.writeFileSync(f, '本报告根据《条例》编制。\n一、总体情况\n全年主动公开信息120条。\n二、主动公开政府信息情况\n略。\n三、收到和处理政府信息公开申请情况\n略。\n');
    fs.writeFileSync(`${f}.json`, JSON.stringify({ sourceUrl: 'https://www.pingtan.gov.cn/a.htm', pageTitle: '平潭综合实验区2023年政府信息公开工作年度报告' }));
    const r = await processFile(f);
    if (isFailure(r)) throw new Error(r.error);
    expect(r.meta?.agency).toEqual({ value: '平潭综合实验区', source: 'sidecar-title' });
    expect(r.region).toEqual({ province: '福建省', city: '福州市', county: '平潭县' });
  });
});

describe('more title shapes', () => {
  it('关于 and 的 around the year, party and national bodies', () => {
    expect(meta('嘉善县民政局关于2023年度政府信息公开工作的年度报告' + BODY)).toMatchObject({ agency: '嘉善县民政局', year: 2023 });
    expect(meta('中共嘉善县委宣传部2023年政府信息公开工作年度报告' + BODY).agency).toBe('中共嘉善县委宣传部');
    expect(meta('国家税务总局嘉兴市税务局2023年政府信息公开工作年度报告' + BODY).agency).toBe('国家税务总局嘉兴市税务局');
    expect(meta('国家统计局2023年政府信息公开工作年度报告' + BODY).agency).toBe('国家统计局');
    expect(meta('宣传部2023年政府信息公开工作年度报告' + BODY).agency).toBeNull();
  });
});

describe('more year shapes', () => {
  it('a calendar year stated without 统计', () => {
    expect(meta('本报告所列数据时间为2023年1月1日至2023年12月31日。' + BODY).year).toBe(2023);
  });
});

describe('kind of the names real pages give', () => {
  it('a place alone and …政府 are governments', async () => {
    const { agencyKind } = await import('@/lib/parse/metadata');
    expect(agencyKind('安乐乡')).toBe('government');
    expect(agencyKind('宿迁市')).toBe('government');
    expect(agencyKind('高新区（新市区）政府')).toBe('government');
    expect(agencyKind('兴安盟行署外事办公室')).toBe('department');
  });
});

describe('site banners', () => {
  it('a banner above a title without agency does not name the report', () => {
    const m = meta('嘉善县人民政府\n政府信息公开工作年度报告\n根据《条例》，现公布嘉善县审计局2023年政府信息公开工作年度报告。' + BODY);
    expect(m.agency).toBe('嘉善县审计局');
  });
});

describe('furniture around titles', () => {
  it('links to other reports are not titles; a year in brackets after the title is read', () => {
    expect(meta('上一篇：嘉善县民政局2022年政府信息公开工作年度报告\n嘉善县审计局2023年政府信息公开工作年度报告' + BODY).agency).toBe('嘉善县审计局');
    expect(meta('嘉善县审计局政府信息公开工作年度报告（2023年）' + BODY)).toMatchObject({ agency: '嘉善县审计局', year: 2023 });
  });
});

describe('names with a long bracketed second name', () => {
  it('keeps the bracket', () => {
    expect(meta('嘉善县民政局（嘉善县老龄工作委员会办公室）2023年政府信息公开工作年度报告' + BODY).agency).toBe('嘉善县民政局(嘉善县老龄工作委员会办公室)');
  });
});

describe('conflicting years', () => {
  it('the 统计期限 says which year is covered, with a warning when the title disagrees', () => {
    const m = meta('嘉善县民政局2024年政府信息公开工作年度报告\n本报告所列数据统计期限自2023年1月1日起至2023年12月31日止。' + BODY);
    expect(m).toMatchObject({ year: 2023, yearSource: 'period' });
    expect(m.warnings.join()).toContain('统计年度不一致');
  });
});

describe('level and kind of places', () => {
  it('a zone on its county’s site is a county-level government; 苏木 is a township', () => {
    const body = BODY + '三、收到和处理政府信息公开申请情况\n略。\n';
    const z = processText('平潭综合实验区2023年政府信息公开工作年度报告' + body, 'z.txt', { sourceUrl: 'https://www.pingtan.gov.cn/a.htm' });
    const t = processText('正蓝旗扎格斯台苏木人民政府2023年政府信息公开工作年度报告' + body, 't.txt');
    if (isFailure(z) || isFailure(t)) throw new Error('rejected');
    expect([z.level, z.kind]).toEqual(['county', 'government']);
    expect(t.level).toBe('township');
  });
});

describe('HTML meta dates', () => {
  it('a PubDate in January–June gives the year before, only as a last resort', () => {
    expect(meta('正文。' + BODY, { meta: { PubDate: '2024-01-20 10:00' } }).year).toBe(2023);
    expect(meta('嘉善县民政局2021年政府信息公开工作年度报告' + BODY, { meta: { PubDate: '2024-01-20' } }).year).toBe(2021);
  });
});

describe('furniture-only heads give no agency, never a garbage one', () => {
  const heads = [
    '根据《中华人民共和国政府信息公开条例》规定，编制本报告。',
    '当前位置:首页>政务公开>年报',
    '首页/政务公开/政府信息公开年报',
    '文号:关键字:',
    '本年报是根据《条例》要求编制的。',
    '您现在的位置：首页 >> 信息公开 >> 年度报告\n发布时间：2024-01-10 来源： 字号：[大 中 小]',
  ];
  for (const h of heads)
    it(h.split('\n')[0], () => {
      const m = meta(h + BODY);
      expect(m.agency).toBeNull();
    });
});
