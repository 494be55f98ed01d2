/**
 * Chinese labels for every canonical key, as printed on the national table format
 * (国办公开办函〔2021〕30号). Pages and exports both read these, so a label is fixed in one place.
 */
import type {
  ActiveFigures2019,
  AgencyKind,
  AppealColumn,
  AppealGroup,
  ApplicantColumn,
  IssuedRepealedInForce,
  Level,
  ReportFormat,
  RequestRowKey,
  SectionKey,
} from './types';
import type { FacetName, SortOrder } from './search/types';
import { FIGURE_SORTS, figureSortLabel, parseFigureSort, type FigureSort } from './key-figures';

export const SECTION_LABELS: Record<SectionKey, string> = {
  preface: '前言',
  overview: '一、总体情况',
  active: '二、主动公开政府信息情况',
  requests: '三、收到和处理政府信息公开申请情况',
  appeals: '四、政府信息公开行政复议、行政诉讼情况',
  problems: '五、存在的主要问题及改进情况',
  other: '六、其他需要报告的事项',
};

/** Short names for tight places (search hits, facets). */
export const SECTION_SHORT_LABELS: Record<SectionKey, string> = {
  preface: '前言',
  overview: '总体情况',
  active: '主动公开',
  requests: '依申请公开',
  appeals: '复议诉讼',
  problems: '问题及改进',
  other: '其他事项',
};

export const DOCUMENT_KIND_LABELS = { rules: '规章', normative_documents: '行政规范性文件' } as const;

export const ISSUED_LABELS: Record<keyof IssuedRepealedInForce, string> = {
  issued: '本年制发件数',
  repealed: '本年废止件数',
  in_force: '现行有效件数',
};

export const DECISION_LABELS = {
  licensing: '行政许可',
  penalty: '行政处罚',
  coercion: '行政强制',
} as const;

export const DECISION_COLUMN_LABEL = '本年处理决定数量';
export const FEES_LABEL = '行政事业性收费';
export const FEES_COLUMN_LABEL = '本年收费金额（单位：万元）';

export const APPLICANT_COLUMN_LABELS: Record<ApplicantColumn, string> = {
  natural_person: '自然人',
  commercial: '商业企业',
  research: '科研机构',
  public_interest: '社会公益组织',
  legal_services: '法律服务机构',
  other_org: '其他',
  total: '总计',
};

/** （六）其他处理 printed as one row in the 2019 format (`requests.other_processing`). */
export const OTHER_PROCESSING_LABEL = '（六）其他处理';

/** Which national format a report follows. */
export const FORMAT_LABELS: Record<ReportFormat, string> = {
  '2021': '2021年格式',
  '2019': '2019年格式',
  legacy: '2019年以前的格式',
};

/** Part 二 of the 2019 format (国办公开办函〔2019〕60号): rows and columns of `figures.active2019`. */
export const ACTIVE2019_ROW_LABELS: Record<keyof ActiveFigures2019, string> = {
  rules: '规章',
  normative_documents: '规范性文件',
  licensing: '行政许可',
  other_services: '其他对外管理服务事项',
  penalty: '行政处罚',
  coercion: '行政强制',
  fees: '行政事业性收费',
  procurement: '政府集中采购',
};

export const ACTIVE2019_COLUMN_LABELS: Record<string, string> = {
  made: '本年新制作数量',
  published: '本年新公开数量',
  total_published: '对外公开总数量',
  previous_year: '上一年项目数量',
  change: '本年增/减',
  decisions: '处理决定数量',
  projects: '采购项目数量',
  amount_yuan: '采购总金额（元）',
};

/** `figures.legacy` (reports for 2008–2018), by dotted key. */
export const LEGACY_LABELS: Record<string, string> = {
  active_total: '主动公开政府信息数',
  active_normative: '其中：规范性文件数',
  requests_received: '收到政府信息公开申请数',
  'by_channel.in_person': '其中：当面申请数',
  'by_channel.fax': '其中：传真申请数',
  'by_channel.online': '其中：网上申请数',
  'by_channel.letter': '其中：信函申请数',
  requests_completed: '对申请的答复（办结）数',
  'replies.already_public': '答复：属于已主动公开',
  'replies.granted': '答复：同意公开',
  'replies.partially_granted': '答复：同意部分公开',
  'replies.denied': '答复：不予公开',
  'replies.not_this_agency': '答复：非本机关掌握',
  'replies.not_exist': '答复：信息不存在',
  'replies.asked_to_amend': '答复：告知补正',
  'replies.other_channel': '答复：告知通过其他途径获取',
  'review.upheld': '行政复议 · 维持',
  'review.corrected': '行政复议 · 纠正',
  'review.other': '行政复议 · 其他',
  'review.total': '行政复议 · 总数',
  'litigation.upheld': '行政诉讼 · 维持',
  'litigation.corrected': '行政诉讼 · 纠正',
  'litigation.other': '行政诉讼 · 其他',
  'litigation.total': '行政诉讼 · 总数',
  complaints: '申诉数',
  fees_wan_yuan: '收取费用（万元）',
  'staff.full_time': '专职人员数',
  'staff.part_time': '兼职人员数',
  'training.meetings': '培训会议次数',
  'training.courses': '培训班次数',
  'training.trainees': '培训人次',
};

/** Column groups of the request table header: 自然人 | 法人或其他组织 (5 columns) | 总计. */
export const APPLICANT_GROUP_LABEL = '法人或其他组织';

/**
 * Row labels of part 三. `group` is the printed parent heading (三、本年度办理结果 → （三）不予公开 …)
 * so a table can render the nested header cells; `label` is the row's own text.
 */
export const REQUEST_ROW_LABELS: Record<RequestRowKey, { label: string; group?: string }> = {
  new_received: { label: '一、本年新收政府信息公开申请数量' },
  carried_over: { label: '二、上年结转政府信息公开申请数量' },
  granted: { label: '（一）予以公开', group: '三、本年度办理结果' },
  partially_granted: { label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', group: '三、本年度办理结果' },
  denied_state_secret: { label: '1.属于国家秘密', group: '（三）不予公开' },
  denied_prohibited_by_law: { label: '2.其他法律行政法规禁止公开', group: '（三）不予公开' },
  denied_three_safeties: { label: '3.危及“三安全一稳定”', group: '（三）不予公开' },
  denied_third_party: { label: '4.保护第三方合法权益', group: '（三）不予公开' },
  denied_internal_affairs: { label: '5.属于三类内部事务信息', group: '（三）不予公开' },
  denied_process_info: { label: '6.属于四类过程性信息', group: '（三）不予公开' },
  denied_enforcement_files: { label: '7.属于行政执法案卷', group: '（三）不予公开' },
  denied_admin_query: { label: '8.属于行政查询事项', group: '（三）不予公开' },
  unavailable_not_held: { label: '1.本机关不掌握相关政府信息', group: '（四）无法提供' },
  unavailable_needs_creation: { label: '2.没有现成信息需要另行制作', group: '（四）无法提供' },
  unavailable_unclear: { label: '3.补正后申请内容仍不明确', group: '（四）无法提供' },
  rejected_complaint: { label: '1.信访举报投诉类申请', group: '（五）不予处理' },
  rejected_duplicate: { label: '2.重复申请', group: '（五）不予处理' },
  rejected_publication: { label: '3.要求提供公开出版物', group: '（五）不予处理' },
  rejected_excessive: { label: '4.无正当理由大量反复申请', group: '（五）不予处理' },
  rejected_confirmation: { label: '5.要求行政机关确认或重新出具已获取信息', group: '（五）不予处理' },
  other_no_correction: { label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', group: '（六）其他处理' },
  other_no_fee: { label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', group: '（六）其他处理' },
  other_other: { label: '3.其他', group: '（六）其他处理' },
  total_processed: { label: '（七）总计', group: '三、本年度办理结果' },
  carried_forward: { label: '四、结转下年度继续办理' },
};

export const APPEAL_GROUP_LABELS: Record<AppealGroup, string> = {
  review: '行政复议',
  litigation_direct: '行政诉讼：未经复议直接起诉',
  litigation_after_review: '行政诉讼：复议后起诉',
};

export const APPEAL_COLUMN_LABELS: Record<AppealColumn, string> = {
  upheld: '结果维持',
  corrected: '结果纠正',
  other: '其他结果',
  pending: '尚未审结',
  total: '总计',
};

export const LEVEL_LABELS: Record<Level, string> = {
  province: '省级',
  city: '市级',
  county: '县级',
  township: '乡镇（街道）',
};

export const KIND_LABELS: Record<AgencyKind, string> = {
  government: '人民政府',
  office: '政府办公厅（室）',
  department: '政府部门',
  other: '其他机构',
};

export const FACET_LABELS: Record<FacetName, string> = {
  agency: '机关',
  year: '年度',
  province: '省份',
  city: '城市',
  level: '层级',
  kind: '机关类型',
  theme: '问题主题',
  checks: '数据校验',
};

export const CHECK_VALUE_LABELS: Record<string, string> = {
  ok: '全部通过',
  failed: '存在未通过的校验',
};

export const CHECK_LABELS: Record<string, string> = {
  'requests.row_totals': '申请表：各行总计 = 各类申请人之和',
  'requests.total_processed': '申请表：（七）总计 = （一）至（六）之和',
  'requests.balance': '申请表勾稽关系：一 + 二 = （七）总计 + 四',
  'appeals.totals': '复议诉讼表：总计 = 维持 + 纠正 + 其他 + 尚未审结',
  'narrative.requests': '正文表述与申请表数据一致',
};

export const SORT_LABELS: Record<SortOrder, string> = {
  relevance: '相关度',
  year_desc: '年度（新→旧）',
  year_asc: '年度（旧→新）',
  ...(Object.fromEntries(FIGURE_SORTS.map((s) => {
    const { key, dir } = parseFigureSort(s)!;
    return [s, figureSortLabel(key, dir)];
  })) as Record<FigureSort, string>),
};

export const ENGINE_LABELS: Record<string, string> = {
  sqlite: '内置 SQLite 全文索引',
  meilisearch: 'Meilisearch 检索服务',
};

/** File formats and text encodings of the original files, in words (report provenance). */
export const FILE_FORMAT_LABELS: Record<string, string> = {
  txt: '文本文件',
  html: '网页',
  htm: '网页',
  pdf: 'PDF 文档',
  docx: 'Word 文档',
  doc: 'Word 文档（旧格式）',
};

export const ENCODING_LABELS: Record<string, string> = {
  'utf-8': 'UTF-8（通用编码）',
  utf8: 'UTF-8（通用编码）',
  'utf-16le': 'UTF-16（通用编码）',
  'utf-16be': 'UTF-16（通用编码）',
  gbk: 'GBK（国标编码）',
  gb18030: 'GB18030（国标编码）',
  gb2312: 'GB2312（国标编码）',
  binary: '不适用（二进制文件）',
};

/**
 * Own keys only: values come from the URL, and `?level=toString` must not find
 * Object.prototype.toString (rendering a function is a 500).
 */
function own(table: Record<string, string>, key: string): string | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/** Label of a facet value for display; unknown values are shown as they are. */
export function facetValueLabel(facet: FacetName, value: string): string {
  if (facet === 'level') return own(LEVEL_LABELS, value) ?? value;
  if (facet === 'kind') return own(KIND_LABELS, value) ?? value;
  if (facet === 'checks') return own(CHECK_VALUE_LABELS, value) ?? value;
  if (facet === 'year') return `${value}年`;
  return value;
}

export function engineLabel(name: string): string {
  return own(ENGINE_LABELS, name) ?? name;
}

export function fileFormatLabel(format: string): string {
  return own(FILE_FORMAT_LABELS, format.toLowerCase()) ?? format.toUpperCase();
}

export function encodingLabel(encoding: string): string {
  return own(ENCODING_LABELS, encoding.toLowerCase()) ?? encoding;
}

export function checkLabel(id: string): string {
  return own(CHECK_LABELS, id) ?? id;
}

/** A region as one line, 省 · 市 · 县, each level once (a 直辖市 is its own province and city). */
export function regionText(r: { province: string | null; city: string | null; county: string | null }): string {
  return [r.province, r.city, r.county].filter((x, i, a) => x && a.indexOf(x) === i).join(' · ');
}
