/**
 * Real reports (../shared/realworld, read in place, never copied): every file accepted, its
 * format as labelled, and the labelled figure cells (labels.json `figures`, `figures_2019`,
 * `figures_pre2019`, and the legacy `figures_from_prose`) found with 0 wrong values.
 * The folder missing is a failure, not a skip.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { processFile } from '@/lib/indexer/pipeline';
import { isFailure, type ParseResult, type ReportRecord } from '@/lib/types';

const dir = path.resolve(__dirname, '../../shared/realworld');

interface Label {
  file: string;
  format: string;
  figures?: Record<string, number>;
  figures_2019?: Record<string, Record<string, number>>;
  figures_pre2019?: Record<string, Record<string, number>>;
  figures_from_prose?: Record<string, number>;
}

const FORMAT: Record<string, string> = { '2021-tables': '2021', '2019-tables': '2019', 'pre-2019-tables': 'legacy', 'pre-2019-prose': 'legacy' };

/** labels.json's flat 2021 names → record paths, by the record's format */
function flatPath(key: string, format: string): string | null {
  if (format === 'legacy') return key === 'new_requests_total' ? 'legacy.requests_received' : null;
  if (format === '2019' && ['licensing', 'penalty', 'coercion'].includes(key)) return `active2019.${key}.decisions`;
  const m = key.match(/^(rules|normative)_(issued|repealed|in_force)$/);
  if (m) return `active.${m[1] === 'rules' ? 'rules' : 'normative_documents'}.${m[2]}`;
  if (['licensing', 'penalty', 'coercion', 'fees_wan_yuan'].includes(key)) return `active.${key}`;
  if (key === 'new_requests_total') return 'requests.new_received.total';
  if (key === 'carried_over_total') return 'requests.carried_over.total';
  return null;
}
const ROW_2019: Record<string, string> = {
  规章: 'rules', 规范性文件: 'normative_documents', 行政许可: 'licensing', 其他对外管理服务事项: 'other_services',
  行政处罚: 'penalty', 行政强制: 'coercion', 行政事业性收费: 'fees', 政府集中采购: 'procurement',
};
const COL_2019: Record<string, string> = {
  本年新制作数量: 'made', 本年新公开数量: 'published', 对外公开总数量: 'total_published', 上一年项目数量: 'previous_year',
  '本年增/减': 'change', 处理决定数量: 'decisions', 采购项目数量: 'projects', 采购总金额: 'amount_yuan',
};
/** indicator names of the old 统计表 → legacy keys */
function legacyKey(row: string): string | null {
  if (/^主动公开(政府)?(信息|文件)数$/.test(row)) return 'active_total';
  if (/^受理依申请公开信息总数$/.test(row)) return 'requests_received';
  return null;
}

const at = (o: unknown, p: string): unknown => p.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), o);

let labels: Label[];
const results = new Map<string, ParseResult>();

beforeAll(async () => {
  expect(fs.existsSync(path.join(dir, 'labels.json')), `missing ${dir}/labels.json`).toBe(true);
  labels = JSON.parse(fs.readFileSync(path.join(dir, 'labels.json'), 'utf8'));
  for (const l of labels) results.set(l.file, await processFile(path.join(dir, l.file)));
}, 120_000);

const record = (file: string): ReportRecord => {
  const r = results.get(file)!;
  if (isFailure(r)) throw new Error(`${file}: ${r.error}`);
  return r;
};

describe('real reports', () => {
  it('accepts every one of the 65 files as a report', () => {
    expect(labels).toHaveLength(65);
    const refused = labels.filter((l) => isFailure(results.get(l.file)!)).map((l) => `${l.file}: ${(results.get(l.file) as { error: string }).error}`);
    expect(refused).toEqual([]);
  });

  it('says each report’s format as labelled', () => {
    const wrong = labels
      .filter((l) => FORMAT[l.format])
      .map((l) => [l.file, record(l.file).format, FORMAT[l.format]])
      .filter(([, got, want]) => got !== want);
    expect(wrong).toEqual([]);
  });

  it('finds the labelled table cells, none wrong (≥ 99 %)', () => {
    let n = 0;
    const missing: string[] = [];
    const wrong: string[] = [];
    const cell = (file: string, p: string | null, want: number, what: string) => {
      n++;
      const got = p === null ? undefined : at(record(file).figures, p);
      if (got === null || got === undefined) missing.push(`${file} ${what}`);
      else if (Math.abs((got as number) - want) > 1e-9) wrong.push(`${file} ${what}: ${got} ≠ ${want}`);
    };
    for (const l of labels) {
      const fmt = record(l.file).format!;
      for (const [k, v] of Object.entries(l.figures ?? {})) cell(l.file, flatPath(k, fmt), v, k);
      for (const [r, cols] of Object.entries(l.figures_2019 ?? {}))
        for (const [c, v] of Object.entries(cols)) cell(l.file, `active2019.${ROW_2019[r]}.${COL_2019[c]}`, v, `${r}/${c}`);
      for (const [r, cols] of Object.entries(l.figures_pre2019 ?? {}))
        for (const [c, v] of Object.entries(cols)) {
          const k = legacyKey(r);
          cell(l.file, k === null ? null : /累计/.test(c) ? `legacy.cumulative.${k}` : `legacy.${k}`, v, `${r}/${c}`);
        }
    }
    expect(n).toBeGreaterThanOrEqual(100);
    expect(wrong).toEqual([]);
    expect(missing.length, missing.join('\n')).toBeLessThanOrEqual(Math.floor(n * 0.01));
  });

  it('takes the requests a legacy report’s prose names, and no prose number that disagrees with a label', () => {
    const wrong: string[] = [];
    let found = 0;
    let n = 0;
    for (const l of labels) {
      const r = record(l.file);
      for (const [k, v] of Object.entries(l.figures_from_prose ?? {})) {
        const p = flatPath(k, r.format!);
        const got = p === null ? undefined : at(r.figures, p);
        if (got === null || got === undefined) continue;
        if (got !== v) wrong.push(`${l.file} ${k}: ${got} ≠ ${v}`);
        if (r.format === 'legacy') found++;
      }
      if (r.format === 'legacy') n += Object.keys(l.figures_from_prose ?? {}).length;
    }
    expect(wrong).toEqual([]);
    expect(found).toBe(n);
  });

  it('finds part headings on one-line pages (the whole report on one line)', () => {
    for (const f of ['001.txt', '002.txt', '003.txt', '004.txt', '005.txt'])
      expect(record(f).sections.map((s) => s.key), f).toEqual(['preface', 'overview', 'active', 'requests', 'appeals', 'problems', 'other']);
    expect(record('017.txt').sections.map((s) => s.key)).toContain('overview');
  });
});
