/** The charts of an agency page, built from its timeline (lib/compare/timeline). */
import { APPLICANT_COLUMN_LABELS } from '../labels';
import { APPLICANT_COLUMNS, type Cell } from '../types';
import { share, sumCells } from '../compare/numbers';
import type { FlatFigures } from '../compare/figures';
import type { Timeline } from '../compare/timeline';
import { renderChart, type ChartSpec } from './svg';

export interface AgencyChart {
  id: string;
  spec: ChartSpec;
  svg: string;
}

const APPLICANTS = APPLICANT_COLUMNS.filter((c) => c !== 'total');

/** Outcome groups of part 三 (row prefixes), shown as shares of requests processed. */
export const OUTCOME_GROUPS: { name: string; rows: string[] }[] = [
  { name: '予以公开', rows: ['granted'] },
  { name: '部分公开', rows: ['partially_granted'] },
  { name: '不予公开', rows: ['denied_'] },
  { name: '无法提供', rows: ['unavailable_'] },
  { name: '不予处理', rows: ['rejected_'] },
  { name: '其他处理', rows: ['other_'] },
];

function groupTotal(f: FlatFigures, prefixes: string[]): Cell {
  const keys = Object.keys(f).filter(
    (k) => k.startsWith('requests.') && k.endsWith('.total') && prefixes.some((p) => k.split('.')[1]!.startsWith(p)),
  );
  // 2019 format: （六）其他处理 is one row and its three 2021 sub-rows are null
  const oneRow = f['requests.other_processing.total'] ?? null;
  const used = keys.filter((k) => (k === 'requests.other_processing.total') === (oneRow !== null) || !k.startsWith('requests.other_'));
  return sumCells(used.map((k) => f[k] ?? null));
}

export function agencyChartSpecs(t: Timeline): { id: string; spec: ChartSpec }[] {
  const cats = t.years.map((y) => String(y.year));
  const col = (key: string) => t.years.map((y) => y.figures[key] ?? null);
  return [
    {
      id: 'requests-by-applicant',
      spec: {
        title: '新收政府信息公开申请（按申请人）',
        categories: cats,
        type: 'bar',
        series: APPLICANTS.map((c) => ({ name: APPLICANT_COLUMN_LABELS[c], data: col(`requests.new_received.${c}`), stack: 'a' })),
      },
    },
    {
      id: 'outcomes-share',
      spec: {
        title: '办理结果占比（占办理总计）',
        categories: cats,
        type: 'bar',
        unit: '%',
        series: OUTCOME_GROUPS.map((g) => ({
          name: g.name,
          data: t.years.map((y) => share(groupTotal(y.figures, g.rows), y.figures['requests.total_processed.total'] ?? null)),
          stack: 'o',
        })),
      },
    },
    {
      id: 'appeals',
      spec: {
        title: '行政复议、行政诉讼（件）',
        categories: cats,
        type: 'bar',
        series: [
          { name: '行政复议', data: col('appeals.review.total') },
          { name: '复议纠正', data: col('appeals.review.corrected') },
          {
            name: '行政诉讼',
            data: t.years.map((y) => sumCells([y.figures['appeals.litigation_direct.total'] ?? null, y.figures['appeals.litigation_after_review.total'] ?? null])),
          },
          {
            name: '诉讼纠正',
            data: t.years.map((y) =>
              sumCells([y.figures['appeals.litigation_direct.corrected'] ?? null, y.figures['appeals.litigation_after_review.corrected'] ?? null]),
            ),
          },
        ],
      },
    },
    {
      id: 'decisions',
      spec: {
        title: '行政许可、处罚、强制（本年处理决定数量）',
        categories: cats,
        type: 'line',
        series: [
          { name: '行政许可', data: col('active.licensing') },
          { name: '行政处罚', data: col('active.penalty') },
          { name: '行政强制', data: col('active.coercion') },
        ],
      },
    },
    {
      id: 'documents-in-force',
      spec: {
        title: '现行有效件数',
        categories: cats,
        type: 'line',
        series: [
          { name: '行政规范性文件', data: col('active.normative_documents.in_force') },
          { name: '规章', data: col('active.rules.in_force') },
        ],
      },
    },
  ];
}

export function agencyCharts(t: Timeline): AgencyChart[] {
  return agencyChartSpecs(t).map(({ id, spec }) => ({ id, spec, svg: renderChart(spec) }));
}
