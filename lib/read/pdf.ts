/** PDF with a text layer via unpdf (pdf.js); positioned items laid out by pdf-layout.ts. */
import { extractTextItems, getDocumentProxy } from 'unpdf';
import { ReadError } from './errors';
import { stageMessage, type StageMessage } from '../messages';
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
      throw new ReadError(file, 'encrypted', 'PDF 有密码保护', '请取得未加密的文件');
    }
    const why = (e instanceof Error ? e.message : String(e)).replace(/\s+/g, ' ').slice(0, 120);
    throw new ReadError(file, 'corrupt', `不是可读的 PDF 文件（被截断或损坏：${why}）`, '请重新下载');
  }
  const text = pages.items.map((items) => layoutPage(items)).join('\n\n');
  if (text.replace(/\s/g, '').length === 0) {
    throw new ReadError(
      file,
      'no_text_layer',
      `${pages.totalPages} 页中没有文字层（扫描版 PDF？）`,
      '请先做文字识别（OCR），或找报告的 HTML/DOCX 版本',
    );
  }
  const messages: StageMessage[] = [];
  const chars = text.replace(/\s/g, '').length;
  if (pages.totalPages > 0 && chars / pages.totalPages < 20) {
    messages.push(stageMessage('read.pdf_sparse', `${pages.totalPages} 页中只有 ${chars} 个字符：可能部分为扫描件`));
  }
  return { text, encoding: 'binary', messages };
};
