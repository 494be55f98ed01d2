/**
 * How large a document upload to Meilisearch may be. The server refuses a request body above its
 * --http-payload-size-limit (default 100 MB) with 413 payload_too_large; batches stay under half
 * of it, and under 16 MB in any case (memory on both sides, and tasks that finish steadily).
 * Kept apart from the engine so the engine facade can apply it without loading the client.
 */
export const DEFAULT_MAX_BATCH_BYTES = 16 * 1024 * 1024;

/** Batch bytes for a server whose --http-payload-size-limit is `limit` bytes. */
export function batchBytesFor(limit: number): number {
  return Math.min(DEFAULT_MAX_BATCH_BYTES, Math.floor(limit / 2));
}
