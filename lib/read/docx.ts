/** Placeholder until the DOCX reader lands: fails loudly rather than returning tag soup. */
import { ReadError } from './errors';
import type { FormatReader } from './types';
export const readDocx: FormatReader = async (_b, file) => {
  throw new ReadError(file, 'unsupported_format', 'DOCX reader not available yet', 'convert to .txt');
};
