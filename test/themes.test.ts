/** The theme taxonomy file and the problems-only tagging. */
import { describe, expect, it } from 'vitest';
import { loadThemes, problemsPart, tagThemes } from '@/lib/themes/index';
import { agencyKind } from '@/lib/parse/metadata';

describe('themes.json', () => {
  it('has the ten themes with unique ids and labels and valid patterns', () => {
    const t = loadThemes();
    expect(t.map((x) => x.label)).toEqual([
      '时效性', '内容质量', '队伍能力', '公开形式', '依申请公开办理',
      '政务新媒体', '监督考核', '平台建设', '保密与敏感信息', '公众互动回应',
    ]);
    expect(new Set(t.map((x) => x.id)).size).toBe(10);
    for (const x of t) {
      expect(x.patterns.length).toBeGreaterThan(0);
      for (const p of x.patterns) expect(() => new RegExp(p)).not.toThrow();
    }
  });
});

describe('tagThemes', () => {
  it('only the problems half counts: plans after 下一步 are not evidence', () => {
    const text = '一是工作人员业务能力不足。下一步，我局将加强信息时效性管理，完善网站栏目。';
    expect(problemsPart(text)).toBe('一是工作人员业务能力不足。');
    expect(tagThemes(text)).toEqual([{ id: 'staff_capacity', label: '队伍能力', evidence: ['一是工作人员业务能力不足'] }]);
  });

  it('splits at a （二）下一步 sub-heading and at 针对以上问题', () => {
    expect(problemsPart('（一）存在问题\n信息更新滞后。\n（二）下一步工作打算\n加强保密审查。')).toBe('（一）存在问题\n信息更新滞后。');
    expect(tagThemes('存在涉密信息审查不严等问题。针对以上问题，我局将提升时效。').map((t) => t.id)).toEqual(['confidentiality']);
  });

  it('splits at a （二）改进措施 sub-heading and at “2025年，将…”', () => {
    expect(problemsPart('（一）存在的主要问题\n一是信息发布不及时。\n（二）改进措施\n一是提高解读质量。')).toBe(
      '（一）存在的主要问题\n一是信息发布不及时。',
    );
    expect(problemsPart('一是政务新媒体更新不够频繁。\n2025年，将从以下方面加以改进：一是丰富解读形式。')).toBe(
      '一是政务新媒体更新不够频繁。',
    );
    // 回应 that is slow is public engagement, not timeliness of publication
    expect(tagThemes('二是回应社会关切不够及时，与公众的互动交流不多。').map((t) => t.id)).toEqual(['public_engagement']);
  });

  it('each enumerated item is its own evidence sentence', () => {
    const hits = tagThemes('一是政策解读形式单一，二是政务新媒体更新不够及时。');
    expect(hits).toEqual([
      { id: 'timeliness', label: '时效性', evidence: ['二是政务新媒体更新不够及时'] },
      { id: 'disclosure_format', label: '公开形式', evidence: ['一是政策解读形式单一'] },
      { id: 'new_media', label: '政务新媒体', evidence: ['二是政务新媒体更新不够及时'] },
    ]);
  });

  it('no problems, no themes', () => {
    expect(tagThemes('')).toEqual([]);
  });
});

describe('agencyKind', () => {
  it('from the name’s ending', () => {
    expect(agencyKind('北仑区人民政府')).toBe('government');
    expect(agencyKind('北仑区人民政府办公室')).toBe('office');
    expect(agencyKind('宁波市鄞州区科学技术局（科协）')).toBe('department');
    expect(agencyKind('北仑区卫生健康委员会')).toBe('department');
    expect(agencyKind('北仑区公共项目建设管理中心')).toBe('other');
    expect(agencyKind('大碶街道办事处')).toBe('government');
  });
});
