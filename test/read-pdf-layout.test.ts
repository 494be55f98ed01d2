/** Positioned text items → lines: cells by gaps, columns by anchors, wrapped prose rejoined. */
import { describe, it, expect } from 'vitest';
import { layoutPage, type PdfItem } from '@/lib/read/pdf-layout';

const S = 10;
/** an item at (x, y) whose width is its character count at font size S */
const it_ = (str: string, x: number, y: number): PdfItem => ({ str, x, y, width: [...str].length * S, height: S, fontSize: S });

describe('layoutPage', () => {
  it('snaps table cells to columns so empty cells stay empty fields', () => {
    const items = [
      it_('信息内容', 50, 700), it_('制发', 200, 700), it_('废止', 300, 700), it_('现行有效', 400, 700),
      it_('规章', 50, 685), it_('0', 200, 685), it_('3', 400, 685), // 废止 is blank
    ];
    expect(layoutPage(items)).toBe(['信息内容\t制发\t废止\t现行有效', '规章\t0\t\t3'].join('\n'));
  });

  it('an indented sub-label opens its own column for the whole table, keeping numbers aligned', () => {
    const items = [
      it_('（三）不予公开', 50, 700), it_('自然人', 200, 700), it_('总计', 300, 700),
      it_('1.属于国家秘密', 100, 685), it_('0', 200, 685), it_('0', 300, 685),
    ];
    expect(layoutPage(items)).toBe(['（三）不予公开\t\t自然人\t总计', '\t1.属于国家秘密\t0\t0'].join('\n'));
  });

  it('joins runs split by the PDF producer and ignores whitespace filler items', () => {
    const items = [it_('政府信息', 50, 700), it_(' ', 90, 700), it_('公开', 90, 700), it_('年度报告', 110, 700)];
    expect(layoutPage(items)).toBe('政府信息公开年度报告');
  });

  it('rejoins prose wrapped at the right margin, but not after a sentence end', () => {
    const items = [
      it_('一、总体情况', 50, 760),
      it_('本机关全年主动公开政府信息二百一十三条其中规划', 50, 740), // full line (right edge 290)
      it_('公示四十一条。', 50, 725),
      it_('本年度未收到政府信息公开申请，也未收取任何费用。', 50, 710), // full line ending a sentence
      it_('二、主动公开政府信息情况', 50, 695),
    ];
    expect(layoutPage(items)).toBe(
      ['一、总体情况', '本机关全年主动公开政府信息二百一十三条其中规划公示四十一条。', '本年度未收到政府信息公开申请，也未收取任何费用。', '二、主动公开政府信息情况'].join('\n'),
    );
  });

  it('reads lines top to bottom whatever the item order', () => {
    const items = [it_('第二行', 50, 680), it_('第一行', 50, 700)];
    expect(layoutPage(items)).toBe('第一行\n第二行');
  });
});
