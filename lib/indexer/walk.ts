/** Finding report files under a folder: recursive, sorted (stable runs), hidden entries skipped. */
import fs from 'node:fs/promises';
import path from 'node:path';

export const REPORT_EXTENSIONS = ['.txt', '.html', '.htm', '.docx', '.pdf'];

export async function findReportFiles(dir: string): Promise<string[]> {
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
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const p = path.join(d, e.name);
      const st = e.isSymbolicLink() ? await fs.stat(p).catch(() => null) : e;
      if (st?.isDirectory()) await walk(p);
      else if (st?.isFile() && REPORT_EXTENSIONS.includes(path.extname(e.name).toLowerCase())) out.push(p);
    }
  }
  await walk(dir);
  return out;
}
