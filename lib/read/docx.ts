/** DOCX: mammoth → HTML → the HTML reader, so Word tables (with merged cells) stay tables. */
import mammoth from 'mammoth';
import { ReadError } from './errors';
import { stageMessage } from '../messages';
import { htmlToText } from './html';
import type { FormatReader } from './types';

export const readDocx: FormatReader = async (bytes, file) => {
  let res: Awaited<ReturnType<typeof mammoth.convertToHtml>>;
  try {
    // images carry no report text and can be large: emit no node for them (mammoth expects an element list)
    res = await mammoth.convertToHtml({ buffer: bytes }, { convertImage: () => Promise.resolve([]) });
  } catch (e) {
    const why = (e instanceof Error ? e.message : String(e)).replace(/\s+/g, ' ').slice(0, 120);
    throw new ReadError(file, 'corrupt', `不是可读的 .docx 文件（被截断或损坏：${why}）`, '请用 Word/WPS 打开后重新保存，或导出为 PDF');
  }
  const messages = res.messages
    .filter((m) => m.type === 'error')
    .slice(0, 5)
    .map((m) => stageMessage('read.docx_problem', `DOCX 转换出错：${m.message}`));
  return { text: htmlToText(res.value), encoding: 'binary', messages };
};
