/**
 * Engines mark matches in snippets with two private-use characters instead of HTML, so no
 * engine ever produces markup: the page escapes the text and turns the markers into <mark>.
 */
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
