/**
 * Typed errors with a status map (ai-chatbot's lib/errors.ts): code = `<type>:<surface>`.
 * Internals are logged on the server; visitors get a plain Chinese message.
 */
import { EngineUnavailableError, SearchInputError, indexProblemOf, type IndexProblem } from './search/types';

export type ErrorType = 'bad_request' | 'not_found' | 'unavailable' | 'internal';
export type Surface = 'search' | 'report' | 'api' | 'status';
export type ErrorCode = `${ErrorType}:${Surface}`;

export const STATUS: Record<ErrorType, number> = {
  bad_request: 400,
  not_found: 404,
  unavailable: 503,
  internal: 500,
};

const PLAIN: Record<ErrorType, string> = {
  bad_request: '请求参数有误。',
  not_found: '未找到该内容。',
  unavailable: '检索服务暂时不可用，请稍后再试。',
  internal: '服务器内部错误，请稍后再试。',
};

export class AppError extends Error {
  readonly type: ErrorType;
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    /** shown to the visitor; defaults to a plain message for the type */
    message?: string,
    options?: { cause?: unknown },
  ) {
    const type = code.split(':')[0] as ErrorType;
    super(message ?? PLAIN[type], options);
    this.type = type;
    this.status = STATUS[type];
  }

  toJSON(): { ok: false; error: string; code: ErrorCode; status: number } {
    return { ok: false, error: this.message, code: this.code, status: this.status };
  }
}

/** What a visitor (and the operator reading /api/status) is told about an unreadable index. */
export const INDEX_MESSAGES: Record<IndexProblem, string> = {
  absent: '尚未建立检索索引，暂时无法提供服务。管理员请在服务器上运行 npm run index -- <报告文件夹> 建立索引。',
  vanished: '检索索引文件缺失，服务暂时不可用。管理员请重新运行 npm run index -- <报告文件夹> 建立索引。',
  empty: '检索索引文件为空（可能已被截断），服务暂时不可用。管理员请重新运行 npm run index -- <报告文件夹> 建立索引。',
  corrupt: '检索索引文件已损坏，服务暂时不可用。管理员请重新运行 npm run index -- <报告文件夹> 建立索引。',
};

/** SQLite's codes for a file that is not (or no longer) a database. */
function isCorruptDatabase(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^SQLITE_(CORRUPT|NOTADB)/.test(code);
}

/**
 * Turn whatever an engine call threw into an AppError. Anything unexpected from the engine is
 * treated as "unavailable" (503): the index may be missing or being swapped, which a retry fixes.
 */
export function fromEngineError(e: unknown, surface: Surface): AppError {
  if (e instanceof AppError) return e;
  if (e instanceof SearchInputError) return new AppError(`bad_request:${surface}`, `检索条件有误：${e.message}`, { cause: e });
  const problem = indexProblemOf(e);
  if (problem) return new AppError(`unavailable:${surface}`, INDEX_MESSAGES[problem], { cause: e });
  if (isCorruptDatabase(e)) {
    console.error(`[${surface}] index damaged:`, e);
    return new AppError(`unavailable:${surface}`, INDEX_MESSAGES.corrupt, { cause: e });
  }
  if (!(e instanceof EngineUnavailableError)) {
    console.error(`[${surface}] engine error:`, e);
  }
  return new AppError(`unavailable:${surface}`, undefined, { cause: e });
}

/** JSON error body `{ ok: false, error, status }` with the matching HTTP status. */
export function errorResponse(e: unknown, surface: Surface = 'api'): Response {
  const err = e instanceof AppError ? e : fromEngineError(e, surface);
  const headers: Record<string, string> = { 'cache-control': 'no-store' };
  if (err.status === 503) headers['retry-after'] = '30';
  return Response.json(err.toJSON(), { status: err.status, headers });
}
