/** PDF with a text layer via unpdf (pdf.js); positioned items laid out by pdf-layout.ts. */
import { extractTextItems, getDocumentProxy } from 'unpdf';
import { ReadError } from './errors';
import { layoutPage } from './pdf-layout';
import type { FormatReader } from './types';

export const readPdf: FormatReader = async (bytes, file) => {
  let pages: Awaited<ReturnType<typeof extractTextItems>>;
  try {
    // pdf.js takes ownership of (detaches) the buffer it is given: pass a copy
    const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
    try {
      pages = await extractTextItems(pdf);
    } finally {
      await pdf.destroy();
    }
  } catch (e) {
    const name = (e as { name?: string }).name ?? '';
    if (name === 'PasswordException') {
      throw new ReadError(file, 'encrypted', 'PDF is password-protected', 'obtain an unprotected copy');
    }
    const why = (e instanceof Error ? e.message : String(e)).replace(/\s+/g, ' ').slice(0, 120);
    throw new ReadError(file, 'corrupt', `not a readable PDF (truncated or damaged: ${why})`, 'download it again');
  }
  const text = pages.items.map((items) => layoutPage(items)).join('\n\n');
  if (text.replace(/\s/g, '').length === 0) {
    throw new ReadError(
      file,
      'no_text_layer',
      `no text layer in ${pages.totalPages} page(s) (scanned PDF?)`,
      'run OCR on it first or find the HTML/DOCX version of the report',
    );
  }
  const warnings: string[] = [];
  const chars = text.replace(/\s/g, '').length;
  if (pages.totalPages > 0 && chars / pages.totalPages < 20) {
    warnings.push(`only ${chars} characters in ${pages.totalPages} page(s): partly scanned?`);
  }
  return { text, encoding: 'binary', warnings };
};
