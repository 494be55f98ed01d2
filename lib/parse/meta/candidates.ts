/**
 * Every place a real page names its agency and year, as weighted candidates with their source:
 * the crawler header and labelled metadata fields (标题:, 名称, 发布机构:), title lines (split over
 * two lines, after a column name, two different titles), HTML <title>/<h1>/meta and the sidecar's
 * page title, the sentence that publishes the report (现将…年度报告公布如下, 特向社会公布…),
 * the compiler (由…编制, …根据《条例》), the contact line (请与…联系), the subject of the
 * overview (…认真贯彻落实), and the signature with its date at the end. Furniture lines are skipped.
 */
import { isFurniture, isPreface } from './furniture';
import { nameAtEnd, readName, type NameReading } from './agency-name';
import { squeeze } from './text';
import { publicationYear, YEAR_WEIGHT, yearBeforeDate, yearsStated } from './year';

export type MetaSource =
  | 'header'
  | 'title'
  | 'html-title'
  | 'h1'
  | 'meta-tag'
  | 'sidecar-title'
  | 'publish'
  | 'compiler'
  | 'contact'
  | 'subject'
  | 'signature'
  | 'publisher'
  | 'period'
  | 'sentence'
  | 'published-date';

export interface AgencyCandidate extends NameReading {
  source: MetaSource;
  weight: number;
}

export interface YearCandidate {
  year: number;
  source: MetaSource;
  weight: number;
}

/** What the reader and the sidecar know about the page besides its text. */
export interface PageContext {
  sourceUrl?: string;
  /** the sidecar's page title */
  pageTitle?: string;
  /** from an HTML page: <title>, <h1>s, <meta name=… content=…> */
  htmlTitle?: string;
  h1?: string[];
  meta?: Record<string, string>;
}

export const AGENCY_WEIGHT: Record<MetaSource, number> = {
  header: 10, title: 10, h1: 9, 'meta-tag': 9, 'sidecar-title': 8, 'html-title': 6, publish: 8, compiler: 7,
  signature: 6, contact: 3, subject: 3, publisher: 2, period: 0, sentence: 0, 'published-date': 0,
};

/** The report's own name: 政府信息公开工作年度报告, 信息公开年度报告, 政务公开工作年度报告, 年报 … */
const REPORT = '(?:的)?(政府|政务)?信息公开(?:工作)?(?:情况)?(?:的)?(?:年度)?(?:工作)?(?:情况)?(?:年度)?(?:报告|年报)|政务公开(?:工作)?(?:的)?(?:年度)?报告';
const YEAR = '((?:19|20)\\d{2})(?:年度|年)?';
const AGENCY_FIRST = new RegExp(`([^，,。;；]{2,60}?)(?:关于)?${YEAR}(?:的)?(?:${REPORT})`, 'g');
const YEAR_FIRST = new RegExp(`${YEAR}([^，,。;；\\d]{2,40}?)(?:${REPORT})`, 'g');
const NO_YEAR = new RegExp(`^([^，,。;；\\d]{2,40}?)(?:${REPORT})(?:\\(((?:19|20)\\d{2})年?度?\\))?$`);

/**
 * In prose a report's name counts only as the object of publishing it now (现公布…, 特向社会公开…,
 * 现将…报告如下): 网站发布了2008年…报告 speaks of another year's report.
 */
function publishes(before: string): boolean {
  return /(现将|现予|现|特向社会|向社会|特|予以)(公布|发布|公开|印发)?《?$/.test(before);
}

/** Labelled fields holding the title, in crawler headers, pipe tables and bullet lists. */
const TITLE_FIELD = /^[|•·\-*]*(?:标题|名称|题名|文件名称|文章标题)[:：|]+(.+)$|^[|•·\-*]*(?:标题|名称)(?=.*报告)(.+)$/;
const PUBLISHER_FIELD = /(?:发布机构|发文机关|发布单位|信息来源|来源|发布者)\s*[:：|]\s*([^\s|:：]{2,40})/g;

export interface Candidates {
  agencies: AgencyCandidate[];
  years: YearCandidate[];
  /** 以下简称 links: short form → full name */
  shortForms: Map<string, string>;
  /** title strings seen: the text names itself a report (for the accept/reject rule) */
  titles: string[];
  /** the crawler header's 原文链接, when the page text carries one */
  headerUrl?: string;
}

export function collectCandidates(text: string, ctx: PageContext = {}): Candidates {
  const c = collector();
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  const sep = crawlerHeaderEnd(lines);
  const url = sep >= 0 ? headerUrl(lines.slice(0, sep)) : undefined;
  if (url) c.out.headerUrl = url;
  // the order of the steps is the order of the candidates, which ties between equal weights follow
  collectPageContext(c, ctx);
  const head = collectHead(c, lines);
  // sentences of the head, line breaks inside words rejoined (PDF: 司法\n局编制)
  const body = squeeze(joinWrapped(lines.slice(sep >= 0 ? sep + 1 : 0)).slice(0, 3000));
  collectShortForms(c, body);
  collectSentences(c, body);
  for (const y of yearsStated(body)) c.addYear(y.year, y.source, y.weight);
  collectSignature(c, lines);
  const published = publicationYear(head);
  if (published) c.addYear(published, 'published-date');
  return c.out;
}

/** The candidates found so far, and the one place that weighs and filters them. */
interface Collector {
  out: Candidates;
  addName(r: NameReading | null, source: MetaSource, weight?: number): void;
  addYear(y: string | number | undefined, source: MetaSource, weight?: number): void;
}

function collector(): Collector {
  const out: Candidates = { agencies: [], years: [], shortForms: new Map(), titles: [] };
  return {
    out,
    addName(r, source, weight = AGENCY_WEIGHT[source]) {
      if (r && weight > 0) out.agencies.push({ ...r, source, weight });
    },
    addYear(y, source, weight = YEAR_WEIGHT[source]) {
      const n = Number(y);
      if (Number.isInteger(n) && n >= 2000 && n <= new Date().getFullYear() && weight > 0) out.years.push({ year: n, source, weight });
    },
  };
}

/** Title readings of one squeezed string: agency before the year, after it, or no year. */
function titleMatches(c: Collector, str: string, source: MetaSource): boolean {
  let hit = false;
  const s = str.replace(/\((?:以下简称|下称|简称)[^)]*\)/g, '');
  for (const m of s.matchAll(AGENCY_FIRST)) {
    const name = nameAtEnd(m[1]);
    const before = s.slice(0, m.index) + m[1].slice(0, m[1].length - (name?.name.length ?? 0));
    // a long line that opens with the report's name is a title run into its text (青山区水利局 2024年度…报告 2024年,…)
    const src = source === 'publish' && before === '' ? 'title' : source;
    if (src === 'publish' && !publishes(before)) continue;
    hit = true;
    c.addName(name, src);
    c.addYear(m[2], src);
  }
  for (const m of s.matchAll(YEAR_FIRST)) {
    const before = s.slice(0, m.index);
    const src = source === 'publish' && before === '' ? 'title' : source;
    if (src === 'publish' && !publishes(before)) continue;
    hit = true;
    c.addYear(m[1], src);
    const r = nameAtEnd(m[2]);
    c.addName(r, src);
    // 2020年某某高新区(某某区)政府信息公开…: 政府 may belong to the name or to the report's name
    if (m[3] === '政府') c.addName(readName(m[2] + '政府'), src, AGENCY_WEIGHT[src] / (r ? 2 : 1));
  }
  if (!hit) {
    const m = NO_YEAR.exec(s);
    if (m) {
      hit = true;
      c.addName(nameAtEnd(m[1]), source);
      if (m[2] === '政府') c.addName(readName(m[1] + '政府'), source, AGENCY_WEIGHT[source] / 2);
      // 某某局政府信息公开工作年度报告（2023年）
      if (m[3]) c.addYear(m[3], source);
    }
  }
  if (hit) c.out.titles.push(s);
  return hit;
}

/** Index of the crawler header's ==== 正文 ==== line, or -1 (a header is short: within 20 lines). */
function crawlerHeaderEnd(lines: string[]): number {
  const sep = lines.findIndex((l) => /^=+\s*正文\s*=+$/.test(l));
  return sep >= 0 && sep < 20 ? sep : -1;
}

/** The crawler header's 原文链接 (the last one given). */
function headerUrl(header: string[]): string | undefined {
  let found: string | undefined;
  for (const l of header) {
    const url = /^原文链接[:：]\s*(https?:\/\/\S+)/.exec(l);
    if (url) found = url[1];
  }
  return found;
}

/** Sidecar and HTML evidence: page title, <title>, <h1>, meta tags. */
function collectPageContext(c: Collector, ctx: PageContext): void {
  if (ctx.pageTitle) titleMatches(c, squeeze(ctx.pageTitle), 'sidecar-title');
  if (ctx.htmlTitle) for (const part of ctx.htmlTitle.split(/[-_|–—]{1,2}/)) titleMatches(c, squeeze(part), 'html-title');
  for (const h of ctx.h1 ?? []) titleMatches(c, squeeze(h), 'h1');
  for (const [k, v] of Object.entries(ctx.meta ?? {})) {
    if (/^(articletitle|title|og:title|dc\.title)$/i.test(k)) titleMatches(c, squeeze(v), 'meta-tag');
    if (/^(contentsource|author|dc\.publisher|publisher|sitename)$/i.test(k)) c.addName(nameAtEnd(squeeze(v)), 'publisher');
    const date = /^(pubdate|publishdate|firstpublishedtime|dc\.date|article:published_time)$/i.test(k) && /((?:19|20)\d{2})[-年./](\d{1,2})/.exec(v);
    if (date) c.addYear(yearBeforeDate(Number(date[1]), Number(date[2])) ?? undefined, 'published-date');
  }
}

/**
 * The head: header, furniture and title lines before the body's first part. The title sits before
 * part 一: stop there (tables and prose below cost time and give nothing). Returns the head's lines.
 */
function collectHead(c: Collector, lines: string[]): string[] {
  let headEnd = Math.min(lines.length, 60);
  for (let i = 1; i < headEnd; i++) if (/^一[、.．]|^第一部分/.test(lines[i])) headEnd = i;
  const head = lines.slice(0, headEnd);
  for (let i = 0; i < head.length; i++) {
    const raw = head[i];
    const s = squeeze(raw.slice(0, 600));
    for (const m of raw.matchAll(PUBLISHER_FIELD)) c.addName(nameAtEnd(squeeze(m[1])), 'publisher');
    const field = TITLE_FIELD.exec(s);
    if (field) {
      titleMatches(c, (field[1] ?? field[2]).replace(/\|/g, ''), 'header');
      continue;
    }
    if (isFurniture(raw)) continue;
    // a title is a short line; a sentence (punctuation, a preface's opening) only publishes one
    const short = s.length <= 60 && !/[，,。;；]/.test(s) && !isPreface(raw);
    titleMatches(c, s.replace(/\|+$/, ''), short ? 'title' : 'publish');
    const next = head[i + 1];
    if (short && next && !isFurniture(next)) collectSplitTitle(c, s, squeeze(next));
  }
  return head;
}

/** A title split over two lines (青山县人民政府办公室 / 2024年…报告; …工作 / 年度报告). */
function collectSplitTitle(c: Collector, s: string, n: string): void {
  // only where the break cuts a title (agency / year…; year agency / report; …年度 / 信息公开…): a
  // site banner (某某县人民政府) above a title without agency must not lend it its name
  const cut = /^((?:19|20)\d{2}|二〇|年度|报告|工作报告|年报)/.test(n) || /((?:19|20)\d{2}年度?|工作|信息公开)$/.test(s) || /^(?:19|20)\d{2}/.test(s);
  if (n.length <= 40 && cut) titleMatches(c, s + n, 'title');
}

/** 以下简称 links: found by the bracket, then read backwards (a leading lazy group would try every position). */
function collectShortForms(c: Collector, body: string): void {
  for (const m of body.matchAll(/\((?:以下简称|下称|简称)[“"]?([^)”"]{2,20}?)[”"]?\)/g)) {
    const before = body.slice(Math.max(0, m.index - 60), m.index).split(/[，,。;；:：]/).pop() ?? '';
    const full = nameAtEnd(before);
    const short = readName(m[1]);
    if (full?.complete && short) c.out.shortForms.set(short.name, full.name);
  }
}

/** The compiler (由…编制, …根据《条例》), the contact line (请与…联系) and the overview's subject. */
function collectSentences(c: Collector, body: string): void {
  for (const m of body.matchAll(/由([^，,。;；]{2,60}?)(?:\((?:以下简称|下称|简称)[^)]*\))?(?:根据[^。]{0,120}?)?(?:编制|汇总|编写|制作|发布)/g))
  {
    c.addName(nameAtEnd(m[1]), 'compiler');
    // 本年度报告…由某镇人民政府编制: the report names itself in the sentence
    const end = body.indexOf('。', m.index + m[0].length);
    const sentence = body.slice(Math.max(0, body.lastIndexOf('。', m.index) + 1), end < 0 ? undefined : end);
    if (/年度报告|年报/.test(sentence)) c.out.titles.push(sentence);
  }
  for (const m of body.matchAll(/(?:^|[。;；!])([^，,。;；:：]{2,40}?)(?:根据|依据|按照)《/g)) c.addName(nameAtEnd(m[1]), 'compiler');
  for (const m of body.matchAll(/(?:^|[。;；!,，])([^，,。;；:：]{2,40}?)编制(?:了|的)?(?:19|20)\d{2}年/g)) c.addName(nameAtEnd(m[1]), 'compiler');
  for (const m of body.matchAll(/请?与([^，,。;；(]{2,40}?)联系/g)) c.addName(nameAtEnd(m[1]), 'contact');
  let subjects = 0;
  for (const m of body.matchAll(/(?:^|[。;；])(?:(?:19|20)\d{2}年度?[,，]?)?([^，,。;；:：]{2,40}?)(?:认真|坚持|始终|全面|深入|高度重视|紧紧围绕|严格|积极|持续|进一步|不断|切实|以习近平|在[^，。]{0,12}(?:领导|指导)下)/g)) {
    const r = nameAtEnd(m[1]);
    if (r && subjects++ < 3) {
      c.addName(r, 'subject');
      // 2023年,建设局全面加快…: the year the overview speaks of
      const y = /^(?:[。;；])?((?:19|20)\d{2})年/.exec(m[0]);
      if (y) c.addYear(y[1], 'sentence');
    }
  }
}

/** Signature block: name and date on the last lines. */
function collectSignature(c: Collector, lines: string[]): void {
  const tail = squeeze(lines.slice(-4).join('\n')).slice(-120);
  const sig = /([\u4e00-\u9fff()]{3,40}?)((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日$/.exec(tail);
  if (!sig) return;
  c.addName(nameAtEnd(sig[1]), 'signature');
  const y = yearBeforeDate(Number(sig[2]), Number(sig[3]));
  if (y) c.addYear(y, 'signature');
}

/**
 * Lines → one string: a long line that stops mid-sentence was wrapped (PDF, 石景山区司法\n局编制)
 * and joins the next directly; any other line break ends a sentence.
 */
function joinWrapped(lines: string[]): string {
  let out = '';
  for (let i = 0; i < lines.length && out.length < 4000; i++) {
    const l = lines[i];
    const wrapped = l.length >= 30 && !/[。；;：:!！?？”"）)]$/.test(l);
    out += l + (wrapped ? '' : '。');
  }
  return out;
}
