/**
 * Metadata of one report from all the evidence its page gives (candidates.ts), weighed
 * (weigh.ts): the agency, the statistical year, and where each came from.
 */
import { chooseAgency, chooseYear } from './weigh';
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
  warnings: string[];
}

export function extractMeta(text: string, ctx: PageContext = {}): ReportMeta {
  const warnings: string[] = [];
  const c = collectCandidates(text, ctx);
  const agency = chooseAgency(c, text.normalize('NFKC').replace(/[\s\u3000]+/g, ''), (m) => warnings.push(m));
  const year = chooseYear(c.years);
  const url = ctx.sourceUrl ?? c.headerUrl;
  return { agency, year, titles: c.titles, ...(url ? { url } : {}), warnings };
}
