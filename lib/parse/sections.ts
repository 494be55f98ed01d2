/**
 * Split a report into its six parts. Headings are short lines outside tables (no tab, no pipe);
 * numbering is optional ("主动公开政府信息情况" without 二、, "总体情况" without 一、) and the
 * wording varies, so each part is recognised by its core words and searched for in order.
 */
import type { Section, SectionKey } from '../types';

export interface RawSection {
  key: SectionKey;
  title: string;
  /** lines as extracted (tabs kept): the table parsers need the layout */
  raw: string;
}

const NUMBERING = /^(第?[一二三四五六七八九十]+(部分)?[、.．,，:：\s]*|[(（][一二三四五六七八九十]+[)）]\s*|\d+[、.．]\s*)/;

const HEADINGS: { key: Exclude<SectionKey, 'preface'>; re: RegExp }[] = [
  { key: 'overview', re: /^(政府信息公开(工作)?)?(总体情况|基本情况|概述|总体概况)$/ },
  { key: 'active', re: /主动公开政府信息(的)?(情况|工作)?$/ },
  { key: 'requests', re: /(收到和处理政府信息公开申请|依申请公开政府信息|政府信息公开申请)(的)?(情况|办理情况)?$/ },
  { key: 'appeals', re: /(行政复议|行政诉讼).{0,12}(情况)?$/ },
  { key: 'problems', re: /(存在的?(主要)?问题|问题(及|和|与)改进)/ },
  { key: 'other', re: /其他需要报告的事项|其它需要报告的事项/ },
];

function headingText(line: string): string | null {
  if (line.includes('\t') || line.includes('|')) return null;
  const t = line.trim();
  if (t.length === 0 || t.length > 40) return null;
  if (/[。；]$/.test(t)) return null; // a sentence, not a heading
  return t;
}

export function splitSections(text: string): RawSection[] {
  const lines = text.split('\n');
  // A heading missing from the report makes the next search rescan the same lines: each line's
  // heading core is worked out once (undefined = not yet, null = not a heading).
  const cores: (string | null | undefined)[] = new Array(lines.length);
  const coreOf = (i: number): string | null => {
    let core = cores[i];
    if (core === undefined) {
      const t = headingText(lines[i]);
      core = cores[i] = t === null ? null : t.normalize('NFKC').replace(NUMBERING, '').replace(/\s+/g, '');
    }
    return core;
  };
  const found: { key: SectionKey; title: string; line: number }[] = [];
  let from = 0;
  for (const h of HEADINGS) {
    for (let i = from; i < lines.length; i++) {
      const core = coreOf(i);
      if (core === null) continue;
      if (h.re.test(core)) {
        found.push({ key: h.key, title: headingText(lines[i])!, line: i });
        from = i + 1;
        break;
      }
    }
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
export function cleanText(raw: string): string {
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
  return raw.map((r) => ({ key: r.key, title: r.title, text: cleanText(r.raw) }));
}
