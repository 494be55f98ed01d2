/**
 * HTML → the text layout the parser understands. Data tables become one `| a | b | c |` line per
 * row on a full grid (colspan/rowspan expanded into empty cells so numbers stay in their column);
 * layout tables (holding other tables or long prose) are read as ordinary blocks. Scripts, styles,
 * head, nav, header, footer, forms' controls and hidden elements are dropped.
 * The tree comes from htmlparser2 (html-dom.ts): a spec-following tokenizer, not our own.
 */
import { isTag, isText, type AnyNode, type Element } from 'domhandler';
import { getElementsByTagName, textContent } from 'domutils';
import { normaliseLines, decodeOrThrow } from './txt';
import { parseHtml } from './html-dom';
import type { FormatReader, PageInfo } from './types';

type HElement = Element;
type HNode = AnyNode;
const kids = (e: { children: AnyNode[] }): AnyNode[] => e.children;

const SKIP = new Set([
  'head', 'script', 'style', 'noscript', 'template', 'nav', 'header', 'footer', 'aside', 'iframe',
  'svg', 'math', 'select', 'button', 'textarea', 'title', 'object', 'embed', 'canvas', 'video', 'audio', 'map', 'input',
]);
const BLOCK = new Set([
  'address', 'article', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'html', 'li', 'main', 'menu',
  'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'thead', 'tfoot', 'tr', 'td', 'th', 'ul', 'legend',
]);

function hidden(e: HElement): boolean {
  if ('hidden' in e.attribs) return true;
  const st = (e.attribs.style ?? '').toLowerCase().replace(/\s+/g, '');
  if (st.includes('display:none') || st.includes('visibility:hidden')) return true;
  return e.attribs['aria-hidden'] === 'true' && e.name !== 'td' && e.name !== 'th';
}

/** CJK ideographs, kana, CJK punctuation, full-width forms: the "East Asian Wide" set for line joins. */
const WIDE = '\\u2e80-\\u9fff\\uf900-\\ufaff\\ufe30-\\ufe4f\\uff00-\\uffef';
const WIDE_BREAK = new RegExp(`([${WIDE}])[ \\t\\f\\r]*\\n[ \\t\\f\\r\\n]*(?=[${WIDE}])`, 'g');

/** Source whitespace → single spaces; a source line break between two wide characters vanishes (CSS Text 3). */
function collapse(raw: string): string {
  return raw.replace(WIDE_BREAK, '$1').replace(/[ \t\n\r\f]+/g, ' ');
}

class Out {
  private parts: string[] = [];
  text(s: string) {
    if (s) this.parts.push(s);
  }
  block() {
    this.parts.push('\n');
  }
  toString(): string {
    return this.parts
      .join('')
      .split('\n')
      .map((l) => l.replace(/^[\s\u00a0\u3000]+|[\s\u00a0\u3000]+$/g, ''))
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim();
  }
}

const cellCache = new WeakMap<HElement, string>();

/** A cell's text on one line (cached: layout detection and the grid both need it). */
function cellText(e: HElement): string {
  const hit = cellCache.get(e);
  if (hit !== undefined) return hit;
  const t = cellTextUncached(e);
  cellCache.set(e, t);
  return t;
}

function cellTextUncached(e: HElement): string {
  const parts: string[] = [];
  const walk = (n: HNode) => {
    if (isText(n)) parts.push(collapse(n.data));
    else if (isTag(n) && !SKIP.has(n.name) && !hidden(n)) {
      if (n.name === 'br' || BLOCK.has(n.name)) parts.push(' ');
      kids(n).forEach(walk);
      if (BLOCK.has(n.name)) parts.push(' ');
    }
  };
  kids(e).forEach(walk);
  return parts.join('').replace(/[\s\u00a0]+/g, ' ').trim().replace(/\|/g, '｜');
}

/** Rows of a table, not descending into nested tables. */
function rowsOf(table: HElement): HElement[][] {
  const rows: HElement[][] = [];
  const walk = (n: HElement) => {
    for (const c of kids(n)) {
      if (!isTag(c) || hidden(c)) continue;
      if (c.name === 'tr') rows.push(kids(c).filter((x): x is HElement => isTag(x) && (x.name === 'td' || x.name === 'th') && !hidden(x)));
      else if (c.name !== 'table') walk(c);
    }
  };
  walk(table);
  return rows;
}

function contains(e: HElement, name: string): boolean {
  return kids(e).some((c) => isTag(c) && (c.name === name || contains(c, name)));
}

/** A table that holds other tables, or paragraphs of prose, is page layout, not data. */
function isLayoutTable(table: HElement, rows: HElement[][]): boolean {
  if (rows.length === 0) return true;
  if (contains(table, 'table')) return true;
  const cells = rows.flat();
  if (cells.some((c) => cellText(c).length > 400)) return true;
  // one column of prose: read as paragraphs
  return rows.every((r) => r.length <= 1);
}

const span = (v: string | undefined) => Math.min(Math.max(parseInt(v ?? '1', 10) || 1, 1), 100);

/** Place cells on a grid honouring colspan/rowspan; covered slots are empty strings. */
export function tableGrid(rows: HElement[][]): string[][] {
  const grid: (string | undefined)[][] = [];
  rows.forEach((row, r) => {
    grid[r] ??= [];
    let c = 0;
    for (const cell of row) {
      while (grid[r][c] !== undefined) c++;
      const cs = span(cell.attribs.colspan);
      const rs = Math.min(span(cell.attribs.rowspan), rows.length - r);
      const t = cellText(cell);
      for (let dr = 0; dr < rs; dr++) {
        grid[r + dr] ??= [];
        for (let dc = 0; dc < cs; dc++) grid[r + dr][c + dc] = dr === 0 && dc === 0 ? t : '';
      }
      c += cs;
    }
  });
  const width = Math.max(0, ...grid.map((r) => r.length));
  return grid.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
}

/** `| a | | c |`: the parser's pipe layout, empty cells kept as empty. */
export function pipeRow(cells: string[]): string {
  return `|${cells.map((c) => (c ? ` ${c} ` : ' ')).join('|')}|`;
}

function render(n: HNode, out: Out, pre: boolean) {
  if (isText(n)) {
    // &nbsp; is layout, not content: a plain space (not collapsed, so indents of several stay visible)
    const t = n.data;
    out.text((pre ? t : collapse(t)).replace(/\u00a0/g, ' '));
    return;
  }
  // comments, doctype, Word's <![if …]> directives: not content
  if (!isTag(n)) {
    if ('children' in n) for (const c of kids(n)) render(c, out, pre);
    return;
  }
  if (SKIP.has(n.name) || hidden(n)) return;
  if (n.name === 'br') return out.block();
  if (n.name === 'table') {
    const rows = rowsOf(n);
    if (!isLayoutTable(n, rows)) {
      out.block();
      const cap = kids(n).find((c): c is HElement => isTag(c) && c.name === 'caption');
      if (cap) {
        out.text(cellText(cap));
        out.block();
      }
      for (const r of tableGrid(rows)) {
        if (r.every((c) => c === '')) continue;
        out.text(pipeRow(r));
        out.block();
      }
      out.block(); // blank line after the table, like any block
      return;
    }
  }
  const block = BLOCK.has(n.name);
  if (block) out.block();
  if (n.name === 'td' || n.name === 'th') out.block();
  for (const c of kids(n)) render(c, out, pre || n.name === 'pre');
  if (block) out.block();
}

export function htmlToText(html: string): string {
  return readPage(html).text;
}

const oneLine = (s: string) => s.replace(/[\s\u00a0\u3000]+/g, ' ').trim();

/** The page's text, and what it says about itself: <title>, <h1>s, <meta name|property content>. */
export function readPage(html: string): { text: string; page: PageInfo } {
  const root = parseHtml(html);
  const out = new Out();
  for (const c of kids(root)) render(c, out, false);
  const page: PageInfo = {};
  const title = getElementsByTagName('title', root, true, 1)[0];
  if (title && oneLine(textContent(title))) page.htmlTitle = oneLine(textContent(title));
  const h1 = getElementsByTagName('h1', root, true, 5).map((e) => oneLine(textContent(e))).filter(Boolean);
  if (h1.length) page.h1 = h1;
  const meta: Record<string, string> = {};
  for (const m of getElementsByTagName('meta', root, true, 100)) {
    const k = m.attribs.name ?? m.attribs.property;
    if (k && m.attribs.content && !(k in meta)) meta[k] = oneLine(m.attribs.content).slice(0, 300);
  }
  if (Object.keys(meta).length) page.meta = meta;
  return { text: normaliseLines(out.toString()), page };
}

/** charset named in the first bytes: <meta charset=…> or http-equiv content="…; charset=…". */
export function declaredCharset(bytes: Buffer): string | undefined {
  const head = bytes.subarray(0, 4096).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)/i.exec(head);
  return m?.[1];
}

export const readHtml: FormatReader = async (bytes, file) => {
  const d = decodeOrThrow(bytes, file, declaredCharset(bytes));
  const { text, page } = readPage(d.text);
  return { text, encoding: d.encoding, messages: d.messages, page };
};
