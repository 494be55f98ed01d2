/**
 * The boundary between Meilisearch's document/response shapes and the app's types
 * (raw engine types apart from app types, converted here and nowhere else).
 */
import { createHash } from 'node:crypto';
import type { FacetDistribution, Hit } from 'meilisearch';
import type { Level, ReportRecord, SectionKey } from '../types';
import type { FacetName, SearchHit } from './types';
import { FACET_ATTRIBUTE } from './meili-filter';
import { MARK_END, MARK_START, stripMarkers } from './highlight';
import { makeSnippet } from './snippet';
import { decodeFacetKey, encodeFacetKey } from './meili-facet-key';
import { facetFields, type FacetFields } from './query';
import { FIGURE_KEYS, keyFigures, noKeyFigures, type KeyFigureValues } from '../key-figures';

/**
 * Encoded copies of the string facet values (meili-facet-key.ts): Meilisearch filters, counts and
 * sorts on these, so values it would normalize alike stay apart. Absent when the value is null.
 */
export interface FacetKeys {
  report: string;
  agency: string;
  province?: string;
  city?: string;
  county?: string;
  themes?: string[];
}

/** The facet fields (query.ts facetFields) on every section document; version_of is filtered out unless includeVersions. */
export interface SectionDocument extends FacetFields {
  id: string;
  report_id: string;
  /** null for the whole-report document */
  section_key: SectionKey | null;
  title: string;
  text: string;
  /** jieba cutForSearch tokens joined by spaces; searchable, never displayed */
  text_seg: string;
  /** theme labels, on the problems-section document only (whole report if it has none): ranking */
  theme_labels: string[];
  keys: FacetKeys;
  /** the report's key figures (lib/key-figures.ts), null when unknown: filtered and sorted on */
  fig: KeyFigureValues;
}

export interface RecordDocument {
  id: string;
  report_id: string;
  agency: string;
  year: number | null;
  province: string | null;
  city: string | null;
  county: string | null;
  level: Level | null;
  /** a generated demo report: filtered on to count them (corpusCounts) */
  synthetic: boolean;
  /** the whole ReportRecord as JSON: stored, not indexed field by field */
  record: string;
  keys: Pick<FacetKeys, 'report' | 'agency'>;
  /** ms since the epoch, set by upsert (absent from rebuilt documents) */
  upserted_at?: number;
}

/**
 * Meilisearch document ids allow only [A-Za-z0-9_-] (max 511 bytes). Report ids that fit are
 * used as they are (readable in the dashboard); others map to a stable hash.
 */
export function meiliReportKey(reportId: string): string {
  if (/^[A-Za-z0-9_-]{1,200}$/.test(reportId)) return reportId;
  return `h-${createHash('sha256').update(reportId).digest('hex').slice(0, 40)}`;
}

export function sectionDocId(reportId: string, sectionKey: string): string {
  return `${meiliReportKey(reportId)}__${sectionKey}`;
}

/** Suffix of the whole-report document (its section_key is null). */
export const WHOLE_REPORT = 'report';

/**
 * Meilisearch indexes only the first 65,536 word positions of a field (MAX_POSITION_PER_ATTRIBUTE);
 * later words are silently unsearchable. A position is spent per word, 8 after a hard separator
 * (。，；…), so this bound over-counts: every letter or digit a word, every other non-space
 * character a hard separator before one. Documents are cut so each field stays under MAX_POSITIONS.
 */
export const MAX_POSITIONS = 60_000;

export function positionBound(text: string): number {
  let n = 0;
  for (const ch of text) {
    if (/[\p{L}\p{N}]/u.test(ch)) n += 1;
    else if (!/\s/.test(ch)) n += 7;
  }
  return n;
}

/** Split text so every piece (and its jieba field) stays under the position bound; cuts at line or sentence ends when it can. */
export function splitForPositions(text: string, segment: (text: string) => string, max = MAX_POSITIONS): { text: string; seg: string }[] {
  const seg = segment(text);
  if ((positionBound(text) <= max && positionBound(seg) <= max) || text.length < 2) return [{ text, seg }];
  const mid = Math.floor(text.length / 2);
  let cut = -1;
  for (const sep of ['\n', '。', '；', '，', ' ']) {
    const before = text.lastIndexOf(sep, mid);
    const after = text.indexOf(sep, mid);
    const best = [before, after].filter((i) => i > 0 && i < text.length - 1).sort((a, b) => Math.abs(a - mid) - Math.abs(b - mid))[0];
    if (best !== undefined && Math.abs(best - mid) < text.length / 4) {
      cut = best + 1;
      break;
    }
  }
  if (cut < 0) cut = mid;
  return [...splitForPositions(text.slice(0, cut), segment, max), ...splitForPositions(text.slice(cut), segment, max)];
}

/** Each distinct word once, in first-seen order: what the whole-report document needs to match. */
function distinctWords(seg: string): string {
  return [...new Set(seg.split(' ').filter(Boolean))].join(' ');
}

export function facetKeys(record: ReportRecord, f: FacetFields = facetFields(record)): FacetKeys {
  const k: FacetKeys = { report: encodeFacetKey(record.id), agency: encodeFacetKey(f.agency) };
  if (f.province) k.province = encodeFacetKey(f.province);
  if (f.city) k.city = encodeFacetKey(f.city);
  if (f.county) k.county = encodeFacetKey(f.county);
  if (f.themes.length) k.themes = f.themes.map(encodeFacetKey);
  return k;
}

/**
 * One document per section (a section too long for Meilisearch's position limit becomes several,
 * `<report>__<key>__<n>`), plus one whole-report document. The whole-report document makes a
 * query whose terms sit in different sections match the report (every term must occur somewhere
 * in the report, as in the SQLite engine): it holds each distinct jieba word of the report once,
 * which keeps a long report under the position limit, and no text (its hits take their snippet
 * from the sections, MeilisearchEngine.search). When one section holds every term, that
 * section's document ranks better and gives the hit its section.
 * The overview comes first so that, with no query, ties resolve to it (lowest internal id).
 */
export function toSectionDocuments(record: ReportRecord, segment: (text: string) => string): SectionDocument[] {
  const fields = facetFields(record);
  const base = { report_id: record.id, ...fields, keys: facetKeys(record, fields), fig: keyFigures(record.figures) };
  // Markers are stripped so a report cannot forge highlights; merging duplicate keys keeps
  // document ids unique if a parser ever emits the same section twice.
  const byKey = new Map<SectionKey, { title: string; text: string }>();
  for (const s of record.sections) {
    const text = stripMarkers(s.text);
    const prev = byKey.get(s.key);
    if (prev) prev.text += `\n${text}`;
    else byKey.set(s.key, { title: stripMarkers(s.title), text });
  }
  const keys = [...byKey.keys()].sort((a, b) => Number(b === 'overview') - Number(a === 'overview'));
  const labelsOn: SectionKey | null = byKey.has('problems') ? 'problems' : null;
  const docs: SectionDocument[] = [];
  for (const key of keys) {
    const s = byKey.get(key)!;
    const theme_labels = key === labelsOn ? base.themes : [];
    splitForPositions(s.text, segment).forEach((part, n) => {
      const id = n === 0 ? sectionDocId(record.id, key) : `${sectionDocId(record.id, key)}__${n}`;
      // the heading is segmented with the first part: a report is found by a word only its heading holds
      const seg = n === 0 && s.title ? `${segment(s.title)} ${part.seg}` : part.seg;
      docs.push({ id, section_key: key, title: s.title, text: part.text, text_seg: seg, theme_labels: n === 0 ? theme_labels : [], ...base });
    });
  }
  docs.push({
    id: sectionDocId(record.id, WHOLE_REPORT),
    section_key: null,
    // headings reach it through the sections' text_seg; a `title` here would outrank the sections
    title: '',
    text: '',
    text_seg: distinctWords(docs.map((d) => d.text_seg).filter(Boolean).join(' ')),
    theme_labels: labelsOn ? [] : base.themes,
    ...base,
  });
  return docs;
}

export function toRecordDocument(record: ReportRecord): RecordDocument {
  const f = facetFields(record);
  return {
    id: meiliReportKey(record.id),
    report_id: record.id,
    agency: f.agency,
    year: f.year,
    province: f.province,
    city: f.city,
    county: f.county,
    level: f.level,
    synthetic: f.synthetic,
    record: JSON.stringify(record),
    keys: { report: encodeFacetKey(record.id), agency: encodeFacetKey(f.agency) },
  };
}

type HitFields = Pick<
  SectionDocument,
  'report_id' | 'section_key' | 'text' | 'agency' | 'year' | 'province' | 'city' | 'county' | 'level' | 'kind' | 'themes' | 'checks_failed'
> &
  Partial<Pick<SectionDocument, 'title' | 'version_of'>> & { synthetic?: boolean; fig?: Partial<KeyFigureValues> }; // synthetic, fig: absent in documents indexed before the fields existed

/** Longest snippet, in visible characters (markers not counted). */
export const SNIPPET_MAX = 160;

/** Cut a marked snippet to `max` visible characters, never leaving a mark open. */
export function clampSnippet(snippet: string, max = SNIPPET_MAX): string {
  let out = '';
  let visible = 0;
  let open = false;
  for (const ch of snippet) {
    if (ch === MARK_START || ch === MARK_END) {
      open = ch === MARK_START;
      out += ch;
      continue;
    }
    if (visible === max) return out + (open ? MARK_END : '') + '…';
    out += ch;
    visible++;
  }
  return out;
}

const foldAscii = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());

/** True when Meilisearch marked a match in the hit's cropped text. */
export function hasMarkedText(hit: Hit<HitFields>): boolean {
  const formatted = hit._formatted?.text;
  return typeof formatted === 'string' && formatted.includes(MARK_START);
}

/** The section text a snippet is cut from when Meilisearch marked nothing (see toSearchHit). */
export interface SnippetSource {
  section: SectionKey | null;
  /** the section's heading: a term only the heading holds still picks this section */
  title?: string;
  text: string;
}

/**
 * Of a report's sections, the one holding the most query terms (ASCII folded), earliest first:
 * where a snippet of a whole-report hit comes from.
 */
export function bestSection(sections: readonly SnippetSource[], terms: readonly string[]): SnippetSource | undefined {
  const folded = terms.map(foldAscii);
  let best: SnippetSource | undefined;
  let bestScore = -1;
  for (const s of sections) {
    if (!s.text) continue;
    const t = foldAscii(`${s.title ?? ''}\n${s.text}`);
    const score = folded.filter((term) => t.includes(term)).length;
    if (score > bestScore) [best, bestScore] = [s, score];
  }
  return best;
}

/**
 * A Meilisearch hit → SearchHit. Hits carry no whole text, only `_formatted.text`: cropped, matches
 * wrapped in MARK_START/MARK_END by highlightPreTag/PostTag (the stored text had markers stripped,
 * so every marker in it came from Meilisearch). When Meilisearch marked nothing — the match was
 * in the hidden jieba field (处理 inside 待处理, which Meilisearch's own tokenizer keeps whole), or
 * the hit is a whole-report document, which holds no text — the snippet is cut around the terms
 * from `source`, the section text the engine fetched for it; with no query, from the cropped text.
 * A match in the heading only quotes the heading with the start of its text.
 */
export function toSearchHit(hit: Hit<HitFields>, terms: readonly string[] = [], source?: SnippetSource): SearchHit {
  const formatted = hit._formatted?.text;
  const folded = terms.map(foldAscii);
  const body = source?.text ?? (typeof formatted === 'string' ? formatted : (hit.text ?? ''));
  const title = (source ? source.title : hit.title) ?? '';
  const inTitle = !!title && folded.some((t) => foldAscii(title).includes(t)) && !folded.some((t) => foldAscii(body).includes(t));
  const snippet = hasMarkedText(hit)
    ? clampSnippet((formatted as string).replace(/\s+/g, ' ').trim())
    : makeSnippet(inTitle ? `${title}\n${body}` : body, folded);
  return {
    id: hit.report_id,
    agency: hit.agency,
    year: hit.year ?? null,
    region: { province: hit.province ?? null, city: hit.city ?? null, county: hit.county ?? null },
    level: hit.level ?? null,
    kind: hit.kind,
    themes: hit.themes ?? [],
    checksFailed: hit.checks_failed ?? 0,
    synthetic: hit.synthetic === true,
    figures: hitFigures(hit.fig),
    section: source ? source.section : (hit.section_key ?? null),
    snippet,
    ...(hit.version_of ? { versionOf: hit.version_of } : {}),
  };
}

function hitFigures(fig: Partial<KeyFigureValues> | undefined): KeyFigureValues {
  const out = noKeyFigures();
  for (const k of FIGURE_KEYS) {
    const v = fig?.[k];
    if (typeof v === 'number') out[k] = v;
  }
  return out;
}

/** facetDistribution (keyed by attribute) → the app's facets (keyed by facet name). */
export function toFacets(
  distribution: FacetDistribution | undefined,
  requested: readonly FacetName[],
): Partial<Record<FacetName, Record<string, number>>> {
  const out: Partial<Record<FacetName, Record<string, number>>> = {};
  for (const f of requested) {
    const attr = FACET_ATTRIBUTE[f];
    const counts = distribution?.[attr] ?? {};
    out[f] = attr.startsWith('keys.') ? Object.fromEntries(Object.entries(counts).map(([k, n]) => [decodeFacetKey(k), n])) : { ...counts };
  }
  return out;
}

/** Exact when page/hitsPerPage were sent (totalHits); estimated otherwise. */
export function toTotal(res: { totalHits?: number; estimatedTotalHits?: number }): number {
  return res.totalHits ?? res.estimatedTotalHits ?? 0;
}
