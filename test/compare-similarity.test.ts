import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { normaliseSentence, repeatedText, splitSentences } from '@/lib/compare/similarity';

const seeds = path.resolve(__dirname, '..', '../shared/seeds');

/** Part 五 of a seed, cut by its headings (the parser does this for real; here only for a fixture). */
function problemsOf(file: string): string {
  const text = fs.readFileSync(path.join(seeds, file), 'utf8');
  const start = text.search(/\n\s*五、[^\n]*存在的主要问题/);
  const end = text.indexOf('六、', start + 1);
  expect(start, file).toBeGreaterThan(0);
  return text.slice(start, end > start ? end : undefined);
}

describe('sentences', () => {
  it('splits on Chinese and Western sentence ends and drops headings', () => {
    expect(splitSentences('一、存在问题\n一是信息更新不及时；二是解读形式单一！还有问题吗？是的!')).toEqual([
      '一是信息更新不及时；',
      '二是解读形式单一！',
    ]);
  });
  it('normalises width, spaces, punctuation, enumeration and years', () => {
    expect(normaliseSentence('（一）2023年 信息发布，不够及时。')).toBe(normaliseSentence('1. 2024年信息发布,不够及时'));
    expect(normaliseSentence('一是ＡＢＣ平台建设滞后')).toBe('ABC平台建设滞后');
    expect(normaliseSentence('二是信息发布不及时')).not.toBe(normaliseSentence('二是信息发布很及时'));
  });
});

describe('repeatedText', () => {
  it('counts later sentences found verbatim in the earlier year and marks them', () => {
    const earlier = '2023年我局政务公开工作仍存在不足。一是信息发布不够及时；二是政策解读形式单一。';
    const later = '2024年我局政务公开工作仍存在不足。一是信息发布不够及时；二是队伍业务能力有待提升。下一步加强培训。';
    const r = repeatedText(earlier, later);
    expect(r).toMatchObject({ sentences: 4, repeated: 2, share: 50 });
    expect(r.segments.map((s) => s.text).join('')).toBe(later); // nothing lost when rendering
    expect(r.segments.filter((s) => s.repeated).map((s) => s.text)).toEqual(['2024年我局政务公开工作仍存在不足。', '一是信息发布不够及时；']);
  });
  it('has no share when the later text has no sentences, and 0 for all-new text', () => {
    expect(repeatedText('一是信息发布不够及时。', '').share).toBeNull();
    expect(repeatedText('', '一是信息发布不够及时。').share).toBe(0);
    expect(repeatedText('一是信息发布不够及时。', '一是信息发布不够及时。').share).toBe(100);
  });
  it('on the seeds: a text repeats itself fully, and two agencies share little', () => {
    const p000 = problemsOf('000_05b24ce0774953bf.txt');
    const p004 = problemsOf('004_1e1778283e0f99b6.txt');
    expect(splitSentences(p000).length).toBeGreaterThan(1);
    expect(repeatedText(p000, p000).share).toBe(100);
    const cross = repeatedText(p000, p004);
    expect(cross.share).not.toBeNull();
    expect(cross.share!).toBeLessThan(100);
  });
});
