/** Plain text: decode, normalise line breaks. */
import { decodeBytes, controlShare } from './encoding';
import { ReadError } from './errors';
import { stageMessage } from '../messages';
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
      '二进制数据，不是文本（含 NUL 或控制字节，编码无法识别）',
      '请提供 .txt、.html、.docx 或 .pdf 格式的报告',
    );
  }
  if (d.text.includes('\ufffd')) {
    const bad = (d.text.match(/\ufffd/g) ?? []).length;
    if (bad > 20 && bad / d.text.length > 0.01) {
      throw new ReadError(file, 'bad_encoding', `字节无法解码（按 ${d.encoding} 解码有 ${bad} 个替换字符）`, '请将文件另存为 UTF-8');
    }
    if (!d.messages.some((m) => m.code === 'read.utf8_damaged')) d.messages.push(stageMessage('read.undecodable_bytes', `${bad} 处无法解码的字节序列已替换为 U+FFFD`));
  }
  return d;
}

export const readTxt: FormatReader = async (bytes, file) => {
  const d = decodeOrThrow(bytes, file);
  return { text: normaliseLines(d.text), encoding: d.encoding, messages: d.messages };
};
