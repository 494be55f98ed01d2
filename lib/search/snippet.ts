/**
 * Snippets computed in TypeScript from the ORIGINAL section text, for both engines (the SQLite
 * index holds only bigrams; a Meilisearch hit may come back with nothing marked): a window of
 * about 80 characters around the first occurrence of any query term, every term occurrence
 * inside it wrapped in MARK_START/MARK_END.
 */
import { MARK_END, MARK_START, stripMarkers } from './highlight';
import { fold } from './fts-query';
import { cutCodePoints } from '../text';

export const SNIPPET_CHARS = 80;
const BEFORE = 24;


/** Collapse layout whitespace (table cells on their own lines, tabs) into single spaces. */
const squash = (s: string) => s.replace(/\s+/g, ' ');

export function makeSnippet(text: string, terms: string[], size = SNIPPET_CHARS): string {
  const clean = stripMarkers(text);
  const hay = fold(clean);
  const ts = [...terms].filter(Boolean).sort((a, b) => b.length - a.length);
  let first = -1;
  for (const t of ts) {
    const i = hay.indexOf(t);
    if (i >= 0 && (first < 0 || i < first)) first = i;
  }
  if (first < 0) {
    const head = cutCodePoints(squash(clean.trim()), size);
    return head.length < squash(clean.trim()).length ? head + '…' : head;
  }
  // Start a little before the match, but never inside a UTF-16 surrogate pair.
  let start = Math.max(0, first - BEFORE);
  if (start > 0 && /[\uDC00-\uDFFF]/.test(clean[start])) start--;
  let end = Math.min(clean.length, start + size);
  // Never cut a marked term in half.
  for (const t of ts) {
    const i = hay.indexOf(t, Math.max(0, end - t.length + 1));
    if (i >= 0 && i < end && i + t.length > end) end = i + t.length;
  }
  if (end < clean.length && /[\uDC00-\uDFFF]/.test(clean[end])) end++;
  let out = '';
  let i = start;
  while (i < end) {
    const t = ts.find((x) => hay.startsWith(x, i));
    if (t && i + t.length <= end) {
      out += MARK_START + clean.slice(i, i + t.length) + MARK_END;
      i += t.length;
    } else {
      out += clean[i];
      i++;
    }
  }
  out = squash(out).trim();
  return (start > 0 ? '…' : '') + out + (end < clean.length ? '…' : '');
}

/**
 * The section to quote for a hit: the one holding the most distinct query terms, then the most
 * occurrences per character (narrative over tables), then the earliest.
 */
export function bestSection<T extends { text: string }>(sections: T[], terms: string[]): T | undefined {
  let best: T | undefined;
  let bestScore = -1;
  for (const s of sections) {
    const hay = fold(s.text);
    let distinct = 0;
    let hits = 0;
    for (const t of terms) {
      let i = hay.indexOf(t);
      if (i >= 0) distinct++;
      while (i >= 0 && hits < 1000) {
        hits++;
        i = hay.indexOf(t, i + t.length);
      }
    }
    if (!distinct) continue;
    const score = distinct * 1e6 + (hits / Math.sqrt(hay.length + 50)) * 1e3;
    if (score > bestScore) [best, bestScore] = [s, score];
  }
  return best;
}
