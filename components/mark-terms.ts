/**
 * Find the search terms in a report's own text for highlighting on the report page.
 * Pure (no React) so it can be unit-tested; returns the same parts shape as snippetParts.
 */
import type { SnippetPart } from '@/lib/search/highlight';

/** Whitespace-separated terms of a query, longest first so longer matches win. */
export function queryTerms(q: string | undefined | null): string[] {
  if (!q) return [];
  const terms = [...new Set(q.split(/\s+/).map((t) => t.trim()).filter((t) => t.length > 0))];
  return terms.sort((a, b) => b.length - a.length).slice(0, 10);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function markTerms(text: string, terms: string[]): SnippetPart[] {
  if (!terms.length || !text) return text ? [{ text, marked: false }] : [];
  const re = new RegExp(terms.map(escapeRegExp).join('|'), 'gi');
  const parts: SnippetPart[] = [];
  let last = 0;
  for (const m of text.matchAll(re)) {
    if (m[0].length === 0) continue;
    if (m.index > last) parts.push({ text: text.slice(last, m.index), marked: false });
    parts.push({ text: m[0], marked: true });
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), marked: false });
  return parts;
}
