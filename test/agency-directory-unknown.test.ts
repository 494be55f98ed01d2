/**
 * Reports whose agency could not be told (the parser gives '') are searchable and have their own
 * pages, but never form an agency: no directory entry, no slug, no agency page, and they are not
 * each other's "other years". Real SQLite index, real query layer and route handlers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getAgencyDirectory, findAgency, getAgencyRecords } from '@/lib/queries';
import { getAgencyReports } from '@/lib/queries';
import { isKnownAgency } from '@/lib/agency/known';
import type { ReportRecord } from '@/lib/types';
import { generatedRecords, serveIndex } from './helpers-index';

const B = 'http://localhost';
let idx: Awaited<ReturnType<typeof serveIndex>>;
let unknown: ReportRecord[];

beforeAll(async () => {
  const records = generatedRecords('unknown-agency', 5, [2024]);
  // Seven reports whose titles defeated the name extraction (": " or ">" in the title).
  unknown = generatedRecords('unknown-agency-2', 7, [2023]).map((r, i) => ({ ...r, id: `unknown-${i}`, agency: i % 2 ? '' : '  ' }));
  idx = await serveIndex([...records, ...unknown]);
});
afterAll(async () => idx.close());

describe('unknown agency', () => {
  it('the rule: empty, blank or letterless names are not agencies', () => {
    for (const n of ['', '  ', ':', '>', '—', null, undefined]) expect(isKnownAgency(n)).toBe(false);
    for (const n of ['宁波市北仑区人民政府', '国家税务总局']) expect(isKnownAgency(n)).toBe(true);
  });

  it('no directory entry, no slug, no agency page', async () => {
    const dir = await getAgencyDirectory();
    expect(dir.agencies).toHaveLength(5);
    expect(dir.agencies.some((a) => !a.agency.trim())).toBe(false);
    expect([...dir.index.slugOf.keys()].some((k) => !k.trim())).toBe(false);
    // The slug the merged entry used to get (its name has nothing to romanise).
    for (const s of ['a-da39a3ee5e6b', '', 'da39a3ee5e6b']) expect((await findAgency({ slug: s })).kind).not.toBe('found');
  });

  it('the directory twin lists no nameless agency', async () => {
    const { GET } = await import('@/app/api/agencies/route');
    const body = await (await GET(new Request(`${B}/api/agencies`))).json();
    expect(body.total).toBe(5);
    expect(body.agencies.every((a: { agency: string; slug: string }) => a.agency.trim() && a.slug)).toBe(true);
  });

  it('unknown-agency reports are not each other\'s timeline', async () => {
    expect(await getAgencyReports({ agency: '' })).toEqual([]);
    expect(await getAgencyRecords({ agency: '  ' })).toEqual([]);
  });

  it('they are still searchable and have their own pages', async () => {
    const { GET } = await import('@/app/api/reports/[id]/route');
    const res = await GET(new Request(`${B}/api/reports/unknown-1`), { params: Promise.resolve({ id: 'unknown-1' }) });
    expect(res.status).toBe(200);
    expect((await res.json()).report.agency).toBe('');
  });
});
