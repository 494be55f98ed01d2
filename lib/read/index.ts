/**
 * files → read: one entry point for every input format. Returns the original text in a layout
 * the parser understands (tables as one cell per line, tab rows or `| a | b |` rows), the encoding,
 * the sha256 of the original bytes, typed warnings (lib/messages.ts) and optional provenance from a sidecar.
 * Throws only ReadError, with a one-line message naming the file, the problem and what to do.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ReadError } from './errors';
import { stageMessage, type StageMessage } from '../messages';
import { readProvenance } from './provenance';
import { readTxt } from './txt';
import type { FormatReader, ReadFormat, ReadResult } from './types';

export { ReadError } from './errors';
export type { ReadErrorReason } from './errors';
export type { ReadResult, ReadFormat, Provenance } from './types';

/** Largest file we read. Real reports are well under 5 MB even as PDF; checked by stat before reading. */
export const MAX_BYTES = 20 * 1024 * 1024;

const BY_EXTENSION: Record<string, ReadFormat> = {
  '.txt': 'txt',
  '.text': 'txt',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.shtml': 'html',
  '.docx': 'docx',
  '.pdf': 'pdf',
};

/** The reader module of each format, looked up lazily so pdf.js etc. load only when needed. */
const READERS: Record<ReadFormat, () => Promise<FormatReader>> = {
  txt: async () => readTxt,
  html: async () => (await import('./html')).readHtml,
  docx: async () => (await import('./docx')).readDocx,
  pdf: async () => (await import('./pdf')).readPdf,
};

/** Magic bytes win over the extension: a PDF saved as .txt is still a PDF. */
function sniff(bytes: Buffer): ReadFormat | null {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'docx';
  const head = bytes.subarray(0, 512).toString('latin1').replace(/^\uFEFF|^\xEF\xBB\xBF/, '').trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || head.startsWith('<?xml') && head.includes('<html')) return 'html';
  return null;
}

function isOleCompound(bytes: Buffer): boolean {
  // D0 CF 11 E0: legacy .doc / .xls / .wps
  return bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
}

/**
 * The file's bytes, or the ReadError saying why not: one open/fstat/read/close through callbacks
 * (promise-based file handles cost ~3x the CPU per file). Asynchronous so that a parser thread
 * keeps other reads in flight while it parses: on a corpus not in the page cache a blocking read
 * per file would serialise the disk latency (~0.5 ms a file) into every thread.
 */
function readBytes(file: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // O_NONBLOCK: opening a FIFO must not wait for a writer (fstat then says "not a file").
    fs.open(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK, (err, fd) => {
      if (err) return reject(openFailure(file, err));
      const done = (e: unknown, bytes?: Buffer) => fs.close(fd, () => (e ? reject(e) : resolve(bytes!)));
      fs.fstat(fd, (serr, st) => {
        if (serr) return done(cannotRead(file, serr));
        try {
          checkSize(file, st);
        } catch (e) {
          return done(e);
        }
        const buf = Buffer.allocUnsafe(st.size);
        const readFrom = (off: number): void =>
          fs.read(fd, buf, off, buf.length - off, off, (rerr, n) => {
            if (rerr) return done(cannotRead(file, rerr));
            if (n > 0 && off + n < buf.length) return readFrom(off + n);
            done(null, off + n < buf.length ? buf.subarray(0, off + n) : buf);
          });
        readFrom(0);
      });
    });
  });
}

/** Why a file could not be opened, in the words a stat would have given (missing, not a file, …). */
function openFailure(file: string, e: NodeJS.ErrnoException): ReadError {
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch (se) {
    const code = (se as NodeJS.ErrnoException).code;
    return new ReadError(file, 'not_found', code === 'ENOENT' ? '文件不存在' : `无法查看文件（${code}）`, '请检查路径');
  }
  try {
    checkSize(file, st);
  } catch (ce) {
    return ce as ReadError;
  }
  return cannotRead(file, e);
}

function checkSize(file: string, st: fs.Stats): void {
  if (!st.isFile()) throw new ReadError(file, 'not_a_file', '不是普通文件', '请给出报告文件，而不是文件夹');
  if (st.size === 0) throw new ReadError(file, 'empty', '空文件（0 字节）', '请重新下载报告');
  if (st.size > MAX_BYTES) {
    throw new ReadError(
      file,
      'too_large',
      `文件大小 ${(st.size / 1048576).toFixed(1)} MB，超过 ${MAX_BYTES / 1048576} MB 的上限`,
      '请拆分文件或先提取报告文字',
    );
  }
}

function cannotRead(file: string, e: unknown): ReadError {
  return new ReadError(file, 'not_found', `无法读取（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}）`, '请检查文件权限');
}

export async function readReportFile(filePath: string): Promise<ReadResult> {
  const file = filePath;
  const bytes = await readBytes(file);
  const messages: StageMessage[] = [];
  const ext = path.extname(filePath).toLowerCase();

  if (ext === '.doc' || ext === '.wps' || isOleCompound(bytes)) {
    throw new ReadError(file, 'unsupported_format', '不支持旧版 Word/WPS 二进制格式（.doc）', '请另存为 .docx 或 PDF');
  }
  const byExt = BY_EXTENSION[ext] ?? null;
  const sniffed = sniff(bytes);
  let format: ReadFormat;
  if (sniffed && sniffed !== byExt && (sniffed !== 'html' || byExt === null)) {
    if (byExt) messages.push(stageMessage('read.extension_mismatch', `扩展名为 ${ext}，内容却是 ${sniffed}；按 ${sniffed} 读取`));
    format = sniffed;
  } else if (byExt) {
    format = byExt;
  } else {
    if (ext) messages.push(stageMessage('read.extension_unknown', `未知的扩展名 ${ext}；按纯文本读取`));
    format = 'txt';
  }

  const reader = await READERS[format]();
  let out: Awaited<ReturnType<FormatReader>>;
  try {
    out = await reader(bytes, file);
  } catch (e) {
    if (e instanceof ReadError) throw e;
    throw new ReadError(file, 'corrupt', `${format} 文件无法读取（${oneLine(e)}）`, '请确认文件能打开，或重新保存');
  }
  if (out.text.trim() === '') {
    throw new ReadError(file, 'empty', `${format} 文件中没有文字`, '请确认文件有内容');
  }
  messages.push(...out.messages);
  const provenance = await readProvenance(filePath, messages);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return {
    text: out.text,
    format,
    encoding: out.encoding,
    sha256,
    bytes: bytes.length,
    messages,
    ...(provenance ? { provenance } : {}),
    ...(out.page && Object.keys(out.page).length ? { page: out.page } : {}),
  };
}

function oneLine(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  return m.replace(/\s+/g, ' ').slice(0, 160);
}
