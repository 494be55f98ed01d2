/**
 * Which links a government 年报 column leads to: more list pages (pagination), report pages or
 * report files (a link whose text or title names an annual report with a year), and the
 * attachments of a report page. Rules are about wording and file types, never about one site.
 */
import path from 'node:path';
import type { PageLink } from './links';

/** File types a report is published in (the indexer reads some; the rest are kept and listed). */
export const ATTACHMENT_EXTENSIONS = ['.pdf', '.doc', '.docx', '.wps', '.xls', '.xlsx', '.txt'];

const PAGER_TEXT = /^(下一页|下页|后一页|尾页|末页|最后一页|next|last|>>?|›|»)$/i;
/** `index_3.html`, `list_2.shtml`, `?page=4`, `pageNo=4`: a page of the same list. */
const PAGER_URL = /(?:\/(?:index|list|default)_\d+\.s?html?$)|(?:[?&](?:page|pageno|pageindex|curpage|pagenum|pn|p)=\d+)/i;
const REPORT_WORDS = /年度报告|年报|年度工作报告/;
const OPEN_GOV = /政府信息公开|政务公开|信息公开/;
/** A statistical year: four digits, maybe followed by 年/年度 (二〇二四 is rare in titles). */
const YEAR = /(19[89]\d|20\d\d)\s*年?/g;

export function extensionOf(url: string): string {
  return path.posix.extname(new URL(url).pathname).toLowerCase();
}

export function isAttachmentUrl(url: string): boolean {
  return ATTACHMENT_EXTENSIONS.includes(extensionOf(url));
}

/** The year a report link names (the statistical year comes first in a title), or null. */
export function yearOf(text: string): number | null {
  for (const m of text.matchAll(YEAR)) {
    const y = Number(m[1]);
    if (y >= 1990 && y <= new Date().getUTCFullYear() + 1) return y;
  }
  return null;
}

/** Other annual reports government sites publish, often in neighbouring columns. */
const OTHER_REPORT = /法治政府|法治建设|预算|决算|统计公报|国民经济|企业年报|年报公示|社会责任|工作要点|工作计划|安全生产/;

/**
 * A link to an annual report: its text or title names one (年度报告/年报) with a year. A title
 * naming open government information always counts (legacy titles say 工作报告); without it, a
 * title naming another kind of annual report (法治政府建设年度报告, 企业年报 …) does not.
 */
export function reportLinkYear(link: PageLink): number | null {
  for (const s of [link.text, link.title]) {
    if (!s) continue;
    const openGov = OPEN_GOV.test(s);
    const names = openGov ? REPORT_WORDS.test(s) || /工作报告/.test(s) : REPORT_WORDS.test(s) && !OTHER_REPORT.test(s);
    if (!names) continue;
    const y = yearOf(s);
    if (y) return y;
  }
  return null;
}

export function isPagerLink(link: PageLink): boolean {
  if (PAGER_TEXT.test(link.text) || PAGER_TEXT.test(link.title)) return true;
  const u = new URL(link.url);
  // numbered page links (1 2 3 …) count only when the URL has a page's shape
  return /^\d{1,3}$/.test(link.text) && PAGER_URL.test(u.pathname + u.search);
}

/**
 * A page is itself a report (worth keeping as an .html file) when its text carries the
 * report's structure: two or more of the standard parts' headings. A page that only
 * announces an attached report does not.
 */
const PART_MARKERS = [/总体情况|概述/, /主动公开/, /依申请公开|收到和处理政府信息公开申请/, /行政复议/, /存在的主要问题|主要问题及改进/];
export function looksLikeReport(text: string): boolean {
  if (text.length < 400) return false;
  return PART_MARKERS.filter((re) => re.test(text)).length >= 3;
}
