/**
 * The grammar of an agency name. A name is accepted when it reads as one:
 *   PLACE + BODY + ORGANISATION WORD   (临江市青山区审计局, 某某盟行署外事办公室, 临江经济技术开发区税务局)
 *   PLACE alone                         (临江市, 临江市青山区, 青山区东湖镇: a region's own report)
 * PLACE is a division name from the division data (province … township, short forms such as
 * 大理州) or a zone (某某综合实验区, 开发区, 高新区, 产业园 …). A name that starts with a bare level
 * word (市人民政府办公室, 自治区某某办) or has no place at all (应急管理局) is *incomplete*: it
 * is used only if the text gives its full form. Anything else (prefaces, breadcrumbs, headings,
 * sentences) is not a name.
 */
import { isRegionChain, leadingDivision } from '../../region/index';
import { simplified as toSimplified } from './text';

/** Organisation words a name ends with. */
export const ORG_END =
  /(人民政府|政府|办公室|办公厅|街道办事处|办事处|管理委员会|管委会|委员会|行政公署|行署|研究室|领导小组|局|厅|委|办|部|中心|镇|乡|苏木|街道|室|院|所|站|队|馆|会|处|署|社)(\([^()]{1,24}\))?$/;

/**
 * Organisation patterns before the place: 中共嘉善县委宣传部, 国家税务总局嘉兴市税务局; and national
 * bodies with no place at all: 国家统计局, 中华人民共和国商务部.
 */
const ORG_PREFIX = /^(中国共产党|中共|共青团|国家税务总局|国家金融监督管理总局|中国人民银行)/;
const NATIONAL = /^(国家|中华人民共和国|中国)[\u4e00-\u9fff]{1,14}(局|部|委员会|署|总局|院|中心|办公室|办公厅)$/;

/** Zones: a name ending in a zone word (某某综合实验区, 某某经济技术开发区, 某某产业园, 某某示范区). */
const ZONE = /^[\u4e00-\u9fff]{2,12}?(综合实验区|综合试验区|经济技术开发区|高新技术产业开发区|经济开发区|开发区|高新区|新区|实验区|试验区|示范区|产业园区|产业园|工业园区|工业园|园区|保税区|合作区)/;

/** Bare level words that stand for "our" province/city/… inside one report (市政府办公室). */
/** Two or three characters and a level word, then a body: the shape of a county or city name. */
const PLACE_LIKE = /^(?:(?![省市县区旗州盟乡镇由与请在对向将和及是为的了把被从自按据经于以之])[\u4e00-\u9fff]){2,3}(县|市|区|旗)[\u4e00-\u9fff]{2,}/;

const ZONE_ONLY = new RegExp(ZONE.source + '$');

function balanced(s: string): boolean {
  let depth = 0;
  for (const c of s) {
    if (c === '(') depth++;
    else if (c === ')' && --depth < 0) return false;
  }
  return depth === 0;
}

const LEVEL_START = /^(自治区|省|市|县|区|州|盟|旗|镇|乡)/;

/** Never inside a name: punctuation, digits, and words of sentences, titles and page furniture. */
const NOT_IN_NAME =
  /[，,。;；:：!！?？、|<>＜＞《》“”"'‘’\[\]【】{}\d@#=+*\/\\~_]|根据|依据|按照|关于|报告|年度|年报|条例|首页|位置|以下|简称|编制|公布|发布|公开工作情况|现将|特向|本机关|我们|情况|认真|贯彻|坚持|如下|网站|门户|联系|电话|地址/;

const NOT_IN_NAME_G = new RegExp(NOT_IN_NAME.source, 'g');

const PRONOUN = /^(我|本|全|该|各|贵|其)/;

export interface NameReading {
  name: string;
  /** false: a level word or no place where the place should be; needs completing from the text */
  complete: boolean;
}

/** 临江市青山区临江市青山区教育局 → 临江市青山区教育局 (a CMS doubling the prefix). */
function undouble(s: string): string {
  for (let n = 3; n * 2 <= s.length; n++) if (s.startsWith(s.slice(0, n), n)) return s.slice(n);
  return s;
}

/** How `s` (already squeezed) reads as a whole: a complete name, an incomplete one, or not a name. */
export function readName(raw: string, whole = true): NameReading | null {
  const t = raw.replace(/^的|的$/g, '');
  if (t.length < 2 || t.length > 80 || NOT_IN_NAME.test(t)) return null;
  const s = undouble(t);
  if (s.length > 40) return null;
  if (!/^[\u4e00-\u9fff]/.test(s) || !balanced(s)) return null;
  const simple = toSimplified(s);
  if (NATIONAL.test(simple) && !ORG_PREFIX.test(simple)) return { name: s, complete: true };
  const afterOrg = simple.replace(ORG_PREFIX, '');
  if (afterOrg !== simple) {
    const l = leadingDivision(afterOrg);
    return l && l.name.length < afterOrg.length && ORG_END.test(afterOrg) ? { name: s, complete: true } : null;
  }
  const lead = leadingDivision(simple);
  // 本溪市, 全南县 are places, not pronouns
  if (!lead && PRONOUN.test(simple)) return null;
  if (isRegionChain(simple) || ZONE_ONLY.test(simple)) return { name: s, complete: true };
  const ends = ORG_END.test(simple);
  if (!ends) return null;
  if (lead && lead.name.length < simple.length) return { name: s, complete: true };
  // a zone's own name: 告由嘉兴市北部新区… is a sentence's tail, the name starts at 嘉兴市
  const zone = ZONE.exec(simple);
  if (zone && ![...zone[0].slice(1)].some((_, k) => leadingDivision(zone[0].slice(k + 1))?.level !== undefined)) return { name: s, complete: true };
  // a county-like place the division data does not (yet) know: 青禾县自然资源局, new districts
  if (whole && !lead && PLACE_LIKE.test(simple) && !LEVEL_START.test(simple) && !PRONOUN.test(simple) && ![1, 2, 3].some((k) => leadingDivision(simple.slice(k))))
    return { name: s, complete: true };
  // 某某高新区(某某区)政府: the place is given in brackets
  const inBrackets = /\(([^()]+)\)/.exec(simple);
  if (inBrackets && isRegionChain(inBrackets[1])) return { name: s, complete: true };
  // incomplete forms still need a body: 市政府研究室, 应急管理局; never the organisation word alone
  const body = simple.replace(LEVEL_START, '').replace(ORG_END, '');
  if (body.length < 1 || (!LEVEL_START.test(simple) && body.length < 2)) return null;
  if (LEVEL_START.test(simple) || s.length <= 20) return { name: s, complete: false };
  return null;
}

/**
 * The longest complete name at the end of `s` (a title's text before the year, a sentence before
 * 2023年…报告): 标题:临江经济技术开发区 → 临江经济技术开发区; 特向社会公布临江市营商环境局 → 临江市….
 * Failing that, `s` itself when it is an incomplete name (an incomplete name is never cut out of
 * a longer string: 公布建设局 must not become 布建设局).
 */
export function nameAtEnd(s: string): NameReading | null {
  // no name spans a forbidden character or word: start after the last one
  let from = 0;
  for (const m of s.matchAll(NOT_IN_NAME_G)) from = m.index + m[0].length;
  for (let i = from; i < s.length - 1; i++) {
    // a place known only by its shape must start the string: 公布兴义市… is not 布兴义市…
    const r = readName(s.slice(i), i === 0);
    if (r?.complete) return r;
  }
  const bare = s.replace(/^(现将|现予|现|特向社会公布|特向社会公开|向社会公布|向社会公开|予以公布|公布|发布|公开|由)/, '');
  const r = readName(bare);
  return r && !r.complete ? r : null;
}

/** A place's own name, no organisation after it: 临江市, 青山区东湖镇, 临江经济技术开发区 (its government's report). */
export function isPlaceName(name: string): boolean {
  const simple = toSimplified(name.normalize('NFKC'));
  return isRegionChain(simple) || ZONE_ONLY.test(simple);
}
