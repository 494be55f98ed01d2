/**
 * The engine facade: pages and scripts get their engine here, never by constructing one.
 */
import { env } from '../env';
import type { ReportRecord } from '../types';
import { EngineUnavailableError, type RebuildProgress, type SearchEngine, type SearchQuery } from './types';
import { normalizeQuery } from './query';
import { SqliteEngine } from './sqlite';
import { indexWasBuilt } from '../index-status';
import { batchBytesFor } from './meili-batch';

export type EngineKind = 'sqlite' | 'meilisearch';

export interface CreateEngineOptions {
  kind?: EngineKind;
  /** SQLite: directory of the index file (default env().dataDir) */
  dataDir?: string;
  /** Meilisearch settings (default from env()) */
  host?: string;
  apiKey?: string;
  indexName?: string;
}

/** What MeilisearchEngine's constructor takes (lib/search/meilisearch.ts). */
export interface MeiliOptions {
  host: string;
  apiKey?: string;
  index: string;
  /** bytes per document upload (default 16 MB); from MEILI_MAX_PAYLOAD_BYTES when set */
  maxBatchBytes?: number;
}

/**
 * Meilisearch behind a synchronous facade: its module (and client) is imported on first use,
 * so the default SQLite setup never loads it and a missing adapter fails with a clear message.
 */
class LazyMeilisearch implements SearchEngine {
  readonly name = 'meilisearch';
  private engine: Promise<SearchEngine> | null = null;
  constructor(private readonly opts: MeiliOptions) {}

  private get(): Promise<SearchEngine> {
    if (!this.engine) {
      this.engine = (async () => {
        let mod: Record<string, unknown>;
        try {
          mod = await import('./meilisearch');
        } catch (err) {
          throw new EngineUnavailableError(
            `SEARCH_ENGINE=meilisearch but the adapter lib/search/meilisearch.ts could not be loaded: ${(err as Error).message}`,
          );
        }
        const Ctor = mod.MeilisearchEngine as (new (o: MeiliOptions) => SearchEngine) | undefined;
        if (typeof Ctor !== 'function') throw new EngineUnavailableError('lib/search/meilisearch.ts does not export MeilisearchEngine');
        return new Ctor(this.opts);
      })();
      this.engine.catch(() => (this.engine = null)); // allow a retry once the cause is fixed
    }
    return this.engine;
  }

  async rebuild(records: AsyncIterable<ReportRecord> | Iterable<ReportRecord>, onProgress?: (p: RebuildProgress) => void) {
    return (await this.get()).rebuild(records, onProgress);
  }
  async upsert(records: ReportRecord[]) {
    return (await this.get()).upsert(records);
  }
  async search(q: SearchQuery) {
    return (await this.get()).search(q);
  }
  async getReport(id: string, opts?: { sections?: boolean }) {
    return (await this.get()).getReport(id, opts);
  }
  async listAgencyReports(agency: string) {
    return (await this.get()).listAgencyReports(agency);
  }
  async listAgencies() {
    return (await this.get()).listAgencies();
  }
  async corpusCounts() {
    return (await this.get()).corpusCounts();
  }
  async close() {
    if (this.engine) await (await this.engine).close();
  }
}

/**
 * Every engine behind the one query contract (query.ts): each query is normalized and checked
 * here, once, so engines receive complete, valid queries and never validate them again.
 */
class CheckedEngine implements SearchEngine {
  // optional capabilities exist on the wrapper only when the engine has them (callers test for them)
  searchIds?: SearchEngine['searchIds'];
  removeAbandonedBuilds?: SearchEngine['removeAbandonedBuilds'];
  constructor(private readonly engine: SearchEngine) {
    if (engine.searchIds) this.searchIds = engine.searchIds.bind(engine);
    if (engine.removeAbandonedBuilds) this.removeAbandonedBuilds = engine.removeAbandonedBuilds.bind(engine);
  }
  get name() {
    return this.engine.name;
  }
  rebuild(records: AsyncIterable<ReportRecord> | Iterable<ReportRecord>, onProgress?: (p: RebuildProgress) => void) {
    return this.engine.rebuild(records, onProgress);
  }
  upsert(records: ReportRecord[]) {
    return this.engine.upsert(records);
  }
  // async: a refused query is a rejected promise, as an engine's own failure is
  async search(q: SearchQuery) {
    return this.engine.search(normalizeQuery(q));
  }
  getReport(id: string, opts?: { sections?: boolean }) {
    return this.engine.getReport(id, opts);
  }
  listAgencyReports(agency: string) {
    return this.engine.listAgencyReports(agency);
  }
  listAgencies() {
    return this.engine.listAgencies();
  }
  corpusCounts() {
    return this.engine.corpusCounts();
  }
  close() {
    return this.engine.close();
  }
}

export function createEngine(opts: CreateEngineOptions = {}): SearchEngine {
  const kind = opts.kind ?? env().SEARCH_ENGINE;
  if (kind === 'sqlite') {
    const dataDir = opts.dataDir ?? env().dataDir;
    return new CheckedEngine(new SqliteEngine({ dataDir, indexExpected: () => indexWasBuilt(dataDir) }));
  }
  const host = opts.host ?? env().MEILI_HOST;
  if (!host) throw new EngineUnavailableError('SEARCH_ENGINE=meilisearch needs MEILI_HOST (see .env.example)');
  const payload = env().MEILI_MAX_PAYLOAD_BYTES;
  return new CheckedEngine(
    new LazyMeilisearch({
      host,
      apiKey: opts.apiKey ?? env().MEILI_MASTER_KEY,
      index: opts.indexName ?? env().MEILI_INDEX,
      ...(payload ? { maxBatchBytes: batchBytesFor(payload) } : {}),
    }),
  );
}

/**
 * The singleton lives on globalThis, not in this module: Next bundles this module separately for
 * the page, each route handler and the proxy, so a module variable gave the server several
 * engines, each with its own connection, facet data and caches (measured: 5 database handles,
 * every cold query computed twice, ~130 MB more RSS).
 */
const KEY = Symbol.for('nianbao.engine');
const slot = globalThis as typeof globalThis & { [KEY]?: SearchEngine | null };

/** The process-wide engine chosen by SEARCH_ENGINE (created on first use). */
export function getEngine(): SearchEngine {
  return (slot[KEY] ??= createEngine());
}

/** For tests: close and forget the singleton. */
export async function resetEngine(): Promise<void> {
  const s = slot[KEY];
  slot[KEY] = null;
  if (s) await s.close();
}
