/** Finding report files under a folder: recursive, sorted (stable runs), hidden entries skipped. */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { MessageCode } from '../messages';

export const REPORT_EXTENSIONS = ['.txt', '.html', '.htm', '.docx', '.pdf'];

export interface SkippedFile {
  /** relative to the folder walked */
  file: string;
  reason: string;
  code: MessageCode;
}

/** One line saying why a file with this extension is not read, and what to do instead. */
export function skipReason(name: string): string {
  const ext = path.extname(name).toLowerCase();
  const shown = ext || '（无扩展名）';
  if (['.doc', '.wps'].includes(ext)) return `不支持的格式 ${shown}：请另存为 .docx 或 PDF`;
  if (['.xls', '.xlsx', '.et', '.csv'].includes(ext)) return `不支持的格式 ${shown}：表格文件不是年度报告，请提供报告的 .docx、PDF、HTML 或 TXT`;
  if (['.zip', '.rar', '.7z', '.gz', '.tar'].includes(ext)) return `不支持的格式 ${shown}：请先解压`;
  return `不支持的格式 ${shown}：仅读取 ${REPORT_EXTENSIONS.join(' ')}`;
}

/**
 * Report files under `dir`. Other files are pushed to `skipped` (when given) with a reason, except
 * provenance sidecars (`<report file>.json`), which belong to a report.
 */
export async function findReportFiles(dir: string, skipped?: SkippedFile[]): Promise<string[]> {
  const out: string[] = [];
  // Symlinked folders are followed (e.g. a corpus folder linking ../shared/seeds); real paths
  // already walked are skipped so a link loop cannot recurse forever.
  const seen = new Set<string>();
  async function walk(d: string): Promise<void> {
    const real = await fs.realpath(d);
    if (seen.has(real)) return;
    seen.add(real);
    const entries = await fs.readdir(d, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const names = new Set(entries.map((e) => e.name));
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const p = path.join(d, e.name);
      const st = e.isSymbolicLink() ? await fs.stat(p).catch(() => null) : e;
      if (st?.isDirectory()) await walk(p);
      else if (st?.isFile() && REPORT_EXTENSIONS.includes(path.extname(e.name).toLowerCase())) out.push(p);
      else if (st?.isFile() && skipped && !isSidecar(e.name, names)) skipped.push({ file: path.relative(dir, p), reason: skipReason(e.name), code: 'index.unsupported_extension' });
    }
  }
  await walk(dir);
  return out;
}

function isSidecar(name: string, siblings: Set<string>): boolean {
  return name.toLowerCase().endsWith('.json') && siblings.has(name.slice(0, -'.json'.length));
}
