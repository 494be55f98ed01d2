/**
 * The three standard tables as grids of cells, rendered in the layouts text extraction produces:
 * one cell per line with a leading tab (Word → text), tab-separated rows, pipe-separated rows
 * (HTML tables). Label wording varies the way real reports do.
 */
import { APPEAL_GROUPS, APPLICANT_COLUMNS, type ActiveFigures, type AppealFigures, type Cell, type RequestFigures, type RequestRowKey } from '../../lib/types';
import type { Rng } from './prng';

export type Layout = 'cells' | 'tabs' | 'pipes';
type Grid = string[][];

const num = (v: Cell) => (v === null ? '' : String(v));

/** Label variants, chosen once per report. */
export interface Wording {
  full: boolean; // full-width brackets
  carried: string; // 上年结转 / 上年转结
  forward: string; // 结转 / 转结
  other: string; // 其他 / 其它
}

export function pickWording(rng: Rng): Wording {
  return {
    full: rng.chance(0.7),
    carried: rng.chance(0.8) ? '上年结转' : '上年转结',
    forward: rng.chance(0.8) ? '结转' : '转结',
    other: rng.chance(0.85) ? '其他' : '其它',
  };
}

const br = (w: Wording, s: string) => (w.full ? `（${s}）` : `(${s})`);

export function activeGrid(a: ActiveFigures, w: Wording): Grid {
  return [
    [`第二十条第${br(w, '一')}项`],
    ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
    ['规章', num(a.rules.issued), num(a.rules.repealed), num(a.rules.in_force)],
    ['行政规范性文件', num(a.normative_documents.issued), num(a.normative_documents.repealed), num(a.normative_documents.in_force)],
    [`第二十条第${br(w, '五')}项`],
    ['信息内容', '本年处理决定数量'],
    ['行政许可', num(a.licensing)],
    [`第二十条第${br(w, '六')}项`],
    ['信息内容', '本年处理决定数量'],
    ['行政处罚', num(a.penalty)],
    ['行政强制', num(a.coercion)],
    [`第二十条第${br(w, '八')}项`],
    ['信息内容', `本年收费金额${br(w, '单位：万元')}`],
    ['行政事业性收费', num(a.fees_wan_yuan)],
  ];
}

export function requestsGrid(r: RequestFigures, w: Wording): Grid {
  const v = (k: RequestRowKey) => APPLICANT_COLUMNS.map((c) => num(r[k][c]));
  return [
    [br(w, '本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和'), '申请人情况'],
    ['', '自然人', '法人或其他组织', '总计'],
    ['', '', '商业企业', '科研机构', '社会公益组织', '法律服务机构', w.other, ''],
    ['一、本年新收政府信息公开申请数量', ...v('new_received')],
    [`二、${w.carried}政府信息公开申请数量`, ...v('carried_over')],
    ['三、本年度办理结果', `${br(w, '一')}予以公开`, ...v('granted')],
    ['', `${br(w, '二')}部分公开${br(w, '区分处理的，只计这一情形，不计其他情形')}`, ...v('partially_granted')],
    ['', `${br(w, '三')}不予公开`, '1.属于国家秘密', ...v('denied_state_secret')],
    ['', '', `2.${w.other}法律行政法规禁止公开`, ...v('denied_prohibited_by_law')],
    ['', '', '3.危及“三安全一稳定”', ...v('denied_three_safeties')],
    ['', '', '4.保护第三方合法权益', ...v('denied_third_party')],
    ['', '', '5.属于三类内部事务信息', ...v('denied_internal_affairs')],
    ['', '', '6.属于四类过程性信息', ...v('denied_process_info')],
    ['', '', '7.属于行政执法案卷', ...v('denied_enforcement_files')],
    ['', '', '8.属于行政查询事项', ...v('denied_admin_query')],
    ['', `${br(w, '四')}无法提供`, '1.本机关不掌握相关政府信息', ...v('unavailable_not_held')],
    ['', '', '2.没有现成信息需要另行制作', ...v('unavailable_needs_creation')],
    ['', '', '3.补正后申请内容仍不明确', ...v('unavailable_unclear')],
    ['', `${br(w, '五')}不予处理`, '1.信访举报投诉类申请', ...v('rejected_complaint')],
    ['', '', '2.重复申请', ...v('rejected_duplicate')],
    ['', '', '3.要求提供公开出版物', ...v('rejected_publication')],
    ['', '', '4.无正当理由大量反复申请', ...v('rejected_excessive')],
    ['', '', '5.要求行政机关确认或重新出具已获取信息', ...v('rejected_confirmation')],
    ['', `${br(w, '六')}${w.other}处理`, '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', ...v('other_no_correction')],
    ['', '', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', ...v('other_no_fee')],
    ['', '', `3.${w.other}`, ...v('other_other')],
    ['', `${br(w, '七')}总计`, ...v('total_processed')],
    [`四、${w.forward}下年度继续办理`, ...v('carried_forward')],
  ];
}

export function appealsGrid(a: AppealFigures): Grid {
  const cols = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  const vals = APPEAL_GROUPS.flatMap((g) => [a[g].upheld, a[g].corrected, a[g].other, a[g].pending, a[g].total].map(num));
  return [
    ['行政复议', '行政诉讼'],
    ['', '未经复议直接起诉', '复议后起诉'],
    [...cols, ...cols, ...cols],
    vals,
  ];
}

export function renderGrid(g: Grid, layout: Layout): string {
  if (layout === 'tabs') return g.map((row) => row.join('\t')).join('\n');
  if (layout === 'pipes') return g.map((row) => `| ${row.join(' | ')} |`).join('\n');
  // One cell per line, each with a leading tab; a blank line between rows.
  return g.map((row) => row.map((c) => `\t${c}`).join('\n')).join('\n\n');
}
