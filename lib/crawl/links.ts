/**
 * What a fetched HTML page offers the crawler: its title, every link (resolved and normalized,
 * with its text and title attribute), a `<meta http-equiv=refresh>` target, and pagination the
 * page builds in script. Parsed with htmlparser2 (a real, forgiving HTML parser) and domutils.
 */
import { parseDocument, DomUtils } from 'htmlparser2';
import type { Element } from 'domhandler';
import { normalizeUrl } from './url';

export interface PageLink {
  url: string;
  text: string;
  title: string;
}

export interface PageLinks {
  title: string;
  links: PageLink[];
  /** URLs of pages the page's script would write pagination links to (`index_1.html` …) */
  scriptPages: string[];
  /** the text of the page body (scripts and styles dropped), for deciding what the page is */
  text: string;
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * TRS/WCM-style list pages (very common on government sites) write their pagination in script:
 * `createPageHTML(12, 0, "index", "html")` means pages index.html, index_1.html … index_11.html.
 * Reading the call is enough; no script is run.
 */
const CREATE_PAGE = /createPageHTML\(\s*['"]?(\d+)['"]?\s*,\s*['"]?\d+['"]?\s*,\s*['"]([\w-]+)['"]\s*,\s*['"](\w+)['"]/g;
/** The same CMS family also writes `var countPage = 12` before calling its pager. */
const COUNT_PAGE = /\bcountPage\s*=\s*(\d+)/;
/** At most this many pages from one pager call: a typo or trap cannot ask for a million. */
const MAX_SCRIPT_PAGES = 200;

export function extractLinks(html: string, pageUrl: string): PageLinks {
  const doc = parseDocument(html, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  const baseEl = DomUtils.findOne((e) => e.name === 'base' && !!e.attribs.href, doc.children);
  const base = (baseEl && normalizeUrl(baseEl.attribs.href, pageUrl)) || pageUrl;
  const titleEl = DomUtils.findOne((e) => e.name === 'title', doc.children);
  const title = titleEl ? squash(DomUtils.textContent(titleEl)) : '';

  const links: PageLink[] = [];
  const seen = new Set<string>();
  const add = (href: string | undefined, text: string, linkTitle: string) => {
    if (!href) return;
    const url = normalizeUrl(href, base);
    if (!url) return;
    const key = `${url}\n${text}`;
    if (seen.has(key)) return;
    seen.add(key);
    links.push({ url, text, title: linkTitle });
  };
  for (const a of DomUtils.findAll((e) => e.name === 'a' || e.name === 'area', doc.children) as Element[]) {
    add(a.attribs.href, squash(DomUtils.textContent(a)), squash(a.attribs.title ?? ''));
  }
  // Attachments are sometimes embedded rather than linked (PDF viewers in iframes/objects).
  for (const e of DomUtils.findAll((x) => ['iframe', 'embed', 'object'].includes(x.name), doc.children) as Element[]) {
    add(e.attribs.src ?? e.attribs.data, squash(e.attribs.title ?? ''), squash(e.attribs.title ?? ''));
  }
  const refresh = DomUtils.findOne((e) => e.name === 'meta' && /^refresh$/i.test(e.attribs['http-equiv'] ?? ''), doc.children);
  const refreshUrl = refresh && /url\s*=\s*['"]?([^'";]+)/i.exec(refresh.attribs.content ?? '')?.[1];
  if (refreshUrl) add(refreshUrl, '', 'refresh');

  const scripts = DomUtils.findAll((e) => e.name === 'script', doc.children).map((s) => DomUtils.textContent(s)).join('\n');
  const scriptPages = pagerPages(scripts, base);

  for (const e of DomUtils.findAll((x) => x.name === 'script' || x.name === 'style', doc.children)) DomUtils.removeElement(e);
  const body = DomUtils.findOne((e) => e.name === 'body', doc.children);
  const text = squash(DomUtils.textContent(body ?? doc));
  return { title, links, scriptPages, text };
}

function pagerPages(script: string, base: string): string[] {
  const out: string[] = [];
  for (const m of script.matchAll(CREATE_PAGE)) {
    const count = Math.min(Number(m[1]), MAX_SCRIPT_PAGES);
    for (let i = 1; i < count; i++) {
      const u = normalizeUrl(`${m[2]}_${i}.${m[3]}`, base);
      if (u) out.push(u);
    }
  }
  if (!out.length) {
    const count = Math.min(Number(COUNT_PAGE.exec(script)?.[1] ?? 0), MAX_SCRIPT_PAGES);
    const name = /\/(index)\.(s?html?)$/i.exec(new URL(base).pathname);
    const stem = name ? name[1] : 'index';
    const ext = name ? name[2] : 'html';
    for (let i = 1; i < count; i++) {
      const u = normalizeUrl(`${stem}_${i}.${ext}`, base);
      if (u) out.push(u);
    }
  }
  return out;
}
