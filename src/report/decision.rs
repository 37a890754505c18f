//! What the rules decided, typed: the rule, the numbers it used, the
//! deduction. `score` and `audit` produce these; `explain` turns them into
//! the Chinese sentences of S27; nothing compares their text.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::expr::{Comparator, Period, Ymd};
use crate::model::Text;

/// A field not in JSON (its text form is), and left out of `==`: a report
/// read back from JSON has only the text, and equals the one it came from.
#[derive(Debug, Clone, Default)]
pub struct Skipped<T>(pub T);

impl<T> PartialEq for Skipped<T> {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl<T> std::ops::Deref for Skipped<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T> std::ops::DerefMut for Skipped<T> {
    fn deref_mut(&mut self) -> &mut T {
        &mut self.0
    }
}

/// A row's direction: the comparator of its target (S7–S11, S18) or 定性
/// (S14). JSON writes the comparator's symbol (≥ > = < ≤) or "定性".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Compare(Comparator),
    Qualitative,
}

/// How JSON writes 定性.
const QUALITATIVE: &str = "定性";

impl Direction {
    /// The symbol users see (as in JSON).
    pub fn symbol(self) -> &'static str {
        match self {
            Direction::Compare(c) => c.symbol(),
            Direction::Qualitative => QUALITATIVE,
        }
    }
}

impl Serialize for Direction {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.symbol())
    }
}

impl<'de> Deserialize<'de> for Direction {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        if text == QUALITATIVE {
            return Ok(Direction::Qualitative);
        }
        [Comparator::Ge, Comparator::Gt, Comparator::Eq, Comparator::Lt, Comparator::Le]
            .into_iter()
            .find(|c| c.symbol() == text)
            .map(Direction::Compare)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown direction {text:?}")))
    }
}

/// A row's level (S14), 待判定 (S17) or 不适用 (S22), as JSON writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Level {
    #[serde(rename = "达成")]
    Achieved,
    #[serde(rename = "部分达成")]
    Partial,
    #[serde(rename = "未达成")]
    NotAchieved,
    #[serde(rename = "待判定")]
    Pending,
    #[serde(rename = "不适用")]
    NotApplicable,
}

impl Level {
    /// The short label (as in JSON).
    pub fn label(self) -> &'static str {
        match self {
            Level::Achieved => "达成",
            Level::Partial => "部分达成",
            Level::NotAchieved => "未达成",
            Level::Pending => "待判定",
            Level::NotApplicable => "不适用",
        }
    }
}

/// What happened to one row, in the order the rules apply.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RowDecision {
    pub rule: Rule,
    /// S23: the deduction taken (before, after — both rounded). Rare: kept
    /// out of line, so that every row's result is smaller (issue 14).
    pub deduction: Option<Box<Deduction>>,
    /// S22: weights and scores rescaled by all / left (rare: out of line).
    pub rescale: Option<Box<(Decimal, Decimal)>>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Deduction {
    pub points: Decimal,
    pub before: Decimal,
    pub after: Decimal,
}

/// The rule that scored a row (or why none could).
#[derive(Debug, Clone, Default, PartialEq)]
pub enum Rule {
    /// Not decided yet (a report read back from JSON).
    #[default]
    Unknown,
    /// The row could not be scored.
    Error(RowError),
    /// S22: 不适用; `rescaled` when the profile rescales the others.
    NotApplicable { rescaled: bool },
    /// S7–S13, S20.
    Quantitative(Quantitative),
    /// S17: 待判定, 0 points until the user picks a level.
    Pending { actual: Text },
    /// S14–S16.
    Qualitative(Qualitative),
    /// S28: a time limit against a date.
    Deadline(Deadline),
}

/// S28: a time limit (the last day of the target's span) and the date it
/// was met (the first day of the actual's span), years resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct Deadline {
    pub weight: Decimal,
    pub limit: Ymd,
    pub done: Ymd,
    /// The span the actual names (a day, a month …), for display.
    pub done_span: Period,
    pub year: YearTaken,
    pub outcome: DeadlineOutcome,
}

/// S28: where the year of a date written without one came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YearTaken {
    /// Both dates have their year.
    Written,
    /// The other date in the row.
    OtherDate(i32),
    /// The project's year (from its name, "2023年度…").
    Project(i32),
    /// The year before the current one.
    LastYear(i32),
    /// No year anywhere and no current year given: one common year is used
    /// (a non-leap year), and dates are shown without it.
    Unknown,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum DeadlineOutcome {
    /// On or before the limit: full marks.
    Met,
    /// Late: W × T/A in days from 1 January of the target's year.
    Late { limit_day: i64, done_day: i64, score: Decimal },
    /// Late, profile `late = "zero"`: 0 points.
    LateZero,
}

/// A quantitative row's figures, aligned to one unit (S19).
#[derive(Debug, Clone, PartialEq)]
pub struct Quantitative {
    pub kind: QuantKind,
    pub weight: Decimal,
    /// The common unit ("%", "万元", "" for none).
    pub unit: Text,
    pub target: Decimal,
    pub actual: Decimal,
    /// S20: the actual was "x 分（满分 y 分）" against a percent target.
    /// (The actual's score, full marks; rare: out of line.)
    pub full_marks: Option<Box<(Decimal, Decimal)>>,
    pub outcome: QuantOutcome,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuantKind {
    Positive,
    Reverse,
    Equal,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum QuantOutcome {
    /// S10: zero target met (A ≤ 0).
    ZeroTargetMet,
    /// S10: zero target missed (A > 0): 0 points.
    ZeroTargetMissed,
    /// S7/S9: target met: full marks.
    Met,
    /// A negative target not reached: 0 points.
    NegativeTargetMissed,
    /// S9: A > T, scored by the formula.
    ReverseShort { formula: ReverseFormula, score: Decimal },
    /// S7: A < T, W × A/T.
    PositiveShort { score: Decimal },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReverseFormula {
    /// W × T/A
    Ratio,
    /// W × (1 − (A − T)/T)
    Linear,
    /// Linear with A ≥ `at` × T (2 in S9): 0.
    LinearZero { at: Decimal },
}

/// A qualitative row's decision (S14–S16).
#[derive(Debug, Clone, PartialEq)]
pub struct Qualitative {
    pub level: Level,
    pub how: LevelSource,
    pub weight: Decimal,
    pub points: QualPoints,
    /// 判定依据 as the user wrote it (trimmed, not empty).
    pub basis: Option<String>,
}

/// Where a qualitative row's level came from.
#[derive(Debug, Clone, PartialEq)]
pub enum LevelSource {
    /// The 完成情况 column.
    Column,
    /// Chosen in the page (人工判定).
    Chosen,
    /// S17, from the actual text (trimmed).
    Actual(Text),
    /// Placed by the manual score alone (level cell 待判定).
    Unstated,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum QualPoints {
    /// S16: the manual score, inside its band; `typed`: entered in the page
    /// (人工评分), else the form's 得分.
    Manual { score: Decimal, band: Band, typed: bool },
    /// S15: the level's default points, full.
    Full,
    /// S15: W × factor.
    Share { factor: Decimal, score: Decimal, lost: Decimal },
}

/// A level's score band (S14): [low, high), closed at the top for 达成.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Band {
    pub level: Level,
    pub low: Decimal,
    pub high: Decimal,
}

/// Why a row could not be scored; `column()` names the cell.
#[derive(Debug, Clone, PartialEq)]
pub enum RowError {
    WeightMissing,
    WeightTooLarge(String),
    WeightNegative(String),
    WeightNotNumber(String),
    Level1Missing,
    /// A table without level columns (未分级) and without 分值 (S2, INPUT.md).
    Ungraded,
    Level1Unknown {
        level1: String,
        known: Vec<String>,
    },
    NameMissing,
    TargetMissing,
    ActualMissing,
    SymbolUnknown(String),
    TargetNoNumber(String),
    ActualNoNumber(String),
    /// S19: units that cannot be compared (the value step's message).
    Units(String),
    /// Decimal arithmetic overflowed.
    TooLarge,
    LevelUnknown(String),
    ScoreNotNumber(String),
    /// S16: a manual score outside its level's band.
    OutOfBand {
        score: Decimal,
        band: Band,
    },
    DeductionNotNumber(String),
}

impl RowError {
    /// The column (canonical header) the error is about.
    pub fn column(&self) -> Option<&'static str> {
        Some(match self {
            RowError::WeightMissing
            | RowError::WeightTooLarge(_)
            | RowError::WeightNegative(_)
            | RowError::WeightNotNumber(_)
            | RowError::Level1Missing
            | RowError::Ungraded
            | RowError::Level1Unknown { .. } => "分值",
            RowError::NameMissing => "三级指标",
            RowError::TargetMissing | RowError::TargetNoNumber(_) => "年度指标值",
            RowError::ActualMissing | RowError::ActualNoNumber(_) | RowError::Units(_) | RowError::TooLarge => {
                "实际完成值"
            }
            RowError::SymbolUnknown(_) => "计算符号",
            RowError::LevelUnknown(_) => "完成情况",
            RowError::ScoreNotNumber(_) | RowError::OutOfBand { .. } => "得分",
            RowError::DeductionNotNumber(_) => "扣减分数",
        })
    }
}

/// A flag on a scored row for a human to look at.
#[derive(Debug, Clone, PartialEq)]
pub enum Flag {
    /// S11: no comparator; scored as ≥.
    InferredDirection,
    /// S11: a bare amount under 成本指标; scored as a ceiling (≤).
    CostCeiling,
    /// S21: a range target, scored on its lower bound.
    Range { low: Decimal, high: Decimal, unit: Text },
    /// S19: a bare fraction against a percent target.
    BareFraction(Decimal),
    /// S12: a negative actual, clamped to 0.
    NegativeActual(Decimal),
    /// S8: far above the target.
    OverAchievement,
    /// S22: 不适用 kept at 0 points (rescaling off).
    NotApplicableKept,
    /// A level placed by the band of the manual score.
    LevelFromScore { score: Decimal, level: Level },
    /// S24: a shortfall without a 偏差原因.
    NoReason,
}

/// How the execution row (S4–S6) was scored.
#[derive(Debug, Clone, PartialEq)]
pub enum ExecDecision {
    /// The stated 预算执行率分值 is out of range: 0 points.
    WeightOutOfRange(Decimal),
    /// Decimal arithmetic overflowed on the rate.
    TooLarge {
        executed: Decimal,
        budget: Decimal,
    },
    /// S4/S5: the rate and the score.
    Rate {
        executed: Decimal,
        budget: Decimal,
        rate_pct: Decimal,
        used_pct: Decimal,
        capped: bool,
    },
    /// S29: no budget amounts; S5 on the rate the form states.
    StatedRate {
        rate_pct: Decimal,
        used_pct: Decimal,
        capped: bool,
    },
    /// S6: budget 0 with money spent.
    ZeroBudget {
        executed: Decimal,
    },
    NegativeBudget(Decimal),
    /// S6: no budget figures.
    Missing,
}

/// A project-level problem the scorer found, in the order found.
#[derive(Debug, Clone, PartialEq)]
pub struct Note {
    pub row: Option<u32>,
    pub kind: NoteKind,
}

#[derive(Debug, Clone, PartialEq)]
pub enum NoteKind {
    /// Error: a row that could not be scored (index in `rows`).
    Row { index: usize, error: RowError },
    /// Error: the execution row (its decision says why).
    Execution,
    /// Warning: a 一级 name the profile does not know (weights given).
    Level1NotInProfile(String),
    /// Warning: S22 rescaling overflowed and was not done.
    RescaleTooLarge,
    /// Warning: S6 no budget figures.
    NoBudget,
    /// Warning: S29 no budget amounts, scored on the stated rate.
    StatedRate,
    /// Warning: S3 the weights do not sum to the profile's total.
    WeightSum { sum: Decimal, total: Decimal },
    /// Warning: a row's flag (index in `rows`, index in its flags).
    RowFlag { index: usize, flag: usize },
}

impl NoteKind {
    /// Errors go to `errors`, the rest to `warnings`.
    pub fn is_error(&self) -> bool {
        matches!(self, NoteKind::Row { .. } | NoteKind::Execution)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_direction_is_written_and_read_as_its_symbol() {
        let all = [
            (Direction::Compare(Comparator::Ge), "\"≥\""),
            (Direction::Compare(Comparator::Gt), "\">\""),
            (Direction::Compare(Comparator::Eq), "\"=\""),
            (Direction::Compare(Comparator::Lt), "\"<\""),
            (Direction::Compare(Comparator::Le), "\"≤\""),
            (Direction::Qualitative, "\"定性\""),
        ];
        for (d, json) in all {
            assert_eq!(serde_json::to_string(&d).unwrap(), json);
            assert_eq!(serde_json::from_str::<Direction>(json).unwrap(), d);
        }
        assert!(serde_json::from_str::<Direction>("\"≈\"").is_err());
    }

    #[test]
    fn a_row_result_stays_small() {
        // Every row's result is written once and read by audit, summary and
        // explain: rare parts are kept out of line (issue 14).
        let (row, decision) = (size_of::<crate::report::RowResult>(), size_of::<RowDecision>());
        println!("size_of RowResult {row} bytes, RowDecision {decision} bytes");
        assert!(row <= 400 && decision <= 144, "RowResult {row}, RowDecision {decision}");
    }
}
