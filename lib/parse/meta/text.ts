import { toSimplified } from '../../fold';
/** Shared normalisation for metadata: compatibility forms, Chinese-numeral years, no spaces. */

const CN_DIGITS: Record<string, string> = {
  〇: '0', 零: '0', Ｏ: '0', O: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9',
};

/** 二〇二三年 → 2023年 (titles sometimes spell the year in Chinese numerals). */
export function cnYears(s: string): string {
  return s.replace(/[二][〇零Ｏ一二三四五六七八九O]{3}(?=年)/g, (m) => [...m].map((c) => CN_DIGITS[c] ?? c).join(''));
}

/**
 * NFKC (full-width digits and punctuation → ASCII), simplified characters (a 繁體 page reads like
 * any other; names then come out simplified), Chinese-numeral years, whitespace removed.
 */
export function squeeze(s: string): string {
  return cnYears(simplified(s.normalize('NFKC'))).replace(/[\s\u3000]+/g, '');
}

/**
 * Characters only traditional text has, frequent in government reports: OpenCC is slow on long
 * lines, so text without any of them is taken as simplified already.
 */
const TRADITIONAL = /[開報國區縣鄉鎮機關資訊為與這會發條經濟員門書規劃處務監環衛農業廳辦議總體設舉復訴請計統實際]/;

export function simplified(s: string): string {
  return TRADITIONAL.test(s) ? toSimplified(s) : s;
}

export const isTraditional = (s: string) => TRADITIONAL.test(s);

export const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
