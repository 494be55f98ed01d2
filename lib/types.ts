/**
 * The report record: the contract between the parser, the engines and the pages.
 * Figure keys follow ../shared/DESIGN.md ("Canonical figures") exactly.
 */
import type { MessageCode, StageMessage } from './messages';

export type Cell = number | null;

export interface IssuedRepealedInForce {
  issued: Cell;
  repealed: Cell;
  in_force: Cell;
}

/** Part 二 in the 2021 format (国办公开办函〔2021〕30号). */
export interface ActiveFigures {
  rules: IssuedRepealedInForce;
  normative_documents: IssuedRepealedInForce;
  licensing: Cell;
  penalty: Cell;
  coercion: Cell;
  fees_wan_yuan: Cell;
}

export interface MadePublished {
  /** 本年新制作数量 */
  made: Cell;
  /** 本年新公开数量 */
  published: Cell;
  /** 对外公开总数量 */
  total_published: Cell;
}

export interface ItemsDecisions {
  /** 上一年项目数量 */
  previous_year: Cell;
  /** 本年增/减 (may be negative) */
  change: Cell;
  /** 处理决定数量 */
  decisions: Cell;
}

/** Part 二 in the 2019 format (国办公开办函〔2019〕60号): kept apart, never forced into the 2021 keys. */
export interface ActiveFigures2019 {
  rules: MadePublished;
  normative_documents: MadePublished;
  licensing: ItemsDecisions;
  other_services: ItemsDecisions;
  penalty: ItemsDecisions;
  coercion: ItemsDecisions;
  fees: { previous_year: Cell; change: Cell };
  /** 政府集中采购: 采购项目数量, 采购总金额 (元) */
  procurement: { projects: Cell; amount_yuan: Cell };
}

export interface ResultCounts {
  upheld: Cell;
  corrected: Cell;
  other: Cell;
  total: Cell;
}

/**
 * Reports for 2008–2018 (docs/record-format.md "Legacy figures"): the old 统计表 (指标名称 /
 * 计量单位 / 本年度 / 累计) or, where the text names a figure unambiguously, the prose.
 */
export interface LegacyFigures {
  /** 主动公开政府信息数 */
  active_total: Cell;
  /** of which 规范性文件 */
  active_normative: Cell;
  /** 收到（受理）政府信息公开申请数 */
  requests_received: Cell;
  by_channel: { in_person: Cell; fax: Cell; online: Cell; letter: Cell };
  /** 办结 / 对申请的答复总数 */
  requests_completed: Cell;
  replies: {
    already_public: Cell;
    granted: Cell;
    partially_granted: Cell;
    denied: Cell;
    not_this_agency: Cell;
    not_exist: Cell;
    asked_to_amend: Cell;
    other_channel: Cell;
  };
  review: ResultCounts;
  litigation: ResultCounts;
  /** 申诉 */
  complaints: Cell;
  fees_wan_yuan: Cell;
  staff: { full_time: Cell; part_time: Cell };
  training: { meetings: Cell; courses: Cell; trainees: Cell };
  /** the 统计表's 累计 column, by the same dotted key (`active_total`, `by_channel.online`) */
  cumulative: Record<string, Cell>;
  /** dotted keys whose value was read from a sentence, not a table */
  from_prose: string[];
}

/** Which national format a report follows (docs/record-format.md "Report format"). */
export type ReportFormat = '2021' | '2019' | 'legacy';

export const APPLICANT_COLUMNS = [
  'natural_person',
  'commercial',
  'research',
  'public_interest',
  'legal_services',
  'other_org',
  'total',
] as const;
export type ApplicantColumn = (typeof APPLICANT_COLUMNS)[number];
export type RequestRow = Record<ApplicantColumn, Cell>;

export const REQUEST_ROWS = [
  'new_received',
  'carried_over',
  'granted',
  'partially_granted',
  'denied_state_secret',
  'denied_prohibited_by_law',
  'denied_three_safeties',
  'denied_third_party',
  'denied_internal_affairs',
  'denied_process_info',
  'denied_enforcement_files',
  'denied_admin_query',
  'unavailable_not_held',
  'unavailable_needs_creation',
  'unavailable_unclear',
  'rejected_complaint',
  'rejected_duplicate',
  'rejected_publication',
  'rejected_excessive',
  'rejected_confirmation',
  'other_no_correction',
  'other_no_fee',
  'other_other',
  'total_processed',
  'carried_forward',
] as const;
export type RequestRowKey = (typeof REQUEST_ROWS)[number];
export type RequestFigures = Record<RequestRowKey, RequestRow> & {
  /** 2019 format only: （六）其他处理 printed as one row (the three 2021 sub-rows stay null) */
  other_processing?: RequestRow;
};

export const APPEAL_GROUPS = ['review', 'litigation_direct', 'litigation_after_review'] as const;
export const APPEAL_COLUMNS = ['upheld', 'corrected', 'other', 'pending', 'total'] as const;
export type AppealGroup = (typeof APPEAL_GROUPS)[number];
export type AppealColumn = (typeof APPEAL_COLUMNS)[number];
export type AppealFigures = Record<AppealGroup, Record<AppealColumn, Cell>>;

export interface Figures {
  /** null when the table is missing (and in the 2019 format, which has active2019) */
  active: ActiveFigures | null;
  requests: RequestFigures | null;
  appeals: AppealFigures | null;
  /** present on 2019-format records */
  active2019?: ActiveFigures2019 | null;
  /** present on legacy-format records */
  legacy?: LegacyFigures | null;
}

export const SECTION_KEYS = ['preface', 'overview', 'active', 'requests', 'appeals', 'problems', 'other'] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];

export interface Section {
  key: SectionKey;
  title: string;
  text: string;
}

export interface Region {
  province: string | null;
  city: string | null;
  county: string | null;
}

export type Level = 'province' | 'city' | 'county' | 'township';
/** people's government, its general office, a department, other (centres, committees …) */
export type AgencyKind = 'government' | 'office' | 'department' | 'other';

export interface Check {
  /** requests.row_totals | requests.total_processed | requests.balance | appeals.totals | narrative.requests */
  id: string;
  ok: boolean;
  /** human-readable, in Chinese, with the numbers that failed; '' when ok */
  detail: string;
}

export interface ThemeHit {
  id: string;
  label: string;
  evidence: string[];
}

export interface ReportRecord {
  file: string;
  /** stable: same agency and year → same id; agency or year unknown → from the content (lib/parse/identity.ts) */
  id: string;
  agency: string;
  year: number | null;
  region: Region;
  level: Level | null;
  kind: AgencyKind;
  /** where the agency and the year were read (docs/record-format.md, "Metadata sources") */
  meta?: RecordMeta;
  /** which national format the report follows; absent on records indexed before it existed */
  format?: ReportFormat;
  sections: Section[];
  figures: Figures;
  checks: Check[];
  themes: ThemeHit[];
  /** the Chinese text of each of `messages`, in the same order (the record format's contract) */
  warnings: string[];
  /**
   * the same warnings typed: `{ stage, code, message }` (lib/messages.ts); absent on records
   * indexed before it existed
   */
  messages?: StageMessage[];
  /** where the file came from: lib/read's sha256/format/encoding plus the optional sidecar */
  source?: ReportSource;
  /**
   * set on an older or less complete version of a report: the canonical report's id (the most
   * complete version, the newest among equally complete ones; lib/versions.ts)
   */
  versionOf?: string;
  /** on the canonical report when it came in several files: all of them, canonical first, then newest first */
  versions?: ReportVersion[];
}

/** header, title, h1, html-title, meta-tag, sidecar-title, publish, compiler, contact, subject, signature, publisher, period, sentence, published-date, completed */
export type MetaSourceName = string;

export interface RecordMeta {
  agency: { value: string; source: MetaSourceName } | null;
  year: { value: number; source: MetaSourceName } | null;
}

export interface ReportSource {
  /** hex sha256 of the original file bytes */
  sha256: string;
  format: string;
  encoding: string;
  sourceUrl?: string;
  capturedAt?: string;
  bytes?: number;
}

export interface ReportVersion {
  id: string;
  sha256: string;
  capturedAt?: string;
  file: string;
  /** less complete than the canonical version (fewer parts or tables, or a much shorter text) */
  incomplete?: true;
}

/**
 * Demo data: true on a report made by the generator (tools/corpus), recognised by the marker in its
 * preface (lib/parse/synthetic.ts); absent on real reports.
 */
export interface ReportRecord {
  synthetic?: boolean;
}

/** What the parser CLI prints for a file that is not a report or cannot be read. */
export interface ParseFailure {
  file: string;
  /** one Chinese line: the file, the problem and what to do */
  error: string;
  /** why, for machines: a read failure's reason (`read.corrupt`) or the parser's (`parse.not_report`) */
  code: MessageCode;
}

export type ParseResult = ReportRecord | ParseFailure;

export function isFailure(r: ParseResult): r is ParseFailure {
  return 'error' in r;
}

/* The read stage's output (lib/read), which the parse stage takes as its input. */

export type ReadFormat = 'txt' | 'html' | 'docx' | 'pdf';

export interface Provenance {
  sourceUrl?: string;
  capturedAt?: string;
  /** the page's title as the crawler saw it */
  pageTitle?: string;
}

/** What an HTML page says about itself besides its text: <title>, <h1>s, <meta name content>. */
export interface PageInfo {
  htmlTitle?: string;
  h1?: string[];
  meta?: Record<string, string>;
}

export interface ReadResult {
  /** original text (not simplified; see lib/fold.ts), line breaks normalised to \n */
  text: string;
  format: ReadFormat;
  /** encoding the bytes were decoded from: 'utf-8', 'gb18030', 'utf-16le', … ('binary' for docx/pdf) */
  encoding: string;
  /** hex sha256 of the original file bytes */
  sha256: string;
  /** size of the file in bytes */
  bytes: number;
  /** non-fatal findings (encoding guessed, extension mismatch, …), stage 'read' */
  messages: StageMessage[];
  provenance?: Provenance;
  /** HTML only: title, h1, meta tags */
  page?: PageInfo;
}
