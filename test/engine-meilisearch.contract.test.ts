/**
 * The shared engine contract against a real Meilisearch, plus what only a real server shows (its
 * payload limit, its FIFO task queue, swaps racing upserts). Each makeEngine call gets its own
 * index pair, deleted afterwards.
 *
 * Needs MEILI_HOST and MEILI_MASTER_KEY (see docs/meilisearch.md, "Tests"), and
 * MEILI_MAX_PAYLOAD_BYTES set to the server's --http-payload-size-limit, at most 16 MB, so the
 * payload tests can exceed it without sending hundreds of megabytes, e.g.
 *   meilisearch --http-payload-size-limit 2000000 …
 *   MEILI_HOST=http://127.0.0.1:7700 MEILI_MASTER_KEY=… MEILI_MAX_PAYLOAD_BYTES=2000000 npm run test:meilisearch
 * Without MEILI_HOST (CI has no Meilisearch server) the suite is skipped, and says so.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { Meilisearch } from 'meilisearch';
import { fixtureRecord, FIXTURES, runEngineContract } from './engine-contract';
import { runVersionContract } from './engine-contract-versions';
import { MeilisearchEngine } from '../lib/search/meilisearch';
import { env } from '../lib/env';
import type { ReportRecord } from '../lib/types';

const SKIP_REASON = 'Meilisearch contract suite skipped: MEILI_HOST is not set (no Meilisearch server reachable on this machine)';
const host = env().MEILI_HOST;

if (!host) {
  console.warn(SKIP_REASON);
  describe.skip(SKIP_REASON, () => {
    it.skip(SKIP_REASON, () => {});
  });
} else {
  const apiKey = env().MEILI_MASTER_KEY;
  const payloadLimit = env().MEILI_MAX_PAYLOAD_BYTES;
  const run = `contract_${Date.now()}`;
  const made: string[] = [];
  const client = new Meilisearch({ host, apiKey });
  afterAll(async () => {
    for (const uid of made.flatMap((u) => [u, `${u}_records`])) await client.deleteIndexIfExists(uid).catch(() => {});
  });
  const newIndex = () => {
    const index = `${run}_${made.length}`;
    made.push(index);
    return index;
  };
  /** As in production: MeilisearchEngine.fromEnv (MEILI_MAX_PAYLOAD_BYTES bounds the batches). */
  const makeEngine = (over: Record<string, unknown> = {}) => MeilisearchEngine.fromEnv({ index: newIndex(), batchSize: 50, ...over });

  runEngineContract('meilisearch', async () => makeEngine());
  runVersionContract('meilisearch', async () => makeEngine());

  describe('meilisearch: what only a real server shows', () => {
    const needLimit = () => {
      expect(payloadLimit, 'set MEILI_MAX_PAYLOAD_BYTES to the server --http-payload-size-limit (≤ 16 MB)').toBeDefined();
      expect(payloadLimit!).toBeLessThanOrEqual(16 * 1024 * 1024);
      return payloadLimit!;
    };
    /** A report whose text is about `chars` characters, with a word of its own at the end. */
    const bigReport = (id: string, chars: number, word: string): ReportRecord =>
      fixtureRecord({
        id,
        agency: `${id}局`,
        year: 2024,
        region: ['临江省', null, null],
        level: 'city',
        kind: 'department',
        sections: {
          overview: '全年受理依申请公开事项，按期答复。'.repeat(Math.ceil(chars / 2 / 17)),
          problems: `信息发布的及时性有待提高。`.repeat(Math.ceil(chars / 2 / 13)) + word,
        },
      });

    it('a rebuild whose documents exceed the payload limit many times over succeeds (batches by bytes)', { timeout: 600_000 }, async () => {
      const limit = needLimit();
      // Each report ~ limit/8 characters (~3 bytes each, stored as text and jieba field):
      // together several times the limit, each report's documents well under it.
      const recs = Array.from({ length: 12 }, (_, i) => bigReport(`big-${i}`, Math.floor(limit / 8), i === 11 ? '鲲鹏' : '结束'));
      const engine = makeEngine();
      expect(await engine.rebuild(recs)).toEqual({ indexed: 12 });
      expect((await engine.search({ q: '' })).total).toBe(12);
      expect((await engine.search({ q: '鲲鹏' })).hits.map((h) => h.id)).toEqual(['big-11']);
    });

    it('an upsert the server refuses leaves the previous version searchable (new documents go in before old ones go)', { timeout: 600_000 }, async () => {
      const limit = needLimit();
      const engine = makeEngine();
      await engine.rebuild(FIXTURES);
      const before = await engine.getReport('hks-jyj-2022');
      // One report larger than the whole payload limit: its documents cannot be sent.
      const huge = { ...bigReport('hks-jyj-2022', limit, '鲲鹏'), agency: '河口市教育局' };
      await expect(engine.upsert([huge])).rejects.toThrow();
      expect((await engine.search({ q: '新媒体' })).hits.map((h) => h.id)).toEqual(['hks-jyj-2022']);
      expect(await engine.getReport('hks-jyj-2022')).toEqual(before);
      expect((await engine.search({ q: '鲲鹏' })).total).toBe(0);
    });

    it('an upsert made while a rebuild runs is not lost by its swap', { timeout: 600_000 }, async () => {
      const engine = makeEngine();
      await engine.rebuild(FIXTURES);
      const changed = { ...structuredClone(FIXTURES[0]), sections: [{ key: 'problems' as const, title: '五', text: '网站栏目鲲鹏设置不够合理。' }] };
      const added = { ...structuredClone(FIXTURES[1]), id: 'added-during-rebuild', file: 'fixtures/added.txt' };
      let upserted = false;
      async function* slow() {
        for (const [i, r] of FIXTURES.entries()) {
          yield r;
          if (i === 2) {
            // The build pair exists and is being filled; the upsert goes to the live pair.
            await engine.upsert([changed, added]);
            upserted = true;
          }
        }
      }
      await engine.rebuild(slow());
      expect(upserted).toBe(true);
      expect((await engine.search({ q: '鲲鹏' })).hits.map((h) => h.id)).toEqual([FIXTURES[0].id]);
      expect(await engine.getReport(FIXTURES[0].id)).toEqual(changed);
      expect(await engine.getReport('added-during-rebuild')).toEqual(added);
      expect((await engine.search({ q: '' })).total).toBe(FIXTURES.length + 1);
    });

    it('upsert into existing indexes queues no index-creation task (none fails on purpose)', { timeout: 600_000 }, async () => {
      const engine = makeEngine();
      await engine.rebuild(FIXTURES);
      const uid = engine.indexUid;
      const since = new Date().toISOString();
      await engine.upsert([FIXTURES[0]]);
      const tasks = await client.tasks.getTasks({ indexUids: [uid, `${uid}_records`], types: ['indexCreation'], afterEnqueuedAt: since });
      expect(tasks.results).toEqual([]);
    });

    it('waits for its tasks behind a long task in the queue (no 5 s client timeout)', async () => {
      needLimit();
      // Fill the FIFO queue: documents for another index, several seconds of indexing.
      const blocker = newIndex();
      const chunk = Array.from({ length: 2000 }, (_, i) => ({ id: i, text: `第${i}条 政府信息公开工作年度报告 主动公开 依申请公开 行政复议 行政诉讼`.repeat(3) }));
      const blockers = [];
      for (let n = 0; n < 60; n++) {
        const docs = chunk.map((d) => ({ ...d, id: n * 2000 + d.id }));
        blockers.push(await client.index(blocker).addDocuments(docs, { primaryKey: 'id' }));
      }
      const engine = makeEngine({ pollIntervalMs: 200 });
      // A fresh engine on a new index: ensureIndex creates it, behind every blocker task.
      await engine.upsert([FIXTURES[0]]);
      expect((await engine.search({ q: '' })).total).toBe(1);
      // Prerequisite: the queue really held the engine's index creation longer than the client's 5 s default.
      const created = await client.tasks.getTasks({ indexUids: [engine.indexUid], types: ['indexCreation'] });
      expect(created.results).toHaveLength(1);
      const waitedMs = Date.parse(created.results[0].finishedAt!) - Date.parse(created.results[0].enqueuedAt);
      expect(waitedMs, 'the blocker tasks finished too fast to prove anything; add more').toBeGreaterThan(6000);
      expect(blockers).toHaveLength(60);
    }, 600_000);
  });
}
