//! What comes back: the result structure (the CLI's `--format json`, the
//! page's data). Field names are stable: other tools read them. Scores and
//! percentages are decimals rounded to 2 places, serialised as JSON numbers.
//!
//! These are types only, shared by the steps like [`crate::model`]: `score`
//! fills the figures and the typed decisions ([`decision`]), `audit` adds
//! [`Finding`]s, `explain` writes the Chinese text fields (`explanation`,
//! `warnings`, `message`) from the decisions, and `render` reads the whole.

pub mod decision;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::model::{Goal, Ignored, Issue, Text};
pub use decision::{Direction, Level, Skipped};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// The profile's id.
    pub profile: String,
    pub projects: Vec<ProjectResult>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProjectResult {
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub implementer: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    /// The file the project came from (CLI with several files).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub file: Option<String>,
    #[serde(with = "rust_decimal::serde::float")]
    pub total: Decimal,
    /// A short text (优 良 中 差): no allocation per project.
    pub grade: Text,
    /// True while any row is 待判定 (S17).
    pub provisional: bool,
    #[serde(with = "rust_decimal::serde::float_option")]
    pub stated_total: Option<Decimal>,
    /// Σ weights of the rows + execution weight (S3).
    #[serde(with = "rust_decimal::serde::float")]
    pub weight_sum: Decimal,
    pub execution: Execution,
    pub subtotals: Vec<Subtotal>,
    pub rows: Vec<RowResult>,
    /// The reader's errors, then the scorer's (written by `explain` from `notes`).
    pub errors: Vec<Issue>,
    /// The reader's warnings, then the scorer's (written by `explain` from `notes`).
    pub warnings: Vec<Issue>,
    /// Discrepancies between stated and computed figures (复核).
    pub audit: Vec<Finding>,
    /// S31–S35: the 复核 summary (填报总分, 规则计算总分, the difference by
    /// cause, the verdict line), filled by `audit`, its words by `explain`.
    #[serde(default)]
    pub audit_summary: AuditSummary,
    /// S2/S32: the row weights are the rules' split, not the form's (分值（推定）).
    #[serde(default, skip_serializing_if = "is_false")]
    pub weights_assumed: bool,
    /// S33: the form has a 偏差原因 column (for the audit's note).
    #[serde(skip)]
    pub reason_column: Skipped<bool>,
    /// S36: a cap on the total by execution rate, when one applies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cap: Option<TotalCap>,
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub goals: Vec<Goal>,
    /// Non-empty rows of the file that were not read (INPUT.md); absent when none.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub ignored: Vec<Ignored>,
    /// The scorer's project-level problems, typed, in order.
    #[serde(skip)]
    pub notes: Skipped<Vec<decision::Note>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Execution {
    /// 全年预算数 (万元)
    #[serde(with = "rust_decimal::serde::float_option")]
    pub budget: Option<Decimal>,
    /// 全年执行数 (万元)
    #[serde(with = "rust_decimal::serde::float_option")]
    pub executed: Option<Decimal>,
    /// Percent, 2 decimals (98.88).
    #[serde(with = "rust_decimal::serde::float_option")]
    pub rate: Option<Decimal>,
    #[serde(with = "rust_decimal::serde::float")]
    pub weight: Decimal,
    #[serde(with = "rust_decimal::serde::float")]
    pub score: Decimal,
    /// The rate the file states (percent), when it does.
    #[serde(with = "rust_decimal::serde::float_option", default, skip_serializing_if = "Option::is_none")]
    pub stated_rate: Option<Decimal>,
    /// The execution score the file states, when it does.
    #[serde(with = "rust_decimal::serde::float_option", default, skip_serializing_if = "Option::is_none")]
    pub stated_score: Option<Decimal>,
    /// S27, written by `explain` from `decision`.
    pub explanation: String,
    #[serde(skip)]
    pub decision: Skipped<Option<decision::ExecDecision>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Subtotal {
    pub level1: Text,
    /// `None` for the 一级 subtotal itself.
    pub level2: Option<Text>,
    #[serde(with = "rust_decimal::serde::float")]
    pub weight: Decimal,
    #[serde(with = "rust_decimal::serde::float")]
    pub score: Decimal,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Scored, nothing to look at.
    Ok,
    /// Scored, with a flag for a human (S8, S11, S21, S24…).
    Review,
    /// 待判定: a qualitative row whose level could not be read (S17).
    Pending,
    /// The row could not be scored; see `errors`.
    Error,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RowResult {
    /// Source row (1-based), or index + 1 when the input has none.
    pub row: u32,
    pub level1: Text,
    pub level2: Text,
    pub name: Text,
    pub target: Text,
    pub actual: Text,
    /// ≥ > = < ≤ or 定性; `None` for rows in error before a direction was known.
    pub direction: Option<Direction>,
    pub direction_inferred: bool,
    #[serde(with = "rust_decimal::serde::float")]
    pub weight: Decimal,
    #[serde(with = "rust_decimal::serde::float")]
    pub score: Decimal,
    /// Qualitative rows: 达成 / 部分达成 / 未达成 / 待判定; 不适用 rows (S22).
    pub level: Option<Level>,
    /// Qualitative rows: whether the level was inferred from the actual text (S17).
    #[serde(default)]
    pub level_inferred: bool,
    /// The score the file states (得分), when it has one.
    #[serde(with = "rust_decimal::serde::float_option", default)]
    pub stated_score: Option<Decimal>,
    pub status: Status,
    /// S27: one Chinese line on where the points went (written by `explain`).
    pub explanation: String,
    /// The flags as Chinese lines (written by `explain` from `flags`).
    pub warnings: Vec<String>,
    /// What the rules decided: the rule, the numbers used, the deduction.
    #[serde(skip)]
    pub decision: Skipped<decision::RowDecision>,
    /// Flags for a human, typed (S8, S11, S12, S19, S21, S22, S24).
    #[serde(skip)]
    pub flags: Skipped<Vec<decision::Flag>>,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// S36: the profile's cap on the total by execution rate, as applied.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TotalCap {
    /// The rate band the cap is for: from (inclusive) … below (exclusive), percent.
    #[serde(with = "rust_decimal::serde::float")]
    pub rate_from: Decimal,
    #[serde(with = "rust_decimal::serde::float")]
    pub rate_below: Decimal,
    /// The execution rate it was applied on.
    #[serde(with = "rust_decimal::serde::float")]
    pub rate: Decimal,
    #[serde(with = "rust_decimal::serde::float")]
    pub max_total: Decimal,
    /// The total before the cap (Σ row scores + execution score).
    #[serde(with = "rust_decimal::serde::float")]
    pub uncapped: Decimal,
    /// One Chinese line (written by `explain`).
    pub explanation: String,
}

/// The kind of an audit finding (stable ids in JSON).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    RowScore,
    OverWeight,
    Band,
    TotalSum,
    Total,
    ExecRate,
    ExecScore,
    WeightSum,
    NoReason,
    /// S32: no 分值 in the form; rows state more than the assumed weight.
    WeightsMissing,
    /// S34: 执行数 > 预算数.
    OverBudget,
    /// S35: every quantitative target exceeded by the over-achievement factor.
    TargetsLow,
}

impl FindingKind {
    /// The stable id, as in JSON (`row_score`…).
    pub fn id(self) -> &'static str {
        match self {
            FindingKind::RowScore => "row_score",
            FindingKind::OverWeight => "over_weight",
            FindingKind::Band => "band",
            FindingKind::TotalSum => "total_sum",
            FindingKind::Total => "total",
            FindingKind::ExecRate => "exec_rate",
            FindingKind::ExecScore => "exec_score",
            FindingKind::WeightSum => "weight_sum",
            FindingKind::NoReason => "no_reason",
            FindingKind::WeightsMissing => "weights_missing",
            FindingKind::OverBudget => "over_budget",
            FindingKind::TargetsLow => "targets_low",
        }
    }

    /// Where the finding belongs in the form's table.
    pub fn place(self) -> FindingPlace {
        match self {
            FindingKind::ExecRate | FindingKind::ExecScore | FindingKind::OverBudget => FindingPlace::Execution,
            FindingKind::Total | FindingKind::TotalSum => FindingPlace::Total,
            _ => FindingPlace::Row,
        }
    }

    /// Whether it says a stated 得分 differs from the rules' (S31, S3, S16, S34).
    pub fn is_stated_score(self) -> bool {
        matches!(
            self,
            FindingKind::RowScore
                | FindingKind::OverWeight
                | FindingKind::Band
                | FindingKind::ExecScore
                | FindingKind::Total
        )
    }

    /// The rule that raises it (for a tooltip; never in the sentence).
    pub fn rule(self) -> &'static str {
        match self {
            FindingKind::RowScore | FindingKind::Total | FindingKind::TotalSum => "S31",
            FindingKind::OverWeight | FindingKind::WeightSum => "S3",
            FindingKind::Band => "S16",
            FindingKind::ExecRate | FindingKind::ExecScore | FindingKind::OverBudget => "S34",
            FindingKind::NoReason => "S33",
            FindingKind::WeightsMissing => "S32",
            FindingKind::TargetsLow => "S35",
        }
    }
}

/// Where a finding is shown: on the execution row, on the total row, or on
/// its indicator row (the whole form when it names no row).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingPlace {
    Execution,
    Total,
    Row,
}

/// An audit finding: a figure the file states that the rules do not give.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    /// Source row; `None` for whole-project findings.
    pub row: Option<u32>,
    pub name: Option<String>,
    pub kind: FindingKind,
    #[serde(with = "rust_decimal::serde::float_option")]
    pub stated: Option<Decimal>,
    #[serde(with = "rust_decimal::serde::float_option")]
    pub computed: Option<Decimal>,
    /// stated − computed, when both are figures of the same kind.
    #[serde(with = "rust_decimal::serde::float_option", default, skip_serializing_if = "Option::is_none")]
    pub difference: Option<Decimal>,
    /// One Chinese sentence: what the form states, what the rules give, the
    /// difference, what to do (written by `explain`; no rule ids).
    pub message: String,
    /// The rule (S31…), for a tooltip.
    #[serde(default)]
    pub rule: String,
    /// S32: how many rows state more than their assumed weight (`weights_missing`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<u32>,
    /// Index in `rows` of the row the finding is about.
    #[serde(skip)]
    pub row_index: Skipped<Option<usize>>,
}

/// The 复核 summary of one project (S31–S35).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AuditSummary {
    /// 填报总分, when the form states one.
    #[serde(with = "rust_decimal::serde::float_option")]
    pub stated_total: Option<Decimal>,
    /// 规则计算总分.
    #[serde(with = "rust_decimal::serde::float")]
    pub computed_total: Decimal,
    /// 填报总分 − 规则计算总分.
    #[serde(with = "rust_decimal::serde::float_option")]
    pub difference: Option<Decimal>,
    /// The difference (or, without a stated total, the stated parts' own
    /// differences) split by cause; causes with 0 are left out.
    pub causes: Vec<Cause>,
    /// How many findings.
    pub findings: usize,
    /// Does the form state any figure (a 得分, a rate, a total)?
    pub stated_any: bool,
    /// S31: the stated total equals the computed one (at its own decimals).
    pub total_agrees: bool,
    /// The verdict line for a 复核意见 (written by `explain`).
    pub verdict: String,
    /// Project notes that are not findings (S32, S33), as Chinese lines.
    pub notes: Vec<String>,
    /// The notes, typed.
    #[serde(skip)]
    pub note_kinds: Skipped<Vec<AuditNote>>,
}

/// One cause of the difference between the stated and the computed total.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cause {
    pub kind: CauseKind,
    /// Points, stated − computed (positive: the form gives more).
    #[serde(with = "rust_decimal::serde::float")]
    pub amount: Decimal,
    /// Rows with a difference (for `rows`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rows: Vec<u32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CauseKind {
    /// Stated row scores ≠ the rules' row scores.
    Rows,
    /// Rows the rules could not score (in error or 待判定) that state a score.
    Unscored,
    /// S32: rows stating more than their assumed weight.
    AssumedWeights,
    /// Stated execution score ≠ the rules'.
    Execution,
    /// The form's total ≠ the sum of its own parts.
    Arithmetic,
    /// Parts the form does not state (the rest of the difference).
    Unstated,
    /// S36: the cap on the total by execution rate took points off.
    Cap,
}

/// A project note of the audit that is not a finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuditNote {
    /// S32: the weights are the rules' split.
    WeightsAssumed,
    /// S33: the form has no 偏差原因 column or block.
    NoReasonColumn,
}

impl ProjectResult {
    /// Did every row of the project score (no errors, also before `explain`
    /// has written them: the typed notes say it then)?
    pub fn is_scored(&self) -> bool {
        self.errors.is_empty() && !self.notes.iter().any(|n| n.kind.is_error())
    }
}

impl Report {
    /// Did every row of every project score (CLI exit code 0)? Also before
    /// `explain` has written the errors: the typed notes say it then.
    pub fn all_scored(&self) -> bool {
        self.projects.iter().all(ProjectResult::is_scored)
    }
}

impl Status {
    /// The Chinese label shown to users.
    pub fn label(self) -> &'static str {
        match self {
            Status::Ok => "正常",
            Status::Review => "需复核",
            Status::Pending => "待判定",
            Status::Error => "错误",
        }
    }
}
