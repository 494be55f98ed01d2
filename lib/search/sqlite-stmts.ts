/** Statements prepared once per connection and SQL text: a hot query should not re-prepare (FTS5 statements especially). */
import type Database from 'better-sqlite3';

const byDb = new WeakMap<Database.Database, Map<string, Database.Statement>>();

export function prepared(db: Database.Database, sql: string): Database.Statement {
  let stmts = byDb.get(db);
  if (!stmts) byDb.set(db, (stmts = new Map()));
  let st = stmts.get(sql);
  if (!st) stmts.set(sql, (st = db.prepare(sql)));
  return st;
}
