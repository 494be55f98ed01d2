/**
 * Generated demo reports carry this sentence as the first paragraph of their preface; the parser
 * sets `synthetic: true` on any report whose preface holds it. Why a sentence in the text rather
 * than a side file: it travels with the file (copied, re-indexed, parsed alone), and a real
 * report cannot contain it by accident (it names this program and its generator command).
 * tools/corpus writes it; nothing else should.
 */
export const SYNTHETIC_MARKER = '【示例数据】本报告由 Nianbao 示例语料生成器（npm run generate）生成';

/** The whole marker paragraph as the generator writes it. */
export const SYNTHETIC_NOTICE = `${SYNTHETIC_MARKER}，机关名称仅为按地区筛选而设，数字与表述均为虚构，不代表任何真实机关。`;

/** True when the text before part 一 (the preface) holds the marker. */
export function isSyntheticPreface(preface: string | undefined): boolean {
  return !!preface && preface.includes(SYNTHETIC_MARKER);
}
