/**
 * The three report generations and the table layouts real pages produce, on small invented
 * reports (written for these tests): one-line pages with every table cell run together, the
 * 2019 part-二 table, the legacy 统计表 in four layouts, legacy prose, acceptance and format.
 */
import { describe, expect, it } from 'vitest';
import { processText } from '@/lib/indexer/pipeline';
import { detectFormat } from '@/lib/parse/format';
import { breakInlineHeadings, splitSections } from '@/lib/parse/sections';
import { APPLICANT_COLUMNS, isFailure, type ParseResult, type ReportRecord, type RequestRow } from '@/lib/types';

function ok(r: ParseResult): ReportRecord {
  if (isFailure(r)) throw new Error(r.error);
  return r;
}
const row = (...v: (number | null)[]): RequestRow => Object.fromEntries(APPLICANT_COLUMNS.map((c, i) => [c, v[i]])) as RequestRow;
const Z7 = '0000000';

/** A 2021-format report as a crawler flattens it: the whole page on one line, table cells run together. */
function oneLine2021(prose: string): string {
  const requests = [
    `一、本年新收政府信息公开申请数量241000025`,
    `二、上年结转政府信息公开申请数量${Z7}`,
    `三、本年度办理结果（一）予以公开120000012（二）部分公开（区分处理的，只计这一情形，不计其他情形）3100004`,
    `（三）不予公开1.属于国家秘密${Z7}2.其他法律行政法规禁止公开${Z7}3.危及“三安全一稳定”${Z7}4.保护第三方合法权益${Z7}5.属于三类内部事务信息10000016.属于四类过程性信息${Z7}7.属于行政执法案卷${Z7}8.属于行政查询事项${Z7}`,
    `（四）无法提供1.本机关不掌握相关政府信息50000052.没有现成信息需要另行制作${Z7}3.补正后申请内容仍不明确${Z7}`,
    `（五）不予处理1.信访举报投诉类申请${Z7}2.重复申请${Z7}3.要求提供公开出版物${Z7}4.无正当理由大量反复申请${Z7}5.要求行政机关确认或重新出具已获取信息${Z7}`,
    `（六）其他处理1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请10000012.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请${Z7}3.其他${Z7}`,
    `（七）总计221000023四、结转下年度继续办理2000002`,
  ].join('');
  return [
    '示例县农业农村局2023年政府信息公开工作年度报告 ',
    '本报告依据《中华人民共和国政府信息公开条例》编制，所列数据统计期限为2023年1月1日至2023年12月31日。',
    `一、总体情况 2023年，本局持续推进政务公开。${prose}`,
    '二、主动公开政府信息情况第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章000行政规范性文件31240',
    '第二十条第（五）项信息内容本年处理决定数量行政许可356第二十条第（六）项信息内容本年处理决定数量行政处罚12行政强制0',
    '第二十条第（八）项信息内容本年收费金额（单位：万元）行政事业性收费0.5',
    '三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他',
    requests,
    '四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计101021000100000',
    '五、存在的主要问题及改进情况 信息发布的及时性有待提高。',
    '六、其他需要报告的事项 本年度未收取信息处理费。',
  ].join('');
}

describe('one-line page, every table cell run together (2021 format)', () => {
  const prosed = ok(processText(oneLine2021('本年度制发行政规范性文件3件，现行有效行政规范性文件40件。'), 'one-line.txt'));

  it('finds the six parts inside the one line', () => {
    expect(prosed.format).toBe('2021');
    expect(prosed.sections.map((s) => [s.key, s.title])).toEqual([
      ['preface', ''],
      ['overview', '一、总体情况'],
      ['active', '二、主动公开政府信息情况'],
      ['requests', '三、收到和处理政府信息公开申请情况'],
      ['appeals', '四、政府信息公开行政复议、行政诉讼情况'],
      ['problems', '五、存在的主要问题及改进情况'],
      ['other', '六、其他需要报告的事项'],
    ]);
  });

  it('splits runs only where the table arithmetic or the prose fixes the split', () => {
    expect(prosed.figures.active).toEqual({
      rules: { issued: 0, repealed: 0, in_force: 0 },
      // 31240 reads six ways; 制发 3 and 现行有效 40 leave one
      normative_documents: { issued: 3, repealed: 12, in_force: 40 },
      licensing: 356,
      penalty: 12,
      coercion: 0,
      fees_wan_yuan: 0.5,
    });
    const q = prosed.figures.requests!;
    expect(q.new_received).toEqual(row(24, 1, 0, 0, 0, 0, 25));
    expect(q.partially_granted).toEqual(row(3, 1, 0, 0, 0, 0, 4));
    expect(q.denied_internal_affairs).toEqual(row(1, 0, 0, 0, 0, 0, 1)); // 10000016.属于… : the 6 is the next row's number
    expect(q.other_no_correction).toEqual(row(1, 0, 0, 0, 0, 0, 1));
    expect(q.total_processed).toEqual(row(22, 1, 0, 0, 0, 0, 23));
    expect(q.carried_forward).toEqual(row(2, 0, 0, 0, 0, 0, 2));
    expect(prosed.figures.appeals!.review).toEqual({ upheld: 1, corrected: 0, other: 1, pending: 0, total: 2 });
    expect(prosed.figures.appeals!.litigation_direct).toEqual({ upheld: 1, corrected: 0, other: 0, pending: 0, total: 1 });
    expect(prosed.checks.every((c) => c.ok)).toBe(true);
  });

  it('leaves an ambiguous run null with a warning when nothing fixes it', () => {
    const r = ok(processText(oneLine2021(''), 'one-line.txt'));
    expect(r.figures.active!.normative_documents).toEqual({ issued: null, repealed: null, in_force: null });
    expect(r.warnings.some((w) => w.includes('表二“行政规范性文件”') && w.includes('无法唯一拆分'))).toBe(true);
    expect(r.figures.active!.licensing).toBe(356);
  });
});

describe('2019 format', () => {
  const text = [
    '示例市审计局2020年政府信息公开工作年度报告',
    '一、总体情况',
    '本局依照条例做好政府信息公开工作。',
    '二、主动公开政府信息情况',
    '第二十条第（一）项信息内容本年新制作数量本年新公开数量对外公开总数量规章000规范性文件2219第二十条第（五）项信息内容上一年项目数量本年增/减处理决定数量行政许可850-7410第二十条第（八）项信息内容上一年项目数量本年增/减行政事业性收费12-3',
    '三、收到和处理政府信息公开申请情况',
    '四、政府信息公开行政复议、行政诉讼情况',
    '五、存在的主要问题及改进情况',
    '六、其他需要报告的事项',
  ].join('\n');
  const r = ok(processText(text, 'f2019.txt'));

  it('goes to figures.active2019; a negative change inside a run is read, the rest only when unambiguous', () => {
    expect(r.format).toBe('2019');
    expect(r.figures.active).toBeNull();
    const a = r.figures.active2019!;
    expect(a.rules).toEqual({ made: 0, published: 0, total_published: 0 });
    expect(a.normative_documents).toEqual({ made: null, published: null, total_published: null });
    expect(a.licensing).toEqual({ previous_year: 850, change: null, decisions: null });
    expect(a.fees).toEqual({ previous_year: 12, change: -3 });
    expect(a.procurement).toEqual({ projects: null, amount_yuan: null });
  });
});

/** The legacy 统计表 as rows of cells; each layout renders the same table. */
const LEGACY_ROWS = [
  ['指标名称', '计量单位', '本年度', '累计'],
  ['主动公开政府信息数', '条', '120', '900'],
  ['其中：规范性文件数', '件', '4', '37'],
  ['受理政府信息公开申请数', '件', '5', '31'],
  ['其中：1.当面申请数', '件', '2', '10'],
  ['2.网上申请数', '件', '3', '21'],
  ['对申请的答复总数', '件', '5', '31'],
  ['其中：1.同意公开答复数', '件', '4', '25'],
  ['2.不予公开答复数', '件', '1', '6'],
  ['行政复议数', '件', '0', '2'],
  ['行政诉讼数', '件', '0', '1'],
];
const legacyReport = (table: string) =>
  [
    '示例区民政局2014年政府信息公开工作年度报告',
    '一、概述',
    '本局认真贯彻条例，推进政府信息公开。',
    '二、主动公开政府信息情况',
    '本局通过门户网站等渠道公开各类信息。',
    '三、依申请公开政府信息情况',
    '申请均已按时答复。',
    '四、政府信息公开的收费及减免情况',
    '未收取任何费用。',
    '五、因政府信息公开申请行政复议、提起行政诉讼的情况',
    '无。',
    '六、存在的主要问题及改进措施',
    '公开的及时性有待提高。',
    '七、政府信息公开情况统计表',
    table,
  ].join('\n');

const LAYOUTS: Record<string, string> = {
  'cell per line': LEGACY_ROWS.flat().join('\n'),
  tab: LEGACY_ROWS.map((r) => r.join('\t')).join('\n'),
  pipe: LEGACY_ROWS.map((r) => `| ${r.join(' | ')} |`).join('\n'),
};

describe('legacy 统计表', () => {
  for (const [name, table] of Object.entries(LAYOUTS)) {
    it(`reads the ${name} layout by indicator name, with the 累计 column`, () => {
      const r = ok(processText(legacyReport(table), `legacy-${name}.txt`));
      expect(r.format).toBe('legacy');
      expect(r.figures).toMatchObject({ active: null, requests: null, appeals: null });
      const f = r.figures.legacy!;
      expect(f).toMatchObject({
        active_total: 120,
        active_normative: 4,
        requests_received: 5,
        by_channel: { in_person: 2, online: 3, fax: null, letter: null },
        requests_completed: 5,
        replies: { granted: 4, denied: 1, partially_granted: null },
        review: { total: 0, upheld: null },
        litigation: { total: 0 },
        from_prose: [],
      });
      expect(f.cumulative).toMatchObject({ active_total: 900, requests_received: 31, 'review.total': 2, 'litigation.total': 1 });
    });
  }

  it('splits the run-together layout with 累计 ≥ 本年度 and the prose, else null', () => {
    const glued =
      '指标名称计量单位本年度累计主动公开政府信息数条3861520其中：1.规范性文件数件1245受理政府信息公开申请数件1740其中：1.当面申请数件382.网上申请数件11253.信函申请数件00行政复议数件00行政诉讼数件01';
    const text = legacyReport(glued).replace('本局通过门户网站等渠道公开各类信息。', '全年主动公开政府信息386条，收到政府信息公开申请17件。');
    const f = ok(processText(text, 'legacy-glued.txt')).figures.legacy!;
    expect(f.active_total).toBe(386); // 3|861520, 38|61520, 386|1520: the prose names 386
    expect(f.cumulative.active_total).toBe(1520);
    expect(f.requests_received).toBe(17);
    expect(f.active_normative).toBeNull(); // 1|245 or 12|45
    expect(f.by_channel.in_person).toBe(3); // 38 then the next row's 2.
    expect(f.by_channel.online).toBeNull();
    expect(f.by_channel.letter).toBe(0);
    expect(f.cumulative['litigation.total']).toBe(1);
  });

  it('checks the narrative against the table', () => {
    const text = legacyReport(LAYOUTS.tab).replace('申请均已按时答复。', '本年度未收到政府信息公开申请。');
    const r = ok(processText(text, 'legacy-claim.txt'));
    const c = r.checks.find((x) => x.id === 'narrative.requests')!;
    expect(c.ok).toBe(false);
    expect(c.detail).toContain('5');
  });
});

describe('legacy prose', () => {
  const prose = (body: string) =>
    `示例镇人民政府2012年政府信息公开工作年度报告\n一、概述\n${body}\n二、主动公开政府信息情况\n本镇主动公开信息58条。\n三、依申请公开政府信息情况\n见上。`;

  it('takes a figure the sentence names, and marks it as from the prose', () => {
    const f = ok(processText(prose('全年共收到政府信息公开申请 7 件，均已答复。'), 'p1.txt')).figures.legacy!;
    expect(f.requests_received).toBe(7);
    expect(f.active_total).toBe(58);
    expect(f.from_prose).toEqual(['requests_received', 'active_total']);
  });

  it('reads a statement of none as 0', () => {
    expect(ok(processText(prose('本年度未收到政府信息公开申请。'), 'p2.txt')).figures.legacy!.requests_received).toBe(0);
  });

  it('leaves it null with a warning when sentences disagree; other numbers are not requests', () => {
    const r = ok(processText(prose('本镇收到政府信息公开申请3件，其中镇政府办收到政府信息公开申请2件。行政服务中心受理申请420件。'), 'p3.txt'));
    expect(r.figures.legacy!.requests_received).toBeNull();
    expect(r.warnings.some((w) => w.includes('收到申请数有多个不同的数字'))).toBe(true);
  });
});

describe('accepting real reports, refusing fragments', () => {
  it('refuses a truncated download (a title and one sentence) as incomplete', () => {
    const r = processText('示例县人民政府2021年政府信息公开工作年度报告\n根据《中华人民共和国政府信息公开条例》，现公布本县2021年政府信息公开工作年度报告。', 'cut.txt');
    expect(r).toEqual({ file: 'cut.txt', error: '不完整：未找到报告的任何部分或表格', code: 'parse.incomplete' });
  });

  it('accepts a current-format page that lost its title', () => {
    const r = ok(processText('一、总体情况\n本局推进政府信息公开，现将本年度报告如下。\n二、主动公开政府信息情况\n见下表。', 'untitled.txt'));
    expect(r.sections.map((s) => s.key)).toEqual(['overview', 'active']);
  });

  it('accepts a report in traditional characters and splits its parts', () => {
    const text = '示例縣人民政府2010年政府信息公開年度報告\n一、概述\n本縣推進政府信息公開工作。\n二、主動公開政府信息的情況\n全年主動公開信息120條。\n三、依申請公開政府信息的情況\n無。';
    const r = ok(processText(text, 'trad.txt'));
    expect(r.format).toBe('legacy');
    // titles and text stay as written; only the matching sees simplified characters
    expect(r.sections.map((s) => [s.key, s.title])).toEqual([
      ['preface', ''],
      ['overview', '一、概述'],
      ['active', '二、主動公開政府信息的情況'],
      ['requests', '三、依申請公開政府信息的情況'],
    ]);
    expect(r.figures.legacy!.active_total).toBe(120);
  });

  it('still refuses text that is not about 信息公开, and tables with no report around them', () => {
    expect(processText('会议纪要\n一、会议时间\n三月五日', 'x.txt')).toMatchObject({ error: expect.stringMatching(/^不是政府信息公开工作年度报告/) });
    expect(processText('第二十条第（一）项\n信息内容\n规章\n0\n0\n0\n本年新收政府信息公开申请数量\n1', 'y.txt')).toMatchObject({
      error: expect.stringMatching(/^不是政府信息公开工作年度报告/),
    });
  });
});

describe('sections', () => {
  it('maps legacy headings onto the part keys, numbered or not', () => {
    const raw = splitSections('综述\n文字\n政府信息依申请公开工作情况\n文字\n政府信息公开收费和减免情况\n文字\n主要问题和改进措施\n文字\n其他需要报告的事项\n无');
    expect(raw.map((s) => s.key)).toEqual(['overview', 'requests', 'other', 'problems', 'other']);
  });

  it('does not take （一）主动公开情况 under 一、总体情况 for part 二', () => {
    const raw = splitSections('一、总体情况\n（一）主动公开情况\n文字\n（二）依申请公开情况\n文字\n二、主动公开政府信息情况\n表');
    expect(raw.map((s) => [s.key, s.title])).toEqual([
      ['overview', '一、总体情况'],
      ['active', '二、主动公开政府信息情况'],
    ]);
  });

  it('cuts headings out of a long line, not a list of part names in the preface', () => {
    const line = `本报告包括概述、主动公开政府信息情况、依申请公开政府信息情况等部分。${'本年度工作稳步推进。'.repeat(12)}一、概述 本年度工作稳步推进。二、主动公开政府信息情况本年公开信息200条。`;
    const { text } = breakInlineHeadings(line);
    expect(text.split('\n')).toEqual([expect.stringMatching(/^本报告包括概述、主动公开政府信息情况、/), '一、概述', '本年度工作稳步推进。', '二、主动公开政府信息情况', '本年公开信息200条。']);
  });
});

describe('format', () => {
  it('from the table words, then the cited notice, then the year, then the headings', () => {
    expect(detectFormat('信息内容 本年新制作数量', 2022, [])).toBe('2019');
    expect(detectFormat('本年制发件数', 2018, [])).toBe('2021');
    expect(detectFormat('指标名称 计量单位 本年度', null, [])).toBe('legacy');
    expect(detectFormat('依照国办公开办函〔2019〕60号编制', null, [])).toBe('2019');
    expect(detectFormat('正文', 2020, [])).toBe('2019');
    expect(detectFormat('正文', 2015, [])).toBe('legacy');
    expect(detectFormat('正文', null, [{ key: 'overview', title: '一、概述', raw: '' }])).toBe('legacy');
    expect(detectFormat('正文', null, [{ key: 'requests', title: '三、收到和处理政府信息公开申请情况', raw: '' }])).toBe('2021');
  });
});

describe('run-together tokenizing', () => {
  it('reads a table line from its header word on; a sentence with measure words stays prose', async () => {
    const { tokenize } = await import('@/lib/parse/cells');
    const table = tokenize('第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章000行政规范性文件2');
    expect(table.filter((c) => c.kind === 'run').map((c) => c.groups)).toEqual([['000'], ['2']]);
    expect(table.some((c) => c.kind === 'label' && c.norm === '规章')).toBe(true);
    const sentence = tokenize('本年新收政府信息公开申请10件，上年结转2件。');
    expect(sentence).toHaveLength(1);
    expect(sentence[0].kind).toBe('label');
  });
});

describe('legacy 统计表 in the national template wording (统计指标 / 单位 / 数量)', () => {
  const rows = [
    ['统计指标', '单位', '数量'],
    ['一、主动公开情况', '', ''],
    ['（一）主动公开政府信息数', '条', '2301'],
    ['其中：主动公开规范性文件数', '条', '12'],
    ['二、依申请公开情况', '', ''],
    ['（一）收到申请数', '件', '46'],
    ['1.当面申请数', '件', '6'],
    ['2.传真申请数', '件', '0'],
    ['3.网络申请数', '件', '31'],
    ['4.信函申请数', '件', '9'],
    ['（二）申请办结数', '件', '44'],
    ['（三）申请答复数', '件', '44'],
    ['1.属于已主动公开范围数', '件', '10'],
    ['2.同意公开答复数', '件', '20'],
    ['3.同意部分公开答复数', '件', '3'],
    ['4.不同意公开答复数', '件', '2'],
    ['5.不属于本行政机关公开数', '件', '4'],
    ['6.申请信息不存在数', '件', '3'],
    ['7.告知作出更改补充数', '件', '1'],
    ['8.告知通过其他途径办理数', '件', '1'],
    ['三、行政复议数量', '件', '3'],
    ['（一）维持具体行政行为数', '件', '2'],
    ['（二）被依法纠错数', '件', '1'],
    ['（三）其他情形数', '件', '0'],
    ['四、行政诉讼数量', '件', '1'],
    ['（一）维持具体行政行为或者驳回原告诉讼请求数', '件', '1'],
    ['（二）被依法纠错数', '件', '0'],
    ['（三）其他情形数', '件', '0'],
    ['五、举报投诉数量', '件', '2'],
    ['六、依申请公开信息收取的费用', '万元', '0.02'],
    ['七、机构建设和保障经费情况', '', ''],
    ['1.专职人员数', '人', '2'],
    ['2.兼职人员数', '人', '15'],
    ['八、政府信息公开会议和培训情况', '', ''],
    ['（一）召开政府信息公开工作会议或专题会议数', '次', '4'],
    ['（二）举办各类培训班数', '次', '2'],
    ['（三）接受培训人员数', '人次', '160'],
  ];
  it('maps every template row, result rows to the group above them', () => {
    const text = legacyReport(rows.map((r) => r.join('\t')).join('\n'));
    const r = ok(processText(text, 'template.txt'));
    expect(r.format).toBe('legacy');
    expect(r.figures.legacy).toEqual({
      active_total: 2301,
      active_normative: 12,
      requests_received: 46,
      by_channel: { in_person: 6, fax: 0, online: 31, letter: 9 },
      requests_completed: 44,
      replies: { already_public: 10, granted: 20, partially_granted: 3, denied: 2, not_this_agency: 4, not_exist: 3, asked_to_amend: 1, other_channel: 1 },
      review: { upheld: 2, corrected: 1, other: 0, total: 3 },
      litigation: { upheld: 1, corrected: 0, other: 0, total: 1 },
      complaints: 2,
      fees_wan_yuan: 0.02,
      staff: { full_time: 2, part_time: 15 },
      training: { meetings: 4, courses: 2, trainees: 160 },
      cumulative: {},
      from_prose: [],
    });
  });
});
