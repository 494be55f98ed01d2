/**
 * Contract cases for older versions and section headings, run by both engines' contract files
 * (test/engine-sqlite.contract.test.ts, test/engine-meilisearch.contract.test.ts):
 *   - an older version (versionOf set) is out of hits, totals and facets unless includeVersions,
 *     and then its hit carries versionOf;
 *   - a word held only by a section heading finds the report (the hit's section is that part).
 * Fixtures are invented ReportRecord literals.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchEngine } from '../lib/search/types';
import { MARK_END, MARK_START } from '../lib/search/highlight';
import { fixtureRecord } from './engine-contract';

const canonical = fixtureRecord({
  id: 'hx-dag-2024',
  agency: '禾县档案局',
  year: 2024,
  region: ['测试省', '测试市', '禾县'],
  level: 'county',
  kind: 'department',
  sections: { overview: '2024年，禾县档案局公开档案目录1200条，办理查档申请35件。' },
});
const older = {
  ...fixtureRecord({
    id: 'hx-dag-2024-0a1b2c3d',
    agency: '禾县档案局',
    year: 2024,
    region: ['测试省', '测试市', '禾县'],
    level: 'county',
    kind: 'department',
    sections: { overview: '2024年，禾县档案局公开档案目录1100条（初稿），办理查档申请35件。' },
  }),
  versionOf: 'hx-dag-2024',
};
const headed = fixtureRecord({
  id: 'lx-rmzf-2024',
  agency: '柳乡人民政府',
  year: 2024,
  region: ['测试省', '测试市', '禾县'],
  level: 'township',
  kind: 'government',
  sections: { overview: '柳乡人民政府坚持以公开为常态。', active: '规章 0 0 0 行政规范性文件 2 0 5' },
});
headed.sections.find((s) => s.key === 'active')!.title = '二、主动公开政府信息情况';

export function runVersionContract(name: string, makeEngine: () => Promise<SearchEngine>): void {
  describe(`${name}: older versions and section headings`, () => {
    let engine: SearchEngine;
    beforeAll(async () => {
      engine = await makeEngine();
      expect((await engine.rebuild([canonical, older, headed])).indexed).toBe(3);
    });
    afterAll(async () => {
      await engine?.close();
    });

    it('leaves older versions out of hits, totals and facets by default', async () => {
      const r = await engine.search({ q: '', facets: ['agency', 'year'] });
      expect(r.total).toBe(2);
      expect(r.hits.map((h) => h.id).sort()).toEqual(['hx-dag-2024', 'lx-rmzf-2024']);
      expect(r.facets).toEqual({ agency: { 禾县档案局: 1, 柳乡人民政府: 1 }, year: { '2024': 2 } });
      expect(r.hits.every((h) => h.versionOf === undefined)).toBe(true);
      expect((await engine.search({ q: '初稿' })).total).toBe(0);
      expect((await engine.search({ q: '', filters: { agency: ['禾县档案局'] } })).total).toBe(1);
    });

    it('includeVersions brings them back, each hit saying which report it is a version of', async () => {
      const r = await engine.search({ q: '', facets: ['agency', 'year'], includeVersions: true });
      expect(r.total).toBe(3);
      expect(r.facets).toEqual({ agency: { 禾县档案局: 2, 柳乡人民政府: 1 }, year: { '2024': 3 } });
      expect(Object.fromEntries(r.hits.map((h) => [h.id, h.versionOf ?? null]))).toEqual({
        'hx-dag-2024': null,
        'hx-dag-2024-0a1b2c3d': 'hx-dag-2024',
        'lx-rmzf-2024': null,
      });
      const q = await engine.search({ q: '初稿', includeVersions: true });
      expect(q.hits.map((h) => [h.id, h.versionOf])).toEqual([['hx-dag-2024-0a1b2c3d', 'hx-dag-2024']]);
    });

    it('finds a report by a word only its section heading holds, and quotes the heading', async () => {
      const r = await engine.search({ q: '主动公开' });
      expect(r.hits.map((h) => [h.id, h.section])).toEqual([['lx-rmzf-2024', 'active']]);
      expect(r.hits[0].snippet).toContain(`${MARK_START}主动公开${MARK_END}`);
      // every term somewhere in the report: one in a heading, one in the text
      expect((await engine.search({ q: '主动公开 常态' })).hits.map((h) => h.id)).toEqual(['lx-rmzf-2024']);
    });
  });
}
