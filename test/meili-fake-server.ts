/**
 * A fake Meilisearch on 127.0.0.1 (node:http) for the calls the engine makes. It records every
 * request, keeps indexes and documents in memory, and answers tasks the way Meilisearch does:
 * enqueued on creation, `processing` on the first poll, then `succeeded` or `failed` with an
 * error code. Tasks take effect only when they finish, as in Meilisearch.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

type Doc = Record<string, unknown>;
interface FakeIndex {
  docs: Map<string, Doc>;
  settings: Record<string, unknown>;
}
export interface Recorded {
  method: string;
  path: string;
  body: unknown;
}
interface FakeTask {
  uid: number;
  indexUid: string | null;
  type: string;
  polls: number;
  apply: () => { code: string; message: string } | void;
  result?: { status: 'succeeded' | 'failed'; error: { code: string; message: string } | null };
}

/** Decide, per task, that it fails with this Meilisearch error code (checked when it runs). */
export type FailRule = (task: { type: string; indexUid: string | null; body: unknown; nth: number }) => string | undefined;

export class FakeMeili {
  indexes = new Map<string, FakeIndex>();
  requests: Recorded[] = [];
  /** the search response to send, and the last search request body */
  searchResponse: Record<string, unknown> = { hits: [], query: '', processingTimeMs: 0, totalHits: 0, page: 1, hitsPerPage: 20, totalPages: 0 };
  failRule: FailRule | null = null;
  /** answer every request with this HTTP error instead */
  httpError: { status: number; code: string } | null = null;
  /** answer matching requests with this HTTP error (e.g. a refused document payload) */
  httpErrorFor: ((method: string, path: string) => { status: number; code: string } | undefined) | null = null;
  private tasks = new Map<number, FakeTask>();
  private nextUid = 0;
  private counts = new Map<string, number>();
  private server = http.createServer((req, res) => this.handle(req, res));

  async start(): Promise<string> {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }
  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
  }

  /** Requests other than task polling, as "METHOD path" lines. */
  calls(): string[] {
    return this.requests.filter((r) => !r.path.startsWith('/tasks/')).map((r) => `${r.method} ${r.path}`);
  }
  docIds(uid: string): string[] {
    return [...(this.indexes.get(uid)?.docs.keys() ?? [])].sort();
  }
  seed(uid: string, docs: Doc[] = []): void {
    this.indexes.set(uid, { docs: new Map(docs.map((d) => [String(d.id), d])), settings: {} });
  }

  private enqueue(type: string, indexUid: string | null, body: unknown, apply: FakeTask['apply']) {
    const nth = (this.counts.get(type) ?? 0) + 1;
    this.counts.set(type, nth);
    const uid = this.nextUid++;
    const failCode = this.failRule?.({ type, indexUid, body, nth });
    const t: FakeTask = {
      uid,
      indexUid,
      type,
      polls: 0,
      apply: failCode ? () => ({ code: failCode, message: `fake failure: ${failCode}` }) : apply,
    };
    this.tasks.set(uid, t);
    return { taskUid: uid, indexUid, status: 'enqueued', type, enqueuedAt: new Date().toISOString() };
  }

  private taskView(t: FakeTask) {
    t.polls++;
    if (t.polls === 1) return this.view(t, 'processing', null);
    if (!t.result) {
      const err = t.apply();
      t.result = err ? { status: 'failed', error: { ...err, type: 'invalid_request', link: '' } as never } : { status: 'succeeded', error: null };
    }
    return this.view(t, t.result.status, t.result.error);
  }
  private view(t: FakeTask, status: string, error: unknown) {
    return { uid: t.uid, batchUid: null, indexUid: t.indexUid, status, type: t.type, canceledBy: null, error, duration: null, enqueuedAt: '', startedAt: null, finishedAt: null };
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse) {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const url = new URL(req.url!, 'http://x');
      let body = raw ? JSON.parse(raw) : undefined;
      this.requests.push({ method: req.method!, path: url.pathname, body });
      const send = (status: number, payload: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(payload));
      };
      const apiError = (status: number, code: string) => send(status, { message: `fake: ${code}`, code, type: 'invalid_request', link: '' });
      const forced = this.httpError ?? this.httpErrorFor?.(req.method!, url.pathname);
      if (forced) return apiError(forced.status, forced.code);
      const p = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
      const m = req.method;
      const idx = (uid: string) => this.indexes.get(uid);

      if (m === 'GET' && p[0] === 'tasks' && p.length === 2) {
        const t = this.tasks.get(Number(p[1]));
        return t ? send(200, this.taskView(t)) : apiError(404, 'task_not_found');
      }
      if (m === 'POST' && p[0] === 'indexes' && p.length === 1) {
        const uid = body.uid as string;
        return send(202, this.enqueue('indexCreation', uid, body, () => {
          if (this.indexes.has(uid)) return { code: 'index_already_exists', message: `Index \`${uid}\` already exists.` };
          this.seed(uid);
        }));
      }
      if (m === 'DELETE' && p[0] === 'indexes' && p.length === 2) {
        return send(202, this.enqueue('indexDeletion', p[1], body, () => {
          if (!this.indexes.delete(p[1])) return { code: 'index_not_found', message: `Index \`${p[1]}\` not found.` };
        }));
      }
      if (m === 'PATCH' && p[0] === 'indexes' && p[2] === 'settings') {
        return send(202, this.enqueue('settingsUpdate', p[1], body, () => {
          const i = idx(p[1]);
          if (!i) return { code: 'index_not_found', message: 'not found' };
          Object.assign(i.settings, body);
        }));
      }
      if (m === 'POST' && p[0] === 'indexes' && p[2] === 'documents' && p.length === 3) {
        return send(202, this.enqueue('documentAdditionOrUpdate', p[1], body, () => {
          const i = idx(p[1]);
          if (!i) return { code: 'index_not_found', message: 'not found' };
          for (const d of body as Doc[]) i.docs.set(String(d.id), d);
        }));
      }
      if (m === 'POST' && p[0] === 'indexes' && p[2] === 'documents' && p[3] === 'delete') {
        return send(202, this.enqueue('documentDeletion', p[1], body, () => {
          const i = idx(p[1]);
          if (!i) return { code: 'index_not_found', message: 'not found' };
          const ids = quotedValues(String(body.filter));
          for (const [k, d] of i.docs) if (ids.includes(String(d.report_id))) i.docs.delete(k);
        }));
      }
      if (m === 'POST' && p[0] === 'swap-indexes') {
        return send(202, this.enqueue('indexSwap', null, body, () => {
          for (const s of body as { indexes: [string, string] }[]) {
            if (!this.indexes.has(s.indexes[0]) || !this.indexes.has(s.indexes[1])) return { code: 'index_not_found', message: 'swap of a missing index' };
          }
          for (const s of body as { indexes: [string, string] }[]) {
            const [a, b] = s.indexes;
            const ia = this.indexes.get(a)!;
            this.indexes.set(a, this.indexes.get(b)!);
            this.indexes.set(b, ia);
          }
        }));
      }
      if (m === 'GET' && p[0] === 'indexes' && p[2] === 'documents' && p.length === 4) {
        const i = idx(p[1]);
        if (!i) return apiError(404, 'index_not_found');
        const d = i.docs.get(p[3]);
        if (!d) return apiError(404, 'document_not_found');
        const fields = url.searchParams.get('fields')?.split(',');
        return send(200, fields ? Object.fromEntries(fields.map((f) => [f, d[f]])) : d);
      }
      const listing = m === 'GET' && p[0] === 'indexes' && p[2] === 'documents' && p.length === 3;
      if (listing || (m === 'POST' && p[0] === 'indexes' && p[2] === 'documents' && p[3] === 'fetch')) {
        const i = idx(p[1]);
        if (!i) return apiError(404, 'index_not_found');
        if (listing) {
          const fields = url.searchParams.get('fields');
          body = {
            limit: Number(url.searchParams.get('limit') ?? 20),
            offset: Number(url.searchParams.get('offset') ?? 0),
            ...(fields ? { fields: fields.split(',') } : {}),
          };
        }
        let docs = [...i.docs.values()];
        if (body.filter) {
          const [attr] = String(body.filter).split(' ');
          const [value] = quotedValues(String(body.filter));
          docs = docs.filter((d) => String(d[attr]) === value);
        }
        const page = docs.slice(body.offset ?? 0, (body.offset ?? 0) + (body.limit ?? 20));
        const results = body.fields ? page.map((d) => Object.fromEntries((body.fields as string[]).map((f) => [f, d[f]]))) : page;
        return send(200, { results, offset: body.offset ?? 0, limit: body.limit ?? 20, total: docs.length });
      }
      if (m === 'POST' && p[0] === 'indexes' && p[2] === 'search') {
        if (!idx(p[1])) return apiError(404, 'index_not_found');
        return send(200, this.searchResponse);
      }
      if (m === 'POST' && p[0] === 'multi-search') {
        // Every query gets the set search response (as Meilisearch, a missing index fails the whole request).
        const queries = body.queries as { indexUid: string }[];
        if (queries.some((q) => !idx(q.indexUid))) return apiError(404, 'index_not_found');
        return send(200, { results: queries.map((q) => ({ indexUid: q.indexUid, ...this.searchResponse })) });
      }
      apiError(404, 'not_implemented_in_fake');
    });
  }
}

/** The values of double-quoted literals in a filter, unescaped (\\ and \"). */
export function quotedValues(filter: string): string[] {
  const out: string[] = [];
  for (const m of filter.matchAll(/"((?:[^"\\]|\\.)*)"/g)) out.push(m[1].replace(/\\(.)/g, '$1'));
  return out;
}
