import { describe, it, expect } from 'vitest';
import { toSimplified } from '@/lib/fold';

describe('toSimplified', () => {
  it('converts traditional report vocabulary to simplified', () => {
    expect(toSimplified('政府資訊公開工作年度報告')).toBe('政府资讯公开工作年度报告');
    expect(toSimplified('本機關不掌握相關政府資訊；複議結果維持')).toBe('本机关不掌握相关政府资讯；复议结果维持');
    expect(toSimplified('行政許可、行政處罰、行政強制')).toBe('行政许可、行政处罚、行政强制');
    // Taiwan variant forms
    expect(toSimplified('裡面')).toBe('里面');
  });

  it('leaves simplified text, numbers and layout untouched', () => {
    const s = '一、本年新收政府信息公开申请数量\t30\t4\t0\n| 规章 | 0 | | 1.25 |';
    expect(toSimplified(s)).toBe(s);
    expect(toSimplified('')).toBe('');
    expect(toSimplified('abc 123')).toBe('abc 123');
  });

  it('keeps the length of report text (highlight offsets stay valid)', () => {
    const t = '二、上年結轉政府資訊公開申請數量\t2\t0\n（四）無法提供 1.本機關不掌握相關政府資訊';
    expect(toSimplified(t)).toHaveLength(t.length);
  });
});
