/**
 * Identity and versions through the real indexer into a real SQLite index (and, for exports and
 * the JSON/CSV twins, through the real route handlers on that index):
 *   - a 400-byte broken download (title and one sentence), newer on disk, never takes the id of
 *     the full report, and the run says what happened to it;
 *   - a truncated copy that still has a part is kept as a partial older version, never canonical;
 *   - two reports of one agency with no detectable year get two ids (content ids), stable across
 *     re-indexing;
 *   - two files for one agency+year count once in totals, facets and exports; include_versions
 *     brings the older one back with `version_of`;
 *   - a word held only by a section heading finds the report, with a snippet quoting the heading.
 * Texts: the invented fixture report (test/fixtures/read/report.txt) and the corpus generator.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { indexDirectory } from '../lib/indexer/run';
import { reportId } from '../lib/parse/index';
import { SqliteEngine } from '../lib/search/sqlite';
import { MARK_END, MARK_START } from '../lib/search/highlight';
import { generateReports } from '../tools/corpus/generate';
import { compareCompleteness, withoutOlderVersions } from '../lib/versions';
import { resetEnvCache } from '../lib/env';
import { resetEngine } from '../lib/search/index';
import { useDataDir } from './helpers-index';

// The route handlers' data layer is guarded against client bundles; here it runs in Node as on the server.
vi.mock('server-only', () => ({}));

const FULL = fs.readFileSync(path.resolve(__dirname, 'fixtures/read/report.txt'), 'utf8');
const TITLE = FULL.split('\n')[0];
const AGENCY = '青禾县自然资源和规划局';
const ID = reportId(AGENCY, 2024, '');

/** The probe's broken download: the title and one sentence, padded to exactly 400 bytes. */
function fragment400(): string {
  const text = `${TITLE}\n\n本报告根据《中华人民共和国政府信息公开条例》和上级要求编制，现将本机关本年度政府信息公开工作情况报告如下。`;
  return text + ' '.repeat(399 - Buffer.byteLength(text)) + '\n';
}

let tmp: string;
let corpus: string;
let dataDir: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-identity-'));
  corpus = path.join(tmp, 'reports');
  dataDir = path.join(tmp, 'data');
  fs.mkdirSync(corpus);
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

function write(name: string, text: string, mtime?: string) {
  const f = path.join(corpus, name);
  fs.mkdirSync(path.dirname(f), { recursive: true });
  fs.writeFileSync(f, text);
  if (mtime) fs.utimesSync(f, new Date(mtime), new Date(mtime));
}

async function index() {
  const engine = new SqliteEngine({ dataDir });
  const status = await indexDirectory({ dir: corpus, engine, dataDir });
  return { engine, status };
}

describe('the completeness rule', () => {
  const c = (parts: number, tables: number, chars: number) => ({ parts, tables, chars });
  it('parts first, then tables, then text length; lengths within 1 % are as complete', () => {
    expect(compareCompleteness(c(6, 0, 100), c(5, 3, 9000))).toBeGreaterThan(0);
    expect(compareCompleteness(c(6, 2, 9000), c(6, 3, 100))).toBeLessThan(0);
    expect(compareCompleteness(c(6, 3, 1000), c(6, 3, 1011))).toBeLessThan(0);
    expect(compareCompleteness(c(6, 3, 1000), c(6, 3, 1010))).toBe(0);
    expect(compareCompleteness(c(6, 3, 1010), c(6, 3, 1000))).toBe(0);
    expect(compareCompleteness(c(0, 0, 0), c(0, 0, 0))).toBe(0);
  });
});

describe('versions by completeness', () => {
  it('sanity: the fragment is 400 bytes of title and one sentence', () => {
    const f = fragment400();
    expect(Buffer.byteLength(f)).toBe(400);
    expect(f.startsWith(TITLE)).toBe(true);
  });

  // Both walk orders: the fragment met first (the full report must take the id from it) and last.
  for (const [fullName, fragName] of [
    ['a-full.txt', 'b-fragment.txt'],
    ['b-full.txt', 'a-fragment.txt'],
  ]) {
    it(`a 400-byte copy newer on disk never replaces the full report, and the run reports it (${fullName}, ${fragName})`, async () => {
      write(fullName, FULL, '2025-01-01');
      write(fragName, fragment400(), '2025-06-01');
      const { engine, status } = await index();
      const canonical = (await engine.getReport(ID))!;
      expect(canonical.file).toBe(fullName);
      expect(canonical.versionOf).toBeUndefined();
      expect(canonical.sections.map((s) => s.key)).toEqual(['preface', 'overview', 'active', 'requests', 'appeals', 'problems', 'other']);
      expect(canonical.figures.requests).not.toBeNull();
      // Not "0 failed" silence: rejected (failures) or kept as a partial older version (incomplete).
      const reported = [...status.failures, ...(status.incomplete ?? [])];
      expect(reported.map((f) => f.file)).toContain(fragName);
      expect(reported.find((f) => f.file === fragName)!.reason.length).toBeGreaterThan(4);
      // The site counts one report.
      expect((await engine.search({ q: '' })).total).toBe(1);
      expect((await engine.search({ q: '', facets: ['agency'] })).facets.agency).toEqual({ [AGENCY]: 1 });
      await engine.close();
    });
  }

  it('a truncated copy that still has a part is kept as a partial older version, never canonical', async () => {
    const cut = FULL.slice(0, FULL.indexOf('二、主动公开政府信息情况'));
    expect(cut).toContain('一、总体情况');
    write('a-full.txt', FULL, '2025-01-01');
    write('b-truncated.txt', cut, '2025-06-01');
    const { engine, status } = await index();
    expect(status).toMatchObject({ indexed: 2, failed: 0, versions: 1, duplicates: 0 });
    expect(status.incomplete).toEqual([{ file: 'b-truncated.txt', reason: expect.stringContaining('不完整'), code: 'index.incomplete_version' }]);
    expect(status.incomplete![0].reason).toContain('a-full.txt');

    const canonical = (await engine.getReport(ID))!;
    expect(canonical.file).toBe('a-full.txt');
    expect(canonical.versions!.map((v) => [v.file, v.id === ID, v.incomplete ?? false])).toEqual([
      ['a-full.txt', true, false],
      ['b-truncated.txt', false, true],
    ]);
    const partial = (await engine.getReport(canonical.versions![1].id))!;
    expect(partial.versionOf).toBe(ID);
    expect(partial.warnings.some((w) => w.startsWith('不完整'))).toBe(true);
    expect(partial.messages?.find((m) => m.code === 'index.incomplete_version')?.message).toBe(status.incomplete![0].reason);
    await engine.close();
  });

  it('a more complete file replaces a less complete one met first, even when it is older', async () => {
    const cut = FULL.slice(0, FULL.indexOf('四、'));
    write('a-truncated.txt', cut, '2025-06-01');
    write('b-full.txt', FULL, '2025-01-01');
    const { engine, status } = await index();
    expect((await engine.getReport(ID))!.file).toBe('b-full.txt');
    expect(status.incomplete?.map((f) => f.file)).toEqual(['a-truncated.txt']);
    await engine.close();
  });

  it('between files as complete, the newer one still wins (a corrected re-publication)', async () => {
    write('a.txt', FULL, '2025-06-01');
    write('b.txt', FULL.replace('主动公开政府信息213条', '主动公开政府信息2134条'), '2025-01-01');
    const { engine, status } = await index();
    expect((await engine.getReport(ID))!.file).toBe('a.txt');
    expect(status.incomplete).toBeUndefined();
    await engine.close();
  });
});

describe('identity', () => {
  /** The fixture with every year removed (the document number's too): nothing says which year it covers. */
  const yearless = (t: string) => t.replace(/(19|20)\d\d年(度)?|〔(19|20)\d\d〕/g, '');

  it('two reports of one agency with no detectable year get two ids, stable across re-indexing', async () => {
    const a = yearless(FULL);
    const b = yearless(FULL.replace('主动公开政府信息213条', '主动公开政府信息88条').replace('行政许可	156', '行政许可	75'));
    write('one.txt', a);
    write('two.txt', b);
    const { engine, status } = await index();
    expect(status).toMatchObject({ indexed: 2, versions: 0, duplicates: 0 });
    const all = await engine.search({ q: '', includeVersions: true });
    expect(all.total).toBe(2);
    const ids = all.hits.map((h) => h.id).sort();
    expect(new Set(ids).size).toBe(2);
    for (const id of ids) {
      const r = (await engine.getReport(id))!;
      expect(r.agency).toBe(AGENCY);
      expect(r.year).toBeNull();
      expect(r.versionOf).toBeUndefined();
      expect(r.versions).toBeUndefined();
    }
    expect(withoutOlderVersions(await engine.listAgencyReports(AGENCY))).toHaveLength(2);
    await engine.close();

    // Re-indexed (another run, another data folder): the same ids.
    dataDir = path.join(tmp, 'data2');
    const again = await index();
    expect((await again.engine.search({ q: '' })).hits.map((h) => h.id).sort()).toEqual(ids);
    await again.engine.close();
  });

  it('a content id ignores layout: the same yearless text re-wrapped is the same report', async () => {
    const a = yearless(FULL);
    write('one.txt', a);
    write('two.txt', a.replace(/\n/g, '\r\n').replace(/，/g, '， '));
    const { engine, status } = await index();
    expect(status).toMatchObject({ versions: 1 });
    expect((await engine.search({ q: '' })).total).toBe(1);
    await engine.close();
  });
});

describe('section headings are searchable', () => {
  it('a report whose only 主动公开 is its heading is found by 主动公开, with the heading quoted', async () => {
    const text = FULL.replace('全年主动公开政府信息213条', '全年公开政府信息213条');
    expect(text.split('主动公开').length - 1).toBe(1);
    expect(text).toContain('二、主动公开政府信息情况');
    write('report.txt', text);
    const { engine } = await index();
    const res = await engine.search({ q: '主动公开' });
    expect(res.total).toBe(1);
    expect(res.hits[0].section).toBe('active');
    expect(res.hits[0].snippet.startsWith(`二、${MARK_START}主动公开${MARK_END}政府信息情况 `)).toBe(true);
    // A term in the text still quotes the text, as before.
    const inText = await engine.search({ q: '规划公示' });
    expect(inText.hits[0].snippet).toContain(`${MARK_START}规划公示${MARK_END}`);
    expect(inText.hits[0].snippet).not.toContain('一、总体情况');
    // A heading term and a text term from different parts: every term somewhere in the report.
    expect((await engine.search({ q: '主动公开 土地出让' })).total).toBe(1);
    await engine.close();
  });
});

describe('two files for one agency and year: counted once; include_versions shows both', () => {
  const GENERATED = [...generateReports({ seed: 'versions-count', agencies: 3, years: [2023, 2024] })];
  let server: { dir: string; dataDir: string };

  beforeAll(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-versions-count-'));
    const c = path.join(dir, 'reports');
    for (const r of GENERATED) {
      const f = path.join(c, r.name);
      fs.mkdirSync(path.dirname(f), { recursive: true });
      fs.writeFileSync(f, r.text);
    }
    // The first report published again with a sentence added (a different file, same agency+year).
    const first = GENERATED[0];
    const again = path.join(c, 'republished', path.basename(first.name));
    fs.mkdirSync(path.dirname(again), { recursive: true });
    fs.writeFileSync(again, first.text.replace('\n', '\n（本报告于发布后更正。）\n'));
    fs.writeFileSync(`${again}.json`, JSON.stringify({ sourceUrl: 'https://example.gov.cn/again.html', capturedAt: '2099-01-01T00:00:00Z' }));
    const dd = path.join(dir, 'data');
    const engine = new SqliteEngine({ dataDir: dd });
    const status = await indexDirectory({ dir: c, engine, dataDir: dd });
    expect(status).toMatchObject({ found: GENERATED.length + 1, indexed: GENERATED.length + 1, versions: 1 });
    await engine.close();
    server = { dir, dataDir: dd };
    await useDataDir(dd);
  });
  afterAll(async () => {
    await resetEngine();
    delete process.env.DATA_DIR;
    resetEnvCache();
    fs.rmSync(server.dir, { recursive: true, force: true });
  });

  const first = () => GENERATED[0].truth;

  it('engine: totals and facets count the report once; include_versions adds the older one with versionOf', async () => {
    const engine = new SqliteEngine({ dataDir: server.dataDir });
    const n = GENERATED.length;
    const def = await engine.search({ q: '', perPage: 100 });
    expect(def.total).toBe(n);
    expect(def.facets.agency![first().agency]).toBe(2); // two years, one file each
    expect(def.facets.year![String(first().year)]).toBe(3);
    expect(def.hits.every((h) => h.versionOf === undefined)).toBe(true);

    const all = await engine.search({ q: '', perPage: 100, includeVersions: true });
    expect(all.total).toBe(n + 1);
    expect(all.facets.agency![first().agency]).toBe(3);
    const older = all.hits.filter((h) => h.versionOf);
    expect(older).toHaveLength(1);
    const canonicalId = reportId(first().agency, first().year, '');
    expect(older[0].versionOf).toBe(canonicalId);
    expect(older[0].id.startsWith(`${canonicalId}-`)).toBe(true);
    // The canonical is the re-publication (as complete, newer capturedAt).
    expect((await engine.getReport(canonicalId))!.file.startsWith('republished/')).toBe(true);
    // Filtered queries and term queries obey the same rule.
    const agencyQ = { q: '', filters: { agency: [first().agency], year: [String(first().year)] } };
    expect((await engine.search(agencyQ)).total).toBe(1);
    expect((await engine.search({ ...agencyQ, includeVersions: true })).total).toBe(2);
    expect((await engine.search({ q: first().agency })).total).toBe(2);
    expect((await engine.search({ q: first().agency, includeVersions: true })).total).toBe(3);
    // The agency directory lists each year once.
    const dirEntry = (await engine.listAgencies()).find((a) => a.agency === first().agency)!;
    expect(dirEntry.years).toEqual([2023, 2024]);
    await engine.close();
  });

  it('/api/export counts the report once; include_versions=1 adds the older one and a version_of column', async () => {
    const { GET } = await import('../app/api/export/route');
    const n = GENERATED.length;
    const json = await (await GET(new Request('http://x/api/export?format=json'))).json();
    expect(json.total).toBe(n);
    expect(json.rows).toHaveLength(n);
    expect(json.columns).not.toContain('version_of');

    const withV = await (await GET(new Request('http://x/api/export?format=json&include_versions=1'))).json();
    expect(withV.total).toBe(n + 1);
    expect(withV.columns.slice(0, 2)).toEqual(['id', 'version_of']);
    const canonicalId = reportId(first().agency, first().year, '');
    expect(withV.rows.filter((r: { version_of: string | null }) => r.version_of !== null).map((r: { version_of: string }) => r.version_of)).toEqual([canonicalId]);

    const csv = await (await GET(new Request('http://x/api/export?format=csv&include_versions=1'))).text();
    const lines = csv.trim().split(/\r?\n/);
    // two header rows: Chinese labels, then the keys
    expect(lines[1].split(',').slice(0, 2)).toEqual(['id', 'version_of']);
    expect(lines).toHaveLength(n + 3);
    expect(lines.filter((l) => l.split(',')[1] === canonicalId)).toHaveLength(1);
    const plain = await (await GET(new Request('http://x/api/export?format=csv'))).text();
    expect(plain.trim().split(/\r?\n/)).toHaveLength(n + 2);
  });

  it('/api/search: version_of on hits and in the CSV only with include_versions=1; a bad value is a 400', async () => {
    const { GET } = await import('../app/api/search/route');
    const n = GENERATED.length;
    const def = await (await GET(new Request('http://x/api/search?per_page=100'))).json();
    expect(def.total).toBe(n);
    expect('version_of' in def.hits[0]).toBe(false);
    const all = await (await GET(new Request('http://x/api/search?per_page=100&include_versions=1'))).json();
    expect(all.total).toBe(n + 1);
    expect(all.hits.filter((h: { version_of: string | null }) => h.version_of !== null)).toHaveLength(1);
    expect(all.hits.every((h: object) => 'version_of' in h)).toBe(true);
    const csv = await (await GET(new Request('http://x/api/search?per_page=100&include_versions=1&format=csv'))).text();
    expect(csv.split(/\r?\n/)[0].split(',').slice(0, 2)).toEqual(['报告编号', '旧版本所属报告']);
    expect(csv.split(/\r?\n/)[1].split(',').slice(0, 2)).toEqual(['id', 'version_of']);
    const bad = await GET(new Request('http://x/api/search?include_versions=yes'));
    expect(bad.status).toBe(400);
  });
});
