/**
 * Comparing reports across a change of national format: only figures with the same meaning
 * are compared (docs/comparison.md "Across formats"). Each entry names the current key and
 * how an older format gives the same figure.
 */
import type { Cell, ReportFormat } from '../types';
import type { FlatFigures } from './figures';

export interface Equivalent {
  /** the key in the current (2021) vocabulary */
  key: string;
  /** the same figure in a format's own keys; absent: that format has it under `key` itself */
  from: Partial<Record<ReportFormat, (f: FlatFigures) => Cell>>;
  /** how the older figure is named, for the page's note */
  note: string;
}

const sum = (a: Cell, b: Cell): Cell => (a === null || b === null ? null : a + b);

export const EQUIVALENTS: readonly Equivalent[] = [
  {
    key: 'requests.new_received.total',
    from: { legacy: (f) => f['legacy.requests_received'] ?? null },
    note: '新收政府信息公开申请 ≈ 旧格式“收到申请数”',
  },
  {
    key: 'appeals.review.total',
    from: { legacy: (f) => f['legacy.review.total'] ?? null },
    note: '行政复议总计 ≈ 旧格式“行政复议数”',
  },
  {
    key: 'appeals.litigation.total',
    from: {
      '2021': (f) => sum(f['appeals.litigation_direct.total'] ?? null, f['appeals.litigation_after_review.total'] ?? null),
      '2019': (f) => sum(f['appeals.litigation_direct.total'] ?? null, f['appeals.litigation_after_review.total'] ?? null),
      legacy: (f) => f['legacy.litigation.total'] ?? null,
    },
    note: '行政诉讼总计（直接起诉 + 复议后起诉）≈ 旧格式“行政诉讼数”',
  },
  {
    key: 'active.licensing',
    from: { '2019': (f) => f['active2019.licensing.decisions'] ?? null },
    note: '行政许可处理决定数：2021年格式“本年处理决定数量” = 2019年格式“处理决定数量”',
  },
  {
    key: 'active.penalty',
    from: { '2019': (f) => f['active2019.penalty.decisions'] ?? null },
    note: '行政处罚处理决定数（同上）',
  },
  {
    key: 'active.coercion',
    from: { '2019': (f) => f['active2019.coercion.decisions'] ?? null },
    note: '行政强制处理决定数（同上）',
  },
];

/** 2019 and 2021 share parts 三 and 四 key for key; legacy shares none of them. */
function sharesTables(a: ReportFormat, b: ReportFormat): boolean {
  return a !== 'legacy' && b !== 'legacy';
}

export function equivalentValue(e: Equivalent, f: FlatFigures, format: ReportFormat): Cell {
  const get = e.from[format];
  if (get) return get(f);
  if (format === 'legacy') return null;
  return f[e.key] ?? null;
}

/**
 * The keys two reports of these formats can be compared on: all of them within one format;
 * parts 三 and 四 (plus the equivalents) between 2019 and 2021; only the equivalents otherwise.
 */
export function comparableKeys(keys: readonly string[], a: ReportFormat, b: ReportFormat): Set<string> {
  if (a === b) return new Set(keys);
  const out = new Set<string>(EQUIVALENTS.map((e) => e.key));
  if (sharesTables(a, b)) for (const k of keys) if (k.startsWith('requests.') || k.startsWith('appeals.')) out.add(k);
  return out;
}

/** A report's value for `key` in the current vocabulary (an equivalent when its format differs). */
export function commonValue(key: string, f: FlatFigures, format: ReportFormat): Cell {
  const e = EQUIVALENTS.find((x) => x.key === key);
  return e ? equivalentValue(e, f, format) : (f[key] ?? null);
}

/** The note printed on a comparison across formats: which figures are compared, and as what. */
export function comparabilityNote(a: ReportFormat, b: ReportFormat): string[] {
  if (a === b) return [];
  const notes = EQUIVALENTS.filter((e) => e.from[a] || e.from[b] || sharesTables(a, b)).map((e) => e.note);
  if (sharesTables(a, b)) notes.unshift('表三、表四两种格式相同，逐项可比（2019年格式的（六）其他处理为一行）');
  return notes;
}
