/**
 * Demo data is labelled end to end: generated reports say 示例 and carry the marker, the parser
 * sets `synthetic: true` from it (and only from it), the real indexer and SQLite engine keep it,
 * and the site's JSON and CSV route handlers expose it (a real index in a temp DATA_DIR).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { generateReports } from '../tools/corpus/generate';
import { processText } from '../lib/indexer/pipeline';
import { SYNTHETIC_MARKER, SYNTHETIC_NOTICE } from '../lib/parse/synthetic';
import { isFailure, type ReportRecord } from '../lib/types';
import { indexDirectory } from '../lib/indexer/run';
import { SqliteEngine } from '../lib/search/sqlite';
import { resetEnvCache } from '../lib/env';
import { resetEngine } from '../lib/search/index';
import { FIXTURE_TXT } from './fixtures/read/build';
import { useDataDir } from './helpers-index';

// Route handlers import the query layer, which refuses to load outside a server bundle.
vi.mock('server-only', () => ({}));

const GENERATED = [...generateReports({ seed: 'synthetic-test', agencies: 2, years: [2022, 2023], limit: 4 })];

function parsed(text: string, file = 'x.txt'): ReportRecord {
  const r = processText(text, file);
  if (isFailure(r)) throw new Error(r.error);
  return r;
}

/** RFC 4180: quoted fields may hold commas, quotes ("") and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field), rows.push(row), (row = []), (field = '');
    } else field += c;
  }
  if (field || row.length) row.push(field), rows.push(row);
  return rows;
}

describe('generated reports say they are demo data', () => {
  it('title, preface marker and signature say 示例; the parser flags every one', () => {
    for (const g of GENERATED) {
      const lines = g.text.split('\n').filter((l) => l.trim());
      expect(g.text.slice(0, g.text.indexOf(SYNTHETIC_NOTICE))).toMatch(/^[^\n]+(\n\n[^\n]+)?年度报告（示例）\n\n$/);
      expect(g.text).toContain(SYNTHETIC_NOTICE);
      expect(lines.at(-2)).toBe(`${g.truth.agency}（示例）`);
      const r = parsed(g.text);
      expect(r.synthetic).toBe(true);
      // The labels do not disturb the metadata the region facets need.
      expect(r.agency).toBe(g.truth.agency);
      expect(r.year).toBe(g.truth.year);
      expect(r.region).toEqual(g.truth.region);
    }
  });

  it('a report without the marker, or quoting it outside the preface, is not flagged', () => {
    const real = fs.readFileSync(FIXTURE_TXT, 'utf8');
    expect(parsed(real).synthetic).toBeUndefined();
    const quoted = real.replace('六、其他需要报告的事项', `六、其他需要报告的事项\n\n${SYNTHETIC_MARKER}`);
    expect(quoted).not.toBe(real);
    expect(parsed(quoted).synthetic).toBeUndefined();
    // The word 示例 alone (a title mentioning an example) is no marker either.
    expect(parsed(real.replace(/^(.*年度报告)/, '$1（示例）')).synthetic).toBeUndefined();
  });
});

describe('the flag in the index, /api JSON and CSV', () => {
  let tmp: string;
  let realId: string;
  let demoId: string;
  const routes = {
    search: () => import('../app/api/search/route'),
    report: () => import('../app/api/reports/[id]/route'),
    exportAll: () => import('../app/api/export/route'),
  };
  const csv = async (res: Response) => {
    expect(res.status).toBe(200);
    // two header rows: Chinese labels, then the keys
    const rows = parseCsv((await res.text()).replace(/^\uFEFF/, ''));
    const col = rows[1].indexOf('synthetic');
    expect(col, `CSV key header ${rows[1].join(',')} lacks synthetic`).toBeGreaterThanOrEqual(0);
    expect(rows[0][col]).toBe('示例数据');
    return { header: rows[1], col, rows: rows.slice(2) };
  };

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-synthetic-'));
    const corpus = path.join(tmp, 'corpus');
    for (const g of GENERATED) {
      fs.mkdirSync(path.dirname(path.join(corpus, 'generated', g.name)), { recursive: true });
      fs.writeFileSync(path.join(corpus, 'generated', g.name), g.text);
    }
    fs.mkdirSync(path.join(corpus, 'real'), { recursive: true });
    fs.copyFileSync(FIXTURE_TXT, path.join(corpus, 'real', 'report.txt'));
    const data = path.join(tmp, 'data');
    const engine = new SqliteEngine({ dataDir: data });
    const status = await indexDirectory({ dir: corpus, engine, dataDir: data, workers: 0 });
    await engine.close();
    expect(status.indexed).toBe(GENERATED.length + 1);
    await useDataDir(data);
  });
  afterAll(async () => {
    await resetEngine();
    delete process.env.DATA_DIR;
    resetEnvCache();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('the query layer counts the generated reports', async () => {
    const { getCorpusCounts } = await import('../lib/queries');
    expect(await getCorpusCounts()).toEqual({ reports: GENERATED.length + 1, synthetic: GENERATED.length });
  });

  it('/api/search: synthetic on every hit in JSON, a synthetic column in CSV', async () => {
    const { GET } = await routes.search();
    const json = (await (await GET(new Request('http://t/api/search?per_page=100'))).json()) as {
      hits: { id: string; agency: string; synthetic: boolean }[];
    };
    expect(json.hits).toHaveLength(GENERATED.length + 1);
    const real = json.hits.filter((h) => !h.synthetic);
    expect(real.map((h) => h.agency)).toEqual(['青禾县自然资源和规划局']);
    expect(json.hits.filter((h) => h.synthetic === true).map((h) => h.agency).sort()).toEqual(GENERATED.map((g) => g.truth.agency).sort());
    realId = real[0].id;
    demoId = json.hits.find((h) => h.synthetic)!.id;

    const { col, rows } = await csv(await GET(new Request('http://t/api/search?per_page=100&format=csv')));
    const byId = new Map(rows.map((r) => [r[0], r[col]]));
    expect(byId.get(realId)).toBe('false');
    expect(byId.get(demoId)).toBe('true');
    expect(rows.filter((r) => r[col] === 'true')).toHaveLength(GENERATED.length);
  });

  it('/api/reports/<id>: synthetic true/false in the record JSON and on every figures CSV row', async () => {
    const { GET } = await routes.report();
    const get = (id: string, qs = '') => GET(new Request(`http://t/api/reports/${id}${qs}`), { params: Promise.resolve({ id }) });
    expect(((await (await get(demoId)).json()) as { report: ReportRecord }).report.synthetic).toBe(true);
    expect(((await (await get(realId)).json()) as { report: ReportRecord }).report.synthetic).toBe(false);
    const demo = await csv(await get(demoId, '?format=csv'));
    expect(demo.rows.length).toBeGreaterThan(50);
    expect(new Set(demo.rows.map((r) => r[demo.col]))).toEqual(new Set(['true']));
    const real = await csv(await get(realId, '?format=csv'));
    expect(new Set(real.rows.map((r) => r[real.col]))).toEqual(new Set(['false']));
  });

  it('/api/export: a synthetic column in CSV and JSON rows', async () => {
    const { GET } = await routes.exportAll();
    const { col, rows } = await csv(await GET(new Request('http://t/api/export?format=csv')));
    expect(rows.map((r) => r[col]).sort()).toEqual([...GENERATED.map(() => 'true'), 'false'].sort());
    const json = (await (await GET(new Request('http://t/api/export?format=json'))).json()) as { rows: { id: string; synthetic: string }[] };
    expect(json.rows.find((r) => r.id === realId)?.synthetic).toBe('false');
    expect(json.rows.find((r) => r.id === demoId)?.synthetic).toBe('true');
  });
});
