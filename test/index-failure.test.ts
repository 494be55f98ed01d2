/**
 * Honest failure states with a real SQLite file, the real route handlers and proxy.ts: an index
 * file deleted, emptied or overwritten under a running app, and a new installation with none,
 * give 503 with a Chinese message on APIs and pages and ok:false in /api/status — never
 * "0 reports", "no results" or "this report does not exist".
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NextRequest } from 'next/server';
import { GET as statusGET } from '@/app/api/status/route';
import { GET as searchGET } from '@/app/api/search/route';
import { GET as reportGET } from '@/app/api/reports/[id]/route';
import { GET as agenciesGET } from '@/app/api/agencies/route';
import { proxy } from '@/proxy';
import { writeIndexStatus, type IndexStatus } from '@/lib/index-status';
import { generatedRecords, serveIndex, useDataDir } from './helpers-index';

const B = 'http://localhost';
let idx: Awaited<ReturnType<typeof serveIndex>>;
let id: string;

beforeAll(async () => {
  const records = generatedRecords('index-failure', 3);
  id = records[0]!.id;
  idx = await serveIndex(records);
});
afterAll(async () => idx.close());

async function status(): Promise<{ code: number; body: { ok: boolean; reports: number | null; error?: string } }> {
  const r = await statusGET();
  return { code: r.status, body: await r.json() };
}

/** What a visitor and a monitor see for each surface. */
async function surfaces() {
  const search = await searchGET(new Request(`${B}/api/search?q=公开`));
  const report = await reportGET(new Request(`${B}/api/reports/${id}`), { params: Promise.resolve({ id }) });
  const agencies = await agenciesGET(new Request(`${B}/api/agencies`));
  const pages = await Promise.all(['/', '/?q=公开', `/reports/${id}`, '/agencies', '/agencies/x', '/compare?agencies=a,b&year=2024', '/api/export?q=公开'].map((p) => proxy(new NextRequest(`${B}${p}`))));
  return { search, report, agencies, pages, status: await status() };
}

async function expectUnavailable(message: RegExp): Promise<void> {
  const s = await surfaces();
  expect(s.status.code).toBe(503);
  expect(s.status.body.ok).toBe(false);
  expect(s.status.body.error).toMatch(message);
  for (const r of [s.search, s.report, s.agencies]) {
    expect(r.status).toBe(503);
    const body = await r.json();
    expect(body).toMatchObject({ ok: false, status: 503 });
    expect(body.error).toMatch(message);
    expect(r.headers.get('retry-after')).toBe('30');
  }
  for (const p of s.pages) {
    expect(p?.status).toBe(503);
    const text = await p!.text();
    expect(text).toMatch(message);
    expect(text).not.toMatch(/nianbao\.sqlite|\/tmp\//); // no server paths
    expect(p!.headers.get('content-security-policy')).toContain("default-src 'self'");
  }
}

async function expectHealthy(): Promise<void> {
  const s = await surfaces();
  expect(s.status).toMatchObject({ code: 200, body: { ok: true, reports: 6 } });
  expect(s.search.status).toBe(200);
  expect(s.report.status).toBe(200);
  for (const p of s.pages) expect(p?.status ?? 200).not.toBe(503);
}

describe('index file damaged under a running app', () => {
  it('healthy to begin with', async () => {
    await expectHealthy();
  });

  it('rm: 503 "index missing" everywhere, back to normal when the file returns', async () => {
    fs.renameSync(idx.file, `${idx.file}.aside`);
    await expectUnavailable(/检索索引文件缺失/);
    fs.renameSync(`${idx.file}.aside`, idx.file);
    await expectHealthy();
  });

  it('truncate to 0 bytes (same inode): 503 "index empty"', async () => {
    const keep = fs.readFileSync(idx.file);
    fs.truncateSync(idx.file, 0);
    await expectUnavailable(/检索索引文件为空/);
    fs.writeFileSync(idx.file, keep);
    await expectHealthy();
  });

  it('truncate to half (same inode): 503 "index damaged"', async () => {
    const keep = fs.readFileSync(idx.file);
    fs.truncateSync(idx.file, Math.floor(keep.length / 2));
    await expectUnavailable(/检索索引文件已损坏/);
    fs.writeFileSync(idx.file, keep);
    await expectHealthy();
  });

  it('overwritten with something that is not a database: 503 "index damaged"', async () => {
    const keep = fs.readFileSync(idx.file);
    fs.writeFileSync(idx.file, 'this is not an SQLite database '.repeat(200));
    await expectUnavailable(/检索索引文件已损坏/);
    fs.writeFileSync(idx.file, keep);
    await expectHealthy();
  });
});

describe('no index file at start', () => {
  it('a new installation (no index ever built) says how to build one', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-fresh-'));
    try {
      await useDataDir(dir);
      await expectUnavailable(/尚未建立检索索引.*npm run index -- /);
    } finally {
      await useDataDir(idx.dir);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the status file records a built index but the file is gone: "index missing", not a new installation', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-lost-'));
    try {
      const now = new Date().toISOString();
      const st: IndexStatus = { startedAt: now, finishedAt: now, engine: 'sqlite', source: '/x', found: 3, indexed: 3, failed: 0, warnings: 0, checksFailed: 0, duplicates: 0, swapped: true, seconds: 1, failures: [] };
      await writeIndexStatus(st, dir);
      await useDataDir(dir);
      await expectUnavailable(/检索索引文件缺失/);
    } finally {
      await useDataDir(idx.dir);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
