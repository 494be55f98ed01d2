/**
 * Request → response pairs recorded from a real Meilisearch (scripts/record-meili.ts writes
 * test/fixtures/meili-recording.json), and the key both the recorder and the replaying fake
 * (test/meili-fake-server.ts) file them under. What varies from run to run is normalized: the
 * rebuild's build-index stamp, upsert times, and for the task-polling and document-upload
 * requests their order among same-key requests is what counts.
 */

export interface Exchange {
  method: string;
  /** path and query string, normalized */
  path: string;
  /** request body: parsed JSON, NDJSON as an array of documents, or null; normalized */
  body: unknown;
  status: number;
  /** response body, parsed JSON (null when empty) */
  response: unknown;
}

export interface Recording {
  /** GET /version of the server recorded */
  server: { pkgVersion: string; commitSha: string; commitDate: string; builtFrom?: string };
  recordedAt: string;
  /** how to refresh */
  command: string;
  /** one tape per scenario, each recorded from a server holding no index */
  tapes: Record<string, Exchange[]>;
}

/** Run-dependent parts of paths and bodies → fixed placeholders. */
export function normalize(text: string): string {
  return text
    .replace(/_build_\d+/g, '_build_STAMP')
    .replace(/"upserted_at":\d+/g, '"upserted_at":0')
    .replace(/upserted_at >= \d+/g, 'upserted_at >= 0')
    .replace(/"(enqueuedAt|startedAt|finishedAt)":"[^"]*"/g, '"$1":"T"');
}

/** A request body as recorded: JSON parsed, NDJSON as an array, normalized. */
export function parseBody(raw: string, contentType: string | undefined): unknown {
  if (!raw) return null;
  const text = normalize(raw);
  if (contentType?.includes('ndjson')) return text.split('\n').filter(Boolean).map((l) => JSON.parse(l));
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * The key a request is replayed by. Document uploads and task polls are matched by path and
 * order; every other request by its body as well (a search is answered by the search it was).
 */
export function exchangeKey(method: string, path: string, body: unknown): string {
  const p = normalize(path);
  if (/^\/tasks\/\d+$/.test(p) || (method === 'POST' && /\/documents$/.test(p.split('?')[0]))) return `${method} ${p}`;
  return `${method} ${p} ${JSON.stringify(body ?? null)}`;
}
