/**
 * A small, forgiving HTML tokenizer and tree builder: enough of the HTML parsing rules for
 * real CMS and Word-exported pages (implied end tags for p/li/td/tr, void and raw-text
 * elements, comments, conditional comments, unquoted attributes). Linear in input size.
 */
import { decodeEntities } from './html-entities';

export interface HElement {
  type: 'el';
  name: string;
  attrs: Record<string, string>;
  children: HNode[];
  parent: HElement | null;
  depth: number;
}
export interface HText {
  type: 'text';
  text: string;
}
export type HNode = HElement | HText;

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'basefont', 'frame', 'keygen']);
const RAW = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'template', 'svg', 'math']);
/** Starting one of these closes an open <p> (HTML's "close a p element" rule). */
const CLOSES_P = new Set(['address', 'article', 'aside', 'blockquote', 'center', 'details', 'dialog', 'dir', 'div', 'dl', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'ul', 'li', 'dd', 'dt']);
const TABLE_SCOPE = new Set(['table', 'html']);
// scopes that bound the implied-end-tag searches (hoisted: open/close run once per tag)
const P_SCOPE = new Set(['table', 'td', 'th', 'li', 'div', 'body', 'html']);
const LIST_SCOPE = new Set(['ul', 'ol', 'table']);
const DL_SCOPE = new Set(['dl', 'table']);
const ROW_SCOPE = new Set(['tr', 'table']);
const ONLY_TABLE = new Set(['table']);
const NO_SCOPE = new Set<string>();
const CELLS = new Set(['td', 'th']);
const DTDD = new Set(['dt', 'dd']);
const SECTIONS = new Set(['tbody', 'thead', 'tfoot']);
const TABLE_PARTS = new Set(['td', 'th', 'tr', 'tbody', 'thead', 'tfoot']);

function el(name: string, attrs: Record<string, string>, parent: HElement | null): HElement {
  return { type: 'el', name, attrs, children: [], parent, depth: parent ? parent.depth + 1 : 0 };
}

/**
 * Old CMS pages leave thousands of <font>/<span> unclosed; nesting them all would overflow the
 * stack of every recursive walk. Past this depth new elements become siblings (text is unchanged).
 */
export const MAX_DEPTH = 256;

const ATTR_RE = /([^\s"'>\/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;

function parseAttrs(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  ATTR_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ATTR_RE.exec(s))) {
    const k = m[1].toLowerCase();
    if (!(k in out)) out[k] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
  }
  return out;
}

/** Index of the '>' closing a tag that starts at `i`, skipping quoted attribute values. */
function tagEnd(html: string, i: number): number {
  let q = '';
  for (let j = i; j < html.length; j++) {
    const c = html[j];
    if (q) {
      if (c === q) q = '';
    } else if (c === '"' || c === "'") {
      // a quote only opens a value right after '='
      if (/=\s*$/.test(html.slice(Math.max(i, j - 8), j))) q = c;
    } else if (c === '>') return j;
  }
  return -1;
}

export function parseHtml(html: string): HElement {
  const root = el('#root', {}, null);
  let cur = root;

  const hasOpen = (names: Set<string> | string, stopAt = TABLE_SCOPE): HElement | null => {
    for (let n: HElement | null = cur; n && n !== root; n = n.parent) {
      if (typeof names === 'string' ? n.name === names : names.has(n.name)) return n;
      if (stopAt.has(n.name)) return null;
    }
    return null;
  };
  const closeTo = (n: HElement) => {
    cur = n.parent ?? root;
  };
  const open = (name: string, attrs: Record<string, string>) => {
    // implied end tags
    if (CLOSES_P.has(name)) {
      const p = hasOpen('p', P_SCOPE);
      if (p) closeTo(p);
    }
    if (name === 'li') {
      const li = hasOpen('li', LIST_SCOPE);
      if (li) closeTo(li);
    } else if (name === 'dt' || name === 'dd') {
      const d = hasOpen(DTDD, DL_SCOPE);
      if (d) closeTo(d);
    } else if (name === 'td' || name === 'th') {
      const c = hasOpen(CELLS, ROW_SCOPE);
      if (c) closeTo(c);
    } else if (name === 'tr') {
      const r = hasOpen('tr', ONLY_TABLE);
      if (r) closeTo(r);
    } else if (name === 'tbody' || name === 'thead' || name === 'tfoot') {
      const s = hasOpen(SECTIONS, ONLY_TABLE);
      if (s) closeTo(s);
    } else if (name === 'option') {
      if (cur.name === 'option') closeTo(cur);
    }
    const node = el(name, attrs, cur);
    cur.children.push(node);
    if (!VOID.has(name) && (node.depth < MAX_DEPTH || RAW.has(name))) cur = node;
    return node;
  };
  const close = (name: string) => {
    if (name === 'br') {
      cur.children.push(el('br', {}, cur));
      return;
    }
    // cell/row end tags must not close beyond their table
    const stop = TABLE_PARTS.has(name) ? ONLY_TABLE : NO_SCOPE;
    const n = hasOpen(name, stop);
    if (n) closeTo(n);
  };
  const text = (s: string) => {
    if (!s) return;
    const last = cur.children[cur.children.length - 1];
    if (last && last.type === 'text') last.text += s;
    else cur.children.push({ type: 'text', text: s });
  };

  let i = 0;
  const len = html.length;
  while (i < len) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      text(html.slice(i));
      break;
    }
    if (lt > i) text(html.slice(i, lt));
    const next = html[lt + 1];
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? len : end + 3;
    } else if (next === '!' || next === '?') {
      // doctype, CDATA, Word's <![if !supportLists]>, processing instructions
      const end = html.indexOf('>', lt + 2);
      i = end < 0 ? len : end + 1;
    } else if (next === '/' && /[A-Za-z]/.test(html[lt + 2] ?? '')) {
      const end = html.indexOf('>', lt + 2);
      const name = html.slice(lt + 2, end < 0 ? len : end).trim().split(/[\s/]/)[0].toLowerCase();
      close(name);
      i = end < 0 ? len : end + 1;
    } else if (next && /[A-Za-z]/.test(next)) {
      const end = tagEnd(html, lt + 1);
      const body = html.slice(lt + 1, end < 0 ? len : end);
      const nameMatch = /^[A-Za-z][^\s/>]*/.exec(body)!;
      const name = nameMatch[0].toLowerCase();
      const attrs = parseAttrs(body.slice(nameMatch[0].length));
      i = end < 0 ? len : end + 1;
      const node = open(name, attrs);
      if (RAW.has(name) && !body.endsWith('/')) {
        // raw text runs to the matching end tag; kept only as an opaque child
        const re = new RegExp(`</${name}\\s*>`, 'ig');
        re.lastIndex = i;
        const m = re.exec(html);
        const stop = m ? m.index : len;
        node.children.push({ type: 'text', text: html.slice(i, stop) });
        i = m ? m.index + m[0].length : len;
        closeTo(node);
      } else if (body.endsWith('/') && !VOID.has(name)) {
        closeTo(node); // XHTML-style <span/>
      }
    } else {
      text('<');
      i = lt + 1;
    }
  }
  return root;
}
