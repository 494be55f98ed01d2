/**
 * findNoRequests is a faster scan for NO_REQUESTS; it must return exactly what the regex does,
 * whatever the text (random texts built from the pieces the regex looks for, plus noise).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findNoRequests, NO_REQUESTS } from '@/lib/parse/checks';

const opt = (...xs: string[]) => fc.constantFrom('', ...xs);
/** Mostly near-claims: each part of a claim present or not, so some match and many almost do. */
const claim = fc
  .tuple(
    opt('未', '没有', '无', '共'),
    fc.constantFrom('收到', '受理', '接到', '收', '受'),
    opt('过', '到'),
    opt('任何'),
    opt('政府信息公开', '信息公开', '依申请公开'),
    opt('的'),
    fc.constantFrom('申请', '申', ''),
    opt('人', '数量', '为', '数量为'),
    opt(' ', '\n', '\t'),
    opt('0', '10', '0 '),
    opt('件'),
  )
  .map((parts) => parts.join(''));
const filler = fc.oneof(
  fc.constantFrom('。', '；', '，', ',', '\n', ' ', '本机关', '2024年度', '𠀀', '严格依法办理'),
  fc.string({ maxLength: 30 }),
  fc.integer({ min: 0, max: 60 }).map((n) => '字'.repeat(n)),
);
const text = fc.array(fc.oneof(claim, filler), { maxLength: 12 }).map((a) => a.join(''));

describe('findNoRequests', () => {
  it('equals NO_REQUESTS.exec on random texts', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(findNoRequests(t)).toBe(NO_REQUESTS.exec(t)?.[0] ?? null);
      }),
      { numRuns: 20000 },
    );
  });

  it('finds the earliest claim, with its lead-in, far into a long text', () => {
    const lead = '本机关在二〇二四年度内认真贯彻落实条例要求并且通过多种渠道依法依规公开';
    const t = `${'共收到信息公开申请12件。'.repeat(50)}${lead}未收到任何政府信息公开申请，其他。本年度没有受理申请人的申请。`;
    expect(findNoRequests(t)).toBe(NO_REQUESTS.exec(t)![0]);
    expect(findNoRequests(t)).toContain('未收到任何政府信息公开申请');
    expect(findNoRequests('收到申请 0 件')).toBe('收到申请 0 件');
    expect(findNoRequests('无')).toBeNull();
  });
});
