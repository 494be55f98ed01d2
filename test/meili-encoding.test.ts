/**
 * The adapter asks Meilisearch for uncompressed answers: a gzip answer over Node's kept-alive
 * fetch connection arrived ≈30 ms late per request against the real server (docs/meilisearch.md,
 * "Answers uncompressed"). This pins the request header; the latency itself is the benchmark's.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MeilisearchEngine } from '../lib/search/meilisearch';

let server: http.Server;
let host = '';
const seen: (string | undefined)[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    seen.push(req.headers['accept-encoding']);
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ message: 'not found', code: 'document_not_found', type: 'invalid_request', link: '' }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  host = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('Meilisearch requests', () => {
  it('ask for identity encoding on every request', async () => {
    const engine = new MeilisearchEngine({ host, apiKey: 'k', index: 'reports' });
    expect(await engine.getReport('r1')).toBeNull();
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((h) => h === 'identity')).toBe(true);
    await engine.close();
  });
});
