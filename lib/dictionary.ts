/**
 * The data dictionary: what every column of the CSV exports means, in Chinese. Headers, the
 * /dictionary page and /api/dictionary all read it, and its wording is composed from
 * lib/labels.ts, so a column has one definition wherever it appears.
 */
import { FIGURE_KEYS } from './compare/figures';
import { figureLabel } from './compare/key-labels';
import { RATE_KEYS, RATE_LABELS, RATE_NOTES, type RateKey } from './compare/rates';
import {
  APPEAL_COLUMN_LABELS,
  APPEAL_GROUP_LABELS,
  APPLICANT_COLUMN_LABELS,
  CHECK_LABELS,
  DECISION_COLUMN_LABEL,
  DECISION_LABELS,
  DOCUMENT_KIND_LABELS,
  FEES_COLUMN_LABEL,
  ISSUED_LABELS,
  KIND_LABELS,
  LEVEL_LABELS,
  REQUEST_ROW_LABELS,
  SECTION_SHORT_LABELS,
} from './labels';
import type { AppealColumn, AppealGroup, ApplicantColumn, RequestRowKey } from './types';
import { KEY_FIGURES } from './key-figures';

/** CSV column of a key figure (lib/key-figures.ts): `fig.received`. */
export const keyFigureColumn = (key: string) => `fig.${key}`;
const KEY_FIGURE_COLUMNS = KEY_FIGURES.map((d) => keyFigureColumn(d.key));

export type ColumnType = '文本' | '整数' | '数值' | '列表' | '网址';

export interface ColumnDef {
  key: string;
  /** the Chinese column header */
  label: string;
  definition: string;
  type: ColumnType;
  unit?: string;
}

/** Lists inside one CSV cell are joined with this (a full-width semicolon never occurs in labels). */
export const LIST_SEPARATOR = '；';

const words = (o: Record<string, string>) => Object.values(o).join('、');

/** Columns that describe a report rather than a figure, shared by every CSV that has them. */
const META: Record<string, Omit<ColumnDef, 'key'>> = {
  id: { label: '报告编号', type: '文本', definition: '报告在本站的固定编号（由机关名称和年度计算），报告页面地址为 /reports/编号。' },
  agency: { label: '机关', type: '文本', definition: '发布报告的行政机关全称。' },
  year: { label: '年度', type: '整数', definition: '报告所统计的年度（不是发布年份）。' },
  province: { label: '省份', type: '文本', definition: '机关所在的省级行政区；未能识别时为空。' },
  city: { label: '城市', type: '文本', definition: '机关所在的地级行政区；省级机关或未能识别时为空。' },
  county: { label: '区县', type: '文本', definition: '机关所在的县级行政区；县级以上机关或未能识别时为空。' },
  level: { label: '层级', type: '文本', definition: `机关的行政层级：${words(LEVEL_LABELS)}；未能识别时为空。` },
  kind: { label: '机关类型', type: '文本', definition: `${words(KIND_LABELS)}。` },
  format: {
    label: '报告格式',
    type: '文本',
    definition: '报告所依据的格式：2021（国办公开办函〔2021〕30号，2021年度起）、2019（国办公开办函〔2019〕60号，2019–2020年度）或 legacy（2008–2018年度的旧格式）。不同格式的同名数字含义可能不同。',
  },
  synthetic: { label: '示例数据', type: '文本', definition: 'true：由本站示例语料生成器生成的演示报告，机关与数字均为虚构；false：真实报告。' },
  version_of: { label: '旧版本所属报告', type: '文本', definition: '仅在包含旧版本（include_versions=1）时出现：该行是某份报告的旧版本或不完整版本时，为现行版本的报告编号；否则为空。' },
  file: { label: '来源文件', type: '文本', definition: '报告原文件的名称（相对于收录文件夹）。' },
  section: { label: '命中章节', type: '文本', definition: `检索词所在的报告部分：${words(SECTION_SHORT_LABELS)}。` },
  themes: { label: '问题主题', type: '列表', definition: `报告“存在的主要问题及改进情况”部分提到的问题主题（中文名称），多个用“${LIST_SEPARATOR}”分隔。` },
  checks_failed: { label: '未通过的校验项数', type: '整数', definition: `统计表数据校验中未通过的项数（共 ${Object.keys(CHECK_LABELS).length} 项校验；0 为全部通过）。` },
  checks_failed_list: {
    label: '未通过的校验',
    type: '列表',
    definition: `未通过的数据校验的名称，多个用“${LIST_SEPARATOR}”分隔。可能的校验：${Object.values(CHECK_LABELS).join('；')}。`,
  },
  key: { label: '字段名', type: '文本', definition: '一行数字的字段名（本字典中的字段，如 requests.new_received.total）。' },
  label: { label: '项目', type: '文本', definition: '该字段的中文名称，与本字典的中文表头相同。' },
  value: { label: '数值', type: '数值', definition: '该报告中这一项的数字；原表空白或为“/”时为空，不记为 0。' },
  delta: { label: '变化', type: '数值', definition: '较晚年度减较早年度；比率行为百分点之差。任一年度为空时为空。' },
  pct_change: { label: '变化率', type: '数值', unit: '%', definition: '变化除以较早年度的数值，百分比，保留一位小数；较早年度为 0 或为空时为空。' },
  snippet: { label: '原文片段', type: '文本', definition: '报告中含检索词的一段原文。' },
  url: { label: '报告页面', type: '网址', definition: '本站该报告页面的地址（相对路径）。' },
};

const REQUEST_PART = '三、收到和处理政府信息公开申请情况';
const APPEAL_PART = '四、政府信息公开行政复议、行政诉讼情况';
const ACTIVE_PART = '二、主动公开政府信息情况';

function applicantWords(col: ApplicantColumn): string {
  return col === 'total' ? '各类申请人合计（总计列）' : `申请人为${APPLICANT_COLUMN_LABELS[col]}`;
}

function figureDef(key: string): Omit<ColumnDef, 'key'> {
  const label = figureLabel(key);
  const [part, a, b] = key.split('.');
  if (part === 'active2019')
    return { label, type: '数值', definition: `2019–2020年度格式（国办公开办函〔2019〕60号）报告第${ACTIVE_PART}表中的“${label}”。与2021年格式的同名项目口径不同，不直接比较。原表空白时为空。` };
  if (part === 'legacy')
    return { label, type: '数值', definition: `2008–2018年度旧格式报告中的“${label}”，取自政府信息公开情况统计表，或正文中明确说出该项的句子。原表空白或正文未说明时为空。` };
  if (part === 'requests' && a === 'other_processing')
    return { label, type: '整数', unit: '件', definition: `2019–2020年度格式报告第${REQUEST_PART}表：（六）其他处理（该格式只有一行），${applicantWords(b as ApplicantColumn)}。` };
  if (part === 'requests') {
    const row = REQUEST_ROW_LABELS[a as RequestRowKey];
    const where = [row.group, row.label].filter(Boolean).join(' ');
    return { label, type: '整数', unit: '件', definition: `报告第${REQUEST_PART}表：${where}，${applicantWords(b as ApplicantColumn)}。原表空白或为“/”时为空，不记为 0。` };
  }
  if (part === 'appeals') {
    return {
      label,
      type: '整数',
      unit: '件',
      definition: `报告第${APPEAL_PART}表：${APPEAL_GROUP_LABELS[a as AppealGroup]}，${APPEAL_COLUMN_LABELS[b as AppealColumn]}。原表空白时为空。`,
    };
  }
  if (a === 'rules' || a === 'normative_documents') {
    return { label, type: '整数', unit: '件', definition: `报告第${ACTIVE_PART}表：${DOCUMENT_KIND_LABELS[a]}，${ISSUED_LABELS[b as keyof typeof ISSUED_LABELS]}。` };
  }
  if (a === 'fees_wan_yuan') return { label, type: '数值', unit: '万元', definition: `报告第${ACTIVE_PART}表：行政事业性收费，${FEES_COLUMN_LABEL}，可有小数。` };
  return { label, type: '整数', unit: '件', definition: `报告第${ACTIVE_PART}表：${DECISION_LABELS[a as keyof typeof DECISION_LABELS]}，${DECISION_COLUMN_LABEL}。` };
}

function rateDef(key: RateKey): Omit<ColumnDef, 'key'> {
  return { label: RATE_LABELS[key], type: '数值', unit: '%', definition: `由表中数字计算：${RATE_NOTES[key]}，百分比，保留一位小数；分母为 0 或数字不全时为空。` };
}

/** A key figure: searchable with fig=…, sortable with sort=fig:…, shown under each hit. */
function keyFigureDef(key: string): Omit<ColumnDef, 'key'> | undefined {
  const d = KEY_FIGURES.find((x) => keyFigureColumn(x.key) === key);
  if (!d) return undefined;
  return {
    label: d.label,
    type: '整数',
    unit: '件',
    definition: `关键数字：${d.note}。检索时可按它筛选（fig=${d.key}:ge:100 表示不少于 100）和排序（sort=fig:${d.key}:desc）。原表空白、为“/”或报告无此表时为空，不记为 0。`,
  };
}

/** Definition of any column key used in a CSV; undefined for a key the dictionary lacks. */
export function columnDef(key: string): ColumnDef | undefined {
  if (Object.hasOwn(META, key)) return { key, ...META[key]! };
  const kf = keyFigureDef(key);
  if (kf) return { key, ...kf };
  if ((RATE_KEYS as readonly string[]).includes(key)) return { key, ...rateDef(key as RateKey) };
  if (FIGURE_KEYS.includes(key)) return { key, ...figureDef(key) };
  return undefined;
}

/** Chinese header of a column (the key itself when not in the dictionary, e.g. a year column). */
export function columnLabel(key: string): string {
  return columnDef(key)?.label ?? key;
}

/** Columns of each CSV file the site offers, in order (the file's key header row). */
export const CSV_FILES = {
  export: {
    title: '检索结果的全部统计数据（/api/export）',
    columns: ['id', 'agency', 'year', 'province', 'city', 'county', 'level', 'kind', 'format', 'file', 'themes', 'checks_failed', 'checks_failed_list', 'synthetic', ...FIGURE_KEYS],
  },
  search: {
    title: '检索结果本页（/api/search?format=csv）',
    columns: ['id', 'agency', 'year', 'province', 'city', 'county', 'level', 'kind', 'section', 'themes', 'checks_failed', 'snippet', 'url', 'synthetic', ...KEY_FIGURE_COLUMNS],
  },
  agency: {
    title: '机关各年度数字（/api/agencies/机关地址?format=csv）',
    columns: ['year', 'id', 'format', ...FIGURE_KEYS, ...RATE_KEYS, 'themes', 'checks_failed_list'],
  },
  report: {
    title: '一份报告的全部数字，每项一行（/api/reports/报告编号?format=csv）',
    columns: ['id', 'agency', 'year', 'key', 'label', 'value', 'synthetic'],
  },
  compare: {
    title: '一个机关两个年度的比较，每项一行；两个年度各占一列（/api/agencies/机关地址/compare/年度-年度?format=csv）',
    columns: ['key', 'label', 'delta', 'pct_change'],
  },
  peers: {
    title: '几个机关同一年度的比较，每项一行；每个机关占一列，中文表头为机关名称、第二行为机关地址（/api/compare?format=csv）',
    columns: ['key', 'label'],
  },
} as const satisfies Record<string, { title: string; columns: readonly string[] }>;

/** Every column defined, each once, in the order they first appear in the files above. */
export function dictionary(): ColumnDef[] {
  const seen = new Set<string>();
  const out: ColumnDef[] = [];
  for (const f of Object.values(CSV_FILES)) {
    for (const k of f.columns) {
      if (seen.has(k)) continue;
      seen.add(k);
      out.push(columnDef(k)!);
    }
  }
  return out;
}

export type HeaderMode = 'labels' | 'keys';

/** `?headers=keys` → keys only; absent → Chinese labels with the keys as a second header row. */
export function parseHeaderMode(v: string | null): HeaderMode | null {
  if (v === null || v === '' || v === 'labels') return 'labels';
  return v === 'keys' ? 'keys' : null;
}

/**
 * The header rows of a CSV with these columns. `extra` labels columns that are values rather
 * than fields (a year, an agency's address).
 */
export function csvHeaderRows(columns: readonly string[], mode: HeaderMode, extra: Record<string, string> = {}): string[][] {
  const label = (k: string) => (Object.hasOwn(extra, k) ? extra[k]! : columnLabel(k));
  return mode === 'keys' ? [[...columns]] : [columns.map(label), [...columns]];
}
