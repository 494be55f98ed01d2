/**
 * The year a report covers, as the body states it: the 统计期限 (with dropped 年/月 tolerated:
 * 20231月1日, 202211日至20221231日), a whole calendar year without the word 统计, sentences about
 * 本年度 / “2023年，我局…”. Dates of signing and publication count only as the year before, and
 * only when they fall in January–June (reports come out early in the next year).
 */
import type { MetaSource, YearCandidate } from './candidates';

export const YEAR_WEIGHT: Record<MetaSource, number> = {
  header: 10, title: 10, h1: 9, 'meta-tag': 9, 'sidecar-title': 8, 'html-title': 6, publish: 8, period: 9,
  compiler: 3, sentence: 3, signature: 2, 'published-date': 1, contact: 0, subject: 0, publisher: 0,
};

/** Years stated in the (squeezed) body text. */
export function yearsStated(body: string): YearCandidate[] {
  const out: YearCandidate[] = [];
  const add = (y: string, source: MetaSource, weight = YEAR_WEIGHT[source]) => out.push({ year: Number(y), source, weight });
  for (const m of body.matchAll(/统计(?:期限|时限|时间|周期|区间|数据|范围)?[^。]{0,16}?((?:19|20)\d{2})年?0?1月?0?1日/g)) add(m[1], 'period');
  // 数据时间为2023年1月1日至2023年12月31日
  for (const m of body.matchAll(/((?:19|20)\d{2})年?0?1月?0?1日起?(?:至|到|—|-|~)(?:(\d{4})年?)?12月?31日/g))
    if (!m[2] || m[2] === m[1]) add(m[1], 'period', YEAR_WEIGHT.period / 2);
  for (const m of body.matchAll(/(?:^|[。;；])((?:19|20)\d{2})年(?:度)?[,，]?(?:我|本)(?:局|区|县|市|镇|乡|委|办|厅|单位|机关|室|中心)/g)) add(m[1], 'sentence');
  for (const m of body.matchAll(/本(?:年度|年)[^。]{0,10}?((?:19|20)\d{2})年/g)) add(m[1], 'sentence');
  return out;
}

/** A date in January–June: the report covers the year before. Later in the year: no evidence. */
export function yearBeforeDate(year: number, month: number): number | null {
  return month >= 1 && month <= 6 ? year - 1 : null;
}

/** The page's publication date (发布时间: 2026-01-20, 2021-03-2918:26), first one in the head. */
export function publicationYear(head: string[]): number | null {
  for (const l of head) {
    const d = /(?:发布|发文|成文|日期|时间)[^\d]{0,6}((?:19|20)\d{2})[-年./]\s*(\d{1,2})/.exec(l);
    if (d) return yearBeforeDate(Number(d[1]), Number(d[2]));
  }
  return null;
}
