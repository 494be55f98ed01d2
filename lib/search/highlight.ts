/**
 * Engines mark matches in snippets with two private-use characters instead of HTML, so no
 * engine ever produces markup: the page escapes the text and turns the markers into <mark>.
 */
import { fold } from './fts-query';

export const MARK_START = '\uE000';
export const MARK_END = '\uE001';

export interface SnippetPart {
  text: string;
  marked: boolean;
}

/** Split a marked snippet into plain parts for rendering (React escapes each part). */
export function snippetParts(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let marked = false;
  let buf = '';
  for (const ch of snippet) {
    if (ch === MARK_START || ch === MARK_END) {
      if (buf) parts.push({ text: buf, marked });
      buf = '';
      marked = ch === MARK_START;
    } else buf += ch;
  }
  if (buf) parts.push({ text: buf, marked });
  return parts;
}

/**
 * Parts of a text with every occurrence of the query's terms marked, found as the engine finds
 * them: terms come from queryTerms (split at punctuation, folded) and are looked up in the folded
 * text, so what a query matched is what the page marks. fold keeps positions, so the marked parts
 * are slices of the original text. The longer term wins where two start at the same place.
 */
export function markTerms(text: string, terms: string[]): SnippetPart[] {
  if (!text) return [];
  const ts = [...new Set(terms.filter(Boolean))].sort((a, b) => b.length - a.length);
  const hay = fold(text);
  if (!ts.length || hay.length !== text.length) return [{ text, marked: false }];
  const parts: SnippetPart[] = [];
  let last = 0;
  let i = 0;
  while (i < hay.length) {
    const t = ts.find((x) => hay.startsWith(x, i));
    if (!t) {
      i++;
      continue;
    }
    if (i > last) parts.push({ text: text.slice(last, i), marked: false });
    parts.push({ text: text.slice(i, i + t.length), marked: true });
    i = last = i + t.length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), marked: false });
  return parts;
}

/** Remove any stray markers from text that came from a document, so reports cannot forge highlights. */
export function stripMarkers(text: string): string {
  return text.replace(/[\uE000\uE001]/g, '');
}

/** Marked snippet as safe HTML (for JSON consumers that want markup). */
export function snippetToHtml(snippet: string): string {
  return snippetParts(snippet)
    .map((p) => {
      const t = p.text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
      return p.marked ? `<mark>${t}</mark>` : t;
    })
    .join('');
}
