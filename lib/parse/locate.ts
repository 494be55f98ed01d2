/**
 * Where each table is. A table belongs to its part, but real pages misplace headings (a part
 * heading misspelt or broken over two lines, a table under a non-standard heading), so when the
 * part's text holds no table header the table is looked for by its own header words.
 */
import type { RawSection } from './sections';

// header words, spaces allowed between the characters (本年新 收): no normalising of whole parts
const ACTIVE_HEADER = /第\s*二\s*十\s*条\s*第|信\s*息\s*内\s*容/;
const ACTIVE_START = ACTIVE_HEADER;
const REQUESTS_HEADER = /本\s*年\s*(度\s*)?新\s*收|申\s*请\s*人\s*情\s*况/;
const APPEALS_HEADER = /结\s*果\s*维\s*持|尚\s*未\s*审\s*结/;
const TOP_HEADING = /^\s*[一二三四五六七八九十]+\s*[、.．]/;

export interface TableSources {
  /** text holding part 二's table (or the part's text, which may lack it), null: neither */
  active: string | null;
  activeFound: boolean;
  requests: string | null;
  requestsFound: boolean;
  /** the old 统计表's header is in the text */
  legacy: boolean;
}


/** Lines from the first matching `start` up to (not including) the first later `stop` line. */
function region(lines: string[], start: RegExp, stop: (l: string) => boolean): string | null {
  const i = lines.findIndex((l) => start.test(l));
  if (i < 0) return null;
  let j = i + 1;
  while (j < lines.length && !stop(lines[j])) j++;
  return lines.slice(i, j).join('\n');
}

export function tableSource(body: string, byKey: Map<string, RawSection>): TableSources {
  let split: string[] | undefined;
  const lines = () => (split ??= body.split('\n'));
  const sec = (k: string) => byKey.get(k)?.raw ?? null;
  let active = sec('active');
  let activeFound = active !== null && ACTIVE_HEADER.test(active);
  if (!activeFound) {
    const r = region(lines(), ACTIVE_START, (l) => REQUESTS_HEADER.test(l) || (l.trim().length <= 40 && TOP_HEADING.test(l)));
    if (r !== null) [active, activeFound] = [r, true];
  }
  let requests = sec('requests');
  let requestsFound = requests !== null && REQUESTS_HEADER.test(requests);
  if (!requestsFound) {
    const r = region(lines(), REQUESTS_HEADER, (l) => APPEALS_HEADER.test(l));
    if (r !== null) [requests, requestsFound] = [r, true];
  }
  return { active, activeFound, requests, requestsFound, legacy: /(指标名称|统计指标)[\s|]{0,6}(计量)?单位/.test(body) };
}

/** Part 四's table has result columns; a legacy report's part of that name is prose. */
export function hasAppealsTable(text: string): boolean {
  return APPEALS_HEADER.test(text);
}
