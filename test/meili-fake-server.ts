/**
 * A fake Meilisearch on 127.0.0.1 (node:http) that answers as a real server did: it replays one
 * tape of test/fixtures/meili-recording.json (request → response pairs recorded from a real
 * Meilisearch by scripts/record-meili.ts; see test/meili-replay.ts for how requests are matched).
 * A request the tape never saw is answered 501 `not_in_recording` and counted in `misses`, so a
 * test notices when the engine's requests drift from what was recorded: re-record then.
 *
 * On top of the replay, failures can be injected (a real server cannot be made to fail on cue):
 * `failRule` turns a recorded task into a failed one with the given Meilisearch error code, and
 * `httpError`/`httpErrorFor` answer requests with an HTTP error instead.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { exchangeKey, parseBody, type Exchange, type Recording } from './meili-replay';

export const RECORDING_FILE = path.join(path.dirname(new URL(import.meta.url).pathname), 'fixtures', 'meili-recording.json');

export function loadRecording(): Recording {
  return JSON.parse(fs.readFileSync(RECORDING_FILE, 'utf8')) as Recording;
}

export interface Recorded {
  method: string;
  path: string;
  body: unknown;
}

/** Decide, per task-creating request, that its task fails with this Meilisearch error code. */
export type FailRule = (task: { type: string; indexUid: string | null; body: unknown; nth: number }) => string | undefined;

export class FakeMeili {
  requests: Recorded[] = [];
  /** requests the tape has no answer for */
  misses: string[] = [];
  failRule: FailRule | null = null;
  /** answer every request with this HTTP error instead */
  httpError: { status: number; code: string } | null = null;
  /** answer matching requests with this HTTP error (e.g. a refused document payload) */
  httpErrorFor: ((method: string, path: string) => { status: number; code: string } | undefined) | null = null;
  private readonly byKey = new Map<string, Exchange[]>();
  private readonly cursor = new Map<string, number>();
  private readonly failedTasks = new Map<number, string>();
  private readonly typeCounts = new Map<string, number>();
  private server = http.createServer((req, res) => this.handle(req, res));

  constructor(tape: Exchange[]) {
    for (const x of tape) {
      const k = exchangeKey(x.method, x.path, x.body);
      const list = this.byKey.get(k) ?? [];
      list.push(x);
      this.byKey.set(k, list);
    }
  }

  async start(): Promise<string> {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }
  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
  }

  /** Requests other than task polling, as "METHOD path" lines (query strings cut). */
  calls(): string[] {
    return this.requests.filter((r) => !r.path.startsWith('/tasks/')).map((r) => `${r.method} ${r.path.split('?')[0]}`);
  }

  /** The recorded answer for this request: same-key answers in recorded order, the last one repeated. */
  private answer(method: string, p: string, body: unknown): Exchange | undefined {
    const k = exchangeKey(method, p, body);
    const list = this.byKey.get(k);
    if (!list) return undefined;
    const i = this.cursor.get(k) ?? 0;
    this.cursor.set(k, i + 1);
    return list[Math.min(i, list.length - 1)];
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const url = req.url!;
      const body = parseBody(Buffer.concat(chunks).toString('utf8'), req.headers['content-type']);
      this.requests.push({ method: req.method!, path: url, body });
      const send = (status: number, payload: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(payload === null ? '' : JSON.stringify(payload));
      };
      const apiError = (status: number, code: string) => send(status, { message: `injected: ${code}`, code, type: 'invalid_request', link: '' });
      const forced = this.httpError ?? this.httpErrorFor?.(req.method!, url.split('?')[0]);
      if (forced) return apiError(forced.status, forced.code);

      const x = this.answer(req.method!, url, body);
      if (!x) {
        this.misses.push(`${req.method} ${url}`);
        return apiError(501, 'not_in_recording');
      }
      let response = x.response as Record<string, unknown> | null;
      const taskMatch = /^\/tasks\/(\d+)$/.exec(url);
      if (taskMatch && this.failedTasks.has(Number(taskMatch[1])) && response && response.status !== 'enqueued' && response.status !== 'processing') {
        const code = this.failedTasks.get(Number(taskMatch[1]))!;
        response = { ...response, status: 'failed', error: { message: `injected failure: ${code}`, code, type: 'invalid_request', link: '' } };
      }
      // A task-creating request (202): the failure rule may decide that its task fails.
      if (x.status === 202 && response && typeof response.taskUid === 'number' && this.failRule) {
        const type = String(response.type);
        const nth = (this.typeCounts.get(type) ?? 0) + 1;
        this.typeCounts.set(type, nth);
        const code = this.failRule({ type, indexUid: (response.indexUid as string | null) ?? null, body, nth });
        if (code) this.failedTasks.set(response.taskUid, code);
      }
      send(x.status, response);
    });
  }
}
