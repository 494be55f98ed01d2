/**
 * Provenance and re-publications through the real indexer into a real SQLite index: a report with
 * a sidecar, the same report re-published with one figure changed (later capturedAt), an exact
 * byte copy, and a legacy .doc. Text: the invented fixture report, one number altered.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { indexDirectory } from '../lib/indexer/run';
import { readIndexStatus } from '../lib/index-status';
import { SqliteEngine } from '../lib/search/sqlite';
import { toRecordDocument } from '../lib/search/meili-map';
import { withoutOlderVersions } from '../lib/versions';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { Provenance, Versions } from '../app/reports/[id]/Provenance';

const ORIGINAL = fs.readFileSync(path.resolve(__dirname, 'fixtures/read/report.txt'), 'utf8');
const REPUBLISHED = ORIGINAL.replace('主动公开政府信息213条', '主动公开政府信息214条');
const sha = (s: string | Buffer) => createHash('sha256').update(s).digest('hex');

let tmp: string;
let corpus: string;
let dataDir: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-versions-'));
  corpus = path.join(tmp, 'reports');
  dataDir = path.join(tmp, 'data');
  fs.mkdirSync(corpus);
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

function write(name: string, text: string, sidecar?: object) {
  fs.writeFileSync(path.join(corpus, name), text);
  if (sidecar) fs.writeFileSync(path.join(corpus, `${name}.json`), JSON.stringify(sidecar));
}

describe('provenance and re-publications', () => {
  it('sanity: the altered copy differs only in that figure', () => {
    expect(REPUBLISHED).not.toBe(ORIGINAL);
    expect(REPUBLISHED.replace('214条', '213条')).toBe(ORIGINAL);
  });

  // Both walk orders: the newer file met second (the holder moves to a version id) and first.
  for (const [oldName, newName] of [
    ['a-2024.txt', 'b-2024-republished.txt'],
    ['b-2024.txt', 'a-2024-republished.txt'],
  ]) {
    it(`newest keeps the id, the older one is kept as a version (old: ${oldName}, new: ${newName})`, async () => {
      write(oldName, ORIGINAL, { sourceUrl: 'https://example.gov.cn/old.html', capturedAt: '2025-01-10T08:00:00Z' });
      write(newName, REPUBLISHED, { sourceUrl: 'https://example.gov.cn/new.html', capturedAt: '2025-03-01T08:00:00Z' });
      write('c-copy.txt', ORIGINAL); // same bytes as the old version: a duplicate, not a version
      fs.writeFileSync(path.join(corpus, 'd-legacy.doc'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]));

      const engine = new SqliteEngine({ dataDir });
      const status = await indexDirectory({ dir: corpus, engine, dataDir });
      expect(status).toMatchObject({ found: 3, indexed: 2, failed: 0, duplicates: 1, versions: 1, swapped: true });
      expect(status.skipped).toEqual([{ file: 'd-legacy.doc', reason: '不支持的格式 .doc：请另存为 .docx 或 PDF', code: 'index.unsupported_extension' }]);
      expect(await readIndexStatus(dataDir)).toEqual(status);

      // Older versions count only when asked for; then each says which report it is a version of.
      expect((await engine.search({ q: '', perPage: 10 })).total).toBe(1);
      const all = await engine.search({ q: '', perPage: 10, includeVersions: true });
      expect(all.total).toBe(2);
      const canonicalHit = all.hits.find((h) => !/-[0-9a-f]{8}$/.test(h.id))!;
      expect(canonicalHit.versionOf).toBeUndefined();
      expect(all.hits.find((h) => h !== canonicalHit)!.versionOf).toBe(canonicalHit.id);
      const id = canonicalHit.id;
      const oldId = `${id}-${sha(ORIGINAL).slice(0, 8)}`;
      expect(all.hits.map((h) => h.id).sort()).toEqual([id, oldId].sort());

      const canonical = (await engine.getReport(id))!;
      expect(canonical.file).toBe(newName);
      expect(canonical.versionOf).toBeUndefined();
      expect(canonical.sections.find((s) => s.key === 'overview')!.text).toContain('214条');
      expect(canonical.source).toEqual({
        sha256: sha(REPUBLISHED),
        format: 'txt',
        encoding: 'utf-8',
        sourceUrl: 'https://example.gov.cn/new.html',
        capturedAt: '2025-03-01T08:00:00Z',
        bytes: Buffer.byteLength(REPUBLISHED),
      });
      expect(canonical.versions).toEqual([
        { id, sha256: sha(REPUBLISHED), capturedAt: '2025-03-01T08:00:00Z', file: newName },
        { id: oldId, sha256: sha(ORIGINAL), capturedAt: '2025-01-10T08:00:00Z', file: oldName },
      ]);

      const older = (await engine.getReport(oldId))!;
      expect(older.versionOf).toBe(id);
      expect(older.file).toBe(oldName);
      expect(older.agency).toBe(canonical.agency);
      expect(older.sections.find((s) => s.key === 'overview')!.text).toContain('213条');
      expect(older.source?.sourceUrl).toBe('https://example.gov.cn/old.html');

      // Agency listings (other years, timelines) show one report per year.
      const refs = await engine.listAgencyReports(canonical.agency);
      expect(refs).toHaveLength(2);
      expect(withoutOlderVersions(refs).map((r) => r.id)).toEqual([id]);

      // Each is found by the figure that changed; the older one only with includeVersions.
      expect((await engine.search({ q: '214条' })).hits.map((h) => h.id)).toEqual([id]);
      expect((await engine.search({ q: '213条' })).hits.map((h) => h.id)).toEqual([]);
      expect((await engine.search({ q: '213条', includeVersions: true })).hits.map((h) => h.id)).toEqual([oldId]);

      // The Meilisearch record document stores the whole record: provenance and versions survive.
      const doc = JSON.parse(toRecordDocument(canonical).record);
      expect(doc.source).toEqual(canonical.source);
      expect(doc.versions).toEqual(canonical.versions);
      await engine.close();
    });
  }

  it('without sidecars the newer mtime wins', async () => {
    write('a.txt', REPUBLISHED);
    write('b.txt', ORIGINAL);
    fs.utimesSync(path.join(corpus, 'b.txt'), new Date('2024-01-01'), new Date('2024-01-01'));
    const engine = new SqliteEngine({ dataDir });
    const status = await indexDirectory({ dir: corpus, engine, dataDir });
    expect(status).toMatchObject({ indexed: 2, versions: 1, duplicates: 0 });
    expect(status.skipped).toEqual([]);
    const hit = (await engine.search({ q: '214条' })).hits[0];
    const rec = (await engine.getReport(hit.id))!;
    expect(rec.versionOf).toBeUndefined();
    expect(rec.source?.capturedAt).toBeUndefined();
    expect(rec.versions?.map((v) => v.file)).toEqual(['a.txt', 'b.txt']);
    await engine.close();
  });
});

describe('report page: provenance and versions blocks', () => {
  const source = { sha256: 'ab'.repeat(32), format: 'pdf', encoding: 'binary', sourceUrl: 'https://example.gov.cn/r.html', capturedAt: '2025-03-01T08:00:00Z' };
  const html = (el: React.ReactElement) => renderToStaticMarkup(el);

  it('links only http(s) sources, with rel noopener noreferrer nofollow; full sha256 in the title', () => {
    const out = html(createElement(Provenance, { source }));
    expect(out).toContain('data-testid="provenance"');
    expect(out).toMatch(/<a href="https:\/\/example\.gov\.cn\/r\.html"[^>]*rel="noopener noreferrer nofollow"/);
    expect(out).toContain(`title="${'ab'.repeat(32)}"`);
    expect(out).toContain('2025-03-01');
    expect(out).toContain('PDF 文档，编码：不适用（二进制文件）');
    expect(out).toContain('文件指纹');
    expect(out).not.toMatch(/SHA-256|binary/);
    const bad = html(createElement(Provenance, { source: { ...source, sourceUrl: 'javascript:alert(1)' } }));
    expect(bad).not.toContain('<a ');
  });

  it('says plainly when the address and the capture date were not recorded', () => {
    for (const src of [undefined, { sha256: 'cd'.repeat(32), format: 'txt', encoding: 'utf-8' }]) {
      const out = html(createElement(Provenance, { source: src }));
      expect(out).toContain('data-testid="provenance"');
      expect(out).not.toContain('<a ');
      expect(out).toMatch(/data-testid="provenance-url" data-known="false"[^>]*>.*未记录：收录时没有提供原文网址/);
      expect(out).toMatch(/data-testid="provenance-captured" data-known="false"[^>]*>.*未记录/);
    }
    expect(html(createElement(Provenance, { source: { sha256: 'cd'.repeat(32), format: 'txt', encoding: 'utf-8' } }))).toContain('文本文件，编码：UTF-8（通用编码）');
  });

  it('tells each version about the others', () => {
    const versions = [
      { id: 'x', sha256: '1'.repeat(64), capturedAt: '2025-03-01T08:00:00Z', file: 'new.txt' },
      { id: 'x-11111111', sha256: '2'.repeat(64), file: 'old.txt' },
      { id: 'x-22222222', sha256: '3'.repeat(64), file: 'fragment.txt', incomplete: true as const },
    ];
    const onNew = html(createElement(Versions, { versions, current: 'x' }));
    expect(onNew).toContain('此报告有其他版本');
    expect(onNew).toContain('采用的版本');
    expect(onNew).toContain('href="/reports/x-11111111"');
    const onOld = html(createElement(Versions, { versions, current: 'x-11111111' }));
    expect(onOld).toContain('此页是其他版本');
    expect(onOld).toContain('href="/reports/x-22222222"');
    expect(onOld).toContain('不完整的版本');
    expect(onOld).toContain('href="/reports/x"');
    expect(html(createElement(Versions, { versions: undefined, current: 'x' }))).toBe('');
  });
});
