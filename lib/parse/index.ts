/**
 * text → ReportRecord: metadata, sections, figures, checks, themes. Never throws for bad input:
 * a text that is not a report, or a file that cannot be read, comes back as `{ file, error }`.
 */
import { createHash } from 'node:crypto';
import { readReportFile } from '../read/index';
import { agencyLevel, resolveRegion } from '../region/index';
import { tagThemes } from '../themes/index';
import type { Figures, ParseResult, ReportRecord, ReportSource } from '../types';
import { runChecks } from './checks';
import { agencyKind, extractTitle, titleBlock } from './metadata';
import { splitSections, toSections, type RawSection } from './sections';
import { isSyntheticPreface } from './synthetic';
import { parseActive, parseAppeals, parseRequests } from './tables';

export function reportId(agency: string, year: number | null, text: string): string {
  const basis = agency ? `${agency}|${year ?? ''}` : `text|${text}`;
  return createHash('sha256').update(basis).digest('hex').slice(0, 16);
}

/** Line endings, BOM, NBSP and other invisible noise that breaks line-based parsing. */
export function normalizeText(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u200b-\u200d\u2060]/g, '')
    .replace(/\u00a0/g, ' ');
}

/** A report names itself in its title, or at least has two of the six part headings. */
function looksLikeReport(text: string, sections: RawSection[], agency: string): string | null {
  if (text.trim().length === 0) return '文件为空';
  if (!/信息公开|政务公开/.test(text)) return '不是政府信息公开工作年度报告：全文未出现“信息公开”';
  const parts = sections.filter((s) => s.key !== 'preface').length;
  if (parts < 2 && !(agency && /年度报告|年报/.test(titleBlock(text))))
    return '不是政府信息公开工作年度报告：既无报告标题也无报告各部分的标题';
  return null;
}

export function parseReportText(text: string, file: string): ParseResult {
  try {
    return parse(normalizeText(text), file);
  } catch (e) {
    // a parser bug must not take the whole batch down; say what happened
    return { file, error: `解析失败：${e instanceof Error ? e.message : String(e)}` };
  }
}

function parse(text: string, file: string): ParseResult {
  const warnings: string[] = [];
  const warn = (m: string) => warnings.push(m);
  const raw = splitSections(text);
  const { agency, year } = extractTitle(text);
  const notReport = looksLikeReport(text, raw, agency);
  if (notReport) return { file, error: notReport };

  if (!agency) warn('未能从标题识别机关名称');
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

  const { region, named, warnings: regionWarnings } = resolveRegion(agency, text);
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
    level: agencyLevel(agency, named),
    kind: agencyKind(agency),
    sections,
    figures,
    checks,
    themes,
    warnings,
  };
  if (isSyntheticPreface(byKey.get('preface')?.raw)) record.synthetic = true;
  return record;
}

/** Reads through lib/read (formats, encodings), then parses. Unreadable files → `{ file, error }`. */
export async function parseReportFile(filePath: string): Promise<ParseResult> {
  let text: string;
  let source: ReportSource;
  const readWarnings: string[] = [];
  try {
    const r = await readReportFile(filePath);
    text = r.text;
    readWarnings.push(...r.warnings);
    source = { sha256: r.sha256, format: r.format, encoding: r.encoding };
    if (r.provenance?.sourceUrl) source.sourceUrl = r.provenance.sourceUrl;
    if (r.provenance?.capturedAt) source.capturedAt = r.provenance.capturedAt;
    source.bytes = r.bytes;
  } catch (e) {
    return { file: filePath, error: e instanceof Error ? e.message : String(e) };
  }
  const res = parseReportText(text, filePath);
  if ('warnings' in res) {
    res.warnings.unshift(...readWarnings);
    res.source = source;
  }
  return res;
}
