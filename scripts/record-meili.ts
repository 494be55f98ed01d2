/**
 * npm run record:meili [-- --commit <sha>]  (needs MEILI_HOST and MEILI_MASTER_KEY: a real
 * Meilisearch holding no index named rec_reports*; --commit names the source commit of a
 * self-built server, which reports commitSha "unknown" when built without git metadata)
 *
 * Runs the scenarios of test/meili-scenarios.ts through MeilisearchEngine against the real server,
 * through a recording proxy on 127.0.0.1, and writes every request → response pair to
 * test/fixtures/meili-recording.json with the server's version and commit. The fake server of the
 * unit tests (test/meili-fake-server.ts) replays them: it answers as this server did.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { Meilisearch } from 'meilisearch';
import { MeilisearchEngine } from '../lib/search/meilisearch';
import { env } from '../lib/env';
import { INDEX, SCENARIOS, WRONG_KEY_SCENARIO, wrongKey } from '../test/meili-scenarios';
import { normalize, parseBody, type Exchange, type Recording } from '../test/meili-replay';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const OUT = path.join(ROOT, 'test', 'fixtures', 'meili-recording.json');

function recordingProxy(target: string) {
  let tape: Exchange[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', async () => {
      const raw = Buffer.concat(chunks);
      const headers: Record<string, string> = {};
      for (const h of ['authorization', 'content-type']) if (req.headers[h]) headers[h] = String(req.headers[h]);
      const r = await fetch(target + req.url, { method: req.method, headers, body: raw.length ? raw : undefined });
      const text = await r.text();
      tape.push({
        method: req.method!,
        path: normalize(req.url!),
        body: parseBody(raw.toString('utf8'), req.headers['content-type']),
        status: r.status,
        response: text ? JSON.parse(normalize(text)) : null,
      });
      res.writeHead(r.status, { 'content-type': r.headers.get('content-type') ?? 'application/json' });
      res.end(text);
    });
  });
  return {
    start: () => new Promise<string>((ok) => server.listen(0, '127.0.0.1', () => ok(`http://127.0.0.1:${(server.address() as AddressInfo).port}`))),
    take: () => [tape, (tape = [])][0],
    stop: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

async function main() {
  const at = process.argv.indexOf('--commit');
  const builtFrom = at > 0 ? process.argv[at + 1] : undefined;
  const e = env();
  if (!e.MEILI_HOST) throw new Error('MEILI_HOST is not set: point it at a running Meilisearch (see docs/meilisearch.md)');
  const client = new Meilisearch({ host: e.MEILI_HOST, apiKey: e.MEILI_MASTER_KEY });
  const server = await client.getVersion();
  const clean = async () => {
    const { results } = await client.getRawIndexes({ limit: 1000 });
    for (const i of results) if (i.uid.startsWith(INDEX)) await client.deleteIndex(i.uid).waitTask({ timeout: 600_000 });
  };
  const proxy = recordingProxy(e.MEILI_HOST);
  const host = await proxy.start();
  const tapes: Record<string, Exchange[]> = {};
  try {
    for (const [name, run] of Object.entries(SCENARIOS)) {
      await clean();
      proxy.take();
      await run(new MeilisearchEngine({ host, apiKey: e.MEILI_MASTER_KEY, index: INDEX, batchSize: 4, pollIntervalMs: 20 }));
      tapes[name] = proxy.take();
      console.error(`${name}: ${tapes[name].length} exchanges`);
    }
    await wrongKey(new MeilisearchEngine({ host, apiKey: 'not-the-master-key', index: INDEX, pollIntervalMs: 20 }));
    tapes[WRONG_KEY_SCENARIO] = proxy.take();
    await clean();
  } finally {
    await proxy.stop();
  }
  const rec: Recording = {
    server: { pkgVersion: server.pkgVersion, commitSha: server.commitSha, commitDate: server.commitDate, ...(builtFrom ? { builtFrom } : {}) },
    recordedAt: new Date().toISOString(),
    command: 'MEILI_HOST=… MEILI_MASTER_KEY=… npm run record:meili',
    tapes,
  };
  fs.writeFileSync(OUT, JSON.stringify(rec, null, 1) + '\n');
  console.log(`wrote ${path.relative(process.cwd(), OUT)}: Meilisearch ${server.pkgVersion} (${server.commitSha}), ${Object.keys(tapes).length} tapes`);
}

main().catch((err) => {
  console.error(`✗ ${err instanceof Error ? err.stack : String(err)}`);
  process.exitCode = 1;
});
