/**
 * MeilisearchEngine against a fake Meilisearch on 127.0.0.1: the rebuild sequence (swap only
 * after every task succeeded; a failed task leaves the live index untouched), upsert, reads,
 * search request/response mapping, and the typed errors.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MeilisearchEngine } from '../lib/search/meilisearch';
import { MeilisearchEngineError } from '../lib/search/meili-errors';
import { buildSearchParams } from '../lib/search/meili-query';
import { sectionIndexSettings } from '../lib/search/meili-settings';
import { EngineUnavailableError } from '../lib/search/types';
import { MARK_END, MARK_START } from '../lib/search/highlight';
import { userTerms } from '../lib/segment/index';
import { FakeMeili } from './meili-fake-server';
import { makeRecord } from './meili-fixtures';

const recs = [
  makeRecord({ id: 'a-2022', agency: '甲局', year: 2022 }),
  makeRecord({ id: 'a-2023', agency: '甲局', year: 2023, region: { province: '乙省', city: null, county: null } }),
  makeRecord({ id: 'b-2023', agency: '乙局', year: 2023 }),
];

let fake: FakeMeili;
let engine: MeilisearchEngine;

beforeEach(async () => {
  fake = new FakeMeili();
  const host = await fake.start();
  // small batches so a rebuild of 3 records sends several document tasks
  engine = new MeilisearchEngine({ host, apiKey: 'k', index: 'reports', batchSize: 3, pollIntervalMs: 1, taskTimeoutMs: 5000 });
});
afterEach(async () => {
  await engine.close();
  await fake.stop();
});

/** Index of the first recorded request matching method and path pattern. */
const at = (method: string, path: RegExp) => fake.requests.findIndex((r) => r.method === method && path.test(r.path));
const all = (method: string, path: RegExp) =>
  fake.requests.map((r, i) => [r, i] as const).filter(([r]) => r.method === method && path.test(r.path)).map(([, i]) => i);

describe('rebuild', () => {
  it('builds a new index pair, waits for every task, swaps both atomically, then drops the old pair', async () => {
    const progress: number[] = [];
    const res = await engine.rebuild(recs, (p) => progress.push(p.done));
    expect(res).toEqual({ indexed: 3 });
    expect(progress.at(-1)).toBe(3);

    const calls = fake.calls();
    const creates = fake.requests.filter((r) => r.method === 'POST' && r.path === '/indexes').map((r) => r.body);
    const build = (creates[0] as { uid: string }).uid;
    expect(build).toMatch(/^reports_build_\d+$/);
    const stamp = build.slice('reports_build_'.length);
    const buildRec = `reports_records_build_${stamp}`;
    expect(calls.slice(0, 4)).toEqual(['POST /indexes', 'POST /indexes', `PATCH /indexes/${build}/settings`, `PATCH /indexes/${buildRec}/settings`]);
    expect(creates.slice(0, 2)).toEqual([
      { uid: build, primaryKey: 'id' },
      { uid: buildRec, primaryKey: 'id' },
    ]);
    expect(fake.requests.find((r) => r.path === `/indexes/${build}/settings`)!.body).toEqual(sectionIndexSettings(userTerms()));
    // 3 records → 9 section documents (2 sections + whole report each), in batches of 3 records
    expect(calls.filter((c) => c === `POST /indexes/${build}/documents`).length).toBeGreaterThanOrEqual(2);

    const swap = at('POST', /^\/swap-indexes$/);
    expect(fake.requests[swap].body).toEqual([
      { indexes: ['reports', build], rename: false },
      { indexes: ['reports_records', buildRec], rename: false },
    ]);
    // every task was polled to success before the swap was even requested
    for (const i of all('POST', /\/documents$/)) expect(i).toBeLessThan(swap);
    const polledBeforeSwap = fake.requests.slice(0, swap).filter((r) => r.path.startsWith('/tasks/')).length;
    expect(polledBeforeSwap).toBeGreaterThanOrEqual(2 * all('POST', /\/documents$|\/settings$|^\/indexes$/).length - 2);
    // after the swap: the build uids (now holding the old data) are deleted
    expect(calls.slice(calls.indexOf('POST /swap-indexes') + 1)).toEqual([`DELETE /indexes/${build}`, `DELETE /indexes/${buildRec}`]);
    expect([...fake.indexes.keys()].sort()).toEqual(['reports', 'reports_records']);

    expect(fake.docIds('reports')).toHaveLength(9);
    expect(fake.docIds('reports_records')).toEqual(['a-2022', 'a-2023', 'b-2023']);
    expect(await engine.getReport('a-2023')).toEqual(recs[1]);
    expect(await engine.getReport('nope')).toBeNull();
    expect(await engine.listAgencyReports('甲局')).toEqual([
      { id: 'a-2022', agency: '甲局', year: 2022 },
      { id: 'a-2023', agency: '甲局', year: 2023 },
    ]);
    expect(await engine.listAgencies()).toEqual([
      { agency: '乙局', region: { province: '测试省', city: '测试市', county: null }, level: 'city', years: [2023] },
      { agency: '甲局', region: { province: '乙省', city: null, county: null }, level: 'city', years: [2022, 2023] },
    ]);
  });

  it('a second rebuild replaces the live data (old documents gone)', async () => {
    await engine.rebuild(recs);
    await engine.rebuild([recs[2]]);
    expect(fake.docIds('reports_records')).toEqual(['b-2023']);
    expect(fake.docIds('reports')).toEqual(['b-2023__overview', 'b-2023__problems', 'b-2023__report']);
    expect([...fake.indexes.keys()].sort()).toEqual(['reports', 'reports_records']);
  });

  async function expectFailedRebuildLeavesLiveUntouched(code: string, rule: FakeMeili['failRule']) {
    await engine.rebuild([recs[0]]);
    const liveBefore = fake.docIds('reports');
    const recordsBefore = fake.docIds('reports_records');
    const nRequests = fake.requests.length;
    fake.failRule = rule;

    const err = await engine.rebuild(recs).catch((e) => e);
    expect(err).toBeInstanceOf(MeilisearchEngineError);
    expect(err.meiliCode).toBe(code);
    expect(err.message).toContain(code);

    const calls = fake.calls().slice(fake.requests.slice(0, nRequests).filter((r) => !r.path.startsWith('/tasks/')).length);
    if (code !== 'index_not_found_swap') expect(calls).not.toContain('POST /swap-indexes');
    // the build pair is deleted, the live pair holds exactly what it held before
    expect(calls.filter((c) => c.startsWith('DELETE')).length).toBe(2);
    expect([...fake.indexes.keys()].sort()).toEqual(['reports', 'reports_records']);
    expect(fake.docIds('reports')).toEqual(liveBefore);
    expect(fake.docIds('reports_records')).toEqual(recordsBefore);
    expect(await engine.getReport('b-2023')).toBeNull();
    expect(await engine.getReport('a-2022')).toEqual(recs[0]);
  }

  it('a failed document task: no swap, build deleted, live untouched, Meilisearch code surfaced', async () => {
    await expectFailedRebuildLeavesLiveUntouched('invalid_document_fields', (t) =>
      t.type === 'documentAdditionOrUpdate' && t.indexUid?.includes('_build_') && Array.isArray(t.body) && (t.body as { id: string }[]).some((d) => d.id.startsWith('b-2023'))
        ? 'invalid_document_fields'
        : undefined,
    );
  });

  it('a failed settings task: same', async () => {
    await expectFailedRebuildLeavesLiveUntouched('invalid_settings_dictionary', (t) =>
      t.type === 'settingsUpdate' && t.indexUid?.startsWith('reports_build_') ? 'invalid_settings_dictionary' : undefined,
    );
  });

  it('a failed swap: build deleted, live untouched', async () => {
    await expectFailedRebuildLeavesLiveUntouched('index_not_found_swap', (t) => (t.type === 'indexSwap' ? 'index_not_found_swap' : undefined));
  });

  it('a refused document upload (HTTP 400 at enqueue): typed error, build dropped, live untouched', async () => {
    await engine.rebuild([recs[0]]);
    let n = 0;
    fake.httpErrorFor = (m, path) => (m === 'POST' && /_build_.*\/documents$/.test(path) && ++n === 2 ? { status: 400, code: 'invalid_document_id' } : undefined);
    const err = await engine.rebuild(recs).catch((e) => e);
    expect(err).toBeInstanceOf(MeilisearchEngineError);
    expect(err.meiliCode).toBe('invalid_document_id');
    expect([...fake.indexes.keys()].sort()).toEqual(['reports', 'reports_records']);
    expect(fake.docIds('reports_records')).toEqual(['a-2022']);
  });

  it('an error while reading the records (e.g. a parser crash) also aborts cleanly', async () => {
    await engine.rebuild([recs[0]]);
    async function* broken() {
      yield recs[1];
      throw new Error('parser exploded');
    }
    await expect(engine.rebuild(broken())).rejects.toThrow('parser exploded');
    expect([...fake.indexes.keys()].sort()).toEqual(['reports', 'reports_records']);
    expect(fake.docIds('reports_records')).toEqual(['a-2022']);
    // the first rebuild's swap is the only one
    expect(fake.calls().filter((c) => c === 'POST /swap-indexes')).toHaveLength(1);
  });

  it('first rebuild on an empty server creates the live pair so the swap has two sides', async () => {
    await engine.rebuild(recs);
    const calls = fake.calls();
    const swap = calls.indexOf('POST /swap-indexes');
    const creates = fake.requests.filter((r) => r.method === 'POST' && r.path === '/indexes').map((r) => (r.body as { uid: string }).uid);
    expect(creates.slice(2)).toEqual(['reports', 'reports_records']);
    expect(swap).toBeGreaterThan(0);
  });
});

describe('upsert', () => {
  it('creates and configures the live index if missing, drops the reports old sections, adds new ones', async () => {
    await engine.upsert([recs[0]]);
    expect(fake.indexes.get('reports')!.settings).toEqual(sectionIndexSettings(userTerms()));
    expect(fake.docIds('reports')).toEqual(['a-2022__overview', 'a-2022__problems', 'a-2022__report']);

    // the new version lost its problems section and gained appeals
    const v2 = makeRecord({ id: 'a-2022', agency: '甲局', year: 2022, sections: [{ key: 'appeals', title: '四', text: '行政复议零件。' }] });
    await engine.upsert([v2]);
    expect(fake.docIds('reports')).toEqual(['a-2022__appeals', 'a-2022__report']);
    const del = fake.requests.filter((r) => r.path === '/indexes/reports/documents/delete').at(-1)!;
    expect(del.body).toEqual({ filter: 'report_id IN ["a-2022"]' });
    expect(await engine.getReport('a-2022')).toEqual(v2);
  });
});

describe('corpusCounts', () => {
  it('counts every record and the generated ones with two limit-0 document queries', async () => {
    expect(await engine.corpusCounts()).toEqual({ reports: 0, synthetic: 0 }); // no index yet
    await engine.rebuild([recs[0], { ...recs[1], synthetic: true }, recs[2]]);
    expect(await engine.corpusCounts()).toEqual({ reports: 3, synthetic: 1 });
    const fetches = fake.requests.filter((r) => r.path === '/indexes/reports_records/documents/fetch').map((r) => r.body);
    expect(fetches.at(-1)).toEqual({ limit: 0, filter: 'synthetic = "true"' });
    expect(fake.calls().at(-2) ?? '').toMatch(/^(GET|POST) \/indexes\/reports_records\/documents/);
  });
});

describe('search', () => {
  it('sends the request built by buildSearchParams and maps the response', async () => {
    await engine.rebuild(recs);
    fake.searchResponse = {
      hits: [
        {
          report_id: 'a-2023',
          section_key: 'problems',
          text: '部分信息发布不够及时，时效性有待提高。',
          agency: '甲局',
          year: 2023,
          province: '乙省',
          city: null,
          county: null,
          level: 'city',
          kind: 'office',
          themes: ['时效性'],
          checks_failed: 0,
          _formatted: { text: `部分信息发布不够及时，${MARK_START}时效性${MARK_END}有待提高。` },
        },
      ],
      facetDistribution: { agency: { 甲局: 2, 乙局: 1 }, themes: { 时效性: 3 }, year: { '2022': 1, '2023': 2 } },
      query: '时效性',
      processingTimeMs: 1,
      totalHits: 3,
      page: 1,
      hitsPerPage: 1,
      totalPages: 3,
    };
    const q = { q: '时效性', filters: { agency: ['a" OR year > 0'] }, facets: ['agency', 'theme', 'year'] as const, perPage: 1 };
    const res = await engine.search({ ...q, facets: [...q.facets] });
    // A filtered facet (agency) is counted by a second, count-only search without its own filter.
    const [sent, counted] = (fake.requests.find((r) => r.path === '/multi-search')!.body as { queries: Record<string, unknown>[] }).queries;
    expect(sent).toEqual({ indexUid: 'reports', ...buildSearchParams({ ...q, facets: [...q.facets] }, '时效性') });
    expect((sent as { filter: unknown }).filter).toEqual([['version_of IS NULL', 'version_of NOT EXISTS'], ['agency = "a\\" OR year > 0"']]);
    expect(counted).toMatchObject({ indexUid: 'reports', q: '时效性', hitsPerPage: 0, facets: ['agency'], filter: [['version_of IS NULL', 'version_of NOT EXISTS']] });
    expect(res).toEqual({
      total: 3,
      page: 1,
      perPage: 1,
      hits: [
        {
          id: 'a-2023',
          agency: '甲局',
          year: 2023,
          region: { province: '乙省', city: null, county: null },
          level: 'city',
          kind: 'office',
          themes: ['时效性'],
          checksFailed: 0,
          synthetic: false,
          section: 'problems',
          snippet: `部分信息发布不够及时，${MARK_START}时效性${MARK_END}有待提高。`,
        },
      ],
      facets: { agency: { 甲局: 2, 乙局: 1 }, theme: { 时效性: 3 }, year: { '2022': 1, '2023': 2 } },
    });
  });

  it('nothing indexed yet: an empty result, not an error', async () => {
    expect(await engine.search({ q: '公开', facets: ['year'] })).toEqual({ total: 0, page: 1, perPage: 20, hits: [], facets: { year: {} } });
    expect(await engine.getReport('x')).toBeNull();
    expect(await engine.listAgencies()).toEqual([]);
  });

  it('a query of punctuation only matches nothing and never reaches Meilisearch', async () => {
    await engine.rebuild(recs);
    const before = fake.requests.length;
    expect((await engine.search({ q: '，。！' })).total).toBe(0);
    expect(fake.requests.length).toBe(before);
  });
});

describe('when Meilisearch is down or refuses us', () => {
  it('connection refused → EngineUnavailableError with a clear message, for reads and writes', async () => {
    // a port that was just free: nothing listens there
    const probe = http.createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((r) => probe.close(() => r()));
    const down = new MeilisearchEngine({ host: `http://127.0.0.1:${port}`, index: 'reports', pollIntervalMs: 1 });

    for (const call of [
      () => down.search({ q: '公开' }),
      () => down.getReport('x'),
      () => down.listAgencies(),
      () => down.listAgencyReports('甲局'),
      () => down.rebuild(recs),
      () => down.upsert(recs),
    ]) {
      const err = await call().catch((e) => e);
      expect(err).toBeInstanceOf(EngineUnavailableError);
      expect(err.code).toBe('unavailable:search');
      expect(err.message).toMatch(new RegExp(`Meilisearch is unreachable at http://127.0.0.1:${port} \\(ECONNREFUSED\\)`));
    }
  });

  it('a rejected API key → EngineUnavailableError naming MEILI_MASTER_KEY', async () => {
    fake.httpError = { status: 403, code: 'invalid_api_key' };
    const err = await engine.search({ q: '公开' }).catch((e) => e);
    expect(err).toBeInstanceOf(EngineUnavailableError);
    expect(err.message).toContain('MEILI_MASTER_KEY');
  });

  it('a refused request (e.g. bad filter) → MeilisearchEngineError with the code', async () => {
    fake.httpError = { status: 400, code: 'invalid_search_filter' };
    const err = await engine.search({ q: '公开' }).catch((e) => e);
    expect(err).toBeInstanceOf(MeilisearchEngineError);
    expect(err.meiliCode).toBe('invalid_search_filter');
  });

  it('a server error (5xx) → EngineUnavailableError', async () => {
    fake.httpError = { status: 503, code: 'internal' };
    await expect(engine.listAgencies()).rejects.toBeInstanceOf(EngineUnavailableError);
  });
});
