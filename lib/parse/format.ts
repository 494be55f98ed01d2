/**
 * Which national format a report follows (docs/record-format.md "Report format"), from the
 * strongest evidence present: the part-二 table's column words, then the format notice the
 * preface cites, then the statistical year, then the part headings.
 */
import type { ReportFormat } from '../types';
import type { RawSection } from './sections';

const TABLE_2019 = /本年新制作数量|本年新公开数量|对外公开总数量|上一年项目数量/;
const TABLE_2021 = /本年制发件数|本年废止件数|现行有效件数|本年处理决定数量/;
const TABLE_LEGACY = /(指标名称|统计指标)[\s|]{0,6}(计量)?单位/;
const NOTICE_2021 = /公开办函\s*[〔\[(（]\s*2021\s*[〕\])）]\s*30\s*号/;
const NOTICE_2019 = /公开办函\s*[〔\[(（]\s*2019\s*[〕\])）]\s*60\s*号/;
/** part headings only the pre-2019 reports use */
const LEGACY_HEADING = /概述|综述|依申请公开|收费及减免|收费和减免|统计表/;
const CURRENT_HEADING = /收到和处理政府信息公开申请/;

/** The year a report's own name gives (2019年…年度报告) near the top, when metadata found none. */
function titleYear(text: string): number | null {
  const m = text.slice(0, 1000).match(/((?:19|20)\d{2})\s*年?度?[^。\n]{0,30}?(年度报告|年报)/);
  return m ? Number(m[1]) : null;
}

/**
 * `text`: the report (traditional characters folded); `table`: the text holding part 二's table,
 * when found (its column words are looked for there, not in the whole report).
 */
export function detectFormat(text: string, year: number | null, sections: RawSection[], table: string | null = text): ReportFormat {
  const t = (table ?? '').replace(/\s+/g, '');
  if (TABLE_2019.test(t)) return '2019';
  if (TABLE_2021.test(t)) return '2021';
  if (TABLE_LEGACY.test(text)) return 'legacy';
  const head = text.slice(0, 5000);
  if (NOTICE_2021.test(head)) return '2021';
  if (NOTICE_2019.test(head)) return '2019';
  const y = year ?? titleYear(text);
  if (y !== null) return y >= 2021 ? '2021' : y >= 2019 ? '2019' : 'legacy';
  const titles = sections.map((s) => s.title).join('|');
  if (CURRENT_HEADING.test(titles)) return '2021';
  if (LEGACY_HEADING.test(titles)) return 'legacy';
  return '2021';
}
