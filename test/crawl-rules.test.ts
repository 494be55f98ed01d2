/**
 * The crawler's rules one by one: URL normal form, site and government hosts, which links are
 * reports or pagination, script pagers, charsets, Retry-After, seeds files, file names.
 */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { charsetFromMeta, decodeHtml } from '../lib/crawl/charset';
import { isAttachmentUrl, isPagerLink, looksLikeReport, reportLinkYear, yearOf } from '../lib/crawl/classify';
import { parseRetryAfter } from '../lib/crawl/http';
import { extractLinks } from '../lib/crawl/links';
import { userAgent } from '../lib/crawl/politeness';
import { parseSeeds } from '../lib/crawl/seeds';
import { baseNameFor, extensionFor } from '../lib/crawl/store';
import { governmentKey, normalizeUrl, sameGovernment, sameSite } from '../lib/crawl/url';
import { reportText } from './fixtures/crawl/site';

describe('normalizeUrl', () => {
  it('one form per document', () => {
    const same = [
      'http://WWW.Example.gov.cn:80/ndbg/t1.html#top',
      'http://www.example.gov.cn/ndbg/t1.html;jsessionid=ABC123',
      'http://www.example.gov.cn/ndbg/t1.html?utm_source=weibo&PHPSESSID=x',
      'http://www.example.gov.cn/ndbg/./x/../t1.html',
    ];
    for (const u of same) expect(normalizeUrl(u), u).toBe('http://www.example.gov.cn/ndbg/t1.html');
    expect(normalizeUrl('/list?b=2&a=1&b=2&a=1', 'http://x.gov.cn/')).toBe('http://x.gov.cn/list?a=1&b=2');
    expect(normalizeUrl('?page=2', 'http://x.gov.cn/ndbg/index.html')).toBe('http://x.gov.cn/ndbg/index.html?page=2');
  });
  it('drops what is not http(s)', () => {
    for (const u of ['javascript:void(0)', 'mailto:a@b.cn', 'data:text/html,x', 'ftp://x.gov.cn/a.pdf', 'http://[bad']) expect(normalizeUrl(u, 'http://x.gov.cn/'), u).toBeNull();
  });
});

describe('site and government', () => {
  it('www. does not make another site; another host does', () => {
    expect(sameSite('http://www.hz.gov.cn/a', 'http://hz.gov.cn/b')).toBe(true);
    expect(sameSite('http://www.hz.gov.cn/a', 'http://file.hz.gov.cn/b')).toBe(false);
  });
  it('attachment hosts of the same government are allowed, a neighbour is not', () => {
    expect(governmentKey('http://www.xihu.hangzhou.gov.cn/')).toBe('hangzhou.gov.cn');
    expect(governmentKey('http://file.hz.gov.cn/')).toBe('hz.gov.cn');
    expect(sameGovernment('http://www.hz.gov.cn/ndbg/', 'http://file.hz.gov.cn/a.pdf')).toBe(true);
    expect(sameGovernment('http://www.hz.gov.cn/ndbg/', 'http://www.nb.gov.cn/a.pdf')).toBe(false);
    expect(sameGovernment('http://www.hz.gov.cn/ndbg/', 'http://cdn.example.com/a.pdf')).toBe(false);
    expect(governmentKey('http://www.example.com.cn/')).toBe('example.com.cn');
    expect(sameGovernment('http://127.0.0.1:8000/a', 'http://127.0.0.1:9000/b.pdf')).toBe(true);
    expect(sameGovernment('http://127.0.0.1:8000/a', 'http://localhost:9000/b.pdf')).toBe(false);
  });
});

describe('links', () => {
  const link = (text: string, url = 'http://x.gov.cn/a.html', title = '') => ({ url, text, title });
  it('report links name an annual report with a year', () => {
    expect(reportLinkYear(link('某县财政局2023年度政府信息公开工作年度报告'))).toBe(2023);
    expect(reportLinkYear(link('2024年政府信息公开年报'))).toBe(2024);
    expect(reportLinkYear(link('某县财政局2023年...', undefined, '某县财政局2023年政府信息公开工作年度报告'))).toBe(2023);
    expect(reportLinkYear(link('某市2012年政府信息公开工作报告'))).toBe(2012);
    expect(reportLinkYear(link('政府信息公开年报'))).toBeNull(); // no year: a column link
    expect(reportLinkYear(link('2024年工作报告'))).toBeNull(); // not the open-government report
    expect(reportLinkYear(link('关于2024年度政务公开培训的通知'))).toBeNull();
    expect(reportLinkYear(link('某市2023年法治政府建设年度报告'))).toBeNull();
    expect(reportLinkYear(link('2023年度企业年报公示提醒'))).toBeNull();
    expect(reportLinkYear(link('某县审计局2023年政府信息公开工作年度报告'))).toBe(2023);
    expect(yearOf('发布日期 2031年')).toBeNull();
  });
  it('pagination', () => {
    expect(isPagerLink(link('下一页'))).toBe(true);
    expect(isPagerLink(link('尾页'))).toBe(true);
    expect(isPagerLink(link('3', 'http://x.gov.cn/ndbg/index_2.html'))).toBe(true);
    expect(isPagerLink(link('3', 'http://x.gov.cn/list.jsp?pageNo=3'))).toBe(true);
    expect(isPagerLink(link('3', 'http://x.gov.cn/news/3.html'))).toBe(false);
    expect(isPagerLink(link('政务公开', 'http://x.gov.cn/ndbg/index_1.html'))).toBe(false);
  });
  it('attachments by extension', () => {
    for (const e of ['pdf', 'doc', 'docx', 'wps', 'xls', 'PDF']) expect(isAttachmentUrl(`http://x.gov.cn/P0201.${e}`)).toBe(true);
    expect(isAttachmentUrl('http://x.gov.cn/t1.html')).toBe(false);
  });
  it('extracts links with <base>, entities, script pagers and meta refresh', () => {
    const html = `<html><head><base href="http://x.gov.cn/ndbg/"><title>年报 &amp; 公开</title>
      <meta http-equiv="refresh" content="0; url=moved.html"></head><body>
      <a href="t1.html?a=1&amp;b=2">2024年年报</a><a href="javascript:;">x</a>
      <iframe src="/viewer/P1.pdf"></iframe>
      <script>var countPage = 4; createPageHTML(4, 0, "index", "shtml");</script><p>正文</p></body></html>`;
    const p = extractLinks(html, 'http://x.gov.cn/other/page.html');
    expect(p.title).toBe('年报 & 公开');
    expect(p.links.map((l) => l.url)).toEqual(['http://x.gov.cn/ndbg/t1.html?a=1&b=2', 'http://x.gov.cn/viewer/P1.pdf', 'http://x.gov.cn/ndbg/moved.html']);
    expect(p.scriptPages).toEqual(['http://x.gov.cn/ndbg/index_1.shtml', 'http://x.gov.cn/ndbg/index_2.shtml', 'http://x.gov.cn/ndbg/index_3.shtml']);
    expect(p.text).toContain('正文');
    expect(p.text).not.toContain('createPageHTML');
  });
  it('a page is a report when it carries the parts of one', () => {
    expect(looksLikeReport(reportText('某县财政局', 2024))).toBe(true);
    expect(looksLikeReport('某县财政局2024年政府信息公开工作年度报告 附件：年报.pdf 主动公开')).toBe(false);
  });
});

describe('charsets', () => {
  const gbk = iconv.encode('<html><head><meta charset="gb2312"><title>年度报告</title></head><body>青禾县</body></html>', 'gbk');
  it('header first, then meta, then UTF-8, else GB18030', () => {
    expect(decodeHtml(gbk, 'text/html').text).toContain('青禾县');
    expect(decodeHtml(gbk, 'text/html').charset).toBe('gb18030');
    expect(decodeHtml(iconv.encode('<p>青禾县</p>', 'gbk'), 'text/html; charset=GBK').text).toBe('<p>青禾县</p>');
    expect(decodeHtml(iconv.encode('<p>青禾县</p>', 'gbk'), null)).toEqual({ text: '<p>青禾县</p>', charset: 'gb18030' });
    expect(decodeHtml(Buffer.from('<p>青禾县</p>'), null)).toEqual({ text: '<p>青禾县</p>', charset: 'utf-8' });
    expect(charsetFromMeta(Buffer.from('<meta http-equiv="Content-Type" content="text/html; charset=GB18030">'))).toBe('gb18030');
  });
});

describe('politeness details', () => {
  it('Retry-After in seconds or as a date', () => {
    expect(parseRetryAfter('120')).toBe(120_000);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:10 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(10_000);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });
  it('the User-Agent names the crawler and the contact, in ASCII', () => {
    expect(userAgent('ops@example.org')).toMatch(/NianbaoCrawler\/0\.1;.*contact: ops@example\.org/);
    expect(() => userAgent('张三')).toThrow(/ASCII/);
  });
});

describe('seeds and file names', () => {
  it('reads URL lines and CSV rows, rejects a bad line by number', () => {
    expect(parseSeeds('url,agency,province\n# comment\nhttp://a.gov.cn/ndbg/,"某县人民政府",某省\n\nhttp://b.gov.cn/x#y\nhttp://b.gov.cn/x\n')).toEqual([
      { url: 'http://a.gov.cn/ndbg/', agency: '某县人民政府', province: '某省' },
      { url: 'http://b.gov.cn/x' },
    ]);
    expect(() => parseSeeds('http://a.gov.cn/\nwww.b.gov.cn\n', 'seeds.txt')).toThrow('seeds.txt:2: not an http(s) URL: www.b.gov.cn');
    expect(() => parseSeeds('# nothing\n', 'seeds.txt')).toThrow(/no start URLs/);
  });
  it('names files by site, last path segment and URL hash; extension from bytes and type', () => {
    expect(baseNameFor('http://www.x.gov.cn:8080/ndbg/2024/P0201.pdf')).toMatch(/^x\.gov\.cn_8080\/P0201-[0-9a-f]{8}$/);
    expect(baseNameFor('http://x.gov.cn/download.jsp?id=1')).not.toBe(baseNameFor('http://x.gov.cn/download.jsp?id=2'));
    expect(extensionFor('http://x.gov.cn/download.jsp?id=1', 'application/octet-stream', Buffer.from('%PDF-1.7'))).toBe('.pdf');
    expect(extensionFor('http://x.gov.cn/a.docx', 'application/octet-stream', Buffer.from('PK'))).toBe('.docx');
    expect(extensionFor('http://x.gov.cn/t1.shtml', 'text/html; charset=gbk', Buffer.from('<html>'))).toBe('.html');
  });
});
