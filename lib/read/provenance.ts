/**
 * Optional sidecar next to a report: `<file>.json` (e.g. report.pdf.json) holding
 * { "sourceUrl": "https://…", "capturedAt": "2025-03-01T08:00:00Z", "pageTitle": "…" } (`title` is read as
 * `pageTitle` too). Missing sidecar → undefined.
 */
import fs from 'node:fs';
import { ReadError } from './errors';
import { stageMessage, type StageMessage } from '../messages';
import type { Provenance } from './types';

export function sidecarPath(filePath: string): string {
  return `${filePath}.json`;
}

export async function readProvenance(filePath: string, messages: StageMessage[]): Promise<Provenance | undefined> {
  let raw: string;
  // Most reports have no sidecar: a failed open throws (stack trace and all) for every file.
  if (!fs.existsSync(sidecarPath(filePath))) return undefined;
  try {
    raw = fs.readFileSync(sidecarPath(filePath), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new ReadError(filePath, 'bad_sidecar', `附带文件 ${sidecarPath(filePath)} 无法读取（${(e as Error).message}）`, '请修正或删除这个 .json 附带文件');
  }
  let data: unknown;
  try {
    data = JSON.parse(raw.replace(/^\uFEFF/, ''));
  } catch {
    throw new ReadError(filePath, 'bad_sidecar', `附带文件 ${sidecarPath(filePath)} 不是有效的 JSON`, '请修正或删除这个 .json 附带文件');
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    throw new ReadError(filePath, 'bad_sidecar', `附带文件 ${sidecarPath(filePath)} 不是 JSON 对象`, '请写成 { "sourceUrl": "…", "capturedAt": "…" }');
  }
  const o = data as Record<string, unknown>;
  const out: Provenance = {};
  if (typeof o.sourceUrl === 'string') {
    if (/^https?:\/\//i.test(o.sourceUrl)) out.sourceUrl = o.sourceUrl;
    else messages.push(stageMessage('read.sidecar_url_ignored', `附带文件的 sourceUrl 不是 http(s) 网址，已忽略（${o.sourceUrl.slice(0, 80)}）`));
  }
  if (typeof o.capturedAt === 'string') {
    if (!Number.isNaN(Date.parse(o.capturedAt))) out.capturedAt = o.capturedAt;
    else messages.push(stageMessage('read.sidecar_date_ignored', `附带文件的 capturedAt 不是日期，已忽略（${o.capturedAt.slice(0, 40)}）`));
  }
  // the crawler's page title (a report page whose text lost its title still has one)
  const title = typeof o.pageTitle === 'string' ? o.pageTitle : typeof o.title === 'string' ? o.title : undefined;
  if (title && title.trim()) out.pageTitle = title.trim().slice(0, 300);
  return out.sourceUrl || out.capturedAt || out.pageTitle ? out : undefined;
}
