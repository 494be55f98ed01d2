/**
 * Configuration, read and validated once. Every other module asks here, never process.env,
 * so the full list of settings lives in one place (mirrored in .env.example).
 */
import path from 'node:path';
import { z } from 'zod';

const schema = z.object({
  DATA_DIR: z.string().min(1).default('data'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  SEARCH_ENGINE: z.enum(['sqlite', 'meilisearch']).default('sqlite'),
  MEILI_HOST: z.string().url().optional(),
  MEILI_MASTER_KEY: z.string().optional(),
  MEILI_INDEX: z.string().regex(/^[A-Za-z0-9_-]+$/).default('reports'),
  /** the server's --http-payload-size-limit in bytes, when not the default 100 MB: batches stay under half */
  MEILI_MAX_PAYLOAD_BYTES: z.coerce.number().int().min(1024).optional(),
  REPORTS_DIR: z.string().optional(),
  /** e-mail or URL put in the crawler's User-Agent, so a site's webmaster can reach whoever crawls */
  CRAWL_CONTACT: z.string().optional(),
  /** public address of the site (https://nianbao.example.cn), for canonical URLs and share cards */
  SITE_URL: z.string().url().optional(),
  /** Chinese font for the share-card images (lib/og/font.ts) */
  OG_FONT_PATH: z.string().optional(),
  /** bulk exports producing at once, waiting for a slot, and how long one may wait (lib/export/gate.ts) */
  EXPORT_ACTIVE: z.coerce.number().int().min(1).default(2),
  EXPORT_QUEUE: z.coerce.number().int().min(0).default(6),
  EXPORT_WAIT_MS: z.coerce.number().int().min(0).default(20_000),
});

export type Env = z.infer<typeof schema> & { dataDir: string };

let cached: Env | null = null;

export function env(): Env {
  if (cached) return cached;
  const raw = Object.fromEntries(
    Object.entries(process.env).filter(([, v]) => v !== undefined && v !== ''),
  );
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration (see .env.example): ${problems}`);
  }
  cached = { ...parsed.data, dataDir: path.resolve(parsed.data.DATA_DIR) };
  return cached;
}

/** For tests that change the environment between cases. */
export function resetEnvCache(): void {
  cached = null;
}
