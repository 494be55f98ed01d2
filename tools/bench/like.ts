/**
 * The naive alternative: the same queries as a plain SQL LIKE scan over the same database's
 * stored section headings and texts (every term in some section of the report, filters in SQL). It returns
 * ids only — no ranking, no facets, no snippets — so the ratio flatters LIKE, if anything.
 */
import Database from 'better-sqlite3';
import { queryTerms } from '../../lib/search/fts-query';
import { SECTION_SLOTS } from '../../lib/search/sqlite-schema';
import { facetFilterEntries, type BenchQuery } from './queries';
import { summarize, type Summary } from './stats';

export interface LikeResult {
  rounds: number;
  latency: Summary;
  /** per query: rows the LIKE scan matched (a cross-check of the baseline) */
  counts: number[];
  perQueryMs: number[];
}

const likePattern = (t: string) => `%${t.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function buildSql(q: BenchQuery): { sql: string; params: (string | number)[] } {
  // older versions of a report are left out of searches (lib/versions.ts)
  const where: string[] = ['r.version_of IS NULL'];
  const params: (string | number)[] = [];
  for (const t of queryTerms(q.q)) {
    where.push(
      `EXISTS (SELECT 1 FROM sections s WHERE s.sid BETWEEN r.rid * ${SECTION_SLOTS} AND r.rid * ${SECTION_SLOTS} + ${SECTION_SLOTS - 1} AND (s.text LIKE ? ESCAPE '\\' OR s.title LIKE ? ESCAPE '\\'))`,
    );
    params.push(likePattern(t), likePattern(t));
  }
  for (const [f, vals] of facetFilterEntries(q.filters)) {
    const marks = vals.map(() => '?').join(', ');
    if (f === 'theme') {
      where.push(`r.rid IN (SELECT rid FROM report_themes WHERE label IN (${marks}))`);
      params.push(...vals);
    } else if (f === 'checks') {
      const c = [vals.includes('failed') ? 'r.checks_failed > 0' : null, vals.includes('ok') ? 'r.checks_failed = 0' : null].filter(Boolean);
      where.push(c.length ? `(${c.join(' OR ')})` : '0');
    } else if (f === 'year') {
      where.push(`r.year IN (${marks})`);
      params.push(...vals.map(Number));
    } else {
      where.push(`r.${f} IN (${marks})`);
      params.push(...vals);
    }
  }
  return { sql: `SELECT count(*) AS n FROM reports r${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`, params };
}

export function measureLike(dbFile: string, queries: BenchQuery[], rounds: number): LikeResult {
  const db = new Database(dbFile, { readonly: true });
  try {
    const stmts = queries.map((q) => {
      const { sql, params } = buildSql(q);
      return { stmt: db.prepare(sql), params };
    });
    const counts = queries.map(() => 0);
    const samples: number[] = [];
    const perQuery = queries.map(() => [] as number[]);
    for (let round = 0; round < rounds; round++) {
      stmts.forEach(({ stmt, params }, i) => {
        const t = performance.now();
        counts[i] = (stmt.get(...params) as { n: number }).n;
        const ms = performance.now() - t;
        samples.push(ms);
        perQuery[i].push(ms);
      });
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
    return { rounds, latency: summarize(samples), counts, perQueryMs: perQuery.map(median) };
  } finally {
    db.close();
  }
}
