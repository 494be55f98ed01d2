/**
 * Stage messages (lib/messages.ts): every warning and failure the reader, the parser and the
 * indexer emit is `{ stage, code, message }` with a registered code and a Chinese message.
 * Two halves: every emission site in lib/ read as source (so a path no input reaches is still
 * checked), and real inputs through the real reader, parser and indexer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { MESSAGE_CODES, isMessageCode, type StageMessage } from '@/lib/messages';
import { readReportFile, ReadError } from '@/lib/read';
import { processFile, processText } from '@/lib/indexer/pipeline';
import { indexDirectory } from '@/lib/indexer/run';
import { readIndexStatus } from '@/lib/index-status';
import { publicIndexStatus } from '@/lib/indexer/public-status';
import { SqliteEngine } from '@/lib/search/sqlite';
import { isFailure, type ParseResult } from '@/lib/types';
import { generateReports } from '../tools/corpus/generate';
import { fixtureText, toHtml, toPdf } from './fixtures/read/build';

const repoRoot = path.resolve(__dirname, '..');
const SHARED = path.resolve(repoRoot, '../shared');
const CJK = /[\u4e00-\u9fff]/;
/** two ASCII words in a row: English prose, not a name (U+FFFD, UTF-8, sourceUrl, http(s), PDF) */
const ENGLISH = /\b[A-Za-z]{2,}[ ,;:]+[A-Za-z]{2,}\b/;

/** What every emitted message must be. */
function expectTyped(m: StageMessage, where: string): void {
  expect(isMessageCode(m.code), `${where}: unregistered code ${m.code}`).toBe(true);
  expect(m.stage, where).toBe(m.code.split('.')[0]);
  expect(m.message, `${where}: ${m.code}`).toMatch(CJK);
  expect(m.message, `${where}: ${m.code} has English: ${m.message}`).not.toMatch(ENGLISH);
}

// ---------------------------------------------------------------------------------------------
// Source: every call that emits a message

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...sourceFiles(p));
    else if (/\.(ts|mjs)$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

/** The argument text of each call of `callee(` in `src` (balanced parentheses, strings skipped). */
function calls(src: string, callee: RegExp): { at: number; args: string }[] {
  const out: { at: number; args: string }[] = [];
  for (const m of src.matchAll(callee)) {
    const start = m.index! + m[0].length;
    let depth = 1;
    let i = start;
    let quote: string | null = null;
    for (; i < src.length && depth > 0; i++) {
      const c = src[i];
      if (quote) {
        if (c === '\\') i++;
        else if (c === quote) quote = null;
        else if (quote === '`' && c === '$' && src[i + 1] === '{') {
          // a placeholder: skip to its closing brace (no nested template in these calls)
          let d = 0;
          for (i++; i < src.length; i++) {
            if (src[i] === '{') d++;
            else if (src[i] === '}' && --d === 0) break;
          }
        }
      } else if (c === "'" || c === '"' || c === '`') quote = c;
      else if (c === '(') depth++;
      else if (c === ')') depth--;
    }
    out.push({ at: m.index!, args: src.slice(start, i - 1) });
  }
  return out;
}

/** The string and template literals of a piece of code, placeholders removed. */
function literals(code: string): string[] {
  return [...code.matchAll(/'((?:[^'\\]|\\.)*)'|`((?:[^`\\]|\\.)*)`/g)].map((m) => (m[1] ?? m[2]).replace(/\$\{[^}]*\}/g, ' '));
}

const LIB = sourceFiles(path.join(repoRoot, 'lib'));
const libSource = new Map(LIB.map((f) => [path.relative(repoRoot, f), fs.readFileSync(f, 'utf8')]));

describe('every emission site in lib/', () => {
  const sites: { file: string; code: string; args: string }[] = [];
  for (const [file, src] of libSource) {
    if (file === 'lib/messages.ts') continue;
    for (const c of calls(src, /\b(?:stageMessage|warn)\(\s*(?=')/g)) sites.push({ file, code: c.args.match(/^'([^']+)'/)![1], args: c.args });
    for (const c of calls(src, /\bnew ReadError\(/g)) {
      const reason = c.args.match(/^[^,]+,\s*'([^']+)'/)?.[1];
      sites.push({ file, code: `read.${reason}`, args: c.args.slice(c.args.indexOf(',', c.args.indexOf(`'${reason}'`)) + 1) });
    }
    // literal codes of failures built by hand (`{ file, error, code: '…' }`)
    for (const m of src.matchAll(/\bcode: '([a-z]+\.[a-z_]+)'/g)) sites.push({ file, code: m[1], args: '' });
  }

  it('finds the emitters (reader, parser, region, indexer)', () => {
    const files = new Set(sites.map((s) => s.file));
    for (const f of ['lib/read/index.ts', 'lib/read/encoding.ts', 'lib/read/provenance.ts', 'lib/parse/index.ts', 'lib/parse/tables.ts', 'lib/parse/legacy.ts', 'lib/parse/meta/weigh.ts', 'lib/region/index.ts', 'lib/indexer/run.ts'])
      expect(files, f).toContain(f);
    expect(sites.length).toBeGreaterThan(60);
  });

  it('each uses a registered code and a Chinese message, no English sentence', () => {
    for (const s of sites) {
      const where = `${s.file}: ${s.code}`;
      expect(isMessageCode(s.code), `${where} is not in MESSAGE_CODES`).toBe(true);
      if (!s.args) continue;
      const texts = literals(s.args).filter((t) => !/^[a-z]+\.[a-z_]+$/.test(t));
      expect(texts.join(''), where).toMatch(CJK);
      for (const t of texts) expect(t, `${where} has English`).not.toMatch(ENGLISH);
    }
  });

  it('every registered code is emitted somewhere, and its description is Chinese', () => {
    const emitted = new Set(sites.map((s) => s.code));
    for (const [code, what] of Object.entries(MESSAGE_CODES)) {
      expect(emitted, `${code} is registered but never emitted`).toContain(code);
      expect(what, code).toMatch(CJK);
    }
  });

  it('no stage pushes an untyped string warning', () => {
    for (const [file, src] of libSource) {
      if (!/^lib\/(read|parse|region|indexer|themes)\//.test(file)) continue;
      expect(src, file).not.toMatch(/warnings\.push\(/);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Inputs: the real reader

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-messages-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const put = (name: string, data: string | Buffer) => {
  const p = path.join(tmp, name);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, data);
  return p;
};

describe('reader warnings', () => {
  const TEXT = '某某县人民政府2024年政府信息公开工作年度报告\n一、总体情况\n本机关全年主动公开政府信息120条。\n';

  async function codesOf(file: string): Promise<string[]> {
    const r = await readReportFile(file);
    r.messages.forEach((m) => expectTyped(m, file));
    return r.messages.map((m) => m.code);
  }

  it('each readable oddity yields its code', async () => {
    const cases: Array<[string, string | Buffer, string]> = [
      ['unknown.rpt', TEXT, 'read.extension_unknown'],
      // table rows of digits: the ASCII half of each code unit is what gives UTF-16 away
      ['utf16.txt', iconv.encode(TEXT + '规章\t0\t12\t345\n'.repeat(40), 'utf-16le'), 'read.utf16_no_bom'],
      ['damaged.txt', Buffer.concat([Buffer.from(TEXT.repeat(20)), Buffer.from([0xe4, 0xb8]), Buffer.from('\n结束\n')]), 'read.utf8_damaged'],
      // GBK bytes on a page that says utf-8
      ['declared.html', iconv.encode(toHtml(TEXT), 'gbk'), 'read.charset_mismatch'],
      // a page in GBK with a few bytes that are no GB18030 sequence
      ['gbk-bad.html', Buffer.concat([iconv.encode(toHtml(TEXT, 'gbk').replace('</body>', ''), 'gbk'), Buffer.from([0x81, 0x20]), Buffer.from('</body></html>')]), 'read.undecodable_bytes'],
      // Latin-1 accents: neither UTF-8 nor GB18030, so the encoding is guessed
      ['latin1.txt', Buffer.from('Rapport annuel sur la publicit\xe9 des informations, d\xe9cembre, r\xe9sum\xe9 de l\xe2\x80\x99ann\xe9e.\n'.repeat(5), 'latin1'), 'read.encoding_guess'],
    ];
    for (const [name, data, code] of cases) expect(await codesOf(put(name, data)), name).toContain(code);
  });

  it('a PDF with hardly any text per page, and one named .txt', async () => {
    const pdf = await toPdf('信息公开');
    expect(await codesOf(put('sparse.pdf', pdf))).toEqual(['read.pdf_sparse']);
    expect(await codesOf(put('sparse-pdf.txt', pdf))).toEqual(['read.extension_mismatch', 'read.pdf_sparse']);
  });

  it('sidecar values that cannot be used', async () => {
    const f = put('side.txt', TEXT);
    put('side.txt.json', JSON.stringify({ sourceUrl: 'ftp://x/y', capturedAt: '上周二' }));
    expect(await codesOf(f)).toEqual(['read.sidecar_url_ignored', 'read.sidecar_date_ignored']);
  });

  it('a read failure is a ReadError whose code is a registered read code, in Chinese', async () => {
    for (const [name, data] of [['empty.txt', ''], ['blank.html', '<html><body><script>x()</script></body></html>'], ['old.doc', 'x']] as const) {
      const file = put(name, data);
      const e = await readReportFile(file).then(
        () => null,
        (x: unknown) => x,
      );
      expect(e, name).toBeInstanceOf(ReadError);
      const m = (e as ReadError).toMessage();
      // the file's path first (it is the operator's, in any script), then the Chinese line
      expect(m.message.startsWith(`${file}: `)).toBe(true);
      expectTyped({ ...m, message: m.message.slice(file.length + 2) }, name);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Inputs: the real parser over real and generated reports

describe('parser warnings', () => {
  const seen = new Map<string, number>();
  function check(r: ParseResult, where: string): void {
    if (isFailure(r)) {
      const message = r.error.startsWith(`${r.file}: `) ? r.error.slice(r.file.length + 2) : r.error;
      expectTyped({ stage: r.code.split('.')[0] as StageMessage['stage'], code: r.code, message }, where);
      seen.set(r.code, (seen.get(r.code) ?? 0) + 1);
      return;
    }
    expect(r.messages, where).toBeDefined();
    expect(r.warnings, where).toEqual(r.messages!.map((m) => m.message));
    for (const m of r.messages!) {
      expectTyped(m, where);
      seen.set(m.code, (seen.get(m.code) ?? 0) + 1);
    }
  }

  it('the real reports (seeds, realworld): typed, Chinese', async () => {
    for (const dir of ['seeds', 'realworld']) {
      const folder = path.join(SHARED, dir);
      expect(fs.existsSync(folder), `${folder} is missing`).toBe(true);
      for (const n of fs.readdirSync(folder).filter((x) => /\.(txt|html?|docx|pdf)$/.test(x)).sort()) check(await processFile(path.join(folder, n)), `${dir}/${n}`);
    }
    // real reports have null cells and unresolved places: the scan saw parser messages
    expect([...seen.keys()].filter((c) => c.startsWith('parse.')).length).toBeGreaterThanOrEqual(3);
  });

  it('generated reports in every format and page shape, some broken: typed, Chinese', () => {
    for (const r of generateReports({ seed: 'messages', agencies: 40, years: [2019, 2023], brokenRate: 0.3, pageShapes: 0.5, oldFormats: 0.5 }))
      check(processText(r.text, r.name), r.name);
  });

  it('texts that lose their parts, names, years and cells: each warning typed', () => {
    const full = fixtureText();
    const variants: Record<string, string> = {
      'no name, no year, no parts': '信息公开工作报告\n本单位做了很多信息公开工作。\n主动公开政府信息情况\n规章\t0\t0\t0\n',
      'blank cells': full.replace(/\t\d+/g, (m, i: number) => (i % 7 === 0 ? '\t/' : m)),
      'tables cut': full.slice(0, Math.floor(full.length * 0.6)),
      'digits run together': full.replace(/\t(\d+)\t(\d+)/g, '\t$1$2'),
    };
    for (const [name, text] of Object.entries(variants)) check(processText(text, name), name);
    for (const code of ['parse.agency_missing', 'parse.year_missing', 'parse.section_missing', 'parse.region_unknown', 'parse.cell_empty'])
      expect(seen.has(code), `${code} not seen`).toBe(true);
  });

  it('what is not a report fails with a parse code', () => {
    const notReport = processText('红烧肉做法\n五花肉切块。\n', 'recipe.txt');
    expect(isFailure(notReport) && notReport.code).toBe('parse.not_report');
    const empty = processText('  \n', 'blank.txt');
    expect(isFailure(empty) && empty.code).toBe('parse.empty');
    const incomplete = processText('某某局2024年政府信息公开工作年度报告\n本局认真做好信息公开。\n', 'cut.txt');
    expect(isFailure(incomplete) && incomplete.code).toBe('parse.incomplete');
    for (const r of [notReport, empty, incomplete]) check(r, r.file);
  });
});

// ---------------------------------------------------------------------------------------------
// The indexer: failure codes reach the status file and the public status

describe('status file', () => {
  it('each failure and skipped file keeps its code; the public status too', async () => {
    const corpus = path.join(tmp, 'corpus');
    const dataDir = path.join(tmp, 'data');
    for (const r of generateReports({ seed: 'messages-status', agencies: 2, years: [2024] })) put(`corpus/${r.name}`, r.text);
    put('corpus/empty.txt', '');
    put('corpus/locked.doc.txt', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]));
    put('corpus/recipe.txt', '红烧肉做法\n五花肉切块。\n');
    put('corpus/sheet.xlsx', 'x');
    const engine = new SqliteEngine({ dataDir });
    try {
      const status = await indexDirectory({ dir: corpus, engine, dataDir });
      expect(status.indexed).toBe(2);
      const onDisk = (await readIndexStatus(dataDir))!;
      const codes = Object.fromEntries(onDisk.failures.map((f) => [f.file, f.code]));
      expect(codes).toEqual({ 'empty.txt': 'read.empty', 'locked.doc.txt': 'read.unsupported_format', 'recipe.txt': 'parse.not_report' });
      for (const f of onDisk.failures) expectTyped({ stage: f.code!.split('.')[0] as StageMessage['stage'], code: f.code!, message: f.reason.replace(`${path.join(corpus, f.file)}: `, '') }, f.file);
      expect(onDisk.skipped).toEqual([expect.objectContaining({ file: 'sheet.xlsx', code: 'index.unsupported_extension' })]);
      const pub = publicIndexStatus(onDisk) as typeof onDisk;
      expect(Object.fromEntries(pub.failures.map((f) => [f.file, f.code]))).toEqual(codes);
      expect(pub.failures.every((f) => !f.reason.includes(corpus))).toBe(true);
      expect(pub.skipped?.[0].code).toBe('index.unsupported_extension');
      // an indexed record carries its messages, in step with its warnings
      const hit = (await engine.search({ q: '', perPage: 10 })).hits[0];
      const rec = (await engine.getReport(hit.id))!;
      expect(rec.warnings).toEqual((rec.messages ?? []).map((m) => m.message));
    } finally {
      await engine.close();
    }
  });
});
