/**
 * Security headers on every response (pages, API, static files, 404s); see docs/hardening.md.
 * script-src needs 'unsafe-inline': the App Router streams its payload in inline <script>s
 * (nonces would force every page to render per request). React escapes all report text, so
 * inline script is not how untrusted input gets in. `next dev` additionally needs 'unsafe-eval'.
 */
const dev = process.env.NODE_ENV === 'development';
const CSP = [
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

const SECURITY_HEADERS = [
  { key: 'Content-Security-Policy', value: CSP },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), interest-cohort=()' },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native addons must be loaded by Node at run time, not bundled, or every request fails
  // with "native binding was not found".
  serverExternalPackages: ['nodejieba', 'better-sqlite3'],
  poweredByHeader: false,
  // Metadata (title, Open Graph) blocks the shell for every user agent, so it is always in the
  // server HTML <head> for link previews and curl; Next streams it into <body> for agents
  // outside its bot list when generateMetadata is slower than the page.
  htmlLimitedBots: /.*/,
  async headers() {
    return [{ source: '/:path*', headers: SECURITY_HEADERS }];
  },
};
export default nextConfig;
