/**
 * How often a report, agency or comparison page looks its subject up: once, by the proxy, whose
 * result the page takes (app/_lib/handoff.ts). Real SQLite index, real proxy.ts and query layer;
 * only Next's request context (next/headers) is supplied by the test, carrying the headers the
 * proxy set, as Next passes them to the page.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { NextRequest } from 'next/server';
import { generatedRecords, serveIndex } from './helpers-index';
import type { ReportRecord } from '@/lib/types';

let requestHeaders = new Headers();
vi.mock('next/headers', () => ({ headers: async () => requestHeaders }));

const { proxy } = await import('@/proxy');
const { getEngine } = await import('@/lib/search/index');
const { getAgencyDirectory } = await import('@/lib/queries');
const { loadAgency, loadReport, loadYearPair } = await import('@/app/_lib/data');
const { answeredMissing, MISSING_HEADER } = await import('@/app/_lib/missing-page');
const { HANDOFF_HEADER, handOver, takeHandedOver } = await import('@/app/_lib/handoff');

const B = 'http://localhost';
let idx: Awaited<ReturnType<typeof serveIndex>>;
let records: ReportRecord[];
let calls: { getReport: number; listAgencyReports: number };

beforeAll(async () => {
  records = generatedRecords('page-lookups', 3, [2022, 2023, 2024]);
  idx = await serveIndex(records);
});
afterAll(async () => idx.close());

beforeEach(() => {
  vi.restoreAllMocks();
  const engine = getEngine();
  calls = { getReport: 0, listAgencyReports: 0 };
  const getReport = engine.getReport.bind(engine);
  const listAgencyReports = engine.listAgencyReports.bind(engine);
  vi.spyOn(engine, 'getReport').mockImplementation((id, opts) => (calls.getReport++, getReport(id, opts)));
  vi.spyOn(engine, 'listAgencyReports').mockImplementation((a) => (calls.listAgencyReports++, listAgencyReports(a)));
});

/** The proxy's answer, and the page's request headers as Next hands them over. */
async function throughProxy(path: string, sent: Record<string, string> = {}): Promise<{ status: number; headers: Headers }> {
  const res = await proxy(new NextRequest(`${B}${path}`, { headers: sent }));
  const headers = new Headers(sent);
  for (const name of [HANDOFF_HEADER, MISSING_HEADER]) {
    if (!res) continue;
    const v = res.headers.get(`x-middleware-request-${name}`);
    if (v === null && res.headers.get('x-middleware-override-headers') !== null) headers.delete(name);
    if (v !== null) headers.set(name, v);
  }
  requestHeaders = headers;
  return { status: res?.status ?? 200, headers };
}

async function slugOf(agency: string): Promise<string> {
  return (await getAgencyDirectory()).index.slugOf.get(agency)!;
}

describe('one lookup per page request', () => {
  it('a report page: the proxy reads the report once; metadata and page take it from there', async () => {
    const r = records[0]!;
    const { status } = await throughProxy(`/reports/${r.id}`);
    expect(status).toBe(200);
    expect(calls.getReport).toBe(1);
    // generateMetadata, then the page
    expect((await loadReport(r.id))?.id).toBe(r.id);
    expect((await loadReport(r.id))?.sections.length).toBe(r.sections.length);
    expect(calls.getReport).toBe(1);
  });

  it('a missing report: one lookup, a 404 status, the page told so', async () => {
    const { status } = await throughProxy('/reports/0000000000000000');
    expect(status).toBe(404);
    expect(await answeredMissing()).toBe(true);
    expect(await loadReport('0000000000000000')).toBeNull();
    expect(calls.getReport).toBe(1);
  });

  it('an agency page: its reports are read once, by the proxy', async () => {
    const agency = records[0]!.agency;
    const slug = await slugOf(agency);
    await throughProxy(`/agencies/${encodeURIComponent(slug)}`);
    const held = calls.getReport;
    expect(held).toBe(records.filter((r) => r.agency === agency).length);
    expect(calls.listAgencyReports).toBe(1);
    const page = await loadAgency(slug);
    expect(page.kind === 'ok' && page.value.records.map((x) => x.year)).toEqual([2022, 2023, 2024]);
    expect(calls).toEqual({ getReport: held, listAgencyReports: 1 });
  });

  it('a comparison page and a missing year: one load each, 404 for the missing year', async () => {
    const slug = await slugOf(records[0]!.agency);
    await throughProxy(`/agencies/${encodeURIComponent(slug)}/compare/2023-2024`);
    const once = { ...calls };
    expect((await loadYearPair(slug, '2023-2024')).kind).toBe('ok');
    expect(calls).toEqual(once);

    const missing = await throughProxy(`/agencies/${encodeURIComponent(slug)}/compare/1990-1991`);
    expect(missing.status).toBe(404);
    expect((await loadYearPair(slug, '1990-1991')).kind).toBe('missing');
    expect(calls.listAgencyReports).toBe(2 * once.listAgencyReports);
  });

  it('a router prefetch only asks whether the subject exists (no section texts), and hands nothing over', async () => {
    const engine = getEngine();
    const spy = vi.mocked(engine.getReport);
    const found = await throughProxy(`/reports/${records[0]!.id}`, { 'next-router-prefetch': '1' });
    expect(found.status).toBe(200);
    expect(found.headers.get(HANDOFF_HEADER)).toBeNull();
    expect(spy.mock.calls).toEqual([[records[0]!.id, { sections: false }]]);
    expect((await throughProxy('/reports/0000000000000000', { 'next-router-prefetch': '1' })).status).toBe(404);
    const slug = await slugOf(records[0]!.agency);
    expect((await throughProxy(`/agencies/${encodeURIComponent(slug)}`, { 'next-router-prefetch': '1' })).status).toBe(200);
    expect((await throughProxy(`/agencies/${encodeURIComponent(slug)}x`, { 'next-router-prefetch': '1' })).status).toBe(404);
    expect(calls).toEqual({ getReport: 2, listAgencyReports: 0 });
  });

  it('without the proxy in front the page loads for itself', async () => {
    requestHeaders = new Headers();
    expect((await loadReport(records[1]!.id))?.id).toBe(records[1]!.id);
    expect(calls.getReport).toBe(1);
  });
});

describe('hand-over', () => {
  it("a visitor's own headers are replaced by the proxy's", async () => {
    const other = handOver({ page: 'report', id: records[2]!.id }, records[2]);
    const { headers, status } = await throughProxy(`/reports/${records[0]!.id}`, { [HANDOFF_HEADER]: other, [MISSING_HEADER]: '1' });
    expect(status).toBe(200);
    expect(headers.get(HANDOFF_HEADER)).not.toBe(other);
    expect(headers.get(MISSING_HEADER)).toBeNull();
    expect((await loadReport(records[0]!.id))?.id).toBe(records[0]!.id);
  });

  it('a token gives its value only for its own route, and only for a few seconds', () => {
    const route = { page: 'report', id: 'abc' } as const;
    const t = handOver(route, null, 1000);
    expect(takeHandedOver(t, route, 1001)).toEqual({ value: null });
    expect(takeHandedOver(t, { page: 'report', id: 'abd' }, 1001)).toBeUndefined();
    expect(takeHandedOver(t, { page: 'agency', slug: 'abc' }, 1001)).toBeUndefined();
    expect(takeHandedOver(t, route, 1000 + 5000)).toBeUndefined();
  });

  it('keeps at most 64 values waiting', () => {
    const now = Date.now();
    const first = handOver({ page: 'report', id: 'first' }, 1, now);
    for (let i = 0; i < 64; i++) handOver({ page: 'report', id: `n${i}` }, i, now);
    expect(takeHandedOver(first, { page: 'report', id: 'first' }, now)).toBeUndefined();
  });
});
