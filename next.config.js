/** Security headers on every routed response (pages, API, static files, 404s): lib/security-headers.mjs. */
import { SECURITY_HEADERS } from './lib/security-headers.mjs';

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
