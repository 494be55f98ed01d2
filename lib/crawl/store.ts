/**
 * The corpus folder the crawler writes and `npm run index` reads: one file per fetched report
 * (original bytes), beside it `<file>.json`, the provenance sidecar the reader already takes
 * (`sourceUrl`, `capturedAt`), extended with what the crawl knows. Files and sidecars are
 * written to a temporary name and renamed, so a kill never leaves half a file under a real name.
 * A changed report is written under a new name (its content hash appended) with a later
 * `capturedAt`: the indexer then keeps both as versions of one report.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface CrawlSidecar {
  /** where the bytes came from (after redirects); read by lib/read/provenance.ts */
  sourceUrl: string;
  /** when these bytes were fetched; read by the indexer to order versions */
  capturedAt: string;
  /** the URL the crawler asked for (normalized), which keys conditional re-crawls */
  url: string;
  redirects?: string[];
  /** the page that linked this file (a report page or the list page) */
  referrer?: string;
  /** the 年报 column's list page the report was found on */
  listPage?: string;
  seed: string;
  httpStatus: number;
  contentType: string | null;
  etag: string | null;
  lastModified: string | null;
  sha256: string;
  bytes: number;
  /** the report page's <title> (or the link's text when the file was linked from a list) */
  title: string;
  linkText?: string;
  /** the year the link named */
  year?: number;
  agency?: string;
  province?: string;
  userAgent: string;
  /** the crawl run that fetched these bytes */
  crawlRun: string;
  /** last time a conditional request found these bytes unchanged */
  checkedAt?: string;
  /** the run that last found them unchanged */
  checkedRun?: string;
}

export interface StoredFile {
  file: string;
  sidecar: CrawlSidecar;
}

export const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

const CONTENT_TYPE_EXT: [RegExp, string][] = [
  [/application\/pdf/i, '.pdf'],
  [/wordprocessingml\.document/i, '.docx'],
  [/application\/msword/i, '.doc'],
  [/kswps|application\/wps|vnd\.ms-works/i, '.wps'],
  [/spreadsheetml\.sheet/i, '.xlsx'],
  [/vnd\.ms-excel/i, '.xls'],
  [/text\/plain/i, '.txt'],
  [/text\/html|application\/xhtml/i, '.html'],
];
const KNOWN_EXT = ['.pdf', '.docx', '.doc', '.wps', '.xls', '.xlsx', '.txt', '.html', '.htm'];

/** The file extension for fetched bytes: magic bytes, then a specific Content-Type, then the URL. */
export function extensionFor(url: string, contentType: string | null, body: Buffer): string {
  const urlExt = path.posix.extname(new URL(url).pathname).toLowerCase();
  if (body.subarray(0, 5).toString('latin1') === '%PDF-') return '.pdf';
  // ZIP (docx/xlsx) and OLE (doc/xls/wps) containers: the URL says which, else the common one
  if (body.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return ['.docx', '.xlsx'].includes(urlExt) ? urlExt : '.docx';
  if (body.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) return ['.doc', '.xls', '.wps'].includes(urlExt) ? urlExt : '.doc';
  for (const [re, ext] of CONTENT_TYPE_EXT) if (re.test(contentType ?? '')) return ext === '.html' && urlExt === '.htm' ? '.htm' : ext;
  if (KNOWN_EXT.includes(urlExt)) return urlExt;
  return '.html';
}

/** `<site>/<last path segment>-<8 hex of the URL>`: stable for a URL, readable, collision-free. */
export function baseNameFor(url: string): string {
  const u = new URL(url);
  const site = u.host.toLowerCase().replace(/^www\./, '').replace(/[^a-z0-9.-]/g, '_');
  const seg = decodeURIComponent(u.pathname.split('/').filter(Boolean).pop() ?? 'index').replace(/\.[^.]*$/, '');
  const stem = seg.replace(/[^\p{L}\p{N}_-]+/gu, '_').slice(0, 60) || 'index';
  return path.join(site, `${stem}-${sha256(url).slice(0, 8)}`);
}

export function writeAtomic(file: string, data: Buffer | string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${path.dirname(file)}/.${path.basename(file)}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, data);
  fs.renameSync(tmp, file);
}

export class CorpusStore {
  /** newest stored version per requested URL */
  private latest = new Map<string, StoredFile>();

  constructor(readonly dir: string) {}

  /** Reads the sidecars the crawler wrote before (any run), so a re-crawl can ask conditionally. */
  load(): void {
    const walk = (d: string) => {
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(d, { withFileTypes: true });
      } catch {
        return;
      }
      for (const e of entries) {
        if (e.name.startsWith('.')) continue;
        const p = path.join(d, e.name);
        if (e.isDirectory()) walk(p);
        else if (e.name.endsWith('.json') && fs.existsSync(p.slice(0, -5))) {
          try {
            const sc = JSON.parse(fs.readFileSync(p, 'utf8')) as CrawlSidecar;
            if (typeof sc.url === 'string' && typeof sc.crawlRun === 'string') this.remember({ file: path.relative(this.dir, p.slice(0, -5)), sidecar: sc });
          } catch {
            // not one of ours (a hand-written sidecar may be anything); the indexer judges it
          }
        }
      }
    };
    walk(this.dir);
  }

  private remember(f: StoredFile): void {
    const cur = this.latest.get(f.sidecar.url);
    if (!cur || Date.parse(f.sidecar.capturedAt) >= Date.parse(cur.sidecar.capturedAt)) this.latest.set(f.sidecar.url, f);
  }

  get(url: string): StoredFile | undefined {
    return this.latest.get(url);
  }

  abs(f: StoredFile): string {
    return path.join(this.dir, f.file);
  }

  /**
   * Stores fetched bytes. Same bytes as the newest version → only `checkedAt` moves; new bytes
   * for a known URL → a new version file beside the old one.
   */
  save(body: Buffer, meta: Omit<CrawlSidecar, 'sha256' | 'bytes'>): { stored: StoredFile; outcome: 'new' | 'version' | 'unchanged' } {
    const hash = sha256(body);
    const prev = this.latest.get(meta.url);
    if (prev && prev.sidecar.sha256 === hash) {
      this.touch(prev, meta.capturedAt, meta.crawlRun);
      return { stored: prev, outcome: 'unchanged' };
    }
    const ext = extensionFor(meta.sourceUrl, meta.contentType, body);
    const base = baseNameFor(meta.url);
    const file = prev ? `${base}~${hash.slice(0, 8)}${ext}` : `${base}${ext}`;
    const sidecar: CrawlSidecar = { ...meta, sha256: hash, bytes: body.length };
    const abs = path.join(this.dir, file);
    writeAtomic(abs, body);
    writeAtomic(`${abs}.json`, `${JSON.stringify(sidecar, null, 2)}\n`);
    const stored = { file, sidecar };
    this.remember(stored);
    return { stored, outcome: prev ? 'version' : 'new' };
  }

  /** A conditional request said the newest version is current. */
  touch(f: StoredFile, at: string, run: string): void {
    f.sidecar.checkedAt = at;
    f.sidecar.checkedRun = run;
    writeAtomic(`${this.abs(f)}.json`, `${JSON.stringify(f.sidecar, null, 2)}\n`);
  }
}
