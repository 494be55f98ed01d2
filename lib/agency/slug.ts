/**
 * Agency slugs: readable, stable URLs such as `zhejiang-ningbo-beilunqu-renminzhengfu`.
 *
 * The rule is versioned. Links made under an older rule keep working: resolution tries the
 * current rule, then each legacy rule, and a legacy (or non-canonical) slug is answered with a
 * permanent redirect to the current one. v1 was an opaque hash of the name; v2 (current) is the
 * pinyin of the region and the name, with a short hash only when two agencies would collide.
 */
import { createHash } from 'node:crypto';
import { pinyin } from 'pinyin-pro';

export interface SlugAgency {
  agency: string;
  region: { province: string | null; city: string | null; county: string | null };
}

export const CURRENT_RULE = 'v2' as const;

function sha1(s: string): string {
  return createHash('sha1').update(s, 'utf8').digest('hex');
}

/** v1 (legacy): first 12 hex digits of the SHA-1 of the agency name. */
export function slugV1(a: SlugAgency): string {
  return sha1(a.agency).slice(0, 12);
}

const pinyinCache = new Map<string, string>();

/** Han runs to toneless pinyin (ü as v), Latin and digits lowercased, everything else a hyphen. */
export function romanise(text: string): string {
  const hit = pinyinCache.get(text);
  if (hit !== undefined) return hit;
  const runs = text.normalize('NFKC').match(/\p{Script=Han}+|[A-Za-z0-9]+/gu) ?? [];
  const out = runs
    .map((run) =>
      /\p{Script=Han}/u.test(run)
        ? pinyin(run, { toneType: 'none', type: 'array', v: true }).join('').toLowerCase()
        : run.toLowerCase(),
    )
    .map((s) => s.replace(/[^a-z0-9]/g, ''))
    .filter(Boolean)
    .join('-');
  pinyinCache.set(text, out);
  return out;
}

/**
 * Readings pinyin-pro gets wrong in place names (殷都 → yindou, 长寿 → zhangshou), applied to the
 * region segments only: in place names these characters are read du and chang.
 */
const PLACE_READINGS: Record<string, string> = { 都: 'du', 长: 'chang' };

export function romanisePlace(place: string): string {
  const parts = [...place].map((ch) => PLACE_READINGS[ch] ?? ch);
  // Romanise runs between overrides, so context-dependent readings elsewhere are kept.
  let out = '';
  let run = '';
  for (const [i, ch] of [...place].entries()) {
    if (PLACE_READINGS[ch]) {
      out += romanise(run).replace(/-/g, '') + parts[i];
      run = '';
    } else run += ch;
  }
  return out + romanise(run).replace(/-/g, '');
}

const PROVINCE_SUFFIX = /(壮族|回族|维吾尔)?(自治区|特别行政区|省|市)$/;

function shortProvince(p: string): string {
  return p.replace(PROVINCE_SUFFIX, '') || p;
}

function shortCity(c: string): string {
  return c.length > 2 ? c.replace(/市$/, '') : c;
}

/** The name without the region it starts with ("宁波市鄞州区科学技术局" → "科学技术局"). */
export function nameWithoutRegion(a: SlugAgency): string {
  const { province, city, county } = a.region;
  const prefixes = [province, province && shortProvince(province), city, city && shortCity(city), county].filter(
    (p): p is string => !!p,
  );
  let name = a.agency.trim();
  let changed = true;
  while (changed) {
    changed = false;
    for (const p of prefixes) {
      if (name.startsWith(p) && name.length > p.length) {
        name = name.slice(p.length);
        changed = true;
      }
    }
  }
  return name;
}

/** v2 without disambiguation: province-city-county-name, repeated segments dropped. */
export function baseSlugV2(a: SlugAgency): string {
  const { province, city, county } = a.region;
  const places = [province && shortProvince(province), city && shortCity(city), county].filter((s): s is string => !!s);
  const segs = [...places.map(romanisePlace), romanise(nameWithoutRegion(a))].filter(Boolean);
  const deduped = segs.filter((s, i) => s !== segs[i - 1]);
  // A name with nothing romanisable (e.g. only symbols) still needs a unique slug.
  return deduped.join('-') || `a-${slugV1(a)}`;
}

export interface SlugIndex {
  /** agency name → canonical slug */
  slugOf: Map<string, string>;
  /** canonical slug → agency name */
  byCanonical: Map<string, string>;
  /** legacy slug → agency name, per legacy rule */
  byLegacy: Map<string, string>;
}

/**
 * Canonical slugs for a set of agencies. When base slugs collide, every colliding agency gets a
 * 4-hex hash of its name appended (all of them, not "all but the first", so the result does not
 * depend on the order agencies are listed in). The bare base slug is then ambiguous: it resolves
 * to nothing and the 404 lists the agencies that share it.
 */
export function buildSlugIndex(agencies: SlugAgency[]): SlugIndex {
  const groups = new Map<string, SlugAgency[]>();
  for (const a of agencies) {
    const base = baseSlugV2(a);
    const g = groups.get(base);
    if (g) {
      if (!g.some((x) => x.agency === a.agency)) g.push(a);
    } else groups.set(base, [a]);
  }
  const slugOf = new Map<string, string>();
  const byCanonical = new Map<string, string>();
  for (const [base, group] of groups) {
    if (group.length === 1) {
      slugOf.set(group[0]!.agency, base);
      byCanonical.set(base, group[0]!.agency);
      continue;
    }
    for (const a of group) {
      let len = 4;
      let slug = `${base}-${sha1(a.agency).slice(0, len)}`;
      while (byCanonical.has(slug) && len < 40) slug = `${base}-${sha1(a.agency).slice(0, ++len)}`;
      slugOf.set(a.agency, slug);
      byCanonical.set(slug, a.agency);
    }
  }
  const byLegacy = new Map<string, string>();
  for (const a of agencies) byLegacy.set(slugV1(a), a.agency);
  return { slugOf, byCanonical, byLegacy };
}

export type SlugResolution =
  | { kind: 'canonical'; agency: string; slug: string }
  | { kind: 'redirect'; agency: string; slug: string; rule: 'v1' | 'case' }
  | { kind: 'missing' };

/** Resolve a slug from a URL: the current rule first, then case variants, then legacy rules. */
export function resolveSlug(index: SlugIndex, raw: string): SlugResolution {
  const slug = raw.trim();
  const direct = index.byCanonical.get(slug);
  if (direct) return { kind: 'canonical', agency: direct, slug };
  const lower = slug.toLowerCase();
  const cased = index.byCanonical.get(lower);
  if (cased) return { kind: 'redirect', agency: cased, slug: lower, rule: 'case' };
  const legacy = index.byLegacy.get(lower);
  if (legacy) return { kind: 'redirect', agency: legacy, slug: index.slugOf.get(legacy)!, rule: 'v1' };
  return { kind: 'missing' };
}

/**
 * Agencies whose slug or name is closest to a slug that was not found, for a helpful 404:
 * shared slug segments count most (same region, same kind of office).
 */
export function similarAgencies(index: SlugIndex, raw: string, limit = 8): { agency: string; slug: string }[] {
  const want = new Set(raw.toLowerCase().split('-').filter(Boolean));
  if (!want.size) return [];
  return [...index.byCanonical.entries()]
    .map(([slug, agency]) => {
      const segs = slug.split('-');
      const score = segs.filter((s) => want.has(s)).length + (segs.some((s) => [...want].some((w) => w.length > 3 && s.includes(w))) ? 0.5 : 0);
      return { slug, agency, score };
    })
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score || a.slug.localeCompare(b.slug))
    .slice(0, limit)
    .map(({ slug, agency }) => ({ slug, agency }));
}
