/**
 * Split a report into its parts, for all three generations (docs/inputs.md "Sections").
 * Headings are short lines outside tables (no tab, no pipe); numbering is optional and the
 * wording varies, so each part is recognised by its core words and searched for in order.
 * Pages flattened onto one line (crawler text, whole report on one line) get their numbered
 * headings cut out first (breakInlineHeadings), so the same line rules apply.
 *
 * Legacy (2008–2018) parts map onto the same keys: 概述/综述 → overview, 主动公开 → active,
 * 依申请公开 (and 不予公开/咨询) → requests, 收费及减免 → other (fees are reported in part 六
 * of the current format), 行政复议和行政诉讼 → appeals, 存在的主要问题 → problems,
 * 其他需要报告的事项 and the old 统计表 appendix → other.
 */
import type { Section, SectionKey } from '../types';

export interface RawSection {
  key: SectionKey;
  title: string;
  /** lines as extracted (tabs kept): the table parsers need the layout */
  raw: string;
}

const NUMBERING = /^(第?[一二三四五六七八九十]+(部分)?[、.．,，:：\s]*|[(（][一二三四五六七八九十]+[)）]\s*|\d+[、.．]\s*)/;
/** Numbering of a sub-part: （一）, 1、 — a heading of that form yields to a top-level one. */
const SUB_NUMBERING = /^\s*([(（][一二三四五六七八九十]+[)）]|\d+[、.．]|[•·●▪◆■])/;

type PartKey = Exclude<SectionKey, 'preface'>;

/**
 * One entry per part, in report order. `line`: the heading line's core (numbering and spaces
 * removed). `inline`: the heading words where a heading runs into the text on one line, tried
 * right after a top-level number (二、); it must be specific, since what follows is not cut off.
 */
const HEADINGS: { key: PartKey; line: RegExp; inline: RegExp }[] = [
  {
    key: 'overview',
    line: /^(政府)?(信息公开(工作)?)?(总体情况|基本情况|概述|总体概况|概况|综述)$/,
    inline: /(政府)?(信息公开(工作)?)?(总体情况|基本情况|概述|总体概况|综述)/y,
  },
  {
    key: 'active',
    line: /主动公开政府信息(的)?(情况|工作)?$|^(政府信息)?主动公开(信息)?(工作)?(的)?情况$/,
    inline: /(政府信息)?主动公开(政府信息|信息)?(的)?(工作情况|情况)/y,
  },
  {
    key: 'requests',
    line: /(收到和处理政府信息公开申请|依申请公开政府信息|政府信息公开申请)(的)?(情况|办理情况)?$|依申请公开.{0,16}情况$/,
    inline: /(收到和处理政府信息公开申请(的)?情况|(政府信息)?依申请公开[^。，,；\d]{0,16}?情况)/y,
  },
  {
    // legacy only: fee reporting belongs to part 六 in the current format
    key: 'other',
    line: /^(政府信息公开(的)?)?(收费及减免|收费和减免|收支)(的)?情况$/,
    inline: /(政府信息公开(的)?)?(收费及减免|收费和减免|收支)(的)?情况/y,
  },
  {
    key: 'appeals',
    line: /(行政复议|行政诉讼).{0,12}(情况)?$/,
    inline: /[^。，,；\d]{0,16}?(行政复议|行政法复议|行政诉讼)[^。，,；\d]{0,20}?情况/y,
  },
  {
    key: 'problems',
    line: /(存在的?(主要)?问题|问题(及|和|与)改进)/,
    inline: /(政府信息公开(工作)?)?(存在的?(主要)?问题|主要问题)((及|和|与)(改进|下步|下一步)[^。，,；\d]{0,8}?(措施|情况|安排|计划|方向))?/y,
  },
  {
    key: 'other',
    line: /其[他它]需要(报告|说明)的事项$|^.{0,20}政府信息公开(工作)?(情况)?统计表$/,
    inline: /(其[他它]需要(报告|说明)的事项|[^。，,；\d]{0,20}?政府信息公开(工作)?(情况)?统计表)/y,
  },
];

/** A top-level number inside a line: 二、 (not 第二、, not the tail of 二十一、). */
const INLINE_NUMBER = /([一二三四五六七八九十]{1,3})\s*[、.．]\s*/g;
/** Lines at least this long are flattened pages: their headings are looked for inside them. */
const LONG_LINE = 120;

/**
 * Where to cut a flattened line: before each inline top-level heading and after its words.
 * Offsets into the line; found on `probe` (same length as the text, see foldForMatching).
 */
function inlineCuts(line: string): number[] {
  const cuts: number[] = [];
  INLINE_NUMBER.lastIndex = 0;
  for (let m = INLINE_NUMBER.exec(line); m; m = INLINE_NUMBER.exec(line)) {
    const before = m.index > 0 ? line[m.index - 1] : '';
    if (/[一二三四五六七八九十第]/.test(before)) continue;
    const at = m.index + m[0].length;
    for (const h of HEADINGS) {
      h.inline.lastIndex = at;
      const hm = h.inline.exec(line);
      if (!hm) continue;
      const end = at + hm[0].length;
      // a list of part names in a preface (概述、主动公开政府信息情况、…) is not a heading
      if (/^[，,、；;。]/.test(line.slice(end, end + 1))) continue;
      cuts.push(m.index, end);
      INLINE_NUMBER.lastIndex = end;
      break;
    }
  }
  return cuts;
}

/**
 * Cut flattened lines at their inline headings, the same cuts in `text` and in `probe`
 * (a same-length copy used for matching, e.g. with traditional characters folded).
 */
export function breakInlineHeadings(text: string, probe: string = text): { text: string; probe: string } {
  if (!hasLongLine(probe)) return { text, probe };
  const tl = text.split('\n');
  const pl = probe.split('\n');
  if (tl.length !== pl.length) return { text, probe }; // not the same shape: leave alone
  let changed = false;
  for (let i = 0; i < pl.length; i++) {
    if (pl[i].length < LONG_LINE || pl[i].includes('\t') || tl[i].length !== pl[i].length) continue;
    const cuts = inlineCuts(pl[i]);
    if (cuts.length === 0) continue;
    changed = true;
    const cut = (s: string) => {
      const parts: string[] = [];
      let from = 0;
      for (const c of cuts) {
        parts.push(s.slice(from, c));
        from = c;
      }
      parts.push(s.slice(from));
      return parts.map((p) => p.trim()).filter((p) => p !== '').join('\n');
    };
    tl[i] = cut(tl[i]);
    pl[i] = cut(pl[i]);
  }
  return changed ? { text: tl.join('\n'), probe: pl.join('\n') } : { text, probe };
}

function hasLongLine(s: string): boolean {
  let start = 0;
  for (let nl = s.indexOf('\n'); nl >= 0; nl = s.indexOf('\n', start)) {
    if (nl - start >= LONG_LINE) return true;
    start = nl + 1;
  }
  return s.length - start >= LONG_LINE;
}

function headingText(line: string): string | null {
  if (line.includes('\t') || line.includes('|')) return null;
  const t = line.trim();
  if (t.length === 0 || t.length > 40) return null;
  if (/[。；]$/.test(t)) return null; // a sentence, not a heading
  return t;
}

/**
 * `probe`: an optional same-shape copy of `text` to match headings against (traditional
 * characters folded); titles and section text come from `text`.
 */
export function splitSections(text: string, probe: string = text): RawSection[] {
  const lines = text.split('\n');
  const plines = probe.split('\n');
  const matchLines = plines.length === lines.length ? plines : lines;
  // A heading missing from the report makes the next search rescan the same lines: each line's
  // heading core is worked out once (undefined = not yet, null = not a heading).
  const cores: (string | null | undefined)[] = new Array(lines.length);
  const coreOf = (i: number): string | null => {
    let core = cores[i];
    if (core === undefined) {
      const t = headingText(matchLines[i]);
      core = cores[i] = t === null ? null : t.normalize('NFKC').replace(NUMBERING, '').replace(/\s+/g, '');
    }
    return core;
  };
  const find = (re: RegExp, from: number, sub: boolean): number => {
    for (let i = from; i < lines.length; i++) {
      const core = coreOf(i);
      if (core !== null && re.test(core) && SUB_NUMBERING.test(matchLines[i]) === sub) return i;
    }
    return -1;
  };
  // (一)主动公开情况 under 一、总体情况 is a paragraph title: once a report numbers its parts
  // 一、二、, sub-numbered lines are never parts (some reports number their parts （一）（二）)
  let topLevel: boolean | undefined;
  const found: { key: SectionKey; title: string; line: number }[] = [];
  let from = 0;
  for (const h of HEADINGS) {
    let i = find(h.line, from, false);
    if (i < 0 && !(topLevel ??= HEADINGS.some((x) => find(x.line, 0, false) >= 0))) i = find(h.line, from, true);
    if (i < 0) continue;
    found.push({ key: h.key, title: headingText(lines[i])!, line: i });
    from = i + 1;
  }
  const out: RawSection[] = [];
  const firstLine = found.length ? found[0].line : lines.length;
  const preface = lines.slice(0, firstLine).join('\n');
  if (preface.trim()) out.push({ key: 'preface', title: '', raw: preface });
  found.forEach((f, i) => {
    const end = i + 1 < found.length ? found[i + 1].line : lines.length;
    out.push({ key: f.key, title: f.title, raw: lines.slice(f.line + 1, end).join('\n') });
  });
  return out;
}

/** Display/search text: cells of a table row joined by spaces, empty lines dropped. */
export function sectionText(raw: string): string {
  // Neither pattern matches a line break: replacing in the whole text is replacing line by line.
  return raw
    .replace(/\|/g, ' ')
    .replace(/[\t\u00a0\u3000 ]+/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join('\n');
}

export function toSections(raw: RawSection[]): Section[] {
  return raw.map((r) => ({ key: r.key, title: r.title, text: sectionText(r.raw) }));
}
