/**
 * Problem themes: an editable taxonomy (themes.json) matched sentence by sentence against the
 * PROBLEMS half of part 五. Each hit keeps the sentences that evidence it, so a filter result can
 * show why a report carries a theme.
 */
import { createRequire } from 'node:module';
import type { ReportRecord, ThemeHit } from '../types';

const require = createRequire(import.meta.url);

export interface Theme {
  id: string;
  label: string;
  description: string;
  patterns: string[];
}

interface Compiled extends Theme {
  res: RegExp[];
}

let cache: Compiled[] | null = null;

export function loadThemes(): Theme[] {
  return compiled().map(({ res: _res, ...t }) => t);
}

function compiled(): Compiled[] {
  if (cache) return cache;
  const file: { themes: Theme[] } = require('./themes.json');
  cache = file.themes.map((t) => ({ ...t, res: t.patterns.map((p) => new RegExp(p)) }));
  return cache;
}

/** Sentences, with 一是…，二是… enumerations split into their items. */
export function sentences(text: string): string[] {
  return text
    .split(/[。！？；;!?\n]+|[，,](?=[二三四五六七八九十]是)/)
    .map((s) => s.trim())
    .filter((s) => s.length >= 2);
}

/**
 * The problems half of part 五: part 五 states problems, then plans. The plans start at a
 * sub-heading (（二）下一步…), or at the sentence with 下一步 / 针对以上问题 / 围绕上述问题 / …将.
 */
const PLANS = new RegExp(
  [
    '^[(（][一二三四五六七八九十][)）]\\s*(下一步|改进|整改|今后|工作(打算|计划|措施)|[^\\n]{0,6}(措施|打算|计划)$)', // sub-heading
    '下一步',
    '针对(以上|上述|这些|存在的|上面)?(的)?问题',
    '围绕(以上|上述)问题',
    '(改进|整改)(措施|方向|计划)[:：]',
    '加以改进[:：]',
    '(今后|下阶段|(?:19|20)\\d{2}年)[，,\\s]*((我|本)[\\u4e00-\\u9fa5]{0,3})?将',
  ].join('|'),
  'm',
);

export function problemsPart(problemsText: string): string {
  const text = problemsText.trim();
  const m = PLANS.exec(text);
  // no marker, or one at the very start (nothing to split off): the whole part counts
  if (!m || m.index === 0) return text;
  // cut at the start of the sentence (or sub-heading line) holding the marker
  const before = text.slice(0, m.index);
  const cut = Math.max(before.lastIndexOf('。'), before.lastIndexOf('\n'), before.lastIndexOf('；'), before.lastIndexOf('！'));
  const head = cut >= 0 ? text.slice(0, cut + 1) : text.slice(0, m.index);
  // a (二)-style sub-heading just before the plans belongs to the plans
  return head.replace(/\n?\s*[(（][一二三四五六七八九十][)）][^\n]{0,20}$/, '').trim() || text;
}

export function tagThemes(problemsText: string): ThemeHit[] {
  const part = problemsPart(problemsText);
  const sents = sentences(part);
  const hits: ThemeHit[] = [];
  for (const t of compiled()) {
    const evidence = sents.filter((s) => t.res.some((r) => r.test(s)));
    if (evidence.length) hits.push({ id: t.id, label: t.label, evidence });
  }
  return hits;
}

/** The themes stage: a parsed record, tagged with the themes of its problems section (none without one). */
export function withThemes(record: ReportRecord): ReportRecord {
  const problems = record.sections.find((s) => s.key === 'problems');
  return { ...record, themes: problems ? tagThemes(problems.text) : [] };
}
