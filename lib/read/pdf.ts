/** Placeholder until the PDF reader lands: fails loudly rather than returning tag soup. */
import { ReadError } from './errors';
import type { FormatReader } from './types';
export const readPdf: FormatReader = async (_b, file) => {
  throw new ReadError(file, 'unsupported_format', 'PDF reader not available yet', 'convert to .txt');
};
