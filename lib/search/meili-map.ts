/**
 * The boundary between Meilisearch's document/response shapes and the app's types
 * (raw engine types apart from app types, converted here and nowhere else).
 */
import { createHash } from 'node:crypto';
import type { FacetDistribution, Hit } from 'meilisearch';
import type { AgencyKind, Level, ReportRecord, SectionKey } from '../types';
import type { FacetName, SearchHit } from './types';
import { FACET_ATTRIBUTE } from './meili-filter';
import { MARK_END, MARK_START, stripMarkers } from './highlight';
import { makeSnippet } from './sqlite-snippet';

export interface SectionDocument {
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
  agency: string;
  year: number | null;
  province: string | null;
  city: string | null;
  county: string | null;
  level: Level | null;
  kind: AgencyKind;
  themes: string[];
  checks: 'ok' | 'failed';
  checks_failed: number;
  /** the canonical report's id on an older version, else null: filtered out unless includeVersions */
  version_of: string | null;
  synthetic: boolean;
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
 * One document per section, plus one whole-report document. The whole-report document makes
 * a query whose terms sit in different sections match the report (every term must occur
 * somewhere in the report, as in the SQLite engine); when one section holds every term, that
 * section's document ranks better (earlier match position) and gives the hit its section.
 * The overview comes first so that, with no query, ties resolve to it (lowest internal id).
 */
export function toSectionDocuments(record: ReportRecord, segment: (text: string) => string): SectionDocument[] {
  const failed = record.checks.filter((c) => !c.ok).length;
  const base = {
    report_id: record.id,
    agency: record.agency,
    year: record.year,
    province: record.region.province,
    city: record.region.city,
    county: record.region.county,
    level: record.level,
    kind: record.kind,
    themes: [...new Set(record.themes.map((t) => t.label))],
    checks: failed > 0 ? ('failed' as const) : ('ok' as const),
    checks_failed: failed,
    version_of: record.versionOf ?? null,
    synthetic: record.synthetic === true,
  };
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
  const docs: SectionDocument[] = keys.map((key) => {
    const s = byKey.get(key)!;
    const theme_labels = key === labelsOn ? base.themes : [];
    // the heading is segmented with the text: a report found by a word only its heading holds
    const seg = segment(s.title ? `${s.title}\n${s.text}` : s.text);
    return { id: sectionDocId(record.id, key), section_key: key, title: s.title, text: s.text, text_seg: seg, theme_labels, ...base };
  });
  docs.push({
    id: sectionDocId(record.id, WHOLE_REPORT),
    section_key: null,
    // headings reach it through the sections' text_seg; a `title` here would outrank the sections
    title: '',
    text: [...byKey.values()].map((s) => s.text).filter(Boolean).join('\n'),
    text_seg: docs.map((d) => d.text_seg).filter(Boolean).join(' '),
    theme_labels: labelsOn ? [] : base.themes,
    ...base,
  });
  return docs;
}

export function toRecordDocument(record: ReportRecord): RecordDocument {
  return {
    id: meiliReportKey(record.id),
    report_id: record.id,
    agency: record.agency,
    year: record.year,
    province: record.region.province,
    city: record.region.city,
    county: record.region.county,
    level: record.level,
    synthetic: record.synthetic === true,
    record: JSON.stringify(record),
  };
}

type HitFields = Pick<
  SectionDocument,
  'report_id' | 'section_key' | 'text' | 'agency' | 'year' | 'province' | 'city' | 'county' | 'level' | 'kind' | 'themes' | 'checks_failed'
> &
  Partial<Pick<SectionDocument, 'title' | 'version_of'>> & { synthetic?: boolean }; // synthetic: absent in documents indexed before the field existed

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

/**
 * A Meilisearch hit → SearchHit. The snippet is `_formatted.text` (cropped, matches wrapped in
 * MARK_START/MARK_END by highlightPreTag/PostTag; the stored text had markers stripped, so every
 * marker in it came from Meilisearch). When Meilisearch marked nothing in the text — the match
 * was in the hidden jieba field (处理 inside 待处理, which Meilisearch's own tokenizer keeps
 * whole), or there was no query — the snippet is cut from the original text around the terms.
 */
export function toSearchHit(hit: Hit<HitFields>, terms: readonly string[] = []): SearchHit {
  const formatted = hit._formatted?.text;
  const folded = terms.map(foldAscii);
  const body = hit.text ?? '';
  // A match in the heading only: quote the heading with the start of its text.
  const title = hit.title ?? '';
  const inTitle = !!title && folded.some((t) => foldAscii(title).includes(t)) && !folded.some((t) => foldAscii(body).includes(t));
  const snippet =
    typeof formatted === 'string' && formatted.includes(MARK_START)
      ? clampSnippet(formatted.replace(/\s+/g, ' ').trim())
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
    section: hit.section_key ?? null,
    snippet,
    ...(hit.version_of ? { versionOf: hit.version_of } : {}),
  };
}

/** facetDistribution (keyed by attribute) → the app's facets (keyed by facet name). */
export function toFacets(
  distribution: FacetDistribution | undefined,
  requested: readonly FacetName[],
): Partial<Record<FacetName, Record<string, number>>> {
  const out: Partial<Record<FacetName, Record<string, number>>> = {};
  for (const f of requested) out[f] = { ...(distribution?.[FACET_ATTRIBUTE[f]] ?? {}) };
  return out;
}

/** Exact when page/hitsPerPage were sent (totalHits); estimated otherwise. */
export function toTotal(res: { totalHits?: number; estimatedTotalHits?: number }): number {
  return res.totalHits ?? res.estimatedTotalHits ?? 0;
}
