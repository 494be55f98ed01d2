/**
 * Metadata of one report from all the evidence its page gives (candidates.ts), weighed
 * (weigh.ts): the agency, the statistical year, and where each came from.
 */
import { simplifiedChar } from '../../fold';
import { isTraditional } from './text';
import { chooseAgency, chooseYear } from './weigh';
import { stageMessage, type StageMessage, type Warn } from '../../messages';
import { collectCandidates, type MetaSource, type PageContext } from './candidates';

export type { PageContext, MetaSource } from './candidates';

export interface MetaValue<T> {
  value: T;
  source: MetaSource | 'completed';
}

export interface ReportMeta {
  agency: MetaValue<string> | null;
  year: MetaValue<number> | null;
  /** title strings found (for the accept/reject rule) */
  titles: string[];
  /** the page URL: the sidecar's, else the crawler header's 原文链接 */
  url?: string;
  messages: StageMessage[];
}

export function extractMeta(text: string, ctx: PageContext = {}): ReportMeta {
  const messages: StageMessage[] = [];
  const warn: Warn<'parse'> = (code, m) => messages.push(stageMessage(code, m));
  const c = collectCandidates(text, ctx);
  const chosen = chooseAgency(c, text.normalize('NFKC').replace(/[\s\u3000]+/g, ''), warn);
  const agency = chosen && isTraditional(text) ? { ...chosen, value: originalForm(chosen.value, text) } : chosen;
  const year = chooseYear(c.years, warn);
  const url = ctx.sourceUrl ?? c.headerUrl;
  return { agency, year, titles: c.titles, ...(url ? { url } : {}), messages };
}

/**
 * A 繁體 page's name as it prints it (某某自治區人民政府): the evidence was read in simplified
 * characters; the same span of the original is found through the length-preserving character map.
 */
function originalForm(name: string, text: string): string {
  const head = text.slice(0, 20000);
  const mapped = [...head].map((ch) => simplifiedChar(ch)).join('');
  const at = mapped.indexOf(name);
  return at >= 0 && mapped.length === head.length ? head.slice(at, at + name.length) : name;
}
