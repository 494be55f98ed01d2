/**
 * The shared engine contract against a real Meilisearch, when one is reachable (MEILI_HOST,
 * MEILI_MASTER_KEY). Each makeEngine call gets its own index pair, deleted afterwards.
 * This machine cannot run Meilisearch (no registry ships it), so here the suite is skipped,
 * and says so.
 */
import { afterAll, describe, it } from 'vitest';
import { Meilisearch } from 'meilisearch';
import { runEngineContract } from './engine-contract';
import { runVersionContract } from './engine-contract-versions';
import { MeilisearchEngine } from '../lib/search/meilisearch';
import { env } from '../lib/env';

const SKIP_REASON = 'Meilisearch contract suite skipped: MEILI_HOST is not set (no Meilisearch server reachable on this machine)';
const host = env().MEILI_HOST;

if (!host) {
  console.warn(SKIP_REASON);
  describe.skip(SKIP_REASON, () => {
    it.skip(SKIP_REASON, () => {});
  });
} else {
  const apiKey = env().MEILI_MASTER_KEY;
  const run = `contract_${Date.now()}`;
  const made: string[] = [];
  afterAll(async () => {
    const client = new Meilisearch({ host, apiKey });
    for (const uid of made.flatMap((u) => [u, `${u}_records`])) await client.deleteIndexIfExists(uid).catch(() => {});
  });
  const makeEngine = async () => {
    const index = `${run}_${made.length}`;
    made.push(index);
    return new MeilisearchEngine({ host, apiKey, index, batchSize: 50 });
  };
  runEngineContract('meilisearch', makeEngine);
  runVersionContract('meilisearch', makeEngine);
}
