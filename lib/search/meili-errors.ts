/**
 * Meilisearch failures as typed errors: unreachable → EngineUnavailableError (the page shows
 * "search is unavailable", never a raw fetch error); a failed task or a refused request →
 * MeilisearchEngineError carrying Meilisearch's own error code (e.g. invalid_settings_dictionary).
 */
import {
  MeilisearchApiError,
  MeilisearchRequestError,
  MeilisearchRequestTimeOutError,
  MeilisearchTaskTimeOutError,
  type Task,
} from 'meilisearch';
import { EngineUnavailableError } from './types';

export class MeilisearchEngineError extends Error {
  readonly code = 'meilisearch:error';
  constructor(
    message: string,
    /** Meilisearch's error code (https://www.meilisearch.com/docs/reference/errors/error_codes) */
    readonly meiliCode: string,
    readonly taskUid?: number,
  ) {
    super(message);
    this.name = 'MeilisearchEngineError';
  }
}

/** A task that ended in any state but `succeeded` (failed or canceled). */
export function taskError(what: string, task: Task): MeilisearchEngineError {
  const code = task.error?.code ?? `task_${task.status}`;
  const msg = task.error?.message ?? `task ${task.status}`;
  return new MeilisearchEngineError(`Meilisearch ${what} failed (task ${task.uid}, ${code}): ${msg}`, code, task.uid);
}

const AUTH_CODES = new Set(['missing_authorization_header', 'invalid_api_key']);

export function apiErrorCode(err: unknown): string | undefined {
  return err instanceof MeilisearchApiError ? err.cause?.code : undefined;
}

/** Any error thrown while talking to Meilisearch → the error the app should see. */
export function toEngineError(err: unknown, host: string): Error {
  if (err instanceof EngineUnavailableError || err instanceof MeilisearchEngineError) return err;
  if (err instanceof MeilisearchRequestError) {
    const cause = err.cause instanceof MeilisearchRequestTimeOutError ? 'request timed out' : describeCause(err.cause);
    return new EngineUnavailableError(
      `Meilisearch is unreachable at ${host} (${cause}). Start it or check MEILI_HOST.`,
      { cause: err },
    );
  }
  if (err instanceof MeilisearchApiError) {
    const code = err.cause?.code ?? `http_${err.response.status}`;
    if (AUTH_CODES.has(code)) {
      return new EngineUnavailableError(`Meilisearch at ${host} refused the API key (${code}). Check MEILI_MASTER_KEY.`, {
        cause: err,
      });
    }
    if (err.response.status >= 500) {
      return new EngineUnavailableError(`Meilisearch at ${host} failed (${code}): ${err.message}`, { cause: err });
    }
    return new MeilisearchEngineError(`Meilisearch refused the request (${code}): ${err.message}`, code);
  }
  if (err instanceof MeilisearchTaskTimeOutError) {
    return new MeilisearchEngineError(`Meilisearch task ${err.cause.taskUid} did not finish in time`, 'task_timeout', err.cause.taskUid);
  }
  return err instanceof Error ? err : new Error(String(err));
}

function describeCause(cause: unknown): string {
  // fetch wraps the socket error: TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } })
  const inner = (cause as { cause?: { code?: string; message?: string } } | undefined)?.cause;
  if (inner?.code) return inner.code;
  if (inner?.message) return inner.message;
  if (cause instanceof Error) return cause.message;
  return 'connection failed';
}
