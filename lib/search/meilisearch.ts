/**
 * Meilisearch engine behind the SearchEngine interface (production engine).
 *
 * Two indexes per deployment: `<index>` holds one document per report SECTION (distinct on
 * report_id, so hits are reports) and `<index>_records` holds each full ReportRecord once, for
 * getReport and the agency lists. Both are rebuilt side by side and swapped in one atomic
 * swap-indexes task. Settings, filters, query terms and mapping live in lib/search/meili-*.ts.
 */
import { limitFacetCounts } from './facet-limit';
import { Meilisearch, type EnqueuedTaskPromise, type Index, type Settings, type Task } from 'meilisearch';
import type { ReportRecord } from '../types';
import { segmentForIndex, segmentQuery, userTerms } from '../segment/index';
import { env } from '../env';
import {
  FACETS,
  EngineUnavailableError,
  type AgencyReportRef,
  type AgencySummary,
  type CorpusCounts,
  type RebuildProgress,
  type SearchEngine,
  type SearchQuery,
  type SearchResult,
} from './types';
import { recordIndexSettings, sectionIndexSettings } from './meili-settings';
import { eq, inList } from './meili-filter';
import { buildSearchParams, meiliTerms, quotedTerms } from './meili-query';
import { disjunctiveSearches, mergeDistributions } from './meili-disjunctive';
import {
  bestSection,
  hasMarkedText,
  meiliReportKey,
  toFacets,
  toRecordDocument,
  toSearchHit,
  toSectionDocuments,
  toTotal,
  type RecordDocument,
  type SectionDocument,
  type SnippetSource,
} from './meili-map';
import { apiErrorCode, MeilisearchEngineError, taskError, toEngineError } from './meili-errors';
import { batchBytesFor, DEFAULT_MAX_BATCH_BYTES } from './meili-batch';

export interface MeilisearchEngineOptions {
  host: string;
  apiKey?: string;
  /** live index uid; the records index is `${index}_records` */
  index: string;
  /** at most this many section documents per addDocuments call */
  batchSize?: number;
  /**
   * at most this many bytes of JSON per addDocuments call: keep well under the server's
   * --http-payload-size-limit (default 100 MB), or it answers 413 payload_too_large
   */
  maxBatchBytes?: number;
  /** how long to wait for one indexing task (large batches take a while) */
  taskTimeoutMs?: number;
  /** per HTTP request */
  requestTimeoutMs?: number;
  /** task polling interval */
  pollIntervalMs?: number;
  segmentText?: (text: string) => string;
  segmentQuery?: (q: string) => string[];
  dictionary?: () => string[];
}

/** At most this many addDocuments tasks in flight: Meilisearch batches them, we bound memory. */
const MAX_PENDING_TASKS = 4;
const PAGE = 1000;


export class MeilisearchEngine implements SearchEngine {
  readonly name = 'meilisearch';
  private readonly client: Meilisearch;
  private readonly opts: Required<Omit<MeilisearchEngineOptions, 'apiKey'>> & { apiKey?: string };
  /** the agency list and the records index's updatedAt it was read at (see listAgencies) */
  private agencies: { updatedAt: string; list: AgencySummary[] } | null = null;

  constructor(options: MeilisearchEngineOptions) {
    this.opts = {
      batchSize: 2000,
      maxBatchBytes: DEFAULT_MAX_BATCH_BYTES,
      taskTimeoutMs: 10 * 60_000,
      requestTimeoutMs: 30_000,
      pollIntervalMs: 100,
      segmentText: segmentForIndex,
      segmentQuery,
      dictionary: userTerms,
      ...options,
    };
    try {
      this.client = new Meilisearch({
        host: this.opts.host,
        apiKey: this.opts.apiKey,
        timeout: this.opts.requestTimeoutMs,
        defaultWaitOptions: { timeout: this.opts.taskTimeoutMs, interval: this.opts.pollIntervalMs },
        // Uncompressed answers: a gzip answer over Node's kept-alive fetch connection arrives ≈30 ms
        // late (measured against Meilisearch 1.50: a 12 KB document 0.4 ms as identity, 28–37 ms as
        // gzip), on every search, report read and facet count.
        requestInit: { headers: { 'Accept-Encoding': 'identity' } },
      });
    } catch (e) {
      throw new EngineUnavailableError(`MEILI_HOST is not a usable URL: ${this.opts.host}`, { cause: e });
    }
  }

  /** From MEILI_HOST, MEILI_MASTER_KEY and MEILI_INDEX. */
  static fromEnv(overrides: Partial<MeilisearchEngineOptions> = {}): MeilisearchEngine {
    const e = env();
    if (!e.MEILI_HOST) throw new EngineUnavailableError('SEARCH_ENGINE=meilisearch needs MEILI_HOST (e.g. http://127.0.0.1:7700)');
    return new MeilisearchEngine({
      host: e.MEILI_HOST,
      apiKey: e.MEILI_MASTER_KEY,
      index: e.MEILI_INDEX,
      ...(e.MEILI_MAX_PAYLOAD_BYTES ? { maxBatchBytes: batchBytesFor(e.MEILI_MAX_PAYLOAD_BYTES) } : {}),
      ...overrides,
    });
  }

  get indexUid(): string {
    return this.opts.index;
  }
  get recordsUid(): string {
    return `${this.opts.index}_records`;
  }

  // ---- writing ----------------------------------------------------------------------------

  async rebuild(
    records: AsyncIterable<ReportRecord> | Iterable<ReportRecord>,
    onProgress?: (p: RebuildProgress) => void,
  ): Promise<{ indexed: number }> {
    const startedAt = Date.now();
    const stamp = `${startedAt}${Math.floor(Math.random() * 1000)}`;
    const build = `${this.indexUid}_build_${stamp}`;
    const buildRecords = `${this.recordsUid}_build_${stamp}`;
    let indexed = 0;
    try {
      await this.waitOk(this.client.createIndex(build, { primaryKey: 'id' }), `create ${build}`);
      await this.waitOk(this.client.createIndex(buildRecords, { primaryKey: 'id' }), `create ${buildRecords}`);
      await this.waitOk(
        this.client.index(build).updateSettings(sectionIndexSettings(this.opts.dictionary())),
        `settings of ${build}`,
      );
      await this.waitOk(this.client.index(buildRecords).updateSettings(recordIndexSettings()), `settings of ${buildRecords}`);

      const writer = this.batchWriter(this.client.index(build), this.client.index(buildRecords));
      for await (const rec of records) {
        if (await writer.add(rec)) onProgress?.({ done: writer.count });
      }
      await writer.finish();
      indexed = writer.count;
      onProgress?.({ done: indexed });

      // swap-indexes needs both sides to exist; the first rebuild swaps with empty indexes.
      await this.ensureIndex(this.indexUid, () => sectionIndexSettings(this.opts.dictionary()));
      await this.ensureIndex(this.recordsUid, recordIndexSettings);
      await this.waitOk(
        this.client.swapIndexes([
          { indexes: [this.indexUid, build], rename: false },
          { indexes: [this.recordsUid, buildRecords], rename: false },
        ]),
        'index swap',
      );
    } catch (e) {
      // Whatever part of the build pair exists goes; the live indexes were never touched.
      await this.dropQuietly([build, buildRecords]);
      throw toEngineError(e, this.opts.host);
    }
    try {
      // After the swap the build uids hold the previous live data. An upsert that reached it
      // while the build ran (every task enqueued before the swap has run: the queue is FIFO) is
      // applied again to the new live pair, or the swap would have discarded it. upsert writes
      // the record first, so a record stamped here covers its sections too.
      const missed = await this.allRecordDocs(['record'], `upserted_at >= ${startedAt}`, buildRecords);
      if (missed.length) await this.upsert(missed.map((d) => JSON.parse(d.record) as ReportRecord));
    } catch (e) {
      await this.dropQuietly([build, buildRecords]);
      throw toEngineError(e, this.opts.host);
    }
    await this.dropQuietly([build, buildRecords]);
    return { indexed };
  }

  /**
   * Replace or add records in the live pair without a moment in which a report is unsearchable:
   * the record first (so a concurrent rebuild carries it over), then the new section documents
   * (same ids replace in place), and only once they are in, the old documents the new version
   * lacks. A failure before the last step leaves the old sections searchable.
   */
  async upsert(records: ReportRecord[]): Promise<void> {
    if (records.length === 0) return;
    try {
      await this.ensureIndex(this.indexUid, () => sectionIndexSettings(this.opts.dictionary()));
      await this.ensureIndex(this.recordsUid, recordIndexSettings);
      const latest = new Map(records.map((r) => [r.id, r]));
      const recs = [...latest.values()];
      const ids = [...latest.keys()];
      const upsertedAt = Date.now();

      const recordsWriter = this.batchWriter(null, this.client.index(this.recordsUid), upsertedAt);
      for (const rec of recs) await recordsWriter.add(rec);
      await recordsWriter.finish();

      const before: string[] = [];
      for (let i = 0; i < ids.length; i += 500) {
        const docs = await this.allDocs<{ id: string }>(this.indexUid, ['id'], inList('keys.report', ids.slice(i, i + 500)));
        before.push(...docs.map((d) => d.id));
      }
      const sectionsWriter = this.batchWriter(this.client.index(this.indexUid), null);
      for (const rec of recs) await sectionsWriter.add(rec);
      await sectionsWriter.finish();

      const stale = before.filter((id) => !sectionsWriter.ids.has(id));
      for (let i = 0; i < stale.length; i += PAGE) {
        await this.waitOk(this.client.index(this.indexUid).deleteDocuments(stale.slice(i, i + PAGE)), 'delete old sections');
      }
    } catch (e) {
      throw toEngineError(e, this.opts.host);
    }
  }

  /**
   * Buffers documents and sends them as NDJSON, a batch closed before it passes batchSize
   * section documents or maxBatchBytes bytes, keeping a few tasks in flight. Either index may be
   * null (upsert writes records and sections in separate steps).
   */
  private batchWriter(sections: Index<SectionDocument> | null, recordsIdx: Index<RecordDocument> | null, upsertedAt?: number) {
    const maxBytes = this.opts.maxBatchBytes;
    const buf = { sec: [] as string[], secBytes: 0, rec: [] as string[], recBytes: 0 };
    const pending: { p: EnqueuedTaskPromise; what: string }[] = [];
    const ids = new Set<string>();
    let count = 0;
    const send = (idx: Index<never>, lines: string[], what: string) => {
      const p = idx.addDocumentsFromString(lines.join('\n'), 'application/x-ndjson', { primaryKey: 'id' });
      // Awaited later (waitOk); until then a rejection must not count as unhandled.
      p.catch(() => {});
      pending.push({ p, what });
    };
    const drain = async (max: number) => {
      while (pending.length > max) {
        const t = pending.shift()!;
        await this.waitOk(t.p, t.what);
      }
    };
    const flushSections = async () => {
      if (sections && buf.sec.length) send(sections as Index<never>, buf.sec, `add documents to ${sections.uid}`);
      buf.sec = [];
      buf.secBytes = 0;
      await drain(MAX_PENDING_TASKS);
    };
    const flushRecords = async () => {
      if (recordsIdx && buf.rec.length) send(recordsIdx as Index<never>, buf.rec, `add records to ${recordsIdx.uid}`);
      buf.rec = [];
      buf.recBytes = 0;
      await drain(MAX_PENDING_TASKS);
    };
    return {
      get count() {
        return count;
      },
      /** section document ids written */
      ids,
      /** true when a batch was sent (a good moment to report progress) */
      add: async (rec: ReportRecord): Promise<boolean> => {
        let sent = false;
        if (sections) {
          for (const doc of toSectionDocuments(rec, this.opts.segmentText)) {
            const line = JSON.stringify(doc);
            const bytes = Buffer.byteLength(line) + 1;
            if (buf.sec.length && (buf.secBytes + bytes > maxBytes || buf.sec.length >= this.opts.batchSize)) {
              await flushSections();
              sent = true;
            }
            buf.sec.push(line);
            buf.secBytes += bytes;
            ids.add(doc.id);
          }
        }
        if (recordsIdx) {
          const doc: RecordDocument = { ...toRecordDocument(rec), ...(upsertedAt ? { upserted_at: upsertedAt } : {}) };
          const line = JSON.stringify(doc);
          const bytes = Buffer.byteLength(line) + 1;
          if (buf.rec.length && buf.recBytes + bytes > maxBytes) {
            await flushRecords();
            sent = true;
          }
          buf.rec.push(line);
          buf.recBytes += bytes;
        }
        count++;
        return sent;
      },
      finish: async () => {
        await flushSections();
        await flushRecords();
        await drain(0);
      },
    };
  }

  // ---- reading ----------------------------------------------------------------------------

  async search(query: SearchQuery): Promise<SearchResult> {
    const terms = meiliTerms(query.q ?? '', this.opts.segmentQuery);
    const qText = terms === null ? '' : quotedTerms(terms);
    const params = buildSearchParams(query, qText);
    const facets = query.facets ?? [...FACETS];
    const page = params.page!;
    const perPage = params.hitsPerPage!;
    const empty = () => ({ total: 0, page, perPage, hits: [], facets: toFacets(undefined, facets) });
    if (terms === null) return empty();
    try {
      // A filtered facet is counted by a search of its own (meili-disjunctive.ts), in one request.
      const counts = disjunctiveSearches(query, params);
      const res = counts.length
        ? await this.client
            .multiSearch({ queries: [params, ...counts.map((c) => c.params)].map((p) => ({ indexUid: this.indexUid, ...p })) })
            .then(({ results: [main, ...rest] }) => ({ ...main, facetDistribution: mergeDistributions(main.facetDistribution, counts, rest) }))
        : await this.client.index(this.indexUid).search(qText, params);
      const hits = res.hits as never as Parameters<typeof hasMarkedText>[0][];
      const sources = terms.length ? await this.snippetSources(hits.filter((h) => !hasMarkedText(h)).map((h) => h.report_id), terms) : new Map();
      return {
        total: toTotal(res),
        page,
        perPage,
        hits: hits.map((h) => toSearchHit(h, terms, hasMarkedText(h) ? undefined : sources.get(h.report_id))),
        ...limitFacetCounts(toFacets(res.facetDistribution, facets), query.facetLimit, query.filters),
      };
    } catch (e) {
      // Nothing indexed yet: an empty result, as the SQLite engine gives for an empty database.
      if (apiErrorCode(e) === 'index_not_found') return empty();
      throw toEngineError(e, this.opts.host);
    }
  }

  /** For hits whose cropped text has no mark: the section of each report that holds the most terms. */
  private async snippetSources(reportIds: string[], terms: string[]): Promise<Map<string, SnippetSource>> {
    const out = new Map<string, SnippetSource>();
    if (!reportIds.length) return out;
    const docs = await this.allDocs<Pick<SectionDocument, 'report_id' | 'section_key' | 'title' | 'text'>>(
      this.indexUid,
      ['report_id', 'section_key', 'title', 'text'],
      inList('keys.report', [...new Set(reportIds)]),
    );
    const by = new Map<string, SnippetSource[]>();
    for (const d of docs) {
      if (d.section_key === null || !d.text) continue;
      const list = by.get(d.report_id) ?? [];
      list.push({ section: d.section_key, title: d.title, text: d.text });
      by.set(d.report_id, list);
    }
    for (const [id, list] of by) {
      const best = bestSection(list, terms);
      if (best) out.set(id, best);
    }
    return out;
  }

  async getReport(id: string): Promise<ReportRecord | null> {
    try {
      const doc = await this.client
        .index<RecordDocument>(this.recordsUid)
        .getDocument(meiliReportKey(id), { fields: ['report_id', 'record'] });
      return doc.report_id === id ? (JSON.parse(doc.record) as ReportRecord) : null;
    } catch (e) {
      const code = apiErrorCode(e);
      if (code === 'document_not_found' || code === 'index_not_found') return null;
      throw toEngineError(e, this.opts.host);
    }
  }

  async listAgencyReports(agency: string): Promise<AgencyReportRef[]> {
    const docs = await this.allRecordDocs(['report_id', 'agency', 'year'], eq('keys.agency', agency));
    return docs
      .map((d) => ({ id: d.report_id, agency: d.agency, year: d.year ?? null }))
      .sort((a, b) => (a.year ?? Infinity) - (b.year ?? Infinity) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  /**
   * Every agency, read again only when the records index changed: the list pages through every
   * record (100 requests at 100,000 reports) and pages ask for it on each request (query
   * understanding, agency lookups). One GET of the index tells whether its updatedAt moved (any
   * write or swap moves it); the same array is returned while it has not, so the query layer's
   * agency directory, keyed by that array, is built once per index state too.
   */
  async listAgencies(): Promise<AgencySummary[]> {
    let updatedAt: string;
    try {
      updatedAt = String((await this.client.index(this.recordsUid).getRawInfo()).updatedAt);
    } catch (e) {
      if (apiErrorCode(e) === 'index_not_found') return [];
      throw toEngineError(e, this.opts.host);
    }
    if (this.agencies?.updatedAt === updatedAt) return this.agencies.list;
    const list = await this.readAgencies();
    this.agencies = { updatedAt, list };
    return list;
  }

  private async readAgencies(): Promise<AgencySummary[]> {
    const docs = await this.allRecordDocs(['agency', 'year', 'province', 'city', 'county', 'level']);
    const by = new Map<string, { latest: (typeof docs)[number]; years: Set<number> }>();
    for (const d of docs) {
      const cur = by.get(d.agency);
      if (!cur) by.set(d.agency, { latest: d, years: new Set(d.year === null ? [] : [d.year]) });
      else {
        if (d.year !== null) cur.years.add(d.year);
        // Region and level as of the agency's latest report.
        if ((d.year ?? -Infinity) > (cur.latest.year ?? -Infinity)) cur.latest = d;
      }
    }
    return [...by.entries()]
      .map(([agency, { latest, years }]) => ({
        agency,
        region: { province: latest.province ?? null, city: latest.city ?? null, county: latest.county ?? null },
        level: latest.level ?? null,
        years: [...years].sort((a, b) => a - b),
      }))
      // Code-point order, as the SQLite engine returns them (stable across locales).
      .sort((a, b) => (a.agency < b.agency ? -1 : a.agency > b.agency ? 1 : 0));
  }

  /** Two `limit: 0` document queries: Meilisearch returns the totals without any document. */
  async corpusCounts(): Promise<CorpusCounts> {
    try {
      const idx = this.client.index<RecordDocument>(this.recordsUid);
      const [all, synthetic] = await Promise.all([idx.getDocuments({ limit: 0 }), idx.getDocuments({ limit: 0, filter: eq('synthetic', 'true') })]);
      return { reports: all.total, synthetic: synthetic.total };
    } catch (e) {
      if (apiErrorCode(e) === 'index_not_found') return { reports: 0, synthetic: 0 };
      throw toEngineError(e, this.opts.host);
    }
  }

  async close(): Promise<void> {
    // Stateless HTTP client: nothing to release.
  }

  // ---- helpers ----------------------------------------------------------------------------

  /** Every records document (paged through the documents API, which has no maxTotalHits cap). */
  private async allRecordDocs<K extends keyof RecordDocument>(fields: K[], filter?: string, uid = this.recordsUid): Promise<Pick<RecordDocument, K>[]> {
    return this.allDocs<Pick<RecordDocument, K>>(uid, fields, filter);
  }

  private async allDocs<D>(uid: string, fields: string[], filter?: string): Promise<D[]> {
    const out: D[] = [];
    try {
      for (let offset = 0; ; offset += PAGE) {
        const res = await this.client.index(uid).getDocuments({ fields: fields as never, limit: PAGE, offset, ...(filter ? { filter } : {}) });
        out.push(...(res.results as D[]));
        if (res.results.length < PAGE) break;
      }
    } catch (e) {
      if (apiErrorCode(e) === 'index_not_found') return [];
      throw toEngineError(e, this.opts.host);
    }
    return out;
  }

  /**
   * Wait for a task with the engine's own timeout and interval, and insist that it succeeded; the
   * error carries Meilisearch's code. Why not `EnqueuedTaskPromise.waitTask()`: the promise
   * returned by `createIndex` comes with the client's built-in 5 s timeout, whatever the client
   * was configured with, and a task waits behind every earlier task in the server's queue.
   */
  private async waitOk(p: EnqueuedTaskPromise, what: string): Promise<Task> {
    const enqueued = await p;
    const task = await this.client.tasks.waitForTask(enqueued.taskUid, {
      timeout: this.opts.taskTimeoutMs,
      interval: this.opts.pollIntervalMs,
    });
    if (task.status !== 'succeeded') throw taskError(what, task);
    return task;
  }

  /**
   * Create the index (with its settings) if it does not exist. Asks first, so the common case,
   * an existing index, queues no task (a creation task that fails on purpose would wait behind
   * the whole queue).
   */
  private async ensureIndex(uid: string, settings: () => Settings): Promise<void> {
    try {
      await this.client.getRawIndex(uid);
      return;
    } catch (e) {
      if (apiErrorCode(e) !== 'index_not_found') throw e;
    }
    const task = await this.client.tasks.waitForTask((await this.client.createIndex(uid, { primaryKey: 'id' })).taskUid, {
      timeout: this.opts.taskTimeoutMs,
      interval: this.opts.pollIntervalMs,
    });
    if (task.status === 'succeeded') {
      await this.waitOk(this.client.index(uid).updateSettings(settings()), `settings of ${uid}`);
      return;
    }
    if (task.error?.code === 'index_already_exists') return;
    throw taskError(`create ${uid}`, task);
  }

  private async dropQuietly(uids: string[]): Promise<void> {
    for (const uid of uids) {
      try {
        const task = await this.client.tasks.waitForTask((await this.client.deleteIndex(uid)).taskUid, {
          timeout: this.opts.taskTimeoutMs,
          interval: this.opts.pollIntervalMs,
        });
        if (task.status !== 'succeeded' && task.error?.code !== 'index_not_found') {
          console.warn(`[meilisearch] could not delete ${uid}: ${task.error?.code ?? task.status}`);
        }
      } catch (e) {
        console.warn(`[meilisearch] could not delete ${uid}: ${(e as Error).message}`);
      }
    }
  }
}

export { MeilisearchEngineError };
