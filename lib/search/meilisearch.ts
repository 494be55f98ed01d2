/**
 * Meilisearch engine behind the SearchEngine interface (production engine).
 *
 * Two indexes per deployment: `<index>` holds one document per report SECTION (distinct on
 * report_id, so hits are reports) and `<index>_records` holds each full ReportRecord once, for
 * getReport and the agency lists. Both are rebuilt side by side and swapped in one atomic
 * swap-indexes task. Settings, filters, query terms and mapping live in lib/search/meili-*.ts.
 */
import { limitFacetCounts } from './facet-limit';
import { Meilisearch, type EnqueuedTaskPromise, type Index, type Task } from 'meilisearch';
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
import { buildSearchParams, meiliQueryText } from './meili-query';
import { disjunctiveSearches, mergeDistributions } from './meili-disjunctive';
import {
  meiliReportKey,
  toFacets,
  toRecordDocument,
  toSearchHit,
  toSectionDocuments,
  toTotal,
  type RecordDocument,
  type SectionDocument,
} from './meili-map';
import { apiErrorCode, MeilisearchEngineError, taskError, toEngineError } from './meili-errors';

export interface MeilisearchEngineOptions {
  host: string;
  apiKey?: string;
  /** live index uid; the records index is `${index}_records` */
  index: string;
  /** section documents per addDocuments call */
  batchSize?: number;
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

  constructor(options: MeilisearchEngineOptions) {
    this.opts = {
      batchSize: 2000,
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
      });
    } catch (e) {
      throw new EngineUnavailableError(`MEILI_HOST is not a usable URL: ${this.opts.host}`, { cause: e });
    }
  }

  /** From MEILI_HOST, MEILI_MASTER_KEY and MEILI_INDEX. */
  static fromEnv(overrides: Partial<MeilisearchEngineOptions> = {}): MeilisearchEngine {
    const e = env();
    if (!e.MEILI_HOST) throw new EngineUnavailableError('SEARCH_ENGINE=meilisearch needs MEILI_HOST (e.g. http://127.0.0.1:7700)');
    return new MeilisearchEngine({ host: e.MEILI_HOST, apiKey: e.MEILI_MASTER_KEY, index: e.MEILI_INDEX, ...overrides });
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
    const stamp = `${Date.now()}${Math.floor(Math.random() * 1000)}`;
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
      await this.ensureIndex(this.indexUid);
      await this.ensureIndex(this.recordsUid);
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
    // After the swap the build uids hold the previous live data.
    await this.dropQuietly([build, buildRecords]);
    return { indexed };
  }

  async upsert(records: ReportRecord[]): Promise<void> {
    if (records.length === 0) return;
    try {
      if (await this.ensureIndex(this.indexUid)) {
        await this.waitOk(
          this.client.index(this.indexUid).updateSettings(sectionIndexSettings(this.opts.dictionary())),
          `settings of ${this.indexUid}`,
        );
      }
      if (await this.ensureIndex(this.recordsUid)) {
        await this.waitOk(this.client.index(this.recordsUid).updateSettings(recordIndexSettings()), `settings of ${this.recordsUid}`);
      }
      // A section the new version lacks must not keep matching: drop the reports' old sections.
      const ids = [...new Set(records.map((r) => r.id))];
      for (let i = 0; i < ids.length; i += 500) {
        await this.waitOk(
          this.client.index(this.indexUid).deleteDocuments({ filter: inList('report_id', ids.slice(i, i + 500)) }),
          'delete old sections',
        );
      }
      const writer = this.batchWriter(this.client.index(this.indexUid), this.client.index(this.recordsUid));
      for (const rec of records) await writer.add(rec);
      await writer.finish();
    } catch (e) {
      throw toEngineError(e, this.opts.host);
    }
  }

  /** Buffers documents and sends them in batches, keeping a few tasks in flight. */
  private batchWriter(sections: Index<SectionDocument>, recordsIdx: Index<RecordDocument>) {
    let secBuf: SectionDocument[] = [];
    let recBuf: RecordDocument[] = [];
    const pending: { p: EnqueuedTaskPromise; what: string }[] = [];
    let count = 0;
    const send = (p: EnqueuedTaskPromise, what: string) => {
      // Awaited later (waitOk); until then a rejection must not count as unhandled.
      p.catch(() => {});
      pending.push({ p, what });
    };
    const flush = async () => {
      if (secBuf.length) send(sections.addDocuments(secBuf, { primaryKey: 'id' }), `add documents to ${sections.uid}`);
      if (recBuf.length) send(recordsIdx.addDocuments(recBuf, { primaryKey: 'id' }), `add records to ${recordsIdx.uid}`);
      secBuf = [];
      recBuf = [];
      while (pending.length > MAX_PENDING_TASKS) {
        const t = pending.shift()!;
        await this.waitOk(t.p, t.what);
      }
    };
    return {
      get count() {
        return count;
      },
      /** true when a batch was sent (a good moment to report progress) */
      add: async (rec: ReportRecord): Promise<boolean> => {
        secBuf.push(...toSectionDocuments(rec, this.opts.segmentText));
        recBuf.push(toRecordDocument(rec));
        count++;
        if (secBuf.length < this.opts.batchSize) return false;
        await flush();
        return true;
      },
      finish: async () => {
        await flush();
        while (pending.length) {
          const t = pending.shift()!;
          await this.waitOk(t.p, t.what);
        }
      },
    };
  }

  // ---- reading ----------------------------------------------------------------------------

  async search(query: SearchQuery): Promise<SearchResult> {
    const qText = meiliQueryText(query.q ?? '', this.opts.segmentQuery);
    const params = buildSearchParams(query, qText ?? '');
    const facets = query.facets ?? [...FACETS];
    const page = params.page!;
    const perPage = params.hitsPerPage!;
    const empty = () => ({ total: 0, page, perPage, hits: [], facets: toFacets(undefined, facets) });
    if (qText === null) return empty();
    try {
      // A filtered facet is counted by a search of its own (meili-disjunctive.ts), in one request.
      const counts = disjunctiveSearches(query, params);
      const res = counts.length
        ? await this.client
            .multiSearch({ queries: [params, ...counts.map((c) => c.params)].map((p) => ({ indexUid: this.indexUid, ...p })) })
            .then(({ results: [main, ...rest] }) => ({ ...main, facetDistribution: mergeDistributions(main.facetDistribution, counts, rest) }))
        : await this.client.index(this.indexUid).search(qText, params);
      return {
        total: toTotal(res),
        page,
        perPage,
        hits: res.hits.map((h) => toSearchHit(h as never, qText ? qText.split(' ') : [])),
        ...limitFacetCounts(toFacets(res.facetDistribution, facets), query.facetLimit, query.filters),
      };
    } catch (e) {
      // Nothing indexed yet: an empty result, as the SQLite engine gives for an empty database.
      if (apiErrorCode(e) === 'index_not_found') return empty();
      throw toEngineError(e, this.opts.host);
    }
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
    const docs = await this.allRecordDocs(['report_id', 'agency', 'year'], eq('agency', agency));
    return docs
      .map((d) => ({ id: d.report_id, agency: d.agency, year: d.year ?? null }))
      .sort((a, b) => (a.year ?? Infinity) - (b.year ?? Infinity) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  async listAgencies(): Promise<AgencySummary[]> {
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
  private async allRecordDocs<K extends keyof RecordDocument>(fields: K[], filter?: string): Promise<Pick<RecordDocument, K>[]> {
    const out: Pick<RecordDocument, K>[] = [];
    try {
      for (let offset = 0; ; offset += PAGE) {
        const res = await this.client
          .index<RecordDocument>(this.recordsUid)
          .getDocuments({ fields, limit: PAGE, offset, ...(filter ? { filter } : {}) });
        out.push(...(res.results as Pick<RecordDocument, K>[]));
        if (res.results.length < PAGE) break;
      }
    } catch (e) {
      if (apiErrorCode(e) === 'index_not_found') return [];
      throw toEngineError(e, this.opts.host);
    }
    return out;
  }

  /** Wait for a task and insist that it succeeded; the error carries Meilisearch's code. */
  private async waitOk(p: EnqueuedTaskPromise, what: string): Promise<Task> {
    const task = await p.waitTask();
    if (task.status !== 'succeeded') throw taskError(what, task);
    return task;
  }

  /** Create the index if missing; true when it was created now. */
  private async ensureIndex(uid: string): Promise<boolean> {
    const task = await this.client.createIndex(uid, { primaryKey: 'id' }).waitTask();
    if (task.status === 'succeeded') return true;
    if (task.error?.code === 'index_already_exists') return false;
    throw taskError(`create ${uid}`, task);
  }

  private async dropQuietly(uids: string[]): Promise<void> {
    for (const uid of uids) {
      try {
        const task = await this.client.deleteIndex(uid).waitTask();
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
