/**
 * What the HTTP server itself answers, around Next: installed once at server start
 * (instrumentation.ts) on Node's http.Server, so it covers responses Next never routes.
 * - Every response starts with the security headers (lib/security-headers.mjs) set, so the
 *   redirects Next makes before routing (308 for a trailing slash) and its bare 500s carry them
 *   too; next.config.js sets the same values on routed responses.
 * - Methods the site does not serve (TRACE, PUT, DELETE …) get 405 with `Allow` (Next
 *   answered TRACE with a bare 500).
 * - Requests Node's parser rejects before any handler runs (headers over the size limit → 431,
 *   a malformed request → 400) get Node's answer plus the security headers.
 */
import http from 'node:http';
import type { Duplex } from 'node:stream';
import { securityHeaders } from '../security-headers.mjs';

const INSTALLED = Symbol.for('nianbao.serverGuard');

export const ALLOWED_METHODS = ['GET', 'HEAD'] as const;

/** The raw HTTP/1.1 answer for a parser error code (what Node would send, plus headers). */
export function clientErrorResponse(code: string | undefined): string {
  const [status, text] =
    code === 'HPE_HEADER_OVERFLOW' ? [431, 'Request Header Fields Too Large'] : code === 'ERR_HTTP_REQUEST_TIMEOUT' ? [408, 'Request Timeout'] : [400, 'Bad Request'];
  const body = `${status} 请求无法处理（${text}）\n`;
  const headers = {
    ...securityHeaders(),
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(body)),
    'Cache-Control': 'no-store',
    Connection: 'close',
  };
  return `HTTP/1.1 ${status} ${text}\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n\r\n${body}`;
}

/** 405 for a method outside ALLOWED_METHODS: JSON under /api/, a line of text elsewhere. */
function methodNotAllowed(req: http.IncomingMessage, res: http.ServerResponse): void {
  const error = `不支持 ${String(req.method).slice(0, 20).replace(/[^A-Z-]/gi, '')} 请求：本站只接受 ${ALLOWED_METHODS.join('、')} 请求。`;
  const api = (req.url ?? '').startsWith('/api/');
  const body = api ? JSON.stringify({ ok: false, error, code: 'bad_request:api', status: 405 }) : `405 ${error}\n`;
  res.writeHead(405, {
    allow: ALLOWED_METHODS.join(', '),
    'content-type': api ? 'application/json' : 'text/plain; charset=utf-8',
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}

/** The same, for one request: true when it was answered here. */
export function guardRequest(req: http.IncomingMessage, res: http.ServerResponse): boolean {
  for (const [k, v] of Object.entries(securityHeaders())) if (!res.hasHeader(k)) res.setHeader(k, v);
  if (!(ALLOWED_METHODS as readonly string[]).includes(req.method ?? '')) {
    methodNotAllowed(req, res);
    return true;
  }
  return false;
}

/**
 * Patched on the prototype because `next start` creates its server before any app code runs.
 * Node sends its own parser-error answer only when no 'clientError' listener handles the event,
 * so servers without a listener of their own get ours.
 */
export function installServerGuard(): void {
  const proto = http.Server.prototype as http.Server & { [INSTALLED]?: boolean };
  if (proto[INSTALLED]) return;
  proto[INSTALLED] = true;
  const emit = proto.emit;
  proto.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event === 'request') {
      const [req, res] = args as [http.IncomingMessage, http.ServerResponse];
      if (guardRequest(req, res)) return true;
    } else if (event === 'clientError' && this.listenerCount('clientError') === 0) {
      const [err, socket] = args as [NodeJS.ErrnoException, Duplex & { _httpMessage?: { headersSent?: boolean } | null }];
      // Like Node: answer unless a response on this connection has already begun (a keep-alive
      // connection that served earlier requests still gets its answer).
      if (socket.writable && !socket._httpMessage?.headersSent) {
        socket.write(clientErrorResponse(err.code));
      }
      socket.destroy(err);
      return true;
    }
    return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
  } as typeof proto.emit;
}
