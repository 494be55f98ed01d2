/**
 * /api/search understands a query against a real SQLite index of generated reports: words naming
 * a held year, province, city or agency become filters (`understood`), `literal=1` keeps them as
 * text, and a query finding nothing gets suggestions.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { generateReports } from '../tools/corpus/generate';
import { indexDirectory } from '../lib/indexer/run';
import { SqliteEngine } from '../lib/search/sqlite';
import { resetEnvCache } from '../lib/env';
import { resetEngine } from '../lib/search/index';
import { shortRegionName } from '../lib/search/understand';
import { useDataDir } from './helpers-index';

// Route handlers import the query layer, which refuses to load outside a server bundle.
vi.mock('server-only', () => ({}));

const GENERATED = [...generateReports({ seed: 'understand-test', agencies: 3, years: [2022, 2023], limit: 6 })];
const FIRST = GENERATED[0]!.truth;

interface Body {
  q: string;
  total: number;
  hits: { agency: string; year: number | null; region: { province: string | null } }[];
  filters: Record<string, string[]>;
  understood: { word: string; facet: string; value: string; undo: string }[];
  suggestions?: { filters: { word: string; facet: string; value: string }[]; agencies: string[] };
}

describe('/api/search understands the query', () => {
  let tmp: string;
  const get = async (qs: string): Promise<Body> => {
    const { GET } = await import('../app/api/search/route');
    const res = await GET(new Request(`http://t/api/search?${qs}`));
    expect(res.status).toBe(200);
    return (await res.json()) as Body;
  };

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-understand-'));
    const corpus = path.join(tmp, 'corpus');
    for (const g of GENERATED) {
      fs.mkdirSync(path.dirname(path.join(corpus, g.name)), { recursive: true });
      fs.writeFileSync(path.join(corpus, g.name), g.text);
    }
    const data = path.join(tmp, 'data');
    const engine = new SqliteEngine({ dataDir: data });
    const status = await indexDirectory({ dir: corpus, engine, dataDir: data, workers: 0 });
    await engine.close();
    expect(status.indexed).toBe(GENERATED.length);
    await useDataDir(data);
  });
  afterAll(async () => {
    await resetEngine();
    delete process.env.DATA_DIR;
    resetEnvCache();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('an agency name with a year becomes the agency and year filters', async () => {
    const body = await get(new URLSearchParams({ q: `${FIRST.agency}${FIRST.year}年` }).toString());
    expect(body.q).toBe('');
    expect(body.filters).toEqual({ agency: [FIRST.agency], year: [String(FIRST.year)] });
    expect(body.understood.map((u) => [u.facet, u.value])).toEqual([
      ['agency', FIRST.agency],
      ['year', String(FIRST.year)],
    ]);
    expect(body.total).toBe(1);
    expect(body.hits[0]).toMatchObject({ agency: FIRST.agency, year: FIRST.year });
    // The undo address asks for the same words as text.
    const undo = new URL(body.understood[0]!.undo, 'http://t');
    expect(undo.searchParams.get('literal')).toBe('1');
    expect(undo.searchParams.get('q')).toBe(`${FIRST.agency}${FIRST.year}年`);
  });

  it('a short province name narrows to that province; the other word stays text', async () => {
    const short = shortRegionName(FIRST.region.province!)!;
    const body = await get(new URLSearchParams({ q: `时效性 ${short}` }).toString());
    expect(body.q).toBe('时效性');
    expect(body.understood).toEqual([expect.objectContaining({ word: short, facet: 'province', value: FIRST.region.province })]);
    for (const h of body.hits) expect(h.region.province).toBe(FIRST.region.province);
  });

  it('literal=1 keeps every word as text', async () => {
    const short = shortRegionName(FIRST.region.province!)!;
    const body = await get(new URLSearchParams({ q: `时效性 ${short}`, literal: '1' }).toString());
    expect(body.q).toBe(`时效性 ${short}`);
    expect(body.understood).toEqual([]);
    expect(body.filters).toEqual({});
  });

  it('a province not held is no filter; a facet already filtered is not widened', async () => {
    const held = new Set(GENERATED.map((g) => g.truth.region.province));
    const other = ['浙江省', '江苏省', '四川省'].find((p) => !held.has(p))!;
    expect((await get(new URLSearchParams({ q: shortRegionName(other)! }).toString())).understood).toEqual([]);
    const body = await get(new URLSearchParams({ q: `${FIRST.year}`, year: String(FIRST.year === 2022 ? 2023 : 2022) }).toString());
    expect(body.understood).toEqual([]);
  });

  it('a query finding nothing suggests the filter its words could be and the nearest agencies', async () => {
    // a city some held agency is named after
    const city = GENERATED.map((g) => g.truth).find((t) => t.region.city && t.agency.includes(t.region.city))!.region.city!;
    const body = await get(new URLSearchParams({ q: `鹦鹉螺 ${city}`, literal: '1' }).toString());
    expect(body.total).toBe(0);
    expect(body.suggestions?.filters).toEqual([expect.objectContaining({ word: city, facet: 'city', value: city })]);
    const near = GENERATED.map((g) => g.truth.agency).filter((a) => a.includes(city));
    expect(near.length).toBeGreaterThan(0);
    expect(body.suggestions?.agencies).toEqual(expect.arrayContaining([...new Set(near)]));
  });

  it('a misremembered agency name finds the agency nearest it', async () => {
    const agency = GENERATED.map((g) => g.truth.agency).find((a) => a.includes('人民政府'))!;
    const typed = agency.replace('人民', '');
    const body = await get(new URLSearchParams({ q: `${typed} 鹦鹉螺` }).toString());
    expect(body.total).toBe(0);
    expect(body.suggestions?.agencies[0]).toBe(agency);
  });
});
