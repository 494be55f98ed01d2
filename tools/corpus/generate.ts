/**
 * A deterministic corpus of realistic annual reports (same seed → byte-identical output), with
 * the truth each one was generated from, so parsing and search can be checked against it.
 */
import type { ActiveFigures, AgencyKind, Figures, Level, Region, ReportFormat } from '../../lib/types';
import { Rng } from './prng';
import { makeAgencies, type Agency } from './agencies';
import { makeFigures } from './figures';
import { dressAsPage, PAGE_SHAPES } from './page';
import {
  active2019Grid,
  legacyFromProse,
  legacyProse,
  legacyTableGrid,
  makeActive2019,
  makeLegacyTable,
  requests2019Grid,
  to2019Requests,
} from './generations';
import { activeGrid, appealsGrid, pickWording, renderGrid, requestsGrid, type Layout } from './tables';
import {
  OTHER_MATTERS,
  ORDINALS,
  OVERVIEW_OPENINGS,
  OVERVIEW_POINTS,
  ELABORATIONS,
  PLAN_INTROS,
  PROBLEM_INTROS,
  THEME_PROBLEMS,
} from './phrases';
import { SYNTHETIC_NOTICE } from '../../lib/parse/synthetic';

export interface GenerateOptions {
  seed: number | string;
  /** number of distinct agencies */
  agencies: number;
  /** statistical years, each agency gets one report per year (default 2020–2024) */
  years?: number[];
  /** share of reports with a deliberate table inconsistency (default 0.05) */
  brokenRate?: number;
  /** stop after this many reports */
  limit?: number;
  /** share of reports dressed as real web pages (breadcrumbs, crawler header, no title …; default 0) */
  pageShapes?: number;
  /**
   * share of reports in an older national format (default 0): such a report for 2019–2020 is in
   * the 2019 format, one for a later year moves ten years back and is a legacy report
   */
  oldFormats?: number;
}

export interface ReportTruth {
  agency: string;
  year: number;
  region: Region;
  level: Level;
  kind: AgencyKind;
  layout: Layout;
  /** the national format the report is written in (what the parser's `format` should say) */
  format: ReportFormat;
  figures: Figures;
  /** the check id deliberately broken, or null */
  broken: string | null;
  /** theme ids whose problems were written into part 五 */
  themes: string[];
}

export interface GeneratedReport {
  /** relative path for the file, e.g. 浙江省/00012-宁波市财政局-2023.txt */
  name: string;
  text: string;
  truth: ReportTruth;
}

export const DEFAULT_YEARS = [2020, 2021, 2022, 2023, 2024];

const fill = (tpl: string, v: Record<string, string | number>) => tpl.replace(/\{(\w+)\}/g, (_, k: string) => String(v[k] ?? ''));

function narrative(rng: Rng, a: Agency, year: number, processed: number) {
  const vars = () => ({ A: a.name, Y: year, Y1: year + 1, N: rng.int(30, 900), M: rng.int(2, 40), K: rng.int(5, 300), P: processed });
  const overview = [fill(rng.pick(OVERVIEW_OPENINGS), vars())];
  // Points in their numbered order (one per number), 3–5 of them.
  const byNo = new Map<string, string[]>();
  for (const p of OVERVIEW_POINTS) {
    const k = p.slice(0, 3);
    byNo.set(k, [...(byNo.get(k) ?? []), p]);
  }
  const groups = [...byNo.values()].slice(0, rng.int(3, byNo.size));
  // The narrative never contradicts the table: no "办结申请N件" when nothing was processed.
  for (const g of groups) {
    const point = fill(rng.pick(processed ? g : g.filter((p) => !p.includes('{P}'))), vars());
    overview.push(point + rng.sample(ELABORATIONS, rng.int(1, 3)).join(''));
  }

  const themeIds = rng.sample(Object.keys(THEME_PROBLEMS), rng.int(2, 3));
  const problems = themeIds.map((t) => rng.pick(THEME_PROBLEMS[t].problems));
  const plans = themeIds.map((t) => rng.pick(THEME_PROBLEMS[t].plans));
  const list = (xs: string[]) => xs.map((x, i) => `${ORDINALS[i]}是${x}`).join('；') + '。';
  const part5 = rng.chance(0.5)
    ? [`（一）存在的主要问题`, fill(rng.pick(PROBLEM_INTROS), vars()) + list(problems), `（二）改进措施`, fill(rng.pick(PLAN_INTROS), vars()) + list(plans)]
    : [fill(rng.pick(PROBLEM_INTROS), vars()) + list(problems), fill(rng.pick(PLAN_INTROS), vars()) + list(plans)];
  return { overview, part5, themeIds, other: fill(rng.pick(OTHER_MATTERS), vars()) };
}

function renderReport(rng: Rng, a: Agency, year: number, brokenRate: number, format: ReportFormat): { text: string; truth: ReportTruth } {
  const layout = rng.weighted<Layout>([
    ['cells', 45],
    ['tabs', 30],
    ['pipes', 25],
  ]);
  const w = pickWording(rng);
  const { figures, broken } = makeFigures(rng, a.level, a.kind, brokenRate);
  const n = narrative(rng, a, year, figures.requests!.total_processed.total ?? 0);
  const received = figures.requests!.new_received.total ?? 0;
  const published = `${year + 1}年${rng.int(1, 3)}月${rng.int(1, 28)}日`;
  if (format === 'legacy') return renderLegacy(rng, a, year, layout, figures, n, published);
  // the 2019 format differs in part 二 and in part 三's single （六）其他处理 row
  const active2019 = format === '2019' ? makeActive2019(rng, figures) : null;
  const requests = active2019 ? to2019Requests(figures.requests!) : figures.requests!;
  const truthFigures: Figures = active2019 ? { active: null, requests, appeals: figures.appeals, active2019 } : figures;

  const out: string[] = [];
  // Demo data says so where a reader looks: the title, the preface's first paragraph (the marker
  // the parser recognises) and the signature.
  if (rng.chance(0.5)) out.push(`${a.name}${year}年政府信息公开工作年度报告（示例）`);
  else out.push(`${a.name}${year}年度`, '', '政府信息公开工作年度报告（示例）');
  out.push(
    '',
    SYNTHETIC_NOTICE,
    '',
    `本报告根据《中华人民共和国政府信息公开条例》和《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》${br(w.full, active2019 ? '国办公开办函〔2019〕60号' : '国办公开办函〔2021〕30号')}要求编制。本报告所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。如对本报告有疑问，请与${a.name}办公室联系。`,
    '',
    '一、总体情况',
    '',
    n.overview.join('\n\n'),
    '',
    '二、主动公开政府信息情况',
    '',
    renderGrid(active2019 ? active2019Grid(active2019, w) : activeGrid(figures.active as ActiveFigures, w), layout),
    '',
    '三、收到和处理政府信息公开申请情况',
    '',
  );
  if (received === 0 && rng.chance(0.5)) out.push(`本机关${year}年度未收到政府信息公开申请。`, '');
  out.push(
    renderGrid(active2019 ? requests2019Grid(requestsGrid(figures.requests!, w), requests, w) : requestsGrid(figures.requests!, w), layout),
    '',
    rng.chance(0.6) ? '四、政府信息公开行政复议、行政诉讼情况' : '四、因政府信息公开工作被申请行政复议、提起行政诉讼情况',
    '',
    renderGrid(appealsGrid(figures.appeals!), layout),
    '',
    rng.chance(0.6) ? '五、存在的主要问题及改进情况' : '五、政府信息公开工作存在的主要问题及改进情况',
    '',
    n.part5.join('\n\n'),
    '',
    '六、其他需要报告的事项',
    '',
    n.other,
    '',
    `${a.name}（示例）`,
    published,
    '',
  );
  return {
    text: out.join('\n'),
    truth: { agency: a.name, year, region: a.region, level: a.level, kind: a.kind, layout, format, figures: truthFigures, broken, themes: n.themeIds },
  };
}

/** A 2008–2018 report: prose parts, figures in sentences or in the old 统计表 appended. */
function renderLegacy(
  rng: Rng,
  a: Agency,
  year: number,
  layout: Layout,
  figures: Figures,
  n: ReturnType<typeof narrative>,
  published: string,
): { text: string; truth: ReportTruth } {
  const table = makeLegacyTable(rng, figures);
  const withTable = rng.chance(0.5);
  const p = legacyProse(rng, a.name, year, table, withTable);
  const out = [
    `${a.name}${year}年政府信息公开工作年度报告（示例）`,
    '',
    SYNTHETIC_NOTICE,
    '',
    `本报告根据《中华人民共和国政府信息公开条例》规定编制，全文包括概述、主动公开和依申请公开政府信息情况等部分。本报告中所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。`,
    '',
    rng.pick(['一、概述', '一、基本情况']),
    '',
    p.overview,
    '',
    '二、主动公开政府信息情况',
    '',
    p.active,
    '',
    '三、依申请公开政府信息情况',
    '',
    p.requests,
    '',
    '四、政府信息公开的收费及减免情况',
    '',
    p.fees,
    '',
    '五、因政府信息公开申请行政复议、行政诉讼的情况',
    '',
    p.appeals,
    '',
    '六、存在的主要问题及改进措施',
    '',
    n.part5.join('\n\n'),
    '',
    '七、其他需要报告的事项',
    '',
    n.other,
    '',
  ];
  if (withTable) out.push('附：政府信息公开情况统计表', '', renderGrid(legacyTableGrid(table), layout), '');
  out.push(`${a.name}（示例）`, published, '');
  const legacy = withTable ? table : legacyFromProse(table);
  return {
    text: out.join('\n'),
    truth: {
      agency: a.name,
      year,
      region: a.region,
      level: a.level,
      kind: a.kind,
      layout,
      format: 'legacy',
      figures: { active: null, requests: null, appeals: null, legacy },
      broken: null,
      themes: n.themeIds,
    },
  };
}

function br(full: boolean, s: string) {
  return full ? `（${s}）` : `(${s})`;
}

/**
 * The format and year of one report: the current format unless chosen by `share`; then the
 * format its year called for (2019–2020 → 2019, ≤ 2018 → legacy), and a later year moved ten
 * years back into the legacy years when no other report of the agency has that year.
 */
function oldFormat(rng: Rng, year: number, years: number[], share: number): [ReportFormat, number] {
  if (share <= 0 || !rng.chance(share)) return ['2021', year];
  if (year <= 2018) return ['legacy', year];
  if (year <= 2020) return ['2019', year];
  const back = year - 10;
  return back <= 2018 && !years.includes(back) ? ['legacy', back] : ['2021', year];
}

/** Reports agency by agency, year by year; streaming (nothing accumulates). */
export function* generateReports(opts: GenerateOptions): Iterable<GeneratedReport> {
  const years = opts.years ?? DEFAULT_YEARS;
  const brokenRate = opts.brokenRate ?? 0.05;
  const limit = opts.limit ?? Infinity;
  const agencies = makeAgencies(new Rng(`${opts.seed}:agencies`), opts.agencies);
  let made = 0;
  for (let i = 0; i < agencies.length; i++) {
    const a = agencies[i];
    for (const year of years) {
      if (made >= limit) return;
      // One PRNG per report: a report's text does not depend on how many came before it.
      const rng = new Rng(`${opts.seed}:${i}:${year}`);
      // a separate PRNG: without old formats the reports are those of before the option
      const [format, reportYear] = oldFormat(new Rng(`${opts.seed}:${i}:${year}:format`), year, years, opts.oldFormats ?? 0);
      const report = renderReport(rng, a, reportYear, brokenRate, format);
      const { truth } = report;
      // a separate PRNG: dressing a report never changes the report itself
      const page = new Rng(`${opts.seed}:${i}:${year}:page`);
      const text = page.chance(opts.pageShapes ?? 0) ? dressAsPage(page, page.pick(PAGE_SHAPES), report.text, a.name, reportYear) : report.text;
      const name = `${a.region.province}/${String(i).padStart(5, '0')}-${a.name}-${reportYear}.txt`;
      made++;
      yield { name, text, truth };
    }
  }
}
