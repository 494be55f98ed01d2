/**
 * Query understanding: words of a query that name a year, a province, a city or an agency the
 * index holds become that filter; every other word stays search text. Pure: the caller passes
 * what the index holds (lib/queries/search.ts asks the engine).
 */
import type { FacetName, Filters } from './types';

export type UnderstoodFacet = Extract<FacetName, 'year' | 'province' | 'city' | 'agency'>;

export interface Understood {
  /** the word as typed */
  word: string;
  facet: UnderstoodFacet;
  /** the facet value it stands for (浙江 → 浙江省) */
  value: string;
}

/** Facet values the index holds. */
export interface KnownValues {
  province: Iterable<string>;
  city: Iterable<string>;
  year: Iterable<string>;
  /** exact agency names held */
  hasAgency: (name: string) => boolean;
}

export interface Understanding {
  /** the text left once understood words are taken out */
  q: string;
  filters: Filters;
  understood: Understood[];
}

const EARLIEST_YEAR = 2000;

/**
 * The short form people type for a division: 浙江省 → 浙江, 宁波市 → 宁波, 广西壮族自治区 → 广西,
 * 新疆维吾尔自治区 → 新疆, 内蒙古自治区 → 内蒙古, 香港特别行政区 → 香港, 大兴安岭地区 → 大兴安岭,
 * 延边朝鲜族自治州 → 延边州. Null when the name has no shorter form of two characters or more.
 */
export function shortRegionName(name: string): string | null {
  let s: string | null = null;
  if (/特别行政区$/.test(name)) s = name.slice(0, -5);
  else if (/自治区$/.test(name)) {
    // Ethnic names sit between the place and 自治区; the place name is two characters except 内蒙古.
    s = name.startsWith('内蒙古') ? '内蒙古' : name.slice(0, 2);
  } else if (/自治州$/.test(name)) s = name.slice(0, 2) + '州';
  else if (/(省|市|盟)$/.test(name)) s = name.slice(0, -1);
  else if (/地区$/.test(name)) s = name.slice(0, -2);
  return s && s.length >= 2 && s !== name ? s : null;
}

type Lookup = Map<string, { facet: 'province' | 'city'; value: string }[]>;

function regionLookup(known: KnownValues): Lookup {
  const m: Lookup = new Map();
  const add = (key: string, facet: 'province' | 'city', value: string) => {
    const list = m.get(key) ?? [];
    if (!list.some((e) => e.facet === facet && e.value === value)) list.push({ facet, value });
    m.set(key, list);
  };
  for (const facet of ['province', 'city'] as const) {
    for (const v of known[facet]) {
      add(v, facet, v);
      const s = shortRegionName(v);
      if (s) add(s, facet, v);
    }
  }
  return m;
}

function regionOf(word: string, lookup: Lookup): { facet: 'province' | 'city'; value: string } | null {
  const all = lookup.get(word);
  if (!all?.length) return null;
  // A full name typed exactly is what was meant (吉林市, not 吉林省).
  const exact = all.filter((e) => e.value === word);
  let list = exact.length ? exact : all;
  // A municipality is both a province and a city value under one name: the province is the wider.
  if (new Set(list.map((e) => e.value)).size === 1) list = list.filter((e) => e.facet === 'province').length ? list.filter((e) => e.facet === 'province') : list;
  // Two different places under one short name (吉林省, 吉林市): guessing would be wrong, so it stays text.
  return list.length === 1 ? list[0]! : null;
}

/** 2023, 2023年, 2023年度 → '2023' when it is a year the index holds and not in the future. */
function yearOf(word: string, years: Set<string>, now: Date): string | null {
  const m = /^(\d{4})(?:年度?)?$/.exec(word);
  if (!m) return null;
  const y = Number(m[1]);
  return y >= EARLIEST_YEAR && y <= now.getUTCFullYear() && years.has(m[1]!) ? m[1]! : null;
}

/**
 * One space-separated word, split into recognised parts: the whole word (a year, a place, an
 * agency), or a name followed or preceded by a year written with 年 (北仑区人民政府2023年). A word
 * that does not split wholly into recognised parts stays text: 时效性 never loses its 时效.
 */
function understandWord(word: string, known: KnownValues, lookup: Lookup, years: Set<string>, now: Date): Understood[] | null {
  const whole = nameOrYear(word, known, lookup, years, now);
  if (whole) return [whole];
  const m = /^(.+?)(\d{4}年度?)$/.exec(word) ?? /^(\d{4}年度?)(.+)$/.exec(word);
  if (!m) return null;
  const parts = [m[1]!, m[2]!].map((p) => nameOrYear(p, known, lookup, years, now));
  if (parts.some((p) => !p)) return null;
  // Two years, or two names, in one word are not an agency-and-year phrase.
  if (parts.filter((p) => p!.facet === 'year').length !== 1) return null;
  return parts as Understood[];
}

function nameOrYear(word: string, known: KnownValues, lookup: Lookup, years: Set<string>, now: Date): Understood | null {
  const y = yearOf(word, years, now);
  if (y) return { word, facet: 'year', value: y };
  if (/^\d+$/.test(word)) return null;
  if (known.hasAgency(word)) return { word, facet: 'agency', value: word };
  const r = regionOf(word, lookup);
  return r ? { word, ...r } : null;
}

export function understandQuery(q: string, known: KnownValues, now = new Date()): Understanding {
  const words = q.split(/\s+/).filter(Boolean);
  const lookup = regionLookup(known);
  const years = new Set(known.year);
  const rest: string[] = [];
  const understood: Understood[] = [];
  for (const w of words) {
    const u = understandWord(w, known, lookup, years, now);
    if (u) understood.push(...u);
    else rest.push(w);
  }
  const filters: Filters = {};
  for (const u of understood) {
    const list = (filters[u.facet] ??= []);
    if (!list.includes(u.value)) list.push(u.value);
  }
  return { q: rest.join(' '), filters, understood };
}

function bigrams(s: string): Set<string> {
  const out = new Set<string>();
  const chars = [...s];
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  return out;
}

/**
 * The names nearest `text` by shared character pairs (Dice coefficient), for a query that names
 * no agency exactly (北仑区政府 → 宁波市北仑区人民政府). Names sharing fewer than half of the
 * text's pairs are not near; ties go to the shorter name, then code-point order.
 */
export function nearestNames(text: string, names: Iterable<string>, limit = 5): string[] {
  const want = bigrams(text.replace(/\s+/g, ''));
  if (!want.size) return [];
  const scored: { name: string; score: number; shared: number }[] = [];
  for (const name of names) {
    const have = bigrams(name);
    let shared = 0;
    for (const b of want) if (have.has(b)) shared++;
    if (shared * 2 < want.size) continue;
    scored.push({ name, score: (2 * shared) / (want.size + have.size), shared });
  }
  return scored
    .sort((a, b) => b.score - a.score || a.name.length - b.name.length || (a.name < b.name ? -1 : 1))
    .slice(0, limit)
    .map((s) => s.name);
}
