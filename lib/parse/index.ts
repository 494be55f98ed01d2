/**
 * text → ReportRecord: metadata, sections, figures, checks, themes. Never throws for bad input:
 * a text that is not a report, or a file that cannot be read, comes back as `{ file, error }`.
 */
import { readReportFile, type Provenance } from '../read/index';
import { agencyLevel, resolveRegion } from '../region/index';
import { tagThemes } from '../themes/index';
import type { Figures, Level, ParseResult, Region, ReportRecord, ReportSource } from '../types';
import { runChecks } from './checks';
import { reportId } from './identity';
import { agencyKind } from './metadata';
import { extractMeta, type PageContext } from './meta/index';
import { splitSections, toSections, type RawSection } from './sections';
import { isSyntheticPreface } from './synthetic';
import { parseActive, parseAppeals, parseRequests } from './tables';

export { reportId } from './identity';

/** Line endings, BOM, NBSP and other invisible noise that breaks line-based parsing. */
export function normalizeText(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u200b-\u200d\u2060]/g, '')
    .replace(/\u00a0/g, ' ');
}

/** A report names itself in its title, or at least has two of the six part headings. */
function looksLikeReport(text: string, sections: RawSection[], agency: string, titles: string[]): string | null {
  if (text.trim().length === 0) return '文件为空';
  if (!/信息公开|政务公开/.test(text)) return '不是政府信息公开工作年度报告：全文未出现“信息公开”';
  const parts = sections.filter((s) => s.key !== 'preface').length;
  if (parts < 2 && !(agency && titles.some((t) => /年度报告|年报/.test(t))))
    return '不是政府信息公开工作年度报告：既无报告标题也无报告各部分的标题';
  return null;
}

export function parseReportText(text: string, file: string, ctx: PageContext = {}): ParseResult {
  try {
    return parse(normalizeText(text), file, ctx);
  } catch (e) {
    // a parser bug must not take the whole batch down; say what happened
    return { file, error: `解析失败：${e instanceof Error ? e.message : String(e)}` };
  }
}

function lowestLevel(r: Region): Level | null {
  return r.county ? 'county' : r.city ? 'city' : r.province ? 'province' : null;
}

function parse(text: string, file: string, ctx: PageContext): ParseResult {
  const warnings: string[] = [];
  const warn = (m: string) => warnings.push(m);
  const raw = splitSections(text);
  const meta = extractMeta(text, ctx);
  // the report's own brackets are full-width (（科协）); NFKC made them ASCII
  const agency = meta.agency ? meta.agency.value.replace(/\(/g, '（').replace(/\)/g, '）') : '';
  const year = meta.year?.value ?? null;
  const notReport = looksLikeReport(text, raw, agency, meta.titles);
  if (notReport) return { file, error: notReport };

  warnings.push(...meta.warnings);
  if (!agency) warn('未能识别机关名称');
  if (year === null) warn('未能识别统计年度');

  const byKey = new Map(raw.map((s) => [s.key, s]));
  for (const k of ['overview', 'active', 'requests', 'appeals', 'problems', 'other'] as const)
    if (!byKey.has(k)) warn(`未找到第${'一二三四五六'['overview active requests appeals problems other'.split(' ').indexOf(k)]}部分（${k}）的标题`);

  const figures: Figures = {
    active: byKey.has('active') ? parseActive(byKey.get('active')!.raw, warn) : null,
    requests: byKey.has('requests') ? parseRequests(byKey.get('requests')!.raw, warn) : null,
    appeals: byKey.has('appeals') ? parseAppeals(byKey.get('appeals')!.raw, warn) : null,
  };

  const narrative = raw
    .filter((s) => s.key !== 'active' && s.key !== 'requests' && s.key !== 'appeals')
    .map((s) => s.raw)
    .join('\n');
  const checks = runChecks(figures.requests, figures.appeals, narrative);

  const { region, named, warnings: regionWarnings } = resolveRegion(agency, text, { url: meta.url });
  warnings.push(...regionWarnings);

  const problems = byKey.get('problems');
  const sections = toSections(raw);
  const themes = problems ? tagThemes(sections.find((s) => s.key === 'problems')!.text) : [];

  const record: ReportRecord = {
    file,
    id: reportId(agency, year, text),
    agency,
    year,
    region,
    // a zone named by its own name (平潭综合实验区) sits at the level of the division it was placed in
    level: agencyLevel(agency, named ?? (agency ? lowestLevel(region) : null)),
    kind: agencyKind(agency),
    meta: {
      agency: meta.agency ? { value: agency, source: meta.agency.source } : null,
      year: meta.year,
    },
    sections,
    figures,
    checks,
    themes,
    warnings,
  };
  if (isSyntheticPreface(byKey.get('preface')?.raw)) record.synthetic = true;
  return record;
}

/**
 * Reads through lib/read (formats, encodings), then parses. Unreadable files → `{ file, error }`.
 * `opts.provenance` stands in for a missing sidecar (the scorer passes a label's URL this way).
 */
export async function parseReportFile(filePath: string, opts: { provenance?: Provenance } = {}): Promise<ParseResult> {
  let text: string;
  let source: ReportSource;
  let pageContext: PageContext = {};
  const readWarnings: string[] = [];
  try {
    const r = await readReportFile(filePath);
    text = r.text;
    readWarnings.push(...r.warnings);
    source = { sha256: r.sha256, format: r.format, encoding: r.encoding };
    if (!r.provenance && opts.provenance) r.provenance = opts.provenance;
    if (r.provenance?.sourceUrl) source.sourceUrl = r.provenance.sourceUrl;
    if (r.provenance?.capturedAt) source.capturedAt = r.provenance.capturedAt;
    source.bytes = r.bytes;
    pageContext = { ...r.page, ...(r.provenance?.sourceUrl ? { sourceUrl: r.provenance.sourceUrl } : {}), ...(r.provenance?.pageTitle ? { pageTitle: r.provenance.pageTitle } : {}) };
  } catch (e) {
    return { file: filePath, error: e instanceof Error ? e.message : String(e) };
  }
  const res = parseReportText(text, filePath, pageContext);
  if ('warnings' in res) {
    res.warnings.unshift(...readWarnings);
    res.source = source;
  }
  return res;
}
