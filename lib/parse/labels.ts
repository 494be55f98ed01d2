/** Short Chinese row/column names used in warnings and check details (kept local: lib/parse has no UI deps). */
import type { AppealColumn, AppealGroup, ApplicantColumn, RequestRowKey } from '../types';

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

export const APPLICANT_NAMES: Record<ApplicantColumn, string> = {
  natural_person: '自然人',
  commercial: '商业企业',
  research: '科研机构',
  public_interest: '社会公益组织',
  legal_services: '法律服务机构',
  other_org: '其他',
  total: '总计',
};

export const APPEAL_GROUP_NAMES: Record<AppealGroup, string> = {
  review: '行政复议',
  litigation_direct: '未经复议直接起诉',
  litigation_after_review: '复议后起诉',
};

export const APPEAL_COLUMN_NAMES: Record<AppealColumn, string> = {
  upheld: '结果维持',
  corrected: '结果纠正',
  other: '其他结果',
  pending: '尚未审结',
  total: '总计',
};
