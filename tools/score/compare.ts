/**
 * One record against one label: agency, year, region fields and figure cells, each `ok`,
 * `missing` (parser gave null where the label has a value) or `wrong` (a non-null value that
 * differs). The rules are written out in docs/scoring.md; keep the two in step.
 */
import type { ParseResult, ReportRecord } from '../../lib/types';
import { isFailure } from '../../lib/types';
import type { Label } from './labels-json';

export type Verdict = 'ok' | 'missing' | 'wrong';

export interface FieldResult {
  field: string;
  got: string | number | null;
  want: string | number | null;
  verdict: Verdict;
}

export interface FileScore {
  file: string;
  /** the parser's refusal, when it refused the file */
  error?: string;
  agency: FieldResult;
  /** the agency reads as page furniture, a preface or a heading */
  garbage: boolean;
  year: FieldResult;
  region: FieldResult[];
  cells: FieldResult[];
  /** where the parser read agency and year (record.meta) */
  sources?: { agency: string | null; year: string | null };
}

/** For comparison only: compatibility forms, no whitespace, one kind of bracket. */
export function normName(s: string): string {
  return s.normalize('NFKC').replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')');
}

/**
 * Aliases that are names in their own right count as right answers: four characters or more and
 * not starting with a pronoun or a bare level word (我局, 全区, 区水利局, 市政府办公室 are short
 * forms the parser should complete, not accept).
 */
export function nameLikeAlias(a: string): boolean {
  return normName(a).length >= 4 && !/^(我|本|全|该|各|省|市|县|区|盟|旗|州|镇|乡|自治区|实验区)/.test(normName(a));
}

/** agency_inferred may carry a note after a space and a bracket: keep the name only. */
function inferredName(s: string | null | undefined): string | null {
  return s ? s.replace(/\s+[(（].*$/, '').trim() : null;
}

/** A name containing page furniture, a citation, a breadcrumb or a section heading. */
export function isGarbageName(agency: string): boolean {
  const a = agency.normalize('NFKC');
  if (/根据|依据|首页|当前位置|您现在的位置|位置:|《|》|>|\||发布时间|发布日期|来源|浏览|字号|索引号|文号|关键字/.test(a)) return true;
  // a section heading: 一、总体情况, (一)…, or one of the parts' titles
  return /^[一二三四五六七八九十]+[、.]|^\([一二三四五六七八九十]+\)|总体情况|主动公开政府信息|收到和处理|存在的主要问题|其他需要报告/.test(a);
}

export function acceptedAgencies(l: Label): Set<string> {
  const out = new Set<string>();
  if (l.agency) {
    out.add(normName(l.agency));
    for (const a of l.agency_aliases) if (nameLikeAlias(a)) out.add(normName(a));
  }
  const inf = inferredName(l.agency_inferred);
  if (inf) out.add(normName(inf));
  return out;
}

const MUNICIPALITIES = new Set(['北京市', '天津市', '上海市', '重庆市']);

/** Flat label keys → the record's canonical figures (DESIGN.md). null = the record has no such cell. */
export function flatFigure(r: ReportRecord, key: string): number | null {
  const a = r.figures.active;
  const q = r.figures.requests;
  if (key === 'new_requests_total') return q?.new_received?.total ?? null;
  if (key === 'carried_over_total') return q?.carried_over?.total ?? null;
  const a2019 = r.figures.active2019;
  if (a2019 && (key === 'licensing' || key === 'penalty' || key === 'coercion'))
    // 2019 table 二: the label's licensing/penalty/coercion are the 处理决定数量 column
    return a2019[key].decisions;
  if (!a) return null;
  const m = /^(rules|normative)_(issued|repealed|in_force)$/.exec(key);
  if (m) return (m[1] === 'rules' ? a.rules : a.normative_documents)[m[2] as 'issued' | 'repealed' | 'in_force'];
  if (key === 'licensing' || key === 'penalty' || key === 'coercion' || key === 'fees_wan_yuan') return a[key];
  return null;
}

function verdict(got: string | number | null, want: string | number | null, same: boolean): Verdict {
  if (got === null) return want === null ? 'ok' : 'missing';
  return same ? 'ok' : 'wrong';
}

export function scoreFile(label: Label, res: ParseResult): FileScore {
  const rec = isFailure(res) ? null : res;
  const agencyGot = rec?.agency ? rec.agency : null;
  const accepted = acceptedAgencies(label);
  const agencyWant = label.agency ?? null;
  const agency: FieldResult = {
    field: 'agency',
    got: agencyGot,
    want: agencyWant,
    verdict: agencyGot === null ? (agencyWant === null ? 'ok' : 'missing') : accepted.has(normName(agencyGot)) ? 'ok' : 'wrong',
  };
  const yearGot = rec?.year ?? null;
  const year: FieldResult = { field: 'year', got: yearGot, want: label.year, verdict: verdict(yearGot, label.year, yearGot === label.year) };

  // municipalities: the record repeats the municipality as its city, the labels leave city null
  const reg = rec?.region ?? { province: null, city: null, county: null };
  const city = reg.city && reg.province && MUNICIPALITIES.has(reg.province) && reg.city === reg.province ? null : reg.city;
  const region = (
    [
      ['province', reg.province, label.province],
      ['city', city, label.city],
      ['county', reg.county, label.county],
    ] as const
  ).map(([field, got, want]) => ({ field, got, want, verdict: verdict(got, want, got !== null && want !== null && normName(got) === normName(want)) }));

  const cells = Object.entries(label.figures)
    .filter(([, v]) => typeof v === 'number')
    .map(([key, want]) => {
      const got = rec ? flatFigure(rec, key) : null;
      return { field: key, got, want, verdict: verdict(got, want, got !== null && Math.abs(got - want) < 1e-6) };
    });

  return {
    file: label.file,
    ...(rec ? {} : { error: (res as { error: string }).error }),
    agency,
    garbage: agencyGot !== null && isGarbageName(agencyGot),
    year,
    region,
    cells,
    ...(rec?.meta ? { sources: { agency: rec.meta.agency?.source ?? null, year: rec.meta.year?.source ?? null } } : {}),
  };
}
