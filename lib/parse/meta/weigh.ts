/**
 * Weighing the candidates: the name with the most weight behind it wins (same name from several
 * sources adds up), a short form counts for its full name (以下简称), and a winner that is only a
 * place (东湖镇, 临江市青山区) becomes its 人民政府 when the text names that body. An incomplete
 * winner (市政府研究室, 应急管理局) is completed from the text only when the completion is unique;
 * otherwise the agency is null with a warning. Years: most weight wins.
 */
import { isRegionChain } from '../../region/index';
import { simplified as toSimplified } from './text';
import { nameAtEnd } from './agency-name';
import type { AgencyCandidate, Candidates, MetaSource, YearCandidate } from './candidates';
import { escapeRe } from './text';
import type { Warn } from '../../messages';

export interface Chosen<T> {
  value: T;
  source: MetaSource | 'completed';
}

/** Comparison key: compatibility forms, simplified characters, one kind of bracket. */
const key = (s: string) => toSimplified(s.normalize('NFKC')).replace(/（/g, '(').replace(/）/g, ')');

interface Tally {
  name: string;
  weight: number;
  source: MetaSource;
  best: number;
  complete: boolean;
  first: number;
}

function tallyNames(cands: AgencyCandidate[], shortForms: Map<string, string>): Tally[] {
  const by = new Map<string, Tally>();
  cands.forEach((c, i) => {
    const full = !c.complete ? shortForms.get(c.name) : undefined;
    const name = full ?? c.name;
    const k = key(name);
    const t = by.get(k) ?? { name, weight: 0, source: c.source, best: 0, complete: full ? true : c.complete, first: i };
    t.weight += c.weight;
    if (c.weight > t.best) {
      t.best = c.weight;
      t.source = c.source;
    }
    by.set(k, t);
  });
  return [...by.values()].sort((a, b) => b.weight - a.weight || b.name.length - a.name.length || a.first - b.first);
}

/** 市政府研究室 → 临江市人民政府研究室 when the text holds exactly one complete name it abbreviates. */
function complete(name: string, text: string): string | null {
  const bare = name.replace(/^(自治区|省|市|县|区|州|盟|旗|镇|乡)/, '');
  const core = bare.replace(/^人民政府/, '政府');
  if (core.length < 2) return null;
  const found = new Set<string>();
  const re = new RegExp(`([\\u4e00-\\u9fff()（）]{2,30})${escapeRe(core).replace('政府', '(?:人民)?政府')}`, 'g');
  for (const m of text.matchAll(re)) {
    const r = nameAtEnd(m[0]);
    if (!r?.complete || r.name === m[0].slice(-bare.length)) continue;
    // the level word must match: 市政府研究室 completes to 某某市(人民)政府研究室 only
    const level = name.slice(0, name.length - bare.length);
    if (level && !key(r.name).replace('人民政府', '政府').endsWith(level + core)) continue;
    found.add(r.name);
  }
  return found.size === 1 ? [...found][0] : null;
}

/**
 * A name seen only in a 来源/发布机构 field, a contact line or one overview sentence may be
 * another body (the office that posted it, the department to call): not enough on its own.
 */
const MIN_WEIGHT = 4;

/** 青山区人民政府 → 临江市青山区人民政府 when another candidate gives it with the places above it. */
function fuller(name: string, tallies: Tally[]): string {
  const k = key(name);
  let out = name;
  for (const t of tallies) {
    const tk = key(t.name);
    if (t.complete && tk.length > key(out).length && tk.endsWith(k) && isRegionChain(tk.slice(0, tk.length - k.length))) out = t.name;
  }
  return out;
}

export function chooseAgency(c: Candidates, text: string, warn: Warn<'parse'>): Chosen<string> | null {
  const tallies = tallyNames(c.agencies, c.shortForms);
  const best = tallies.find((t) => t.complete);
  const incomplete = tallies.find((t) => !t.complete);
  if (best && best.weight < MIN_WEIGHT && !incomplete) {
    warn('parse.agency_weak', `机关名称证据不足：仅见“${best.name}”（${best.source}），未采用`);
    return null;
  }
  if (best && best.weight >= MIN_WEIGHT && (!incomplete || best.weight >= incomplete.weight / 2)) {
    let value = best.name;
    // a place alone names its government when the text says so (东湖镇 → 东湖镇人民政府)
    if (isRegionChain(toSimplified(value)) && toSimplified(text).includes(toSimplified(value) + '人民政府')) value += '人民政府';
    return { value: fuller(value, tallies), source: best.source };
  }
  if (incomplete) {
    const full = complete(incomplete.name, text);
    if (full) return { value: full, source: 'completed' };
    warn('parse.agency_incomplete', `机关名称不完整：“${incomplete.name}”，正文未给出全称，未猜测`);
  }
  return null;
}

/**
 * Most weight wins, except that the 统计期限 says outright which year is covered: when it names
 * another year than the title, it wins, with a warning.
 */
export function chooseYear(years: YearCandidate[], warn: Warn<'parse'> = () => {}): Chosen<number> | null {
  const by = new Map<number, { w: number; best: YearCandidate }>();
  for (const y of years) {
    const t = by.get(y.year) ?? { w: 0, best: y };
    t.w += y.weight;
    if (y.weight > t.best.weight) t.best = y;
    by.set(y.year, t);
  }
  const ranked = [...by.entries()].sort((a, b) => b[1].w - a[1].w);
  if (!ranked.length) return null;
  const [year, top] = ranked[0];
  const period = years.find((y) => y.source === 'period' && y.weight >= 9 && y.year !== year);
  if (period) {
    warn('parse.year_conflict', `统计年度不一致：${top.best.source} 为 ${year} 年，统计期限为 ${period.year} 年；取统计期限`);
    return { value: period.year, source: 'period' };
  }
  return { value: year, source: top.best.source };
}
