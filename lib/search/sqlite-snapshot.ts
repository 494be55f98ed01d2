/**
 * One version of the index file as the SQLite engine reads it, with everything computed from that
 * version: the database handle, its prepared statements, the facet data (rows, typed arrays, year
 * orders, corpus-wide counts), the agency list, the term-set and result caches. The engine makes
 * one when it opens a version and drops it whole (closing the handle) when the version changes:
 * file swapped by a rebuild, changed by another connection, or by the engine's own upsert. Nothing
 * computed from one version can then answer for another, and no cache lives anywhere else
 * (docs/engine.md "What is cached").
 */
import { loadFigureColumns, type FigureColumns } from './sqlite-figures';
import type fs from 'node:fs';
import type Database from 'better-sqlite3';
import type { AgencySummary } from './types';
import { loadFacetCache, type FacetCache } from './sqlite-cache';
import { agencyList } from './sqlite-agencies';
import { ResultCache } from './sqlite-results';
import { Statements } from './sqlite-stmts';
import { TermSetCache } from './sqlite-terms';

export class SqliteSnapshot {
  readonly stmts: Statements;
  /** term → ascending row positions of the reports containing it (sqlite-terms.ts) */
  readonly termSets = new TermSetCache();
  /** query → ordered result set and facet counts, with its first pages of hits (sqlite-results.ts) */
  readonly results = new ResultCache();
  private facetData: FacetCache | null = null;
  private agencies: AgencySummary[] | null = null;
  private figureData: FigureColumns | null = null;

  /**
   * `st`: the file as it was when `db` was opened; `dataVersion`: PRAGMA data_version then. Size
   * and mtime are kept so a file changed without SQLite (truncated, copied over) counts as a new
   * version too.
   */
  constructor(
    readonly db: Database.Database,
    private readonly st: Pick<fs.Stats, 'dev' | 'ino' | 'size' | 'mtimeMs'>,
    private readonly dataVersion: number,
  ) {
    this.stmts = new Statements(db);
  }

  /** True while the file at the path (`st`, null: missing) is still the version this snapshot holds. */
  isCurrent(st: fs.Stats | null): boolean {
    if (!this.db.open || !st) return false;
    const { dev, ino, size, mtimeMs } = this.st;
    if (st.dev !== dev || st.ino !== ino || st.size !== size || st.mtimeMs !== mtimeMs) return false;
    return this.db.pragma('data_version', { simple: true }) === this.dataVersion;
  }

  /** The facet data, loaded on first use: reading one report by id does not need it. */
  get facets(): FacetCache {
    return (this.facetData ??= loadFacetCache(this.db));
  }

  /** The key figures of every row, loaded on first use: only figure filters and sorts and hits need them. */
  get figures(): FigureColumns {
    return (this.figureData ??= loadFigureColumns(this.db, this.facets));
  }

  /** Every agency of this version (read-only for callers): agency pages ask on every request. */
  get agencyList(): AgencySummary[] {
    return (this.agencies ??= agencyList(this.facets));
  }

  /** Closes the handle; the caches go with this object once the engine lets go of it. */
  close(): void {
    if (this.db.open) this.db.close();
  }

  get closed(): boolean {
    return !this.db.open;
  }
}
