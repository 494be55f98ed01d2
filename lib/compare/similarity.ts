/**
 * How much of a later year's problems section repeats the earlier year word for word.
 * Sentences are split on Chinese and Western sentence ends (。；！？ ; ! ? and line breaks) and
 * compared after normalisation: width (NFKC), whitespace and punctuation removed, leading
 * enumeration (一是、（一）、1.) removed, and four-digit years replaced, so boilerplate copied
 * with only the year changed still counts as repeated.
 */

const SENTENCE_END = /([。；;！!？?\n]+)/;
/** Fragments this short (after normalisation) are headings or list marks, not sentences. */
export const MIN_SENTENCE_CHARS = 6;

export function splitSentences(text: string): string[] {
  return segments(text)
    .map((s) => s.text.trim())
    .filter((s) => normaliseSentence(s).length >= MIN_SENTENCE_CHARS);
}

const ENUMERATION = /^(?:[一二三四五六七八九十]+是|[（(]?[一二三四五六七八九十\d]+[)）][、.．]?|[一二三四五六七八九十]+、|\d+[、.．](?!\d))/;

export function normaliseSentence(s: string): string {
  let t = s.normalize('NFKC').trim();
  // Enumeration can be nested ("（一）1." or "一是、"), so strip repeatedly; before removing
  // spaces, so "1. 2024年" is a list mark and a year, not the decimal 1.2024.
  for (let i = 0; i < 3; i++) {
    const next = t.replace(ENUMERATION, '').replace(/^[、,，:：\s]+/, '');
    if (next === t) break;
    t = next;
  }
  t = t.replace(/\s+/g, '').replace(/(?:19|20)\d{2}(?=年)/g, 'YYYY');
  return t.replace(/[\p{P}\p{S}]/gu, '');
}

export interface TextSegment {
  /** the original text of the sentence, with its terminator */
  text: string;
  /** true when it is a counted sentence found verbatim (normalised) in the earlier text */
  repeated: boolean;
}

export interface RepeatedText {
  /** counted sentences in the later text */
  sentences: number;
  repeated: number;
  /** repeated ÷ sentences as a percentage with one decimal; null when the later text has none */
  share: number | null;
  /** the later text cut into sentences, for marking repeated ones on the page */
  segments: TextSegment[];
}

/** Cut text into sentence segments that, joined, give back the text exactly. */
function segments(text: string): TextSegment[] {
  const parts = text.split(SENTENCE_END);
  const out: TextSegment[] = [];
  for (let i = 0; i < parts.length; i += 2) {
    const body = parts[i] ?? '';
    const end = parts[i + 1] ?? '';
    if (body || end) out.push({ text: body + end, repeated: false });
  }
  return out;
}

export function repeatedText(earlier: string, later: string): RepeatedText {
  const known = new Set(
    segments(earlier)
      .map((s) => normaliseSentence(s.text))
      .filter((n) => n.length >= MIN_SENTENCE_CHARS),
  );
  let sentences = 0;
  let repeated = 0;
  const segs = segments(later).map((s) => {
    const n = normaliseSentence(s.text);
    if (n.length < MIN_SENTENCE_CHARS) return s;
    sentences++;
    const hit = known.has(n);
    if (hit) repeated++;
    return { text: s.text, repeated: hit };
  });
  const share = sentences === 0 ? null : Math.round((repeated / sentences) * 1000) / 10;
  return { sentences, repeated, share, segments: segs };
}
