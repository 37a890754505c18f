// The JSON the core and the page exchange, as `jixiao score --format json`,
// `jixiao read` and `jixiao profile` print it (README: "--format json";
// src/report.rs, src/model.rs, src/profile.rs). Hand-written; checked against
// real output: scripts/typecheck.mjs types the fixtures' JSON as these.
// Field names are stable: other tools read them.

/** The page's wrapper around the wasm exports (www/loader.js). */
export interface JixiaoApi {
  /** Resolves once the module is instantiated; a new promise after a trap. */
  ready: Promise<JixiaoApi>;
  /** The crate version ("" until ready). */
  version: string;
  score(data: Data, fileName: string, options?: Options): ReturnType<Glue['score']>;
  readInput(data: Data, fileName: string, options?: Options): ReturnType<Glue['readInput']>;
  scoreInput(input: Parameters<Glue['scoreInput']>[0], options?: Options): ReturnType<Glue['scoreInput']>;
  exportCsv(input: Parameters<Glue['exportCsv']>[0], options?: Options): ReturnType<Glue['exportCsv']>;
  blankTemplateCsv(): ReturnType<Glue['blankTemplateCsv']>;
  profiles(): ReturnType<Glue['profiles']>;
  applyEdits(input: Parameters<Glue['applyEdits']>[0], options?: Options): ReturnType<Glue['applyEdits']>;
  labels(options?: Options): ReturnType<Glue['labels']>;
  bands(weight: number, options?: Options): ReturnType<Glue['bands']>;
  checkProfile(profile: Profile): ReturnType<Glue['checkProfile']>;
  customProfile(profile: Profile): ReturnType<Glue['customProfile']>;
  readProfile(text: string): ReturnType<Glue['readProfile']>;
  guessHeader(data: Data, fileName: string, options?: Options): HeaderGuess | null;
  /** The writers and the report draft: a second module, compiled on the first call. */
  exportXlsx(input: Parameters<Writers['exportXlsx']>[0], options?: Options): Promise<ReturnType<Writers['exportXlsx']>>;
  blankTemplate(): Promise<ReturnType<Writers['blankTemplate']>>;
  reportDraft(input: Parameters<Writers['reportDraft']>[0], options?: Options): Promise<ReturnType<Writers['reportDraft']>>;
  reportText(input: Parameters<Writers['reportText']>[0], options?: Options): Promise<ReturnType<Writers['reportText']>>;
  reportDocx(input: Parameters<Writers['reportDocx']>[0], options?: Options): Promise<ReturnType<Writers['reportDocx']>>;
  exportOverviewXlsx(lines: OverviewLine[]): Promise<ReturnType<Writers['exportOverviewXlsx']>>;
  summarize(data: Data, fileName: string, options?: Options): ReturnType<Glue['summarize']>;
  open(data: Data, fileName: string, options?: Options): ScoredFile;
}

/** A line of the overview as the writers' `exportOverviewXlsx` takes it
 * (src/render/xlsx/summary.rs `Line`; a missing figure is null). */
export interface OverviewLine {
  file: string;
  name: string;
  department: string;
  budget: number | null;
  executed: number | null;
  /** Percent. */
  rate: number | null;
  total: number | null;
  stated: number | null;
  grade: string;
  provisional: boolean;
  errors: number;
  review: number;
}

/** `jixiao.summarize`, `open(…).summary()`: the overview in columns
 * (src/render/summary.rs; `jixiao summarize` prints it with plain arrays). */
export interface Summary {
  projects: number;
  rows: number;
  name: string[];
  total: Float64Array;
  /** Index into `grades`. */
  grade: Uint8Array;
  grades: string[];
  /** Percent; NaN where the file gives none. */
  rate: Float64Array;
  provisional: Uint8Array;
  /** Per project: rows ok, review, pending, error. */
  status: Uint32Array;
  /** Per project: errors, warnings, audit findings. */
  issues: Uint32Array;
}

/** `jixiao.open`: a scored file kept in the core. */
export interface ScoredFile {
  summary(): Summary;
  /** Project `index` as in `score`'s report, its sentences written on demand. */
  project(index: number): ProjectResult;
  /** Score project `index` again with its edits (others' ignored): its overview line. */
  rescore(index: number, edits: Edit[]): Summary;
  free(): void;
}

/** The row most like an indicator header when none was recognised (src/layout/header.rs). */
export interface HeaderGuess {
  sheet: string | null;
  /** 1-based row. */
  row: number;
  cells: string[];
  columns: GuessedColumn[];
  /** Canonical names of the required fields not found. */
  missing: string[];
}

export interface GuessedColumn {
  /** The JSON name: name, target, actual, level1 … */
  field: string;
  /** The canonical Chinese name: 三级指标 … */
  name: string;
  required: boolean;
  /** 0-based column, or null. */
  column: number | null;
}

/** A typed value's JSON id and its words (`explain::labels`). */
export interface Label {
  id: string;
  label: string;
}

/** The words the page shows for the core's values (`labels` export). */
/** A finding kind from the core: where it is shown, whether it is about a stated 得分. */
export interface FindingLabel extends Label {
  place: 'execution' | 'total' | 'row';
  stated_score: boolean;
}

export interface Labels {
  statuses: Label[];
  levels: string[];
  pending: string;
  not_applicable: string;
  qualitative: string;
  directions: Label[];
  findings: FindingLabel[];
  grades: { grade: string; min: number; rank: number }[];
}

/** The wasm-bindgen glue's exports (build/wasm/jixiao.d.ts, from src/wasm/exports.rs). */
type Glue = typeof wasm_bindgen;
/** The writers' glue (build/wasm-writers/jixiao_writers.d.ts, from writers/src/lib.rs). */
type Writers = typeof jixiao_writers;

/** A file's content: text is encoded as UTF-8; bytes as they are. */
export type Data = string | Uint8Array | ArrayBuffer | ArrayBufferView;

export type Encoding = 'auto' | 'utf8' | 'gbk' | 'utf16le' | 'utf16be';

/** The options every export takes (all optional). */
export interface Options {
  encoding?: Encoding;
  /** A built-in profile's id, or a profile object (edited from profiles()). */
  profile?: string | Profile;
  edits?: Edit[];
  /** Column mapping: field (三级指标 … or the JSON name) → header text or column letter. */
  columns?: Record<string, string>;
}

/** A user's choice on one row: `Input::apply_edits`. */
export interface Edit {
  /** Index of the project in the file (0-based). */
  project: number;
  /** The row's source row number, or index + 1 without row numbers. */
  row: number;
  level?: string;
  score?: string;
  weight?: string;
  /** 年度指标值 corrected in the page. */
  target?: string;
  /** 实际完成值 corrected in the page. */
  actual?: string;
  /** 偏差原因 written in the page. */
  reason?: string;
  /** 判定依据: a note on a qualitative choice. */
  basis?: string;
}

// ---- the report ---------------------------------------------------------------

export interface Report {
  /** The profile's id. */
  profile: string;
  projects: ProjectResult[];
}

export type Status = 'ok' | 'review' | 'pending' | 'error';
export type Direction = '≥' | '>' | '=' | '<' | '≤' | '定性';
/** Qualitative levels (S14–S17); 待判定 when the text could not be read. */
export type Level = '达成' | '部分达成' | '未达成' | '待判定' | '不适用';
/** The audit's stable finding kinds. */
export type FindingKind =
  | 'row_score' | 'over_weight' | 'band' | 'total_sum' | 'total'
  | 'exec_rate' | 'exec_score' | 'weight_sum' | 'no_reason'
  | 'weights_missing' | 'over_budget' | 'targets_low';

export interface ProjectResult {
  name: string | null;
  department?: string;
  implementer?: string;
  sheet?: string;
  /** The file the project came from (CLI with several files). */
  file?: string;
  total: number;
  grade: string;
  /** True while any row is 待判定 (S17). */
  provisional: boolean;
  stated_total: number | null;
  weight_sum: number;
  execution: Execution;
  subtotals: Subtotal[];
  rows: RowResult[];
  errors: Issue[];
  warnings: Issue[];
  /** 复核: stated figures that differ from the computed ones. */
  audit: Finding[];
  /** 复核 summary (S31–S35): totals, the difference by cause, the verdict line. */
  audit_summary: AuditSummary;
  /** S2/S32: the weights are the rules' split (分值（推定）). */
  weights_assumed?: boolean;
  /** S36: a cap on the total by execution rate, when one applies. */
  cap?: TotalCap;
  goals?: Goal[];
  /** Rows of the file that were not read (absent when none). */
  ignored?: Ignored[];
}

/** A non-empty row that was not read. */
export interface Ignored {
  sheet?: string;
  row: number;
  cells: string[];
  message: string;
}

/** S30: a level weight the form states. */
export interface LevelWeight {
  level1: string;
  weight: Dec;
  row?: number;
}

export interface AuditSummary {
  stated_total: number | null;
  computed_total: number;
  /** 填报总分 − 规则计算总分. */
  difference: number | null;
  causes: Cause[];
  findings: number;
  stated_any: boolean;
  total_agrees: boolean;
  /** The line for a 复核意见. */
  verdict: string;
  notes: string[];
}

export type CauseKind = 'rows' | 'unscored' | 'assumed_weights' | 'execution' | 'arithmetic' | 'unstated' | 'cap';

export interface Cause {
  kind: CauseKind;
  /** Points, stated − computed. */
  amount: number;
  rows?: number[];
}

export interface TotalCap {
  rate_from: number;
  rate_below: number;
  rate: number;
  max_total: number;
  uncapped: number;
  explanation: string;
}

export interface Execution {
  /** 全年预算数 (万元) */
  budget: number | null;
  /** 全年执行数 (万元) */
  executed: number | null;
  /** Percent, 2 decimals. */
  rate: number | null;
  weight: number;
  score: number;
  /** The rate the form states (percent). */
  stated_rate?: number;
  /** The execution score the form states. */
  stated_score?: number;
  explanation: string;
}

export interface Subtotal {
  level1: string;
  /** null for the 一级 subtotal itself. */
  level2: string | null;
  weight: number;
  score: number;
}

export interface RowResult {
  row: number;
  level1: string;
  level2: string;
  name: string;
  target: string;
  actual: string;
  /** null for rows in error before a direction was known. */
  direction: Direction | null;
  direction_inferred: boolean;
  weight: number;
  score: number;
  level: Level | null;
  level_inferred: boolean;
  stated_score: number | null;
  status: Status;
  /** S27: where the points went, in Chinese. */
  explanation: string;
  warnings: string[];
}

/** A problem or note tied to a place in the user's file. */
export interface Issue {
  sheet?: string;
  row: number | null;
  column: string | null;
  message: string;
}

export interface Finding {
  row: number | null;
  name: string | null;
  kind: FindingKind;
  stated: number | null;
  computed: number | null;
  /** stated − computed, when both are figures of the same kind. */
  difference?: number;
  /** What the form states, what the rules give, the difference, what to do. */
  message: string;
  /** The rule (S31…), for a tooltip. */
  rule: string;
  /** weights_missing: rows above their assumed weight; targets_low: rows. */
  count?: number;
}

export interface Goal {
  expected: string;
  actual: string;
}

// ---- the input (jixiao read, the page's JSON export) ----------------------------

/** Decimals in the input are written as strings ("59.33"); JSON files may give numbers. */
type Dec = string | number;

export interface Input {
  projects: ProjectInput[];
}

export interface ProjectInput {
  name?: string | null;
  department?: string;
  implementer?: string;
  sheet?: string;
  budget?: Budget;
  indicators?: IndicatorInput[];
  stated?: Stated;
  goals?: Goal[];
  errors?: Issue[];
  warnings?: Issue[];
  level_weights?: LevelWeight[];
  ignored?: Ignored[];
  /** The report passages the user wrote (src/model.rs DraftFields). */
  draft?: DraftFields;
}

export type DraftField = 'background' | 'management' | 'evaluation' | 'problems';
export type DraftFields = Partial<Record<DraftField, string>>;

// ---- the report draft (src/render/draft.rs) ----------------------------------

export interface Draft {
  title: string;
  sections: { heading: string; blocks: DraftBlock[] }[];
}

export interface DraftRow {
  level1: string; level2: string; name: string; target: string; actual: string; weight: string; score: string;
}

export type DraftBlock =
  | { kind: 'subheading'; text: string }
  | { kind: 'computed'; text: string }
  | { kind: 'field'; field: DraftField; label: string; text: string }
  | { kind: 'drafted'; text: string }
  | { kind: 'table'; rows: DraftRow[] }
  | { kind: 'list'; items: string[] };

export interface Budget {
  initial?: Dec | null;
  adjusted?: Dec | null;
  executed?: Dec | null;
  weight?: Dec | null;
  row?: number;
  /** The unit the file wrote its amounts in (absent: 万元); the figures are in 万元 either way. */
  unit?: '元' | '万元';
}

export interface Stated {
  total?: Dec | null;
  rate?: Dec | null;
  execution_score?: Dec | null;
  total_row?: number;
}

export interface IndicatorInput {
  row?: number | null;
  level1?: string;
  level2?: string;
  name?: string;
  target?: Dec;
  actual?: Dec;
  weight?: Dec | null;
  score?: Dec | null;
  symbol?: string | null;
  unit?: string | null;
  level?: string | null;
  deduction?: Dec | null;
  reason?: string | null;
  /** 判定依据: a note on a qualitative row's level (a page edit written into the input). */
  basis?: string | null;
}

// ---- rule profiles (profiles/*.json, jixiao profile, jixiao.profiles()) ------------

export interface Profile {
  id: string;
  name: string;
  description?: string;
  execution_weight: Dec;
  exec_cap: boolean;
  levels: LevelSpec[];
  total: Dec;
  grades: GradeBand[];
  over_achievement_factor: Dec;
  reverse_formula: 'ratio' | 'linear';
  qualitative: Qualitative;
  not_applicable_rescale?: boolean;
  /** S28: a missed deadline scores W × T/A in days (ratio) or 0 (zero). */
  late?: 'ratio' | 'zero';
  /** S36: caps on the total by execution rate. */
  total_caps?: TotalCapSpec[];
}

/** A setting the rule editor's check refused (jixiao.checkProfile, src/profile/check.rs). */
export interface ProfileIssue {
  /** The setting's place in the profile's JSON: "levels.0.weight", "qualitative.partial_min" ("" for the whole). */
  field: string;
  /** The setting, the value and the allowed range in words. */
  message: string;
}

export interface TotalCapSpec {
  rate_from: Dec;
  rate_below: Dec;
  max_total: Dec;
}

export interface LevelSpec {
  name: string;
  weight: Dec;
  keywords: string[];
  share_with?: string;
}

export interface GradeBand {
  grade: string;
  min: Dec;
}

export interface Qualitative {
  achieved_min: Dec;
  partial_min: Dec;
  achieved_points: Dec;
  partial_points: Dec;
  not_achieved_points: Dec;
}
