/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native addons must be loaded by Node at run time, not bundled, or every request fails
  // with "native binding was not found".
  serverExternalPackages: ['nodejieba', 'better-sqlite3'],
  poweredByHeader: false,
};
export default nextConfig;
