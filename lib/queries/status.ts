/** Whether the index can answer, what it holds, and the status page's health report. */
import 'server-only';
import { getEngine } from '../search/index';
import type { CorpusCounts } from '../search/types';
import { AppError, fromEngineError, type Surface } from '../errors';
import { readIndexStatus } from '../index-status';

/**
 * What the index holds: all reports and the generated (demo) ones, for the site-wide demo banner
 * and the footer's sourcing sentence. Null when the engine cannot answer (the page still renders).
 */
let remoteCounts: { at: number; counts: CorpusCounts } | null = null;

export async function getCorpusCounts(): Promise<CorpusCounts | null> {
  try {
    const engine = getEngine();
    // Every page's layout asks. The embedded engine answers from memory; a remote engine's answer
    // (two requests) is reused for a few seconds, as indexProblem trusts its health for a second.
    if (engine.name === 'sqlite') return await engine.corpusCounts();
    if (remoteCounts && Date.now() - remoteCounts.at < 5000) return remoteCounts.counts;
    remoteCounts = { at: Date.now(), counts: await engine.corpusCounts() };
    return remoteCounts.counts;
  } catch {
    return null;
  }
}

let healthyAt = 0;

/**
 * Whether the index can answer at all: null when it can, else the AppError to show (503 with a
 * Chinese message: no index yet, index file missing, empty or corrupt). One cheap query (an
 * empty search is cached per index version), asked by proxy.ts before every page and API.
 */
export async function indexProblem(surface: Surface = 'api'): Promise<AppError | null> {
  try {
    const engine = getEngine();
    // The embedded engine's check is a stat and a cached query; a remote engine's is a network
    // round trip, so its good answer is trusted for a second rather than asked on every request.
    if (engine.name !== 'sqlite' && Date.now() - healthyAt < 1000) return null;
    await engine.search({ q: '', facets: [], perPage: 1 });
    healthyAt = Date.now();
    return null;
  } catch (e) {
    const err = fromEngineError(e, surface);
    return err.status === 503 ? err : null;
  }
}

export interface SiteStatus {
  ok: boolean;
  engine: string;
  reports: number | null;
  index: unknown;
  error?: string;
}

/** Health for /api/status: answers even when the engine is down (ok: false), so it can say why. */
export async function getSiteStatus(): Promise<SiteStatus> {
  let index: unknown = null;
  try {
    index = await readIndexStatus();
  } catch {
    index = null;
  }
  let engineName = 'unknown';
  try {
    const engine = getEngine();
    engineName = engine.name;
    const r = await engine.search({ q: '', facets: [], perPage: 1 });
    return { ok: true, engine: engineName, reports: r.total, index };
  } catch (e) {
    const err = e instanceof AppError ? e : fromEngineError(e, 'status');
    return { ok: false, engine: engineName, reports: null, index, error: err.message };
  }
}
