/**
 * Input edges through real route handlers, a real SQLite index and a real Node HTTP server:
 * code-point-safe cuts, path segments decoded once, control characters kept out of what is
 * echoed, 405 for other methods, security headers on responses Next does not route (308, 431),
 * and one rule (last wins) for repeated parameters.
 */
import http from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentDisposition } from '@/lib/compare/csv';
import { cutCodePoints, cleanText, wellFormed } from '@/lib/text';
import { lastParam } from '@/lib/search-params';
import { makeSnippet } from '@/lib/search/snippet';
import { parsePeerParams } from '@/lib/queries';
import { SqliteEngine } from '@/lib/search/sqlite';
import { guardRequest, installServerGuard } from '@/lib/http/server-guard';
import type { ReportRecord } from '@/lib/types';
import { generatedRecords, serveIndex } from './helpers-index';

const B = 'http://localhost';
const LONE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
let idx: Awaited<ReturnType<typeof serveIndex>>;
let damaged: ReportRecord;

beforeAll(async () => {
  const records = generatedRecords('input-edges', 2);
  // A UTF-16 file with a damaged name: an unpaired surrogate in the agency.
  damaged = { ...records[0]!, id: 'damaged-utf16', agency: `${records[0]!.agency}\uD83D` };
  idx = await serveIndex([...records, damaged]);
});
afterAll(async () => idx.close());

describe('cuts at code-point boundaries', () => {
  it('cutCodePoints never leaves half a surrogate pair', () => {
    const q = 'x'.repeat(19) + '😀';
    expect(q.slice(0, 20)).toMatch(LONE); // what the old cut did
    expect(cutCodePoints(q, 20)).toBe('x'.repeat(19));
    expect(cutCodePoints(q, 21)).toBe(q);
    expect(cutCodePoints('abc', 20)).toBe('abc');
    for (let n = 0; n < 12; n++) expect(cutCodePoints('😀a😀b😀c😀', n)).not.toMatch(LONE);
  });

  it('snippets of text without the terms are cut whole', () => {
    const text = 'a'.repeat(79) + '😀'.repeat(10);
    expect(makeSnippet(text, ['不在文中'])).not.toMatch(LONE);
  });

  it('file names with lone surrogates or control characters still encode', () => {
    expect(() => contentDisposition('机关\uD83D.csv')).not.toThrow();
    expect(contentDisposition('机关\uD83D\u0000.csv')).toContain("filename*=UTF-8''%E6%9C%BA%E5%85%B3%EF%BF%BD_.csv");
    expect(wellFormed('a\uDC00b')).toBe('a\uFFFDb');
  });

  it('/api/reports/<id>?format=csv of a report whose agency has an unpaired surrogate: 200', async () => {
    const { GET } = await import('@/app/api/reports/[id]/route');
    const res = await GET(new Request(`${B}/api/reports/${damaged.id}?format=csv`), { params: Promise.resolve({ id: damaged.id }) });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('%EF%BF%BD');
    const text = await res.text();
    expect(text.split('\r\n').length).toBeGreaterThan(3);
  });

  it('the CSV twins of a query with an emoji at character 20: 200', async () => {
    const q = encodeURIComponent('x'.repeat(19) + '😀');
    const search = (await import('@/app/api/search/route')).GET;
    expect((await search(new Request(`${B}/api/search?format=csv&q=${q}`))).status).toBe(200);
  });
});

describe('path segments are decoded once', () => {
  it('/api/agencies/%25 is a 404 (Next already decoded the slug to "%")', async () => {
    const { GET } = await import('@/app/api/agencies/[slug]/route');
    const res = await GET(new Request(`${B}/api/agencies/%25`), { params: Promise.resolve({ slug: '%' }) });
    expect(res.status).toBe(404);
    expect((await res.json()).error).toContain('“%”');
  });

  it('/api/agencies/%2541 looks up "%41", not "A"', async () => {
    const { GET } = await import('@/app/api/agencies/[slug]/route');
    const res = await GET(new Request(`${B}/api/agencies/%2541`), { params: Promise.resolve({ slug: '%41' }) });
    expect(res.status).toBe(404);
    expect((await res.json()).error).toContain('“%41”');
  });

  it('/api/agencies/[slug]/compare/[years] with a "%" slug: 404, not 503', async () => {
    const { GET } = await import('@/app/api/agencies/[slug]/compare/[years]/route');
    const res = await GET(new Request(`${B}/api/agencies/%25/compare/2023-2024`), { params: Promise.resolve({ slug: '%', years: '2023-2024' }) });
    expect(res.status).toBe(404);
  });
});

describe('control characters never reach what is echoed', () => {
  it('an agency slug with NUL and ESC: the 404 message carries neither', async () => {
    const { GET } = await import('@/app/api/agencies/[slug]/route');
    const slug = '\u0000\u001b[31mX';
    const res = await GET(new Request(`${B}/api/agencies/x`), { params: Promise.resolve({ slug }) });
    expect(res.status).toBe(404);
    expect((await res.json()).error).not.toMatch(/[\u0000-\u001f]/);
  });

  it('peer comparison slugs and report ids are cleaned', async () => {
    expect(parsePeerParams(new URLSearchParams('agencies=%00a,%1Bb&year=2024')).slugs.join()).not.toMatch(/[\u0000-\u001f]/);
    const { GET } = await import('@/app/api/reports/[id]/route');
    const res = await GET(new Request(`${B}/api/reports/x`), { params: Promise.resolve({ id: '\u0000\u001b[31mX' }) });
    expect(res.status).toBe(404);
    expect((await res.json()).error).not.toMatch(/[\u0000-\u001f]/);
    expect(cleanText('\u0000\u001b[31mX')).toBe('  [31mX');
  });
});

describe('repeated parameters: the last one wins, format included', () => {
  it('lastParam', () => {
    expect(lastParam(new URLSearchParams('format=csv&format=json'), 'format')).toBe('json');
    expect(lastParam({ format: ['csv', 'json'] }, 'format')).toBe('json');
    expect(lastParam({}, 'format')).toBeUndefined();
  });

  it('every JSON/CSV twin', async () => {
    const { GET: search } = await import('@/app/api/search/route');
    const { GET: agencies } = await import('@/app/api/agencies/route');
    const { GET: report } = await import('@/app/api/reports/[id]/route');
    const id = damaged.id;
    const twins = [
      () => search(new Request(`${B}/api/search?format=csv&format=json`)),
      () => agencies(new Request(`${B}/api/agencies?format=csv&format=json`)),
      () => report(new Request(`${B}/api/reports/${id}?format=csv&format=json`), { params: Promise.resolve({ id }) }),
    ];
    for (const t of twins) {
      const res = await t();
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('application/json');
      await res.text();
    }
    const csv = await search(new Request(`${B}/api/search?format=json&format=csv`));
    expect(csv.headers.get('content-type')).toContain('text/csv');
  });
});

describe('the server guard on a real Node HTTP server', () => {
  let server: http.Server;
  let port: number;
  beforeAll(async () => {
    installServerGuard();
    // Stands in for Next: a redirect made before routing, and a page.
    server = http.createServer((req, res) => {
      if (req.url?.endsWith('/')) {
        res.writeHead(308, { location: req.url.slice(0, -1) || '/' });
        res.end();
      } else res.end('ok');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as net.AddressInfo).port;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  const raw = (text: string) =>
    new Promise<string>((resolve, reject) => {
      const s = net.connect(port, '127.0.0.1', () => s.write(text));
      let out = '';
      s.on('data', (d) => (out += d));
      s.on('end', () => resolve(out));
      s.on('error', reject);
      setTimeout(() => (s.destroy(), resolve(out)), 3000);
    });
  const csp = /content-security-policy: default-src 'self'/i;

  it('TRACE and other methods: 405 with Allow and the security headers', async () => {
    for (const method of ['PUT', 'DELETE', 'POST', 'PATCH']) {
      const res = await fetch(`http://127.0.0.1:${port}/api/search`, { method });
      expect(res.status).toBe(405);
      expect(res.headers.get('allow')).toBe('GET, HEAD');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect((await res.json()).error).toContain('只接受');
    }
    // fetch refuses to send TRACE: written by hand.
    const trace = await raw('TRACE / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect(trace).toMatch(/^HTTP\/1\.1 405/);
    expect(trace).toMatch(csp);
    expect(trace).toMatch(/allow: GET, HEAD/i);
  });

  it('a 308 redirect made before routing carries the security headers', async () => {
    const res = await fetch(`http://127.0.0.1:${port}/reports/x/`, { redirect: 'manual' });
    expect(res.status).toBe(308);
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('headers over the limit: 431 from the parser, with the security headers', async () => {
    const out = await raw(`GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(out).toMatch(/^HTTP\/1\.1 431/);
    expect(out).toMatch(csp);
    expect(out).toMatch(/x-content-type-options: nosniff/i);
  });

  it('431 to fetch, on fresh and on reused connections, several at once', async () => {
    const long = `/api/search?q=${'%E6%97%B6'.repeat(3000)}`;
    const paths = Array.from({ length: 24 }, (_, i) => (i % 3 ? long : '/x'));
    const res = await Promise.all(paths.map((p) => fetch(`http://127.0.0.1:${port}${p}`).then((r) => [r.status, r.headers.get('x-content-type-options')])));
    expect(res.filter(([s]) => s === 431)).toHaveLength(16);
    expect(res.every(([, h]) => h === 'nosniff')).toBe(true);
  });

  it('GET passes through untouched apart from the headers', () => {
    const res = { headers: new Map<string, string>(), hasHeader(k: string) { return this.headers.has(k); }, setHeader(k: string, v: string) { this.headers.set(k, v); } };
    expect(guardRequest({ method: 'GET', url: '/' } as http.IncomingMessage, res as unknown as http.ServerResponse)).toBe(false);
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
  });
});

describe('engine-level code points', () => {
  it('the SQLite engine indexes and returns a record with an unpaired surrogate', async () => {
    const e = new SqliteEngine({ dataDir: idx.dir });
    expect((await e.getReport(damaged.id))?.agency).toBe(damaged.agency);
    await e.close();
  });
});
