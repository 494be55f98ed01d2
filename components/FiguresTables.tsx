import type { ReactNode } from 'react';
import {
  APPEAL_COLUMN_LABELS,
  APPEAL_GROUP_LABELS,
  APPLICANT_COLUMN_LABELS,
  APPLICANT_GROUP_LABEL,
  DECISION_COLUMN_LABEL,
  DECISION_LABELS,
  DOCUMENT_KIND_LABELS,
  FEES_COLUMN_LABEL,
  FEES_LABEL,
  ISSUED_LABELS,
  REQUEST_ROW_LABELS,
  ACTIVE2019_COLUMN_LABELS,
  ACTIVE2019_ROW_LABELS,
  LEGACY_LABELS,
  OTHER_PROCESSING_LABEL,
  checkLabel,
} from '@/lib/labels';
import { LEGACY_KEYS } from '@/lib/compare/figures';
import {
  APPEAL_COLUMNS,
  APPEAL_GROUPS,
  APPLICANT_COLUMNS,
  REQUEST_ROWS,
  type ActiveFigures,
  type ActiveFigures2019,
  type AppealFigures,
  type Cell,
  type LegacyFigures,
  type RequestFigures,
  type RequestRowKey,
} from '@/lib/types';
import { APPEALS_ANCHOR, requestRowAnchor } from '@/lib/report-summary';
import { ScrollRegion } from './ScrollRegion';
import type { FailedCells } from './table-checks';

/**
 * A wide table in its own scroll box, with a visible hint on narrow screens; `sticky` keeps the
 * row labels and the last (总计) column in view while the figures scroll between them.
 */
function Scroll({ children, sticky, hint, label }: { children: ReactNode; sticky?: boolean; hint: string; label: string }) {
  return (
    <div>
      <p className="mb-1 text-xs text-stone-600 lg:hidden" data-testid="scroll-hint">
        <span aria-hidden="true">⇆ </span>
        {hint}
      </p>
      <ScrollRegion label={label} className={sticky ? 'sticky-table' : ''}>
        {children}
      </ScrollRegion>
    </div>
  );
}

/** One number cell; `data-key` is the flattened canonical key so tests and readers can find it. */
function Num({ k, v, failed }: { k: string; v: Cell | undefined; failed?: string[] }) {
  const isNull = v === null || v === undefined;
  return (
    <td
      className={`num ${failed?.length ? 'failed' : ''} ${isNull ? 'text-stone-600' : ''}`}
      data-testid="figure"
      data-key={k}
      data-failed={failed?.length ? failed.join(' ') : undefined}
      title={failed?.length ? `校验未通过：${failed.map(checkLabel).join('；')}` : isNull ? '原表此处为空或无法识别' : undefined}
    >
      {isNull ? '—' : v.toLocaleString('zh-CN', { maximumFractionDigits: 4 })}
      {failed?.length ? <span className="sr-only">（校验未通过）</span> : null}
    </td>
  );
}

export function ActiveTable({ a }: { a: ActiveFigures }) {
  return (
    <table className="figures-table" data-testid="table-active">
      <caption className="sr-only">主动公开政府信息情况</caption>
      <thead>
        <tr>
          <th scope="col">信息内容</th>
          <th scope="col">{ISSUED_LABELS.issued}</th>
          <th scope="col">{ISSUED_LABELS.repealed}</th>
          <th scope="col">{ISSUED_LABELS.in_force}</th>
        </tr>
      </thead>
      <tbody>
        {(['rules', 'normative_documents'] as const).map((k) => (
          <tr key={k}>
            <th scope="row" className="text-left font-normal">{DOCUMENT_KIND_LABELS[k]}</th>
            <Num k={`active.${k}.issued`} v={a[k]?.issued} />
            <Num k={`active.${k}.repealed`} v={a[k]?.repealed} />
            <Num k={`active.${k}.in_force`} v={a[k]?.in_force} />
          </tr>
        ))}
        <tr>
          <th scope="col" className="bg-stone-100 text-left">信息内容</th>
          <th scope="col" colSpan={3} className="bg-stone-100">{DECISION_COLUMN_LABEL}</th>
        </tr>
        {(['licensing', 'penalty', 'coercion'] as const).map((k) => (
          <tr key={k}>
            <th scope="row" className="text-left font-normal">{DECISION_LABELS[k]}</th>
            <Num k={`active.${k}`} v={a[k]} />
            <td colSpan={2} className="bg-stone-50" />
          </tr>
        ))}
        <tr>
          <th scope="col" className="bg-stone-100 text-left">信息内容</th>
          <th scope="col" colSpan={3} className="bg-stone-100">{FEES_COLUMN_LABEL}</th>
        </tr>
        <tr>
          <th scope="row" className="text-left font-normal">{FEES_LABEL}</th>
          <Num k="active.fees_wan_yuan" v={a.fees_wan_yuan} />
          <td colSpan={2} className="bg-stone-50" />
        </tr>
      </tbody>
    </table>
  );
}

/** Part 二 in the 2019 format (`figures.active2019`): the four sub-tables as printed. */
export function Active2019Table({ a }: { a: ActiveFigures2019 }) {
  const groups: { cols: string[]; rows: (keyof ActiveFigures2019)[] }[] = [
    { cols: ['made', 'published', 'total_published'], rows: ['rules', 'normative_documents'] },
    { cols: ['previous_year', 'change', 'decisions'], rows: ['licensing', 'other_services', 'penalty', 'coercion'] },
    { cols: ['previous_year', 'change'], rows: ['fees'] },
    { cols: ['projects', 'amount_yuan'], rows: ['procurement'] },
  ];
  return (
    <table className="figures-table" data-testid="table-active2019">
      <caption className="sr-only">主动公开政府信息情况（2019年格式）</caption>
      <tbody>
        {groups.map((g, gi) => [
          <tr key={`h${gi}`}>
            <th scope="col" className="bg-stone-100 text-left">信息内容</th>
            {g.cols.map((c) => (
              <th key={c} scope="col" className="bg-stone-100">{ACTIVE2019_COLUMN_LABELS[c]}</th>
            ))}
            {g.cols.length < 3 && <td colSpan={3 - g.cols.length} className="bg-stone-100" />}
          </tr>,
          ...g.rows.map((row) => (
            <tr key={row}>
              <th scope="row" className="text-left font-normal">{ACTIVE2019_ROW_LABELS[row]}</th>
              {g.cols.map((c) => (
                <Num key={c} k={`active2019.${row}.${c}`} v={(a[row] as Record<string, Cell>)[c]} />
              ))}
              {g.cols.length < 3 && <td colSpan={3 - g.cols.length} className="bg-stone-50" />}
            </tr>
          )),
        ])}
      </tbody>
    </table>
  );
}

/** Reports for 2008–2018 (`figures.legacy`): the figures found, with the 累计 column when printed. */
export function LegacyTable({ f }: { f: LegacyFigures }) {
  const keys = LEGACY_KEYS.map((k) => k.slice('legacy.'.length)).filter((k) => legacyValue(f, k) !== null || k in f.cumulative);
  const cumulative = Object.keys(f.cumulative).length > 0;
  if (keys.length === 0) return null;
  return (
    <table className="figures-table" data-testid="table-legacy">
      <caption className="sr-only">政府信息公开情况统计（旧格式）</caption>
      <thead>
        <tr>
          <th scope="col">指标名称</th>
          <th scope="col">本年度</th>
          {cumulative && <th scope="col">累计</th>}
        </tr>
      </thead>
      <tbody>
        {keys.map((k) => (
          <tr key={k}>
            <th scope="row" className="text-left font-normal">
              {LEGACY_LABELS[k] ?? k}
              {f.from_prose.includes(k) && <span className="ml-1 text-xs text-stone-500" data-testid="from-prose">（据正文）</span>}
            </th>
            <Num k={`legacy.${k}`} v={legacyValue(f, k)} />
            {cumulative && <Num k={`legacy.cumulative.${k}`} v={f.cumulative[k] ?? null} />}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function legacyValue(f: LegacyFigures, key: string): Cell {
  const [a, b] = key.split('.');
  const v = b === undefined ? (f as unknown as Record<string, unknown>)[a] : (f as unknown as Record<string, Record<string, unknown>>)[a]?.[b];
  return typeof v === 'number' ? v : null;
}

type ShownRow = RequestRowKey | 'other_processing';
const OTHER_SUB_ROWS: readonly RequestRowKey[] = ['other_no_correction', 'other_no_fee', 'other_other'];
const rowLabel = (row: ShownRow) =>
  row === 'other_processing' ? { label: `${OTHER_PROCESSING_LABEL}（2019年格式，不分项）`, group: '三、本年度办理结果' } : REQUEST_ROW_LABELS[row];

export function RequestsTable({ r, failed }: { r: RequestFigures; failed: FailedCells }) {
  // 2019 format: one （六）其他处理 row in place of the three sub-rows
  const rows: ShownRow[] = r.other_processing
    ? REQUEST_ROWS.flatMap((k): ShownRow[] => (OTHER_SUB_ROWS.includes(k) ? (k === 'other_other' ? ['other_processing'] : []) : [k]))
    : [...REQUEST_ROWS];
  // Consecutive rows under the same printed heading share one spanning cell.
  const spans = new Map<number, number>();
  rows.forEach((row, i) => {
    const g = rowLabel(row).group;
    if (!g) return;
    if (i > 0 && rowLabel(rows[i - 1]!).group === g) return;
    let n = 1;
    while (rows[i + n] && rowLabel(rows[i + n]!).group === g) n++;
    spans.set(i, n);
  });
  const orgCols = APPLICANT_COLUMNS.filter((c) => c !== 'natural_person' && c !== 'total');
  return (
    <Scroll sticky label="收到和处理政府信息公开申请情况表" hint="表格较宽，可左右滑动查看各类申请人；行名和“总计”列固定显示。">
    <table className="figures-table" data-testid="table-requests">
      <caption className="sr-only">收到和处理政府信息公开申请情况</caption>
      <thead>
        <tr>
          <th scope="col" rowSpan={2} colSpan={2}>（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</th>
          <th scope="colgroup" colSpan={7}>申请人情况</th>
        </tr>
        <tr>
          <th scope="col">{APPLICANT_COLUMN_LABELS.natural_person}</th>
          {orgCols.map((c) => (
            <th key={c} scope="col" title={APPLICANT_GROUP_LABEL}>
              {APPLICANT_COLUMN_LABELS[c]}
            </th>
          ))}
          <th scope="col">{APPLICANT_COLUMN_LABELS.total}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => {
          const { label, group } = rowLabel(row);
          const cells = r[row];
          return (
            <tr key={row} data-row={row} id={requestRowAnchor(row)}>
              {group ? (
                spans.has(i) && (
                  <th scope="rowgroup" rowSpan={spans.get(i)} className="w-24 text-left font-normal">
                    {group}
                  </th>
                )
              ) : null}
              <th scope="row" colSpan={group ? 1 : 2} className="text-left font-normal">
                {label}
              </th>
              {APPLICANT_COLUMNS.map((c) => {
                const k = `requests.${row}.${c}`;
                return <Num key={c} k={k} v={cells?.[c] ?? null} failed={failed.get(k)} />;
              })}
            </tr>
          );
        })}
      </tbody>
    </table>
    </Scroll>
  );
}

export function AppealsTable({ a, failed }: { a: AppealFigures; failed: FailedCells }) {
  return (
    <Scroll label="行政复议、行政诉讼情况表" hint="表格较宽，可左右滑动查看行政诉讼各列。">
    <table className="figures-table" data-testid="table-appeals">
      <caption className="sr-only">政府信息公开行政复议、行政诉讼情况</caption>
      <thead>
        <tr>
          <th scope="colgroup" colSpan={5} rowSpan={2}>{APPEAL_GROUP_LABELS.review}</th>
          <th scope="colgroup" colSpan={10}>行政诉讼</th>
        </tr>
        <tr>
          <th scope="colgroup" colSpan={5}>未经复议直接起诉</th>
          <th scope="colgroup" colSpan={5}>复议后起诉</th>
        </tr>
        <tr>
          {APPEAL_GROUPS.flatMap((g) =>
            APPEAL_COLUMNS.map((c) => (
              <th key={`${g}.${c}`} scope="col" className="whitespace-nowrap">
                {APPEAL_COLUMN_LABELS[c]}
              </th>
            )),
          )}
        </tr>
      </thead>
      <tbody>
        <tr id={APPEALS_ANCHOR}>
          {APPEAL_GROUPS.flatMap((g) =>
            APPEAL_COLUMNS.map((c) => {
              const k = `appeals.${g}.${c}`;
              return <Num key={k} k={k} v={a[g]?.[c] ?? null} failed={failed.get(k)} />;
            }),
          )}
        </tr>
      </tbody>
    </table>
    </Scroll>
  );
}
