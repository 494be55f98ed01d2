/**
 * Statements prepared once per snapshot and SQL text: a hot query should not re-prepare (FTS5
 * statements especially). Owned by the snapshot (sqlite-snapshot.ts), so they go with its handle.
 */
import type Database from 'better-sqlite3';

/** What runs SQL for the read path: a snapshot's Statements, or a bare handle (tests, tools). */
export interface StatementSource {
  prepare(sql: string): Database.Statement;
}

export class Statements implements StatementSource {
  private readonly bySql = new Map<string, Database.Statement>();
  constructor(private readonly db: Database.Database) {}

  /** The statement for `sql`, prepared on first use. */
  prepare(sql: string): Database.Statement {
    let st = this.bySql.get(sql);
    if (!st) this.bySql.set(sql, (st = this.db.prepare(sql)));
    return st;
  }

  /** number of statements held (one per SQL text the code asks for) */
  get size(): number {
    return this.bySql.size;
  }
}
