/**
 * Security headers for every response the app produces: next.config.js sets them on routed
 * responses; proxy.ts on the answers it gives itself (405, 400, 503); instrumentation.ts on the
 * errors Node's HTTP parser answers before Next sees a request (431, 400). Plain JS so that
 * next.config.js can import it. See docs/hardening.md.
 * script-src needs 'unsafe-inline': the App Router streams its payload in inline <script>s
 * (nonces would force every page to render per request). React escapes all report text, so
 * inline script is not how untrusted input gets in. `next dev` additionally needs 'unsafe-eval'.
 */
const dev = process.env.NODE_ENV === 'development';

export const CSP = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ''}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** @type {{ key: string; value: string }[]} */
export const SECURITY_HEADERS = [
  { key: 'Content-Security-Policy', value: CSP },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), interest-cohort=()' },
];

/** The same headers as a plain object (for Response / writeHead). */
export function securityHeaders() {
  return Object.fromEntries(SECURITY_HEADERS.map((h) => [h.key, h.value]));
}
