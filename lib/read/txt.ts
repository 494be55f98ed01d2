/** Plain text: decode, normalise line breaks. */
import { decodeBytes, controlShare } from './encoding';
import { ReadError } from './errors';
import type { FormatReader } from './types';

export function normaliseLines(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/\u2028|\u2029/g, '\n');
}

/** Decode text bytes or throw the binary/encoding ReadError; shared by the txt and html readers. */
export function decodeOrThrow(bytes: Buffer, file: string, declared?: string) {
  const d = decodeBytes(bytes, declared);
  if (d.encoding === 'binary' || controlShare(d.text) > 0.05) {
    throw new ReadError(
      file,
      'binary',
      'binary data, not text (NUL or control bytes, no known encoding)',
      'supply the report as .txt, .html, .docx or .pdf',
    );
  }
  if (d.text.includes('\ufffd')) {
    const bad = (d.text.match(/\ufffd/g) ?? []).length;
    if (bad > 20 && bad / d.text.length > 0.01) {
      throw new ReadError(file, 'bad_encoding', `undecodable bytes (${bad} replacement characters as ${d.encoding})`, 're-save the file as UTF-8');
    }
    if (!d.warnings.some((w) => w.includes('U+FFFD'))) d.warnings.push(`${bad} undecodable byte sequence(s) replaced with U+FFFD`);
  }
  return d;
}

export const readTxt: FormatReader = async (bytes, file) => {
  const d = decodeOrThrow(bytes, file);
  return { text: normaliseLines(d.text), encoding: d.encoding, warnings: d.warnings };
};
