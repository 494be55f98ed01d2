/**
 * Optional sidecar next to a report: `<file>.json` (e.g. report.pdf.json) holding
 * { "sourceUrl": "https://…", "capturedAt": "2025-03-01T08:00:00Z", "pageTitle": "…" } (`title` is read as
 * `pageTitle` too). Missing sidecar → undefined.
 */
import fs from 'node:fs';
import { ReadError } from './errors';
import type { Provenance } from './types';

export function sidecarPath(filePath: string): string {
  return `${filePath}.json`;
}

export async function readProvenance(filePath: string, warnings: string[]): Promise<Provenance | undefined> {
  let raw: string;
  // Most reports have no sidecar: a failed open throws (stack trace and all) for every file.
  if (!fs.existsSync(sidecarPath(filePath))) return undefined;
  try {
    raw = fs.readFileSync(sidecarPath(filePath), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new ReadError(filePath, 'bad_sidecar', `sidecar ${sidecarPath(filePath)} unreadable (${(e as Error).message})`, 'fix or remove the .json sidecar');
  }
  let data: unknown;
  try {
    data = JSON.parse(raw.replace(/^\uFEFF/, ''));
  } catch {
    throw new ReadError(filePath, 'bad_sidecar', `sidecar ${sidecarPath(filePath)} is not valid JSON`, 'fix or remove the .json sidecar');
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    throw new ReadError(filePath, 'bad_sidecar', `sidecar ${sidecarPath(filePath)} is not a JSON object`, 'write { "sourceUrl": "…", "capturedAt": "…" }');
  }
  const o = data as Record<string, unknown>;
  const out: Provenance = {};
  if (typeof o.sourceUrl === 'string') {
    if (/^https?:\/\//i.test(o.sourceUrl)) out.sourceUrl = o.sourceUrl;
    else warnings.push(`sidecar sourceUrl ignored: not an http(s) URL (${o.sourceUrl.slice(0, 80)})`);
  }
  if (typeof o.capturedAt === 'string') {
    if (!Number.isNaN(Date.parse(o.capturedAt))) out.capturedAt = o.capturedAt;
    else warnings.push(`sidecar capturedAt ignored: not a date (${o.capturedAt.slice(0, 40)})`);
  }
  // the crawler's page title (a report page whose text lost its title still has one)
  const title = typeof o.pageTitle === 'string' ? o.pageTitle : typeof o.title === 'string' ? o.title : undefined;
  if (title && title.trim()) out.pageTitle = title.trim().slice(0, 300);
  return out.sourceUrl || out.capturedAt || out.pageTitle ? out : undefined;
}
