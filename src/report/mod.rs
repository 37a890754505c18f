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

use crate::model::{Goal, Ignored, Issue};
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
    pub grade: String,
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
    /// S27, written by `explain` from `decision`.
    pub explanation: String,
    #[serde(skip)]
    pub decision: Skipped<Option<decision::ExecDecision>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Subtotal {
    pub level1: String,
    /// `None` for the 一级 subtotal itself.
    pub level2: Option<String>,
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
    pub level1: String,
    pub level2: String,
    pub name: String,
    pub target: String,
    pub actual: String,
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
        }
    }
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
    /// One Chinese sentence (written by `explain`).
    pub message: String,
    /// Index in `rows` of the row the finding is about.
    #[serde(skip)]
    pub row_index: Skipped<Option<usize>>,
}

impl Report {
    /// Did every row of every project score (CLI exit code 0)? Also before
    /// `explain` has written the errors: the typed notes say it then.
    pub fn all_scored(&self) -> bool {
        self.projects.iter().all(|p| p.errors.is_empty() && !p.notes.iter().any(|n| n.kind.is_error()))
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
