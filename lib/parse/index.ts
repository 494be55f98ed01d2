/**
 * The parse stage: the read stage's output (text, provenance, read messages) → ReportRecord:
 * metadata, sections, figures, checks. Themes are the next stage (lib/themes), applied to the
 * record; the indexer composes the stages (lib/indexer/pipeline.ts). Never throws for bad input:
 * a text that is not a report comes back as `{ file, error }`.
 */
import { agencyLevel, resolveRegion } from '../region/index';
import { stageMessage, type StageMessage, type Warn } from '../messages';
import { isFailure, type Figures, type Level, type ParseFailure, type ParseResult, type ReadResult, type Region, type ReportFormat, type ReportRecord, type ReportSource } from '../types';
import { runChecks } from './checks';
import { reportId } from './identity';
import { agencyKind } from './metadata';
import { extractMeta, type PageContext } from './meta/index';
import { foldForMatching } from '../fold';
import { detectFormat } from './format';
import { parseLegacy } from './legacy';
import { hasAppealsTable, tableSource, type TableSources } from './locate';
import { proseHints } from './prose';
import { breakInlineHeadings, splitSections, toSections, type RawSection } from './sections';
import { isSyntheticPreface } from './synthetic';
import { parseActive, parseActive2019, parseAppeals, parseRequests } from './tables';

export { reportId } from './identity';
export type { PageContext } from './meta/index';

/** Line endings, BOM, NBSP and other invisible noise that breaks line-based parsing. */
export function normalizeText(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u200b-\u200d\u2060]/g, '')
    .replace(/\u00a0/g, ' ');
}

/**
 * A report speaks of 信息公开, calls itself a report, and has at least one part heading or
 * table. Old formats and pages that lost their title pass; a truncated download (a title and a
 * sentence) is refused as incomplete. `probe`: the text with traditional characters folded.
 */
function looksLikeReport(probe: string, sections: RawSection[], hasTable: boolean): StageMessage | null {
  if (probe.trim().length === 0) return stageMessage('parse.empty', '文件为空');
  if (!/信息公开|政务公开/.test(probe)) return stageMessage('parse.not_report', '不是政府信息公开工作年度报告：全文未出现“信息公开”');
  const parts = sections.filter((s) => s.key !== 'preface').length;
  const calledReport = /报告|年报/.test(probe);
  if (parts === 0 && !hasTable)
    return calledReport
      ? stageMessage('parse.incomplete', '不完整：未找到报告的任何部分或表格')
      : stageMessage('parse.not_report', '不是政府信息公开工作年度报告：既无报告各部分的标题也无报告表格');
  if (!calledReport) return stageMessage('parse.not_report', '不是政府信息公开工作年度报告：全文未称“报告”或“年报”');
  return null;
}

function failure(file: string, m: StageMessage): ParseFailure {
  return { file, error: m.message, code: m.code };
}

export function parseReportText(text: string, file: string, ctx: PageContext = {}): ParseResult {
  try {
    return parse(normalizeText(text), file, ctx);
  } catch (e) {
    // a parser bug must not take the whole batch down; say what happened
    return failure(file, stageMessage('parse.crashed', `解析失败：${e instanceof Error ? e.message : String(e)}`));
  }
}

function lowestLevel(r: Region): Level | null {
  return r.county ? 'county' : r.city ? 'city' : r.province ? 'province' : null;
}

/**
 * The tables of the report's format, read from the folded text. `part4`: part 四's text, if found.
 */
function readFigures(format: ReportFormat, src: TableSources, part4: string | null, probe: string, warn: Warn<'parse'>): Figures {
  // the sentences that fix run-together cells, read only if a table needs them
  let said: ReturnType<typeof proseHints> | undefined;
  const hints = () => (said ??= proseHints(probe));
  // a legacy report has no 2021 tables: its part texts are not searched for them
  const active = format === 'legacy' && !src.activeFound ? null : src.active;
  const requests = format === 'legacy' && !src.requestsFound ? null : src.requests;
  const appeals = part4 !== null && (format !== 'legacy' || hasAppealsTable(part4)) ? part4 : null;
  const figures: Figures = {
    active: format !== '2019' && active !== null ? parseActive(active, warn, hints) : null,
    requests: requests !== null ? parseRequests(requests, warn, hints) : null,
    appeals: appeals !== null ? parseAppeals(appeals, warn) : null,
  };
  if (format === '2019') figures.active2019 = active !== null ? parseActive2019(active, warn) : null;
  if (format === 'legacy') figures.legacy = parseLegacy(probe, warn);
  return figures;
}

function parse(text: string, file: string, ctx: PageContext): ParseResult {
  const messages: StageMessage[] = [];
  const warn: Warn<'parse'> = (code, m) => messages.push(stageMessage(code, m));
  // headings and acceptance are matched on a folded copy (繁體 → 简体, same length)
  const folded = foldForMatching(text);
  let body = text;
  let probe = folded;
  let raw = splitSections(body, probe);
  // a page flattened onto few long lines shows no heading lines: cut its inline headings out
  if (raw.filter((s) => s.key !== 'preface').length < 2) {
    const cut = breakInlineHeadings(text, folded);
    if (cut.text !== text) {
      ({ text: body, probe } = cut);
      raw = splitSections(body, probe);
    }
  }
  const meta = extractMeta(text, ctx);
  // the report's own brackets are full-width (（科协）); NFKC made them ASCII
  const agency = meta.agency ? meta.agency.value.replace(/\(/g, '（').replace(/\)/g, '）') : '';
  const year = meta.year?.value ?? null;
  const byKey = new Map(raw.map((s) => [s.key, s]));
  // figures are read from the folded copy (same numbers, simplified labels)
  const rawP = probe === body ? raw : splitSections(probe);
  const byKeyP = new Map(rawP.map((s) => [s.key, s]));
  const src = tableSource(probe, byKeyP);
  const notReport = looksLikeReport(probe, raw, src.activeFound || src.requestsFound || src.legacy);
  if (notReport) return failure(file, notReport);
  const format = detectFormat(probe, year, raw, src.activeFound ? src.active : null);

  messages.push(...meta.messages);
  if (!agency) warn('parse.agency_missing', '未能识别机关名称');
  if (year === null) warn('parse.year_missing', '未能识别统计年度');

  for (const k of ['overview', 'active', 'requests', 'appeals', 'problems', 'other'] as const)
    if (!byKey.has(k)) warn('parse.section_missing', `未找到第${'一二三四五六'['overview active requests appeals problems other'.split(' ').indexOf(k)]}部分（${k}）的标题`);

  const figures = readFigures(format, src, byKeyP.get('appeals')?.raw ?? null, probe, warn);

  // legacy parts 二–四 are prose (their tables, if any, are the 统计表 at the end)
  const narrative = rawP
    .filter((s) => format === 'legacy' || (s.key !== 'active' && s.key !== 'requests' && s.key !== 'appeals'))
    .map((s) => s.raw)
    .join('\n');
  const checks = runChecks(figures.requests, figures.appeals, narrative, figures.legacy ?? null);

  const { region, named, messages: regionMessages } = resolveRegion(agency, text, { url: meta.url });
  messages.push(...regionMessages);

  const sections = toSections(raw);

  const record: ReportRecord = {
    file,
    id: reportId(agency, year, text),
    agency,
    year,
    region,
    // a zone named by its own name (临江经济技术开发区) sits at the level of the division it was placed in
    level: agencyLevel(agency, named ?? (agency ? lowestLevel(region) : null)),
    kind: agencyKind(agency),
    format,
    meta: {
      agency: meta.agency ? { value: agency, source: meta.agency.source } : null,
      year: meta.year,
    },
    sections,
    figures,
    checks,
    // tagged by the themes stage; the key is set here so a record's fields keep one order
    themes: [],
    warnings: messages.map((m) => m.message),
    messages,
  };
  if (isSyntheticPreface(byKey.get('preface')?.raw)) record.synthetic = true;
  return record;
}

/**
 * The read stage's output → ParseResult. Reader messages come first; `record.source` is what the
 * reader learnt about the file (hash, format, encoding, size, provenance).
 */
export function parseRead(read: ReadResult, file: string): ParseResult {
  const source: ReportSource = { sha256: read.sha256, format: read.format, encoding: read.encoding };
  if (read.provenance?.sourceUrl) source.sourceUrl = read.provenance.sourceUrl;
  if (read.provenance?.capturedAt) source.capturedAt = read.provenance.capturedAt;
  source.bytes = read.bytes;
  const pageContext: PageContext = {
    ...read.page,
    ...(read.provenance?.sourceUrl ? { sourceUrl: read.provenance.sourceUrl } : {}),
    ...(read.provenance?.pageTitle ? { pageTitle: read.provenance.pageTitle } : {}),
  };
  const res = parseReportText(read.text, file, pageContext);
  if (!isFailure(res)) {
    res.messages = [...read.messages, ...(res.messages ?? [])];
    res.warnings = res.messages.map((m) => m.message);
    res.source = source;
  }
  return res;
}
