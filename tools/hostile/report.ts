/**
 * Reports whose text carries markup: a generated report (valid tables, so it indexes like any
 * other) with hostile sentences put into parts 一 and 五, where search snippets, theme evidence
 * and the report page all show them. Each sentence contains PROBE, an ASCII word no other report
 * has, so a test can search for it and land on these snippets.
 */
import { generateReports } from '../corpus/generate';
import { MARKUP } from './payloads';

export const PROBE = 'xssprobe';

/** Sentences that would execute if any page rendered report text as HTML. */
export function hostileSentences(): string[] {
  // PROBE + one letter (xssprobea, xssprobeb …): each sentence findable alone, none a prefix of another.
  return MARKUP.map((m, i) => `${PROBE}${String.fromCharCode(97 + i)}：本机关公开工作存在时效性不强的问题${m}，将加强培训。`);
}

/** Insert lines after the first line that starts with `heading`. */
function insertAfter(text: string, heading: RegExp, lines: string[]): string {
  const all = text.split('\n');
  const at = all.findIndex((l) => heading.test(l));
  if (at < 0) throw new Error(`heading ${heading} not found in the generated report`);
  all.splice(at + 1, 0, '', ...lines);
  return all.join('\n');
}

/**
 * `count` hostile reports (distinct agencies) as { name, text } files, deterministic for a seed.
 * The agency names are the generator's; only the narrative is poisoned.
 */
export function hostileReports(opts: { seed: number | string; count?: number }): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  const sentences = hostileSentences();
  for (const r of generateReports({ seed: `hostile-${opts.seed}`, agencies: opts.count ?? 2, years: [2024], brokenRate: 0 })) {
    let text = insertAfter(r.text, /^一、/, sentences.slice(0, Math.ceil(sentences.length / 2)));
    text = insertAfter(text, /^五、/, sentences.slice(Math.ceil(sentences.length / 2)));
    out.push({ name: `hostile/${r.name.split('/').pop()}`, text });
  }
  return out;
}
