/**
 * MeilisearchEngine against recorded answers of a real Meilisearch: test/meili-fake-server.ts
 * replays test/fixtures/meili-recording.json, recorded from Meilisearch 1.50.0 built from source
 * at commit 5cb2f2e94befc717bbea60fec4a31ee64d2f60fd (release, --no-default-features --features
 * chinese; the `server` field of the file). Refresh it after changing what the engine sends, with
 * a real server running:
 *   MEILI_HOST=http://127.0.0.1:7700 MEILI_MASTER_KEY=… npm run record:meili -- --commit <sha>
 * (scripts/record-meili.ts runs test/meili-scenarios.ts through a recording proxy). A request the
 * recording lacks fails the test (`misses`). Failures are injected on top of the replay.
 * The same behaviour against a live server: test/engine-meilisearch.contract.test.ts.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { MeilisearchEngine } from '../lib/search/meilisearch';
import { MeilisearchEngineError } from '../lib/search/meili-errors';
import { sectionIndexSettings } from '../lib/search/meili-settings';
import { EngineUnavailableError, type SearchResult } from '../lib/search/types';
import { noKeyFigures } from '../lib/key-figures';
import { MARK_END, MARK_START } from '../lib/search/highlight';
import { userTerms } from '../lib/segment/index';
import { FakeMeili, loadRecording } from './meili-fake-server';
import { A2022_V2, INDEX, RECS, SCENARIOS, WRONG_KEY_SCENARIO, wrongKey } from './meili-scenarios';

const recording = loadRecording();
let fake: FakeMeili | null = null;

async function replay(tape: string, apiKey = 'k') {
  fake = new FakeMeili(recording.tapes[tape]);
  const host = await fake.start();
  const engine = new MeilisearchEngine({ host, apiKey, index: INDEX, batchSize: 4, pollIntervalMs: 1, taskTimeoutMs: 5000 });
  return { fake, engine };
}
afterEach(async () => {
  await fake?.stop();
  fake = null;
});

const BUILD = `${INDEX}_build_STAMP`;
const BUILD_REC = `${INDEX}_records_build_STAMP`;
const stamped = (p: string) => p.replace(/_build_\d+/, '_build_STAMP').split('?')[0];

describe('the recording', () => {
  it('comes from a real Meilisearch server and holds every scenario', () => {
    expect(recording.server.pkgVersion).toMatch(/^1\.\d+\.\d+/);
    for (const name of [...Object.keys(SCENARIOS), WRONG_KEY_SCENARIO]) expect(recording.tapes[name]?.length, name).toBeGreaterThan(0);
  });
});

describe('rebuild and reads (replayed)', () => {
  it('builds a new pair, waits for every task, swaps, drops the old pair; reads answer as the server did', async () => {
    const { fake, engine } = await replay('rebuild');
    const r = (await SCENARIOS.rebuild(engine)) as Record<string, never>;
    expect(fake.misses).toEqual([]);

    expect(r.first).toEqual({ indexed: RECS.length });
    expect((r.progress as number[]).at(-1)).toBe(RECS.length);
    expect(r.report).toEqual(RECS[1]);
    expect(r.missing).toBeNull();
    expect(r.agencyReports).toEqual([
      { id: 'a-2022', agency: '甲局', year: 2022 },
      { id: 'a-2023', agency: '甲局', year: 2023 },
    ]);
    // Bracket variants of one name stay two agencies (encoded facet keys).
    expect(r.bracketFull).toEqual([{ id: 'c-full', agency: '丙局（试点）', year: 2024 }]);
    expect((r.agencies as { agency: string }[]).map((a) => a.agency)).toEqual(['丙局(试点)', '丙局（试点）', '乙局', '甲局']);
    const byBracket = r.byBracket as { hits: { id: string }[]; facets: unknown };
    expect(byBracket.hits.map((h) => h.id)).toEqual(['c-half']);
    // the filtered agency facet is counted without its own filter (disjunctive), variants apart
    expect(byBracket.facets).toEqual({ agency: { '丙局(试点)': 1, '丙局（试点）': 1, '乙局': 1, '甲局': 2 } });
    expect(r.hostile).toMatchObject({ total: 0, hits: [] });

    const t = r.timeliness as { total: number; hits: { id: string; snippet: string; section: string | null }[]; facets: Record<string, Record<string, number>> };
    expect(t.total).toBe(RECS.length);
    expect(t.hits).toHaveLength(2);
    for (const h of t.hits) expect(h.snippet).toContain(`${MARK_START}时效性${MARK_END}`);
    expect(t.facets.agency).toEqual({ 甲局: 2, 乙局: 1, '丙局（试点）': 1, '丙局(试点)': 1 });
    expect(t.facets.theme).toEqual({ 时效性: RECS.length });

    const years = (r.newest as { hits: { year: number }[] }).hits.map((h) => h.year);
    expect(years).toEqual([...years].sort((a, b) => b - a));
    // 处理 only inside 待处理: the snippet is cut from the section text the engine fetched.
    const pending = r.pending as { hits: { id: string; snippet: string; section: string }[] };
    expect(pending.hits.map((h) => h.id)).toEqual(['b-2023']);
    expect(pending.hits[0].snippet).toContain(`待${MARK_START}处理${MARK_END}`);
    expect(pending.hits[0].section).toBe('overview');

    expect(r.second).toEqual({ indexed: 1 });
    expect(r.afterSecond).toEqual([{ agency: '乙局', region: { province: '测试省', city: '测试市', county: null }, level: 'city', years: [2023] }]);

    // The request sequence of the first rebuild.
    const calls = fake.calls().map(stamped);
    const swap = calls.indexOf('POST /swap-indexes');
    expect(calls.slice(0, 4)).toEqual(['POST /indexes', 'POST /indexes', `PATCH /indexes/${BUILD}/settings`, `PATCH /indexes/${BUILD_REC}/settings`]);
    expect(fake.requests.find((q) => stamped(q.path) === `/indexes/${BUILD}/settings`)!.body).toEqual(sectionIndexSettings(userTerms()));
    expect(calls.slice(4, swap).filter((c) => c === `POST /indexes/${BUILD}/documents`).length).toBeGreaterThanOrEqual(2);
    // the live pair is asked for before anything is created (none exists on the first rebuild)
    expect(calls.slice(4, swap).filter((c) => c.startsWith('GET /indexes/rec_reports'))).toEqual(['GET /indexes/rec_reports', 'GET /indexes/rec_reports_records']);
    expect(calls.slice(swap + 1, swap + 4)).toEqual([`POST /indexes/${BUILD_REC}/documents/fetch`, `DELETE /indexes/${BUILD}`, `DELETE /indexes/${BUILD_REC}`]);
    // every document task was polled to success before the swap was requested
    const swapAt = fake.requests.findIndex((q) => q.path === '/swap-indexes');
    const docTasks = fake.requests.slice(0, swapAt).filter((q) => q.method === 'POST' && /\/documents$/.test(q.path)).length;
    expect(fake.requests.slice(0, swapAt).filter((q) => q.path.startsWith('/tasks/')).length).toBeGreaterThanOrEqual(docTasks);
    // documents go as NDJSON, never over the byte bound
    const upload = fake.requests.find((q) => q.method === 'POST' && stamped(q.path) === `/indexes/${BUILD}/documents`)!;
    expect(Array.isArray(upload.body)).toBe(true);
  });

  async function expectFailedRebuild(code: string, rule: FakeMeili['failRule'], swapRequested = false) {
    const { fake, engine } = await replay('rebuild');
    fake.failRule = rule;
    const err = await engine.rebuild(RECS).catch((e) => e);
    expect(err).toBeInstanceOf(MeilisearchEngineError);
    expect(err.meiliCode).toBe(code);
    expect(err.message).toContain(code);
    const calls = fake.calls().map(stamped);
    expect(calls.includes('POST /swap-indexes')).toBe(swapRequested);
    // the build pair is deleted; nothing else is written to the live pair
    expect(calls.filter((c) => c.startsWith('DELETE'))).toEqual([`DELETE /indexes/${BUILD}`, `DELETE /indexes/${BUILD_REC}`]);
    expect(calls.some((c) => /^POST \/indexes\/rec_reports(_records)?\/documents/.test(c))).toBe(false);
  }

  it('a failed document task: no swap, build deleted, Meilisearch code surfaced', async () => {
    await expectFailedRebuild('invalid_document_fields', (t) => (t.type === 'documentAdditionOrUpdate' && t.nth === 2 ? 'invalid_document_fields' : undefined));
  });

  it('a failed settings task: same', async () => {
    await expectFailedRebuild('invalid_settings_dictionary', (t) => (t.type === 'settingsUpdate' ? 'invalid_settings_dictionary' : undefined));
  });

  it('a failed swap: build deleted', async () => {
    await expectFailedRebuild('index_not_found', (t) => (t.type === 'indexSwap' ? 'index_not_found' : undefined), true);
  });

  it('a refused document upload (HTTP 413 at enqueue): typed error, build dropped', async () => {
    const { fake, engine } = await replay('rebuild');
    let n = 0;
    fake.httpErrorFor = (m, p) => (m === 'POST' && /_build_.*\/documents$/.test(p) && ++n === 2 ? { status: 413, code: 'payload_too_large' } : undefined);
    const err = await engine.rebuild(RECS).catch((e) => e);
    expect(err).toBeInstanceOf(MeilisearchEngineError);
    expect(err.meiliCode).toBe('payload_too_large');
    expect(fake.calls().map(stamped)).not.toContain('POST /swap-indexes');
    expect(fake.calls().filter((c) => c.startsWith('DELETE'))).toHaveLength(2);
  });

  it('an error while reading the records (e.g. a parser crash) also aborts cleanly', async () => {
    const { fake, engine } = await replay('rebuild');
    async function* broken() {
      yield RECS[1];
      throw new Error('parser exploded');
    }
    await expect(engine.rebuild(broken())).rejects.toThrow('parser exploded');
    expect(fake.calls()).not.toContain('POST /swap-indexes');
    expect(fake.calls().filter((c) => c.startsWith('DELETE'))).toHaveLength(2);
  });

  it('batches stay under maxBatchBytes', async () => {
    fake = new FakeMeili(recording.tapes.rebuild);
    const host = await fake.start();
    const engine = new MeilisearchEngine({ host, apiKey: 'k', index: INDEX, batchSize: 1000, maxBatchBytes: 3000, pollIntervalMs: 1 });
    await engine.rebuild(RECS).catch(() => {}); // the tape has fewer uploads than this sends: only the bodies matter
    const uploads = fake.requests.filter((q) => q.method === 'POST' && /_build_\d+\/documents$/.test(q.path.split('?')[0]));
    expect(uploads.length).toBeGreaterThan(2);
    for (const u of uploads) {
      const docs = u.body as unknown[];
      // a batch holds one document at least; beyond one, it stays under the bound
      if (docs.length > 1) expect(Buffer.byteLength(docs.map((d) => JSON.stringify(d)).join('\n'))).toBeLessThanOrEqual(3000);
    }
  });
});

describe('upsert (replayed)', () => {
  it('creates and configures missing indexes; record first, then new sections, then deletes only the stale ones', async () => {
    const { fake, engine } = await replay('upsert');
    const r = (await SCENARIOS.upsert(engine)) as Record<string, never>;
    expect(fake.misses).toEqual([]);
    expect((r.before as { hits: { id: string }[] }).hits.map((h) => h.id)).toEqual(['a-2022']);
    expect(r.report).toEqual(A2022_V2);
    expect((r.appeals as { hits: { id: string }[] }).hits.map((h) => h.id)).toEqual(['a-2022']);
    // v2 has no problems section any more; it still carries the 时效性 theme, whose label now
    // sits on the whole-report document: matched there, not in a stale problems section (the
    // whole-report hit takes its snippet and section from the sections it has: appeals).
    expect((r.problems as { hits: { id: string; section: string | null }[] }).hits.map((h) => [h.id, h.section])).toEqual([['a-2022', 'appeals']]);

    const calls = fake.calls();
    // the second upsert: records, then sections, then the delete of what v2 lacks
    const second = calls.lastIndexOf('POST /indexes/rec_reports_records/documents');
    const rest = calls.slice(second);
    expect(rest.indexOf('POST /indexes/rec_reports/documents')).toBeGreaterThan(0);
    expect(rest.indexOf('POST /indexes/rec_reports/documents/delete-batch')).toBeGreaterThan(rest.indexOf('POST /indexes/rec_reports/documents'));
    const del = fake.requests.filter((q) => q.path === '/indexes/rec_reports/documents/delete-batch').at(-1)!;
    expect(del.body).toEqual(['a-2022__overview', 'a-2022__problems']);
    // no index-creation task for indexes that exist: created once each, by the first upsert
    expect(calls.filter((c) => c === 'POST /indexes')).toHaveLength(2);
  });
});

describe('search (replayed)', () => {
  it('key-figure conditions and orders, as the server answered them: unknown passes no condition and sorts last', async () => {
    const { fake, engine } = await replay('figures');
    const r = (await SCENARIOS.figures(engine)) as Record<string, SearchResult>;
    expect(fake.misses).toEqual([]);
    const idsOf = (x: SearchResult) => x.hits.map((h) => h.id);
    expect(idsOf(r.atLeast100).sort()).toEqual(['f-a', 'f-b', 'f-c']);
    expect(r.atLeast100.facets).toEqual({ province: { 测试省: 2, 乙省: 1 } });
    // f-c's refusals are unknown: not 0. The province facet is counted without its own filter, with the condition.
    expect(idsOf(r.refusedZero)).toEqual(['f-b']);
    expect(r.refusedZero.facets).toEqual({ province: { 测试省: 1 } });
    expect(idsOf(r.byReceived)).toEqual(['f-a', 'f-b', 'f-c', 'f-d']);
    expect(idsOf(r.byRefusedAsc)).toEqual(['f-b', 'f-a', 'f-c', 'f-d']);
    expect(r.byReceived.hits[0].figures).toMatchObject({ received: 120, refused: 5, review_corrected: 1, corrected: 1 });
    expect(r.byReceived.hits[3].figures).toEqual(noKeyFigures());
    // the requests carried the conditions as numeric comparisons and the order with its tie-breaks
    const searches = fake.requests.filter((q) => /\/search$|multi-search/.test(q.path)).map((q) => JSON.stringify(q.body));
    expect(searches.some((b) => b.includes('"fig.received >= 100"'))).toBe(true);
    expect(searches.some((b) => b.includes('["fig.received:desc","year:desc","keys.agency:asc"]'))).toBe(true);
  });

  it('nothing indexed yet: an empty result, not an error', async () => {
    const { fake, engine } = await replay('empty');
    expect(await SCENARIOS.empty(engine)).toEqual({
      search: { total: 0, page: 1, perPage: 20, hits: [], facets: { year: {} } },
      report: null,
      agencies: [],
    });
    expect(fake.misses).toEqual([]);
  });

  it('a query of punctuation only matches nothing and never reaches Meilisearch', async () => {
    const { fake, engine } = await replay('empty');
    expect((await engine.search({ q: '，。！' })).total).toBe(0);
    expect(fake.requests).toEqual([]);
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
      () => down.rebuild(RECS),
      () => down.upsert(RECS),
    ]) {
      const err = await call().catch((e) => e);
      expect(err).toBeInstanceOf(EngineUnavailableError);
      expect(err.code).toBe('unavailable:search');
      expect(err.message).toMatch(new RegExp(`Meilisearch is unreachable at http://127.0.0.1:${port} \\(ECONNREFUSED\\)`));
    }
  });

  it('a rejected API key (as the real server answered it) → EngineUnavailableError naming MEILI_MASTER_KEY', async () => {
    const { fake, engine } = await replay(WRONG_KEY_SCENARIO, 'not-the-master-key');
    const r = await wrongKey(engine);
    expect(fake.misses).toEqual([]);
    expect(String(r.error)).toContain('MEILI_MASTER_KEY');
    expect(String(r.error)).toContain('invalid_api_key');
  });

  it('a refused request (e.g. bad filter) → MeilisearchEngineError with the code', async () => {
    const { fake, engine } = await replay('empty');
    fake.httpError = { status: 400, code: 'invalid_search_filter' };
    const err = await engine.search({ q: '公开' }).catch((e) => e);
    expect(err).toBeInstanceOf(MeilisearchEngineError);
    expect(err.meiliCode).toBe('invalid_search_filter');
  });

  it('a server error (5xx) → EngineUnavailableError', async () => {
    const { fake, engine } = await replay('empty');
    fake.httpError = { status: 503, code: 'internal' };
    await expect(engine.listAgencies()).rejects.toBeInstanceOf(EngineUnavailableError);
  });
});
