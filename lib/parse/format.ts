/**
 * Which national format a report follows (docs/record-format.md "Report format"), from the
 * strongest evidence present: the part-二 table's column words, then the format notice the
 * preface cites, then the statistical year, then the part headings.
 */
import type { ReportFormat } from '../types';
import type { RawSection } from './sections';

const TABLE_2019 = /本年新制作数量|本年新公开数量|对外公开总数量|上一年项目数量/;
const TABLE_2021 = /本年制发件数|本年废止件数|现行有效件数|本年处理决定数量/;
const TABLE_LEGACY = /(指标名称|统计指标).{0,6}(计量)?单位/;
const NOTICE_2021 = /公开办函[〔\[(]2021[〕\])]30号/;
const NOTICE_2019 = /公开办函[〔\[(]2019[〕\])]60号/;
/** part headings only the pre-2019 reports use */
const LEGACY_HEADING = /概述|综述|依申请公开|收费及减免|收费和减免|统计表/;
const CURRENT_HEADING = /收到和处理政府信息公开申请/;

/** The year a report's own name gives (2019年…年度报告) near the top, when metadata found none. */
function titleYear(text: string): number | null {
  const m = text.slice(0, 1000).match(/((?:19|20)\d{2})\s*年?度?[^。\n]{0,30}?(年度报告|年报)/);
  return m ? Number(m[1]) : null;
}

export function detectFormat(text: string, year: number | null, sections: RawSection[]): ReportFormat {
  const t = text.normalize('NFKC').replace(/\s+/g, '');
  if (TABLE_2019.test(t)) return '2019';
  if (TABLE_2021.test(t)) return '2021';
  if (TABLE_LEGACY.test(t)) return 'legacy';
  if (NOTICE_2021.test(t)) return '2021';
  if (NOTICE_2019.test(t)) return '2019';
  const y = year ?? titleYear(text);
  if (y !== null) return y >= 2021 ? '2021' : y >= 2019 ? '2019' : 'legacy';
  const titles = sections.map((s) => s.title).join('|');
  if (CURRENT_HEADING.test(titles)) return '2021';
  if (LEGACY_HEADING.test(titles)) return 'legacy';
  return '2021';
}
