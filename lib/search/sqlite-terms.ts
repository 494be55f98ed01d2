/**
 * Which reports contain each query term, as ascending row positions (FacetCache.rows order),
 * cached per term and index version. Why: the FTS5 MATCH of a term found in nearly every report
 * walks its whole position list (20–150 ms at 100,000 reports), and popular terms come back with
 * other filters, sorts and companions ("公开", then "公开" in 浙江省, then "公开 申请"). A multi-term
 * query intersects cached sets and asks FTS5 only for the terms it has not seen alone.
 */
import type { FacetCache } from './sqlite-cache';
import { ByteLru } from './byte-lru';
import type { StatementSource } from './sqlite-stmts';
import { termMatch } from './fts-query';

/** 16 MB of row positions: ~40 terms found in every one of 100,000 reports, far more rarer ones. */
export const MAX_TERM_BYTES = 16 * 1024 * 1024;
export const MAX_TERMS_CACHED = 512;

/** Term → its rows, bounded by bytes of row positions; one per snapshot (sqlite-snapshot.ts). */
export class TermSetCache extends ByteLru<Int32Array> {
  constructor(maxBytes = MAX_TERM_BYTES, maxEntries = MAX_TERMS_CACHED) {
    super(maxBytes, maxEntries);
  }

  override set(term: string, rows: Int32Array): void {
    super.set(term, rows, rows.byteLength);
  }
}

/**
 * The rowids matching an FTS5 expression. Why one comma-joined string and not one row per match:
 * handing 100,000 rows to JavaScript one by one cost 4-5 times what FTS5 spent finding them
 * (measured: 25 ms vs count(*) 5 ms for a term in every report; the string and its parse, 10 ms).
 */
export function matchRowids(db: StatementSource, expr: string): Int32Array {
  const s = db.prepare(`SELECT group_concat(rowid) FROM report_fts WHERE report_fts MATCH ?`).pluck().get(expr) as string | null;
  if (!s) return new Int32Array(0);
  let n = 1;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 44) n++;
  const out = new Int32Array(n);
  let k = 0;
  let v = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 44) {
      out[k++] = v;
      v = 0;
    } else v = v * 10 + (c - 48);
  }
  out[k] = v;
  return out;
}

/** FTS5 rowids → ascending row positions (rowids of rows the cache does not hold are dropped). */
function toRows(cache: FacetCache, rids: Int32Array): Int32Array {
  const out = new Int32Array(rids.length);
  let n = 0;
  for (let j = 0; j < rids.length; j++) {
    const rid = rids[j];
    const i = rid < cache.idxOfRid.length ? cache.idxOfRid[rid] : 0;
    if (i) out[n++] = i - 1;
  }
  // FTS5 returns rowids ascending and rows are in rid order; sort anyway, cheaply, in case.
  const rows = out.slice(0, n);
  for (let j = 1; j < n; j++)
    if (rows[j] < rows[j - 1]) {
      rows.sort();
      break;
    }
  return rows;
}

/** Rows present in both ascending lists. */
export function intersectSorted(a: Int32Array, b: Int32Array): Int32Array {
  const out = new Int32Array(Math.min(a.length, b.length));
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    if (a[i] < b[j]) i++;
    else if (a[i] > b[j]) j++;
    else {
      out[n++] = a[i];
      i++;
      j++;
    }
  }
  return out.slice(0, n);
}

/**
 * Ascending row positions of the reports containing every term (terms non-empty). A term asked
 * alone is cached; terms first seen together are matched in one FTS5 query (cheaper than one
 * each) and that combination is not cached.
 */
export function rowsMatchingAll(db: StatementSource, cache: FacetCache, sets: TermSetCache, terms: string[]): Int32Array {
  const known: Int32Array[] = [];
  const unknown: string[] = [];
  for (const t of terms) {
    const s = sets.get(t);
    if (s) known.push(s);
    else unknown.push(t);
  }
  if (unknown.length === 1) {
    const s = toRows(cache, matchRowids(db, termMatch(unknown[0])));
    sets.set(unknown[0], s);
    known.push(s);
  } else if (unknown.length > 1) {
    known.push(toRows(cache, matchRowids(db, unknown.map(termMatch).join(' AND '))));
  }
  // Smallest first: each intersection is then bounded by the rarest term.
  known.sort((a, b) => a.length - b.length);
  let rows = known[0];
  for (let k = 1; k < known.length && rows.length; k++) rows = intersectSorted(rows, known[k]);
  return rows;
}
