/**
 * Page furniture: the lines a web page puts around a report (breadcrumbs, 发布时间/来源/字号/浏览次数,
 * share buttons and toolbars, search boxes, weather widgets, index-number boxes). They are never
 * names and never titles; metadata reads the lines that remain.
 */

const BREADCRUMB = /(当前位置|现在的位置|当前的位置|所在位置|所在的位置|^位置[:：]|首页\s*(>|＞|»|›|\/|--|->|→)|(>|＞)\s*首页|>>|＞＞|--.*--|^首页$)/;
const FIELD = /^[|•·\-*\s]*(发布时间|发布日期|发文日期|成文日期|生效日期|废止日期|日期|时间|来源|信息来源|作者|投稿|字号|字体|浏览次数|浏览量|点击数|点击量|访问量|阅读次数|索\s*引\s*号|文\s*号|主题分类|体裁分类|主\s*题\s*词|关键[字词]|公开方式|公开范围|时\s*效\s*性|备案登记号|分类|所属主题|服务对象|有效性|文件下载|附件|上一篇|下一篇|相关链接|相关文章|相关阅读|推荐阅读)\s*[:：|]?/;
const WIDGET = /^(打印|关闭|分享|收藏|加入收藏|设为首页|手机版|无障碍|无障碍浏览|关怀版|长者模式|老年人模式|退出老年人模式|简体|繁體|繁体|简体版|EN|English|请输入关键字|确定|搜索|全文检索|热搜词|站群导航|页面|配色|辅助线|重置|微信|微博|QQ空间|头条|打印本页|关闭窗口|返回顶部|【字体|字体大小|温度)/;

/** A line that belongs to the page, not the report. */
export function isFurniture(line: string): boolean {
  const l = line.trim();
  if (l === '') return true;
  if (BREADCRUMB.test(l)) return true;
  if (FIELD.test(l)) return true;
  if (WIDGET.test(l)) return true;
  // only punctuation, pipes, dates and times
  if (/^[\s|•·\-—_=*#>＞:：,.，。【】\[\]()（）\d/年月日]*$/.test(l)) return true;
  // file names of images (dw.png 位置:…)
  if (/^\S+\.(png|jpe?g|gif|svg)\b/i.test(l)) return true;
  return false;
}

/** A preface or legal citation (本报告根据…, 根据《条例》…): sentences, not names. */
export function isPreface(line: string): boolean {
  return /^(本年度报告|本年报|本报告|年度报告|根据|依据|按照|为|编制说明)/.test(line.trim());
}
