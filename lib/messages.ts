/**
 * Stage messages: every warning and failure a pipeline stage emits is `{ stage, code, message }`.
 * `code` is stable for machines (status file, API, exports, tests); `message` is Chinese, for the
 * UI. This file is the only list of codes: a stage may emit no code that is not registered here.
 * The stage is the code's prefix, so the two can never disagree.
 */

/** What each code means, in Chinese (docs and the code list in exports). */
export const MESSAGE_CODES = {
  // read: bytes → text (lib/read)
  'read.extension_mismatch': '扩展名与文件内容不符，按内容读取',
  'read.extension_unknown': '扩展名未知，按纯文本读取',
  'read.utf16_no_bom': '无字节序标记，按字节规律判断为 UTF-16',
  'read.utf8_damaged': '个别字节不是有效的 UTF-8，已替换为 U+FFFD',
  'read.charset_mismatch': '网页声明 UTF-8 但内容不是有效的 UTF-8，改为检测编码',
  'read.encoding_guess': '编码为猜测所得',
  'read.undecodable_bytes': '个别字节无法解码，已替换为 U+FFFD',
  'read.docx_problem': 'DOCX 转换时报告错误',
  'read.pdf_sparse': 'PDF 每页文字很少，可能部分为扫描件',
  'read.sidecar_url_ignored': '附带的 JSON 中来源网址无效，已忽略',
  'read.sidecar_date_ignored': '附带的 JSON 中采集时间无效，已忽略',
  // read failures (the ReadError reasons)
  'read.not_found': '文件不存在或无法打开',
  'read.not_a_file': '不是普通文件',
  'read.empty': '文件为空或没有文字',
  'read.too_large': '文件过大',
  'read.binary': '二进制数据，不是文本',
  'read.unsupported_format': '不支持的文件格式',
  'read.bad_encoding': '编码无法识别',
  'read.corrupt': '文件损坏或被截断',
  'read.no_text_layer': 'PDF 没有文字层',
  'read.encrypted': 'PDF 有密码保护',
  'read.bad_sidecar': '附带的 JSON 文件无法使用',
  // parse: text → record (lib/parse, lib/region)
  'parse.agency_missing': '未能识别机关名称',
  'parse.agency_weak': '机关名称证据不足',
  'parse.agency_incomplete': '机关名称不完整',
  'parse.year_missing': '未能识别统计年度',
  'parse.year_conflict': '统计年度的证据不一致',
  'parse.section_missing': '未找到某一部分的标题',
  'parse.table_missing': '未找到表格',
  'parse.rows_missing': '表格中没有可识别的数据行',
  'parse.row_missing': '表格缺少某一行',
  'parse.row_duplicate': '表格某一行重复出现',
  'parse.row_combined': '2019年格式的合计行',
  'parse.cell_count': '一行的单元格个数不对',
  'parse.cell_empty': '单元格为空或无法识别，记为空值',
  'parse.cell_unreadable': '连写的数字中有无法识别的部分',
  'parse.cells_unsplittable': '连写的数字无法拆成应有的个数',
  'parse.cell_ambiguous': '连写的数字有多种拆法',
  'parse.unit_unknown': '金额单位不明',
  'parse.prose_conflict': '正文给出多个不同的数字',
  'parse.region_ambiguous': '地区不确定',
  'parse.region_unknown': '未能确定所在地区',
  // parse failures (not a report)
  'parse.empty': '文件为空',
  'parse.not_report': '不是政府信息公开工作年度报告',
  'parse.incomplete': '报告不完整',
  'parse.crashed': '解析出错',
  // index: records → engine (lib/indexer)
  'index.incomplete_version': '不完整的版本，作为旧版本保留',
  'index.unsupported_extension': '扩展名不在读取范围内',
  'index.parse_crashed': '解析线程出错',
} as const;

export type MessageCode = keyof typeof MESSAGE_CODES;
export type Stage = MessageCode extends `${infer S}.${string}` ? S : never;
/** Codes of one stage, e.g. `CodeOf<'parse'>`. */
export type CodeOf<S extends Stage> = Extract<MessageCode, `${S}.${string}`>;

export interface StageMessage {
  stage: Stage;
  code: MessageCode;
  /** Chinese, one line, with the specifics (file, row, numbers) */
  message: string;
}

export function stageMessage(code: MessageCode, message: string): StageMessage {
  return { stage: code.slice(0, code.indexOf('.')) as Stage, code, message };
}

export function isMessageCode(code: string): code is MessageCode {
  return Object.prototype.hasOwnProperty.call(MESSAGE_CODES, code);
}

/** A stage's warning sink: the parser's table readers take one. */
export type Warn<S extends Stage = Stage> = (code: CodeOf<S>, message: string) => void;

/** Adds a message to a record, keeping its `warnings` (the Chinese texts) in step. */
export function addMessage(rec: { warnings: string[]; messages?: StageMessage[] }, m: StageMessage): void {
  (rec.messages ??= []).push(m);
  rec.warnings.push(m.message);
}
