/** What every reader returns: the document's text in the layout the parser understands. */

export type ReadFormat = 'txt' | 'html' | 'docx' | 'pdf';

export interface Provenance {
  sourceUrl?: string;
  capturedAt?: string;
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
  /** non-fatal findings (detected encoding guessed, extension mismatch, …) */
  warnings: string[];
  provenance?: Provenance;
}

/** One reader per format: bytes in, text out. Throws ReadError on unreadable input. */
export interface FormatReader {
  (bytes: Buffer, file: string): Promise<{ text: string; encoding: string; warnings: string[] }>;
}
