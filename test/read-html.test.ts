/** HTML → text on hand-written pages: spans, layout tables, entities, Word-exported markup. */
import { describe, it, expect } from 'vitest';
import { htmlToText, declaredCharset } from '@/lib/read/html';

// blocks are separated by one blank line, as in plain-text reports; table rows by a line break
describe('htmlToText', () => {
  it('expands colspan and rowspan into empty cells on a full grid', () => {
    const html = `<table>
      <tr><td rowspan="2">信息内容</td><td colspan="3">本年情况</td></tr>
      <tr><td>制发</td><td>废止</td><td>现行有效</td></tr>
      <tr><td>规章</td><td>0</td><td></td><td>/</td></tr>
    </table>`;
    expect(htmlToText(html)).toBe(['| 信息内容 | 本年情况 | | |', '| | 制发 | 废止 | 现行有效 |', '| 规章 | 0 | | / |'].join('\n'));
  });

  it('implied end tags: unclosed td, tr and p', () => {
    const html = '<p>第一段<p>第二段<table><tr><td>行政许可<td>156<tr><td>行政处罚<td>42</table>尾';
    expect(htmlToText(html)).toBe('第一段\n\n第二段\n\n| 行政许可 | 156 |\n| 行政处罚 | 42 |\n\n尾');
  });

  it('reads layout tables (holding tables or prose) as blocks, inner data tables as rows', () => {
    const html = `<table width="100%"><tr><td class="side"><a>首页</a></td><td>
      <h1>某局2024年度政府信息公开工作年度报告</h1>
      <table><tr><td>规章</td><td>1</td></tr></table>
    </td></tr></table>`;
    expect(htmlToText(html)).toBe('首页\n\n某局2024年度政府信息公开工作年度报告\n\n| 规章 | 1 |');
  });

  it('decodes entities, keeps pipes in cells from breaking rows, drops hidden and chrome', () => {
    const html = `<header>网站头</header><p>&ldquo;三安全一稳定&rdquo;&nbsp;&amp;&#x4E00;&#19968;&#147;x&#148;</p>
      <table><tr><td>a|b</td><td>&lt;1&gt;</td></tr></table>
      <span hidden>隐藏</span><div style="display: none">也隐藏</div><footer>版权</footer>`;
    expect(htmlToText(html)).toBe('“三安全一稳定” &一一“x”\n\n| a｜b | <1> |');
  });

  it('a source line break between CJK characters is no space (CSS Text 3); others are', () => {
    expect(htmlToText('<p>政府信息\n   公开 工作\nreport\ntext</p>')).toBe('政府信息公开 工作 report text');
  });

  it('Word-exported HTML: conditional comments, o:p, mso styles', () => {
    const html = `<!--[if gte mso 9]><xml><w:WordDocument></w:WordDocument></xml><![endif]-->
      <p class=MsoNormal><![if !supportLists]><span>1.</span><![endif]>予以公开<o:p></o:p></p>
      <table class=MsoTableGrid><tr><td width=200 valign=top><p class=MsoNormal>规章<o:p></o:p></p></td><td><p>0</p></td></tr></table>`;
    expect(htmlToText(html)).toBe('1.予以公开\n\n| 规章 | 0 |');
  });

  it('script bodies with markup-like strings never leak', () => {
    expect(htmlToText('<p>正文</p><script>if (a<b) document.write("</p><td>x</td>")</script><style>p{}</style>')).toBe('正文');
  });

  it('finds the declared charset in either meta form', () => {
    expect(declaredCharset(Buffer.from('<meta charset="GBK">'))).toBe('GBK');
    expect(declaredCharset(Buffer.from('<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />'))).toBe('gb2312');
    expect(declaredCharset(Buffer.from('<p>none</p>'))).toBeUndefined();
  });

  it('survives tens of thousands of unclosed tags (old CMS <font> soup) without overflowing the stack', () => {
    const soup = '<font size=3><span>'.repeat(30000) + '正文结束';
    expect(htmlToText(soup)).toBe('正文结束');
    expect(htmlToText('<div>'.repeat(30000) + '段落' + '</div>'.repeat(30000))).toBe('段落');
  });
});
