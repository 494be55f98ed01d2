/** DOCX: mammoth → HTML → the HTML reader, so Word tables (with merged cells) stay tables. */
import mammoth from 'mammoth';
import { ReadError } from './errors';
import { htmlToText } from './html';
import type { FormatReader } from './types';

export const readDocx: FormatReader = async (bytes, file) => {
  let res: Awaited<ReturnType<typeof mammoth.convertToHtml>>;
  try {
    // images carry no report text and can be large: emit no node for them (mammoth expects an element list)
    res = await mammoth.convertToHtml({ buffer: bytes }, { convertImage: () => Promise.resolve([]) });
  } catch (e) {
    const why = (e instanceof Error ? e.message : String(e)).replace(/\s+/g, ' ').slice(0, 120);
    throw new ReadError(file, 'corrupt', `not a readable .docx (truncated or damaged: ${why})`, 'open and re-save it in Word/WPS, or export as PDF');
  }
  const warnings = res.messages
    .filter((m) => m.type === 'error')
    .slice(0, 5)
    .map((m) => `docx: ${m.message}`);
  return { text: htmlToText(res.value), encoding: 'binary', warnings };
};
