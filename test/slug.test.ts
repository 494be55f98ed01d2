import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { baseSlugV2, buildSlugIndex, nameWithoutRegion, resolveSlug, similarAgencies, slugV1, type SlugAgency } from '@/lib/agency/slug';

const expected = JSON.parse(
  fs.readFileSync(path.resolve(__dirname, '..', '../shared/seeds-expected.json'), 'utf8'),
) as Record<string, SlugAgency>;
const seedAgencies = Object.values(expected).map(({ agency, region }) => ({ agency, region }));

const ningbo = { province: '浙江省', city: '宁波市', county: '北仑区' };

describe('agency slugs (rule v2)', () => {
  it('reads as pinyin of region and name', () => {
    expect(baseSlugV2({ agency: '北仑区人民政府', region: ningbo })).toBe('zhejiang-ningbo-beilunqu-renminzhengfu');
    expect(nameWithoutRegion({ agency: '宁波市鄞州区科学技术局（科协）', region: { ...ningbo, county: '鄞州区' } })).toBe('科学技术局（科协）');
    expect(baseSlugV2({ agency: '宁波市鄞州区科学技术局（科协）', region: { ...ningbo, county: '鄞州区' } })).toBe(
      'zhejiang-ningbo-yinzhouqu-kexuejishuju-kexie',
    );
    expect(baseSlugV2({ agency: '广西壮族自治区人民政府', region: { province: '广西壮族自治区', city: null, county: null } })).toBe(
      'guangxi-renminzhengfu',
    );
    // Place-name readings pinyin-pro gets wrong on its own.
    expect(baseSlugV2({ agency: '殷都区工业和信息化局', region: { province: '河南省', city: '安阳市', county: '殷都区' } })).toBe(
      'henan-anyang-yinduqu-gongyehexinxihuaju',
    );
    expect(baseSlugV2({ agency: '长寿区人民政府', region: { province: '重庆市', city: '重庆市', county: '长寿区' } })).toBe(
      'chongqing-changshouqu-renminzhengfu',
    );
    // A municipality is both province and city: its name is said once.
    expect(baseSlugV2({ agency: '北京市财政局', region: { province: '北京市', city: '北京市', county: null } })).toBe('beijing-caizhengju');
  });
  it('is URL-safe and unique over the seeds, and stable (same input, same slug)', () => {
    const idx = buildSlugIndex(seedAgencies);
    const slugs = [...idx.slugOf.values()];
    expect(new Set(slugs).size).toBe(seedAgencies.length);
    for (const s of slugs) expect(s).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect([...buildSlugIndex([...seedAgencies].reverse()).slugOf.entries()].sort()).toEqual([...idx.slugOf.entries()].sort());
    expect(idx.slugOf.get('北仑区人民政府')).toBe('zhejiang-ningbo-beilunqu-renminzhengfu');
  });
  it('disambiguates colliding agencies with a short hash, whatever the order', () => {
    // Same pinyin, different characters: 城建局 / 成建局.
    const a = { agency: '北仑区城建局', region: ningbo };
    const b = { agency: '北仑区成建局', region: ningbo };
    const idx = buildSlugIndex([a, b]);
    const sa = idx.slugOf.get(a.agency)!;
    const sb = idx.slugOf.get(b.agency)!;
    expect(sa).not.toBe(sb);
    expect(sa).toMatch(/^zhejiang-ningbo-beilunqu-chengjianju-[0-9a-f]{4}$/);
    expect(buildSlugIndex([b, a]).slugOf.get(a.agency)).toBe(sa);
    // The bare base is ambiguous and resolves to neither, but the 404 can list both.
    expect(resolveSlug(idx, 'zhejiang-ningbo-beilunqu-chengjianju')).toEqual({ kind: 'missing' });
    expect(similarAgencies(idx, 'zhejiang-ningbo-beilunqu-chengjianju').map((x) => x.agency).sort()).toEqual([a.agency, b.agency].sort());
  });
});

describe('slug resolution', () => {
  const idx = buildSlugIndex(seedAgencies);
  it('resolves the canonical slug', () => {
    expect(resolveSlug(idx, 'zhejiang-ningbo-beilunqu-renminzhengfu')).toEqual({
      kind: 'canonical', agency: '北仑区人民政府', slug: 'zhejiang-ningbo-beilunqu-renminzhengfu',
    });
  });
  it('redirects a legacy v1 (hash) slug and a differently-cased slug to the canonical one', () => {
    const v1 = slugV1({ agency: '北仑区人民政府', region: ningbo });
    expect(v1).toMatch(/^[0-9a-f]{12}$/);
    expect(resolveSlug(idx, v1)).toEqual({ kind: 'redirect', agency: '北仑区人民政府', slug: 'zhejiang-ningbo-beilunqu-renminzhengfu', rule: 'v1' });
    expect(resolveSlug(idx, 'Zhejiang-Ningbo-Beilunqu-Renminzhengfu')).toMatchObject({ kind: 'redirect', rule: 'case' });
  });
  it('finds nothing for an unknown slug, but suggests agencies from the same region', () => {
    expect(resolveSlug(idx, 'zhejiang-ningbo-beilunqu-caizhengju')).toEqual({ kind: 'missing' });
    const similar = similarAgencies(idx, 'zhejiang-ningbo-beilunqu-caizhengju');
    expect(similar.length).toBeGreaterThan(0);
    expect(similar.every((s) => s.slug.startsWith('zhejiang-ningbo'))).toBe(true);
    expect(similar[0]!.slug.startsWith('zhejiang-ningbo-beilunqu')).toBe(true);
  });
});
