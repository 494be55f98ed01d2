/**
 * The fixed query set of the benchmark (bench/queries.json), validated so a typo in a facet name
 * fails loudly instead of silently benchmarking an unfiltered query.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { FACETS, type FacetName, type Filters, type SortOrder } from '../../lib/search/types';

export const QUERY_KINDS = ['term', 'agency', 'multi', 'filter', 'empty', 'broad'] as const;
export type QueryKind = (typeof QUERY_KINDS)[number];

export interface BenchQuery {
  kind: QueryKind;
  q: string;
  filters?: Filters;
  sort?: SortOrder;
}

const filtersSchema = z
  .record(z.string(), z.array(z.string().min(1)).min(1))
  .refine((f) => Object.keys(f).every((k) => (FACETS as readonly string[]).includes(k)), { message: `facets must be one of ${FACETS.join(', ')}` });

const schema = z.object({
  queries: z
    .array(
      z.object({
        kind: z.enum(QUERY_KINDS),
        q: z.string(),
        filters: filtersSchema.optional(),
        sort: z.enum(['relevance', 'year_desc', 'year_asc']).optional(),
      }),
    )
    .min(1),
});

export const DEFAULT_QUERIES_FILE = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../bench/queries.json');

export function loadQueries(file = DEFAULT_QUERIES_FILE): BenchQuery[] {
  const parsed = schema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data.queries as BenchQuery[];
}

/** Short human label: the text plus its filters, e.g. `公开 [province=浙江省]`. */
export function queryLabel(q: BenchQuery): string {
  const f = Object.entries(q.filters ?? {}).map(([k, v]) => `${k}=${(v ?? []).join('|')}`);
  return `${q.q || '(empty)'}${f.length ? ` [${f.join(' ')}]` : ''}${q.sort ? ` sort=${q.sort}` : ''}`;
}

export function facetFilterEntries(f: Filters | undefined): [FacetName, string[]][] {
  return Object.entries(f ?? {}).filter(([, v]) => v && v.length) as [FacetName, string[]][];
}
