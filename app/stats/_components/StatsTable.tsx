import { STAT_MEASURES, STAT_RATES, type DimensionKey, type StatRow } from '@/lib/stats/aggregate';
import { groupLabel } from '@/lib/stats/table';

const fmt = (v: number | null, pct = false) => (v === null ? '—' : pct ? `${v}%` : v.toLocaleString('zh-CN'));

/** The stats table: the 全部 row, then one row per group, each measure as 合计 / 中位数. */
export function StatsTable({ all, rows, by, dimLabel }: { all: StatRow; rows: StatRow[]; by: DimensionKey; dimLabel: string }) {
  return (
    <div className="overflow-x-auto">
      <table className="figures-table" data-testid="stats-table">
        <caption className="mb-1 text-left text-sm text-stone-600">按{dimLabel}：每项为 合计 / 中位数</caption>
        <thead>
          <tr>
            <th scope="col">{dimLabel}</th>
            <th scope="col">报告数</th>
            {STAT_MEASURES.map((m) => (
              <th key={m.key} scope="col">{m.label}</th>
            ))}
            {STAT_RATES.map((r) => (
              <th key={r.key} scope="col">{r.label}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          <StatsRow label="全部" r={all} testId="stats-all" />
          {rows.map((r) => (
            <StatsRow key={r.group ?? ''} label={groupLabel(by, r.group)} r={r} testId="stats-row" />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function StatsRow({ label, r, testId }: { label: string; r: StatRow; testId: string }) {
  return (
    <tr data-testid={testId} data-group={r.group ?? ''}>
      <th scope="row" className="text-left">{label}</th>
      <td className="num">{r.reports}</td>
      {STAT_MEASURES.map((m) => (
        <td key={m.key} className="num" data-key={m.key} title={`${r.measures[m.key].n} 份报告填报`}>
          {fmt(r.measures[m.key].sum)} / {fmt(r.measures[m.key].median)}
        </td>
      ))}
      {STAT_RATES.map((x) => (
        <td key={x.key} className="num" data-key={x.key}>
          {fmt(r.rates[x.key], true)}
        </td>
      ))}
    </tr>
  );
}
