/**
 * Agency name and statistical year from the title block; agency kind from the name's ending.
 * The statistical year is the year reported on: the title's year, else the 统计期限, never a
 * publication date at the end of the report.
 */
import type { AgencyKind } from '../types';

const TITLE_END = /政府信息公开(工作)?(年度)?(报告|年报)|政务公开(工作)?年度报告|信息公开(工作)?年度报告/;

const CN_DIGITS: Record<string, string> = {
  〇: '0', 零: '0', Ｏ: '0', O: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9',
};

/** 二〇二三 → 2023 (titles sometimes spell the year in Chinese numerals). */
function cnYears(s: string): string {
  return s.replace(/[二][〇零Ｏ一二三四五六七八九O]{3}(?=年)/g, (m) => [...m].map((c) => CN_DIGITS[c] ?? c).join(''));
}

export interface TitleInfo {
  title: string;
  agency: string;
  year: number | null;
}

/** The agency part of a title: drop the report name, years, 关于/的. */
function agencyFrom(title: string): string {
  let agency = title
    .replace(/(关于)?((?:19|20)\d{2}年(度)?)?(的)?(政府信息公开|政务公开|信息公开).*$/, '')
    .replace(/(?:19|20)\d{2}年(度)?/g, '')
    .replace(/^关于|关于$|的$/g, '')
    .replace(/[:：,，]+$/, '')
    .trim();
  // NFKC turned （科协） into (科协): give the report's own full-width brackets back
  agency = agency.replace(/\(/g, '（').replace(/\)/g, '）');
  return agency.length < 2 || agency.length > 40 ? '' : agency;
}

const norm = (s: string) => cnYears(s.normalize('NFKC').replace(/\s+/g, ''));

/**
 * The title: the first short line naming the report, plus the line(s) above it when the agency
 * sits there (北仑区人民政府 / 2023年度政府信息公开工作年度报告). Lines before it that are page
 * furniture (发布日期：…, breadcrumbs) are not part of it.
 */
export function titleBlock(text: string): string {
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l !== '').slice(0, 20);
  const i = lines.findIndex((l) => l.length <= 80 && TITLE_END.test(l));
  if (i < 0) return (lines[0] ?? '').slice(0, 60);
  let title = lines[i];
  for (let k = i - 1; k >= Math.max(0, i - 2); k--) {
    if (agencyFrom(norm(title))) break;
    const prev = lines[k];
    if (prev.length > 40 || /[:：>＞]/.test(prev)) break;
    title = prev + title;
  }
  return title;
}

const YEAR_RE = /((?:19|20)\d{2})\s*年(度)?/;

function plausibleYear(y: number): boolean {
  return y >= 2000 && y <= new Date().getFullYear();
}

export function extractTitle(text: string): TitleInfo {
  const title = norm(titleBlock(text));
  const agency = agencyFrom(title);

  let year: number | null = null;
  const ty = title.match(YEAR_RE);
  if (ty && plausibleYear(Number(ty[1]))) year = Number(ty[1]);
  if (year === null) {
    const body = cnYears(text.normalize('NFKC'));
    const period = body.match(/统计(期限|时限|周期|区间)?(自|从|为)?\s*((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日/);
    const own = body.match(/((?:19|20)\d{2})\s*年(度)?(本机关|我局|我委|我区|我县|我市|本单位)?(的)?政府信息公开(工作)?(年度)?报告/);
    const cand = period?.[3] ?? own?.[1];
    if (cand && plausibleYear(Number(cand))) year = Number(cand);
  }
  return { title, agency, year };
}

/** Kind from the name's ending; a trailing parenthetical (科协) is an alias, not the kind. */
export function agencyKind(agency: string): AgencyKind {
  const core = agency.replace(/[（(][^（）()]*[)）]$/, '');
  if (/(人民政府|政府)办公(室|厅)$|政府办$/.test(core)) return 'office';
  if (/人民政府$|街道办事处$|办事处$|行政公署$/.test(core)) return 'government';
  if (/(中心|站|所|队|馆|社|公司|集团|学校|大学|学院|医院|研究院|协会|联合会)$/.test(core)) return 'other';
  if (/(局|厅|委员会|委|办公室|办|部|署|总署|司)$/.test(core)) return 'department';
  return 'other';
}
