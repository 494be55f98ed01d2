/**
 * Child process of the benchmark: the real indexer pipeline (lib/indexer, as `npm run index`
 * runs it) on one folder into DATA_DIR, then one JSON line on stdout with its own peak RSS
 * (process.resourceUsage covers every thread, worker threads included).
 */
import { createEngine } from '../../lib/search/index';
import { indexDirectory } from '../../lib/indexer/run';
import { env } from '../../lib/env';

const dir = process.argv[2];
// The engine SEARCH_ENGINE names (the benchmark sets it, with MEILI_INDEX for Meilisearch).
const engine = createEngine({ dataDir: env().dataDir });
const t0 = performance.now();
const status = await indexDirectory({ dir, engine });
await engine.close();
const seconds = (performance.now() - t0) / 1000;
process.stdout.write(
  JSON.stringify({
    seconds,
    found: status.found,
    indexed: status.indexed,
    failed: status.failed,
    swapped: status.swapped,
    error: status.error ?? null,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
  }) + '\n',
);
