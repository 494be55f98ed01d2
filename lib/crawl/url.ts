/**
 * URL rules of the crawler: one normal form per page (so a trap cannot mint endless "new" URLs
 * from session ids, tracking parameters or reordered queries), which host a link belongs to,
 * and whether a link stays on the seed's site or on an attachment host of the same government.
 */

/** Query parameters that name a session or a visit, never a different document. */
const VOLATILE_PARAM = /^(jsessionid|phpsessid|aspsessionid\w*|sessionid|sid|session_id|utm_\w+|_|timestamp|random|rnd)$/i;

/** Path parameters some Java servers append (`/a.html;jsessionid=…`). */
const PATH_SESSION = /;(jsessionid|phpsessid|sid)=[^/?#]*/gi;

/**
 * The normal form of an http(s) URL, or null for anything else (mailto:, javascript:, data:…).
 * Host lower-cased, default port and fragment dropped, `;jsessionid=` and session/tracking
 * parameters dropped, remaining parameters de-duplicated and sorted.
 */
export function normalizeUrl(href: string, base?: string): string | null {
  let u: URL;
  try {
    u = new URL(href.trim(), base);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  u.hash = '';
  u.username = '';
  u.password = '';
  u.pathname = u.pathname.replace(PATH_SESSION, '') || '/';
  const kept = new Map<string, string>();
  for (const [k, v] of u.searchParams) if (!VOLATILE_PARAM.test(k) && !kept.has(`${k}=${v}`)) kept.set(`${k}=${v}`, k);
  const params = [...kept.keys()].sort();
  u.search = params.length ? `?${params.map((p) => p.split('=').map(encodeURIComponent).join('=').replace(/%20/g, '+')).join('&')}` : '';
  return u.toString();
}

/** `host[:port]` without a leading `www.`: www.example.gov.cn and example.gov.cn are one site. */
export function siteKey(url: string): string {
  const u = new URL(url);
  return u.host.toLowerCase().replace(/^www\./, '');
}

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/**
 * The government a host belongs to: for `*.gov.cn` the label before `gov.cn` (a county's file
 * server `file.xx.gov.cn` and its portal `www.xx.gov.cn` share `xx.gov.cn`); for other names the
 * last two labels (three under a two-letter second level such as `.com.cn`); an IP address is
 * its own government, whatever the port (a file server on another port of the same machine).
 */
export function governmentKey(url: string): string {
  const host = new URL(url).hostname.toLowerCase();
  if (IPV4.test(host) || host.includes(':') || !host.includes('.')) return host;
  const labels = host.split('.');
  const n = labels.length;
  if (n >= 3 && labels[n - 2] === 'gov' && labels[n - 1] === 'cn') return labels.slice(n - 3).join('.');
  if (n >= 3 && labels[n - 1].length === 2 && ['com', 'net', 'org', 'edu', 'gov', 'ac'].includes(labels[n - 2])) return labels.slice(n - 3).join('.');
  return labels.slice(n - 2).join('.');
}

/** A page link is followed only on the seed's own site. */
export function sameSite(seed: string, url: string): boolean {
  return siteKey(seed) === siteKey(url);
}

/** An attachment may also live on another host of the same government. */
export function sameGovernment(seed: string, url: string): boolean {
  return sameSite(seed, url) || governmentKey(seed) === governmentKey(url);
}
