/** Placeholder until the HTML reader lands: fails loudly rather than returning tag soup. */
import { ReadError } from './errors';
import type { FormatReader } from './types';
export const readHtml: FormatReader = async (_b, file) => {
  throw new ReadError(file, 'unsupported_format', 'HTML reader not available yet', 'convert to .txt');
};
