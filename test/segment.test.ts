import { describe, expect, it } from 'vitest';
import { segmentForIndex, segmentQuery, userTerms } from '../lib/segment/index';

describe('segmentation', () => {
  it('keeps dictionary terms whole and adds the words inside them (cutForSearch)', () => {
    const toks = segmentForIndex('本机关依申请公开的时效性有待提高，勾稽关系准确。').split(' ');
    expect(toks).toEqual(expect.arrayContaining(['依申请公开', '时效性', '时效', '勾稽关系']));
    expect(toks).not.toContain('，');
    expect(toks).not.toContain('');
  });
  it('returns words joined by single spaces and nothing for empty text', () => {
    expect(segmentForIndex('')).toBe('');
    expect(segmentForIndex('政务新媒体')).toMatch(/^\S+( \S+)*$/);
  });
  it('segments a query into unique words without punctuation', () => {
    expect(segmentQuery('行政复议、行政诉讼 行政复议')).toEqual(['行政复议', '行政诉讼']);
    expect(segmentQuery('  ')).toEqual([]);
  });
  it('exposes the dictionary terms for other engines', () => {
    const t = userTerms();
    expect(t).toEqual(expect.arrayContaining(['依申请公开', '政府信息公开', '行政复议', '行政诉讼', '不予公开', '勾稽关系', '政务新媒体', '行政规范性文件', '时效性']));
    expect(t.every((x) => !/\s|#/.test(x))).toBe(true);
    expect(new Set(t).size).toBe(t.length);
  });
});

describe('user dictionary sub-words', () => {
  it('政务新媒体 also yields 新媒体, so Meilisearch (word matching) finds 新媒体 inside it', async () => {
    const { segmentForIndex } = await import('../lib/segment/index');
    expect(segmentForIndex('加强政务新媒体管理').split(' ')).toEqual(expect.arrayContaining(['政务新媒体', '新媒体']));
  });
});
