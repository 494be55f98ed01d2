/**
 * The proxy's lookup of a page's subject, handed to the page so the page does not look it up
 * again. The proxy has to look first (app/_lib/missing-page.ts: a missing subject's 404 status
 * must be set before rendering); it keeps what it found here under a random token and passes
 * the token in a request header. The page takes the value if the token and the route match,
 * and loads for itself otherwise (another process, an expired entry, no proxy in front).
 *
 * On globalThis, not in this module: Next bundles the proxy and each page separately, and each
 * bundle would have its own copy of a module variable (as lib/search/index.ts's engine slot).
 */
import { randomUUID } from 'node:crypto';
import type { PageRoute } from '@/lib/urls';

/** Request header carrying the token; set (or removed) by the proxy on every subject page. */
export const HANDOFF_HEADER = 'x-nianbao-handoff';

/** How long an entry waits for its page, and how many may wait: the page reads it within ms. */
const TTL_MS = 5000;
const MAX_ENTRIES = 64;

interface Entry {
  key: string;
  value: unknown;
  at: number;
}

const SLOT = Symbol.for('nianbao.page-handoff');
const g = globalThis as typeof globalThis & { [SLOT]?: Map<string, Entry> };
const store = (): Map<string, Entry> => (g[SLOT] ??= new Map());

/** One string per route: its kind and parameters in the pattern's order. */
export function routeKey(route: PageRoute): string {
  return JSON.stringify(Object.values(route));
}

/** Keep `value` for the page at `route`; returns the token for the request header. */
export function handOver(route: PageRoute, value: unknown, now = Date.now()): string {
  const m = store();
  // Maps iterate in insertion order: the oldest entries come first.
  for (const [token, e] of m) {
    if (now - e.at < TTL_MS && m.size < MAX_ENTRIES) break;
    m.delete(token);
  }
  const token = randomUUID();
  m.set(token, { key: routeKey(route), value, at: now });
  return token;
}

/**
 * The value handed over for `route` under `token`, wrapped (a missing report is a null value),
 * or undefined. Left in place until it expires, so generateMetadata and the page may both read it.
 */
export function takeHandedOver<T>(token: string, route: PageRoute, now = Date.now()): { value: T } | undefined {
  const e = store().get(token);
  if (!e || e.key !== routeKey(route) || now - e.at >= TTL_MS) return undefined;
  return { value: e.value as T };
}
