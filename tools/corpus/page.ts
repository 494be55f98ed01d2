/**
 * Real-world page shapes around a generated report: what CMS pages and crawlers put before the
 * title (breadcrumbs, 发布时间/来源/字号 lines, toolbars, a column name, a crawler header before
 * ==== 正文 ====) and pages that lost their title line (the preface then publishes the report
 * by name, as real pages do). The report itself (parts, tables) is unchanged, so the truth holds.
 */
import type { Rng } from './prng';
import { SYNTHETIC_NOTICE } from '../../lib/parse/synthetic';

export type PageShape = 'breadcrumb' | 'crawler' | 'column' | 'toolbar' | 'no-title';
export const PAGE_SHAPES: readonly PageShape[] = ['breadcrumb', 'crawler', 'column', 'toolbar', 'no-title'];

const pad = (n: number) => String(n).padStart(2, '0');

/** `text` (a generated report) as a page of the given shape. */
export function dressAsPage(rng: Rng, shape: PageShape, text: string, agency: string, year: number): string {
  const title = `${agency}${year}年政府信息公开工作年度报告`;
  const date = `${year + 1}-${pad(rng.int(1, 3))}-${pad(rng.int(1, 28))}`;
  switch (shape) {
    case 'breadcrumb':
      // breadcrumb above the title, the page's metadata line between the title and the preface
      return [
        rng.pick(['当前位置：网站首页 » 公开目录 » 工作年报', '您所在的位置：首页 / 信息公开 / 年报专栏', '首页 → 政务公开 → 年度报告']),
        '',
        text.replace('\n\n本报告根据', `\n\n发布日期：${date}　信息来源：${agency}　【字体：大 中 小】　阅读量：${rng.int(10, 999)}\n\n本报告根据`),
      ].join('\n');
    case 'crawler':
      return [
        `标题: ${title}`,
        `发布时间: ${date} ${pad(rng.int(8, 18))}:${pad(rng.int(0, 59))}`,
        '文号: ',
        `发布机构: ${agency}`,
        '栏目: 年度工作报告专栏',
        `原文链接: https://www.example.gov.cn/zwgk/xxgknb/${year + 1}01/t${date.replace(/-/g, '')}_${rng.int(10000, 99999)}.html`,
        '======== 正文 ========',
        // (crawlers that run the whole page into one line exist too; the table reader's business)
        text,
      ].join('\n');
    case 'column':
      return `政府信息公开工作年度报告\n\n${text}`;
    case 'toolbar':
      return `读屏模式 长者模式 简 | 繁\n站内检索\n检索\n${text}\n\n【打印】 【关闭】`;
    case 'no-title': {
      // drop the title lines; the preface names the report it publishes (the demo-data notice stays)
      const at = text.indexOf('本报告根据');
      const body = at >= 0 ? text.slice(at) : text;
      const notice = text.includes(SYNTHETIC_NOTICE) && !body.includes(SYNTHETIC_NOTICE) ? `${SYNTHETIC_NOTICE}\n\n` : '';
      return notice + body.replace(/^本报告根据/, `现公布${title}。本报告根据`);
    }
  }
}
