/**
 * Substring matching on FTS5 through character bigrams.
 *
 * Text is indexed as overlapping bigrams of each run of letters/digits (时效性高 → 时效 效性 性高 高):
 * every character starts exactly one token, the last one of a run standing alone. A query term is
 * then a phrase of its bigrams ("时效 效性"), which matches exactly where the term occurs as a
 * substring; a one-character term is a prefix query (效*). Every token is double-quoted, so no FTS5
 * syntax typed by a user can reach MATCH.
 */

/** Runs of letters and digits: what both indexing and query terms are made of. */
const RUN = /[\p{L}\p{N}]+/gu;

/** Longest query accepted, in characters (a query longer than any useful phrase is a mistake or abuse). */
export const MAX_QUERY_CHARS = 200;
/** At most this many terms are used (more would only slow the query down). */
export const MAX_TERMS = 12;

function fold(s: string): string {
  // The FTS5 'ascii' tokenizer folds ASCII case only; fold the same way everywhere.
  return s.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

/** Bigram text for the FTS column. */
export function gramsForIndex(text: string): string {
  const out: string[] = [];
  for (const m of fold(text).matchAll(RUN)) {
    const chars = Array.from(m[0]);
    for (let i = 0; i < chars.length - 1; i++) out.push(chars[i] + chars[i + 1]);
    out.push(chars[chars.length - 1]);
  }
  return out.join(' ');
}

/**
 * The terms a report must contain, in order, without duplicates: the query split at spaces and
 * punctuation (a term cannot span punctuation in the index either).
 */
export function queryTerms(q: string): string[] {
  const seen = new Set<string>();
  const terms: string[] = [];
  for (const m of fold(q).matchAll(RUN)) {
    const t = m[0];
    if (seen.has(t)) continue;
    seen.add(t);
    terms.push(t);
    if (terms.length >= MAX_TERMS) break;
  }
  // A term inside another term adds nothing: "时效 时效性" needs only 时效性.
  return terms.filter((t) => !terms.some((o) => o !== t && o.includes(t)));
}

const quote = (tok: string) => `"${tok.replace(/"/g, '""')}"`;

/** FTS5 MATCH expression for one term. */
export function termMatch(term: string): string {
  const chars = Array.from(term);
  if (chars.length === 1) return `${quote(chars[0])}*`;
  const grams: string[] = [];
  for (let i = 0; i < chars.length - 1; i++) grams.push(chars[i] + chars[i + 1]);
  return grams.length === 1 ? quote(grams[0]) : `(${grams.map(quote).join(' + ')})`;
}

/** MATCH expression that any term satisfies (used for ranking sections). */
export function anyTermMatch(terms: string[]): string {
  return terms.map(termMatch).join(' OR ');
}
