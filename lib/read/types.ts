/** What every reader returns: the document's text in the layout the parser understands. */
import type { StageMessage } from '../messages';
import type { PageInfo } from '../types';

// The read stage's output is the parse stage's input: its types live in lib/types.ts, which both
// stages import, so the parser never imports the reader.
export type { Provenance, PageInfo, ReadFormat, ReadResult } from '../types';

/** One reader per format: bytes in, text out. Throws ReadError on unreadable input. */
export interface FormatReader {
  (bytes: Buffer, file: string): Promise<{ text: string; encoding: string; messages: StageMessage[]; page?: PageInfo }>;
}
