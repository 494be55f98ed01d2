/**
 * Figures a sentence states in the table's own words (收到政府信息公开申请 70 件, 现行有效行政规范性文件
 * 698 件). They fill a legacy figure only when the text gives one value, and otherwise only pick
 * among the readings of digits run together in a table (lib/parse/runs.ts).
 */
import type { ProseHints } from './tables';

const CN = '(?:件|条|起|个|份|宗)';
/** 收到政府信息公开申请 70 件 / 受理依申请公开申请 3 件 / 收到 12 起政府信息依申请公开 */
const RECEIVED = [
  new RegExp(`(?:收到|受理|接到)(?:了)?(?:有关|各类)?(?:政府信息公开|信息公开|依申请公开|公开政府信息)(?:的)?申请(?:共|总计|合计)?\\s*(\\d+)\\s*${CN}`, 'g'),
  new RegExp(`(?:收到|受理|接到)(?:了)?\\s*(\\d+)\\s*${CN}(?:政府信息)?(?:依申请公开|(?:政府信息|信息)?公开申请)`, 'g'),
];
/** the text says there were none */
const NONE_RECEIVED = [
  /(未|没有|无)(收到|受理|接到|发生)(过|到)?(任何|有关)?(政府信息公开|信息公开|依申请公开)(的)?申请(?!人)/g,
  /(没有|无)依申请公开的?(政府)?信息/g,
];
const ACTIVE_TOTAL = /主动公开(?:了)?(?:政府)?信息(?:共|总计|合计)?\s*(\d+)\s*条/g;

function allNumbers(text: string, res: RegExp[]): number[] {
  const out: number[] = [];
  for (const re of res) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) out.push(Number(m[1]));
  }
  return out;
}

/** Replies as the old 统计表 names them: 同意公开 N 件, 信息不存在 N 件 … (dotted legacy keys) */
const REPLIES: [string, RegExp][] = [
  ['replies.granted', /(?<!部分|不)同意公开(?:的|答复)?\s*(\d+)\s*(?:件|条)/g],
  ['replies.partially_granted', /同意部分公开(?:的|答复)?\s*(\d+)\s*(?:件|条)/g],
  ['replies.denied', /(?:不予公开|不同意公开)(?:的|答复)?\s*(\d+)\s*(?:件|条)/g],
  ['replies.not_exist', /信息不存在(?:的)?\s*(\d+)\s*(?:件|条)/g],
  ['replies.not_this_agency', /非本(?:机关|单位|部门)(?:所)?掌握(?:的)?\s*(\d+)\s*(?:件|条)/g],
];

export function proseReplies(text: string): Record<string, number[]> {
  return Object.fromEntries(REPLIES.map(([k, re]) => [k, allNumbers(text, [re])]));
}

/** Every value the text states for a key (hints for run-together tables; several = ambiguous). */
export function proseMentions(text: string): { requests_received: number[]; active_total: number[] } {
  const received = allNumbers(text, RECEIVED);
  for (const re of NONE_RECEIVED) {
    re.lastIndex = 0;
    if (re.test(text)) received.push(0);
  }
  return { requests_received: received, active_total: allNumbers(text, [ACTIVE_TOTAL]) };
}

const DOCS = (what: string, verb: string) =>
  new RegExp(`${verb}(?:了)?(?:的)?(?:省政府|市政府|县政府|区政府|政府)?(?:及[^。，；]{0,12}?)?${what}(?:共|总计)?\\s*(\\d+)\\s*(?:件|部|个)`, 'g');
const ISSUED = '(?:制发|制定|出台|印发|发布)';
const IN_FORCE = '(?:现行有效)';

/** Hints for the 2021 tables: row key → [column index, stated values][]. */
export function proseHints(text: string): ProseHints {
  const said = proseMentions(text);
  const hints: ProseHints = {};
  if (said.requests_received.length) hints.new_received = [[6, said.requests_received]];
  for (const [key, what] of [
    ['normative_documents', '(?:行政)?规范性文件'],
    ['rules', '(?:政府)?规章'],
  ] as const) {
    const h: [number, number[]][] = [];
    const issued = allNumbers(text, [DOCS(what, ISSUED)]);
    const inForce = allNumbers(text, [DOCS(what, IN_FORCE)]);
    if (issued.length) h.push([0, issued]);
    if (inForce.length) h.push([2, inForce]);
    if (h.length) hints[key] = h;
  }
  return hints;
}
