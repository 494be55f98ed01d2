/**
 * The tasks a fetched page leads to: from a list page its report links and pagination, from a
 * report page its attachments.
 */
import { decodeHtml } from './charset';
import { isAttachmentUrl, isPagerLink, reportLinkYear, yearOf, ATTACHMENT_EXTENSIONS } from './classify';
import type { Task } from './journal';
import { extractLinks, type PageLinks } from './links';
import { sameGovernment, sameSite } from './url';

/** Report links taken from one list page: a real page lists 15–50; more is a generated page. */
export const MAX_REPORT_LINKS = 200;

const ATTACHMENT_TEXT = new RegExp(`(${ATTACHMENT_EXTENSIONS.map((e) => `\\${e}`).join('|')})\\s*$`, 'i');

export function pageOf(body: Buffer, contentType: string | null, url: string): PageLinks {
  return extractLinks(decodeHtml(body, contentType).text, url);
}

/**
 * `pageUrl`: the list page's URL after redirects, recorded as the reports' list page. `since`
 * skips reports whose link names an earlier year.
 */
export function listChildren(task: Task, page: PageLinks, pageUrl: string, seed: string, since?: number): Task[] {
  const kids: Task[] = [];
  let reports = 0;
  for (const link of page.links) {
    const year = reportLinkYear(link);
    if (year) {
      if (since && year < since) continue;
      if (++reports > MAX_REPORT_LINKS) continue;
      const isFile = isAttachmentUrl(link.url) || ATTACHMENT_TEXT.test(link.text);
      if (isFile ? !sameGovernment(seed, link.url) : !sameSite(seed, link.url)) continue;
      kids.push({ url: link.url, kind: isFile ? 'file' : 'report', site: task.site, referrer: pageUrl, listPage: pageUrl, linkText: link.text || link.title, title: link.title || link.text, year });
    } else if (isPagerLink(link) && sameSite(seed, link.url)) {
      kids.push({ url: link.url, kind: 'list', site: task.site, referrer: pageUrl });
    }
  }
  for (const url of page.scriptPages) if (sameSite(seed, url)) kids.push({ url, kind: 'list', site: task.site, referrer: pageUrl });
  return kids;
}

/** `pageUrl`: where the page really is (after redirects), which is what links to the files. */
export function attachmentChildren(task: Task, page: PageLinks, pageUrl: string, seed: string): Task[] {
  return page.links
    .filter((l) => (isAttachmentUrl(l.url) || ATTACHMENT_TEXT.test(l.text)) && sameGovernment(seed, l.url))
    .map((l) => {
      // a link naming its report (a year's sub-column lists several) says more than the page title
      const named = reportLinkYear(l);
      return { url: l.url, kind: 'file' as const, site: task.site, referrer: pageUrl, listPage: task.listPage, linkText: l.text || l.title, title: (named && (l.title || l.text)) || page.title || task.title, year: named ?? task.year ?? yearOf(page.title) ?? undefined };
    });
}
