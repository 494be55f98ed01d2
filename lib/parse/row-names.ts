/**
 * Short Chinese row/group names used in warnings and check details. Column names are the table's
 * own headings, shared with the pages (lib/labels.ts holds no UI code, only strings).
 */
import type { AppealGroup, RequestRowKey } from '../types';
export { APPLICANT_COLUMN_LABELS as APPLICANT_NAMES, APPEAL_COLUMN_LABELS as APPEAL_COLUMN_NAMES } from '../labels';

export const REQUEST_ROW_NAMES: Record<RequestRowKey, string> = {
  new_received: '一、本年新收',
  carried_over: '二、上年结转',
  granted: '（一）予以公开',
  partially_granted: '（二）部分公开',
  denied_state_secret: '（三）1.属于国家秘密',
  denied_prohibited_by_law: '（三）2.其他法律行政法规禁止公开',
  denied_three_safeties: '（三）3.危及“三安全一稳定”',
  denied_third_party: '（三）4.保护第三方合法权益',
  denied_internal_affairs: '（三）5.属于三类内部事务信息',
  denied_process_info: '（三）6.属于四类过程性信息',
  denied_enforcement_files: '（三）7.属于行政执法案卷',
  denied_admin_query: '（三）8.属于行政查询事项',
  unavailable_not_held: '（四）1.本机关不掌握相关政府信息',
  unavailable_needs_creation: '（四）2.没有现成信息需要另行制作',
  unavailable_unclear: '（四）3.补正后申请内容仍不明确',
  rejected_complaint: '（五）1.信访举报投诉类申请',
  rejected_duplicate: '（五）2.重复申请',
  rejected_publication: '（五）3.要求提供公开出版物',
  rejected_excessive: '（五）4.无正当理由大量反复申请',
  rejected_confirmation: '（五）5.要求行政机关确认或重新出具已获取信息',
  other_no_correction: '（六）1.逾期不补正',
  other_no_fee: '（六）2.逾期未缴纳费用',
  other_other: '（六）3.其他',
  total_processed: '（七）总计',
  carried_forward: '四、结转下年度继续办理',
};

export const APPEAL_GROUP_NAMES: Record<AppealGroup, string> = {
  review: '行政复议',
  litigation_direct: '未经复议直接起诉',
  litigation_after_review: '复议后起诉',
};
