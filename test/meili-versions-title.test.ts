/**
 * The Meilisearch mapping of older versions and section headings (the engine-level behaviour is in
 * test/engine-contract-versions.ts, run against a real server when one is reachable).
 */
import { describe, expect, it } from 'vitest';
import { toSearchHit, toSectionDocuments } from '../lib/search/meili-map';
import { segmentForIndex } from '../lib/segment/index';
import { MARK_END, MARK_START } from '../lib/search/highlight';
import { fixtureRecord } from './engine-contract';

const rec = fixtureRecord({
  id: 'lx-2024-0a1b2c3d',
  agency: '柳乡人民政府',
  year: 2024,
  region: ['测试省', null, null],
  level: 'township',
  kind: 'government',
  sections: { overview: '柳乡人民政府坚持以公开为常态。', active: '规章 0 0 0' },
});
rec.sections[1].title = '二、主动公开政府信息情况';
const docs = toSectionDocuments({ ...rec, versionOf: 'lx-2024' }, segmentForIndex);

describe('Meilisearch documents: versions and headings', () => {
  it('every document of an older version carries version_of; a canonical one null', () => {
    expect(docs.map((d) => d.version_of)).toEqual(['lx-2024', 'lx-2024', 'lx-2024']);
    expect(toSectionDocuments(rec, segmentForIndex).map((d) => d.version_of)).toEqual([null, null, null]);
  });

  it('the heading is segmented with its text, and the whole-report document holds every heading in its segmented text', () => {
    const active = docs.find((d) => d.section_key === 'active')!;
    expect(active.text).toBe('规章 0 0 0');
    expect(active.text_seg.split(' ')).toContain('主动公开');
    const whole = docs.at(-1)!;
    expect(whole.title).toBe('');
    expect(whole.text_seg.split(' ')).toContain('主动公开');
  });

  it('a hit matched by its heading only quotes the heading; a hit of an older version says so', () => {
    const active = docs.find((d) => d.section_key === 'active')!;
    const hit = toSearchHit({ ...active, _formatted: { text: active.text } } as never, ['主动公开']);
    expect(hit.snippet).toBe(`二、${MARK_START}主动公开${MARK_END}政府信息情况 规章 0 0 0`);
    expect(hit.section).toBe('active');
    expect(hit.versionOf).toBe('lx-2024');
    const plain = toSearchHit({ ...toSectionDocuments(rec, segmentForIndex)[0] } as never, ['常态']);
    expect(plain.versionOf).toBeUndefined();
    expect(plain.snippet).toContain(`${MARK_START}常态${MARK_END}`);
  });
});
