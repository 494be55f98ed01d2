/** What every reader returns: the document's text in the layout the parser understands. */
import type { StageMessage } from '../messages';

export type ReadFormat = 'txt' | 'html' | 'docx' | 'pdf';

export interface Provenance {
  sourceUrl?: string;
  capturedAt?: string;
  /** the page's title as the crawler saw it */
  pageTitle?: string;
}

/** What an HTML page says about itself besides its text: <title>, <h1>s, <meta name content>. */
export interface PageInfo {
  htmlTitle?: string;
  h1?: string[];
  meta?: Record<string, string>;
}

export interface ReadResult {
  /** original text (not simplified; see normalize.ts), line breaks normalised to \n */
  text: string;
  format: ReadFormat;
  /** encoding the bytes were decoded from: 'utf-8', 'gb18030', 'utf-16le', … ('binary' for docx/pdf) */
  encoding: string;
  /** hex sha256 of the original file bytes */
  sha256: string;
  /** size of the file in bytes */
  bytes: number;
  /** non-fatal findings (encoding guessed, extension mismatch, …), stage 'read' */
  messages: StageMessage[];
  provenance?: Provenance;
  /** HTML only: title, h1, meta tags */
  page?: PageInfo;
}

/** One reader per format: bytes in, text out. Throws ReadError on unreadable input. */
export interface FormatReader {
  (bytes: Buffer, file: string): Promise<{ text: string; encoding: string; messages: StageMessage[]; page?: PageInfo }>;
}
