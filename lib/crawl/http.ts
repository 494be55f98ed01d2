/**
 * One HTTP request as the crawler makes it: Node's fetch (undici), redirects returned rather
 * than followed (each hop is checked against robots.txt and the site rule by the caller), a
 * deadline for the whole exchange, and a byte limit enforced while the body streams in.
 */

export type HttpFailure = 'timeout' | 'network' | 'too_large' | 'status' | 'redirect' | 'robots' | 'off_site';

export class CrawlHttpError extends Error {
  constructor(
    readonly url: string,
    readonly reason: HttpFailure,
    message: string,
    readonly status?: number,
    /** worth another attempt (5xx, 429, timeouts, connection errors) */
    readonly transient = false,
    /** the server's Retry-After, in ms */
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

export interface RequestOptions {
  userAgent: string;
  timeoutMs: number;
  maxBytes: number;
  headers?: Record<string, string>;
}

export interface RawResponse {
  url: string;
  status: number;
  headers: Headers;
  /** the body for 2xx; empty for 3xx/304 */
  body: Buffer;
  /** absolute target of a 3xx */
  location?: string;
}

/** Retry-After: seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const s = value.trim();
  if (/^\d+$/.test(s)) return Number(s) * 1000;
  const t = Date.parse(s);
  return Number.isNaN(t) ? undefined : Math.max(0, t - now);
}

export async function request(url: string, opts: RequestOptions): Promise<RawResponse> {
  const signal = AbortSignal.timeout(opts.timeoutMs);
  let res: Response;
  try {
    res = await fetch(url, {
      redirect: 'manual',
      signal,
      headers: { 'user-agent': opts.userAgent, accept: 'text/html,application/xhtml+xml,application/pdf,application/msword,application/vnd.openxmlformats-officedocument.wordprocessingml.document,*/*;q=0.8', 'accept-language': 'zh-CN,zh;q=0.9', ...opts.headers },
    });
  } catch (e) {
    throw failure(url, e, opts.timeoutMs);
  }
  const { status } = res;
  if (status >= 300 && status < 400 && status !== 304) {
    await res.body?.cancel().catch(() => {});
    const loc = res.headers.get('location');
    if (!loc) throw new CrawlHttpError(url, 'redirect', `${url}: HTTP ${status} without a Location header`, status);
    return { url, status, headers: res.headers, body: Buffer.alloc(0), location: new URL(loc, url).toString() };
  }
  if (status === 304) {
    await res.body?.cancel().catch(() => {});
    return { url, status, headers: res.headers, body: Buffer.alloc(0) };
  }
  if (status < 200 || status >= 300) {
    await res.body?.cancel().catch(() => {});
    const transient = status >= 500 || status === 429 || status === 408;
    const retryAfterMs = status === 429 || status === 503 ? parseRetryAfter(res.headers.get('retry-after')) : undefined;
    throw new CrawlHttpError(url, 'status', `${url}: HTTP ${status}`, status, transient, retryAfterMs);
  }
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (declared > opts.maxBytes) {
    await res.body?.cancel().catch(() => {});
    throw tooLarge(url, declared, opts.maxBytes);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    const reader = res.body?.getReader();
    for (;;) {
      const chunk = reader ? await reader.read() : { done: true as const, value: undefined };
      if (chunk.done) break;
      size += chunk.value.byteLength;
      if (size > opts.maxBytes) {
        await reader!.cancel().catch(() => {});
        throw tooLarge(url, size, opts.maxBytes);
      }
      chunks.push(Buffer.from(chunk.value));
    }
  } catch (e) {
    if (e instanceof CrawlHttpError) throw e;
    throw failure(url, e, opts.timeoutMs);
  }
  return { url, status, headers: res.headers, body: Buffer.concat(chunks) };
}

function tooLarge(url: string, size: number, max: number): CrawlHttpError {
  return new CrawlHttpError(url, 'too_large', `${url}: larger than the ${Math.round(max / 1048576)} MB limit (${size > max ? `${size} bytes or more` : size})`);
}

function failure(url: string, e: unknown, timeoutMs: number): CrawlHttpError {
  const err = e as Error & { cause?: { code?: string; message?: string } };
  if (err?.name === 'TimeoutError' || err?.name === 'AbortError') {
    return new CrawlHttpError(url, 'timeout', `${url}: no complete answer within ${timeoutMs / 1000} s`, undefined, true);
  }
  const detail = err?.cause?.code ?? err?.cause?.message ?? err?.message ?? String(e);
  return new CrawlHttpError(url, 'network', `${url}: ${detail}`, undefined, true);
}
