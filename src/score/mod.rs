//! The scorer (SCORING.md S1–S26): normalised input + edits + profile →
//! scored projects with typed decisions. Words come later (`explain`, S27);
//! the audit is a later step too.
//!
//! Every number a rule leaves to a setting comes from the [`Profile`]. All
//! arithmetic is decimal; a row score is rounded half-up to 2 places (S25)
//! and the total is the sum of the rounded parts.
//!
//! Choices of ours where the spec is silent, written down here:
//! - With 分值 given, a 一级 name the profile does not know is only a
//!   warning (the weight does not depend on it); without 分值 it is an error,
//!   since the row's weight cannot be found (S2).
//! - A quantitative row whose actual holds no number is an error on the row
//!   (a zero target accepts zero words such as "无" / "未发生", S10).
//! - A qualitative row with a manual score but no readable level takes the
//!   level whose band holds the score (S14), flagged for review.
//! - A row marked 不适用 with `not_applicable_rescale` off keeps its weight and
//!   scores 0, with a warning (S22).
//! - A row's status is `review` when it carries any warning.
//! - S11: under 成本指标 only a money amount (元 / 万元 / 亿元, "400元/人")
//!   is a ceiling; another bare number there ("节约率 10%") stays ≥.
//! - S28: a deadline runs to the last day of the target's span, and an
//!   actual naming a span ("10月") is counted from its first day (the
//!   earliest it can have been done). An actual without a date — text or a
//!   count — against a date target is qualitative (S17). With no year in
//!   the row or the project's name and no current year from the caller,
//!   dates are compared within one common (non-leap) year and shown without
//!   a year.
//! - S29: the stated rate is used only when neither 全年预算数 nor
//!   全年执行数 is given (otherwise S4–S6 apply, and the audit compares).
//! - S24 needs a 偏差原因 cell to be empty: a form without that column gets
//!   no per-row warning (S33; the audit notes the missing column once).
//!
//! The rules, one file each: [`weights`] S1–S3, [`execution`] S4–S6,
//! [`quantitative`] S7–S13 and S18–S22, [`qualitative`] S14–S17,
//! [`deadline`] S28, [`totals`] S22 rescaling, S25–S26.

mod deadline;
mod execution;
mod qualitative;

pub use qualitative::band;
mod quantitative;
mod totals;
mod weights;

use std::borrow::Cow;

use rust_decimal::Decimal;

use crate::expr;
use crate::model::{Edit, IndicatorInput, Input, ProjectInput, Text};
use crate::num::round2;
use crate::profile::Profile;
use crate::report::decision::{Deduction, Flag, Note, NoteKind, RowDecision, RowError, Rule};
use crate::report::{Level, ProjectResult, Report, RowResult, Skipped, Status};
use deadline::Years;
use weights::Levels;

/// What a rule gives a row: its points (unrounded) and the decision.
type Decided = Result<(Decimal, Rule), RowError>;

/// Score every project of the input, with the page's edits applied to the
/// rows they name (only those rows are copied).
pub fn score(input: &Input, edits: &[Edit], profile: &Profile) -> Report {
    score_in_year(input, edits, profile, None)
}

/// [`score`], knowing the current year (the caller's clock): a date
/// without a year anywhere then takes the year before it (S28).
pub fn score_in_year(input: &Input, edits: &[Edit], profile: &Profile, current_year: Option<i32>) -> Report {
    let mut scorer = Scorer::new(profile, current_year);
    let projects = input.projects.iter().enumerate().map(|(i, p)| scorer.project(p, i, edits)).collect();
    Report { profile: profile.id.clone(), projects }
}

/// Project `index` of the input alone, as [`score_in_year`] scores it
/// (the edits of other projects are not looked at); `None`: no such project.
pub fn score_one(
    input: &Input,
    index: usize,
    edits: &[Edit],
    profile: &Profile,
    current_year: Option<i32>,
) -> Option<ProjectResult> {
    let p = input.projects.get(index)?;
    Some(Scorer::new(profile, current_year).project(p, index, edits))
}

/// [`score_in_year`] for a caller that is done with the rows once scored:
/// see [`Scorer::project_taking`] (what is moved out of `input`).
pub fn score_taking(input: &mut Input, edits: &[Edit], profile: &Profile, current_year: Option<i32>) -> Report {
    let mut scorer = Scorer::new(profile, current_year);
    let projects =
        input.projects.iter_mut().enumerate().map(|(index, p)| scorer.project_taking(p, index, edits)).collect();
    Report { profile: profile.id.clone(), projects }
}

/// The scorer of one run, project after project: the profile, the current
/// year, and the profile's level of each 一级 text it has looked up (S1/S2),
/// kept from one project to the next (a file names a handful).
pub struct Scorer<'p> {
    profile: &'p Profile,
    current_year: Option<i32>,
    levels: Levels,
}

impl<'p> Scorer<'p> {
    pub fn new(profile: &'p Profile, current_year: Option<i32>) -> Scorer<'p> {
        Scorer { profile, current_year, levels: Levels::default() }
    }

    /// Project `p` (number `index` of its input), with the edits that name
    /// it applied to copies of its rows.
    pub fn project(&mut self, p: &ProjectInput, index: usize, edits: &[Edit]) -> ProjectResult {
        let years = Years { name: p.name.as_deref(), current: self.current_year };
        score_project(p, edited(index, p, edits), years, self.profile, &mut self.levels)
    }

    /// [`Scorer::project`] for a caller that is done with the rows once
    /// scored: they are moved out of `p` (edits applied in place), and so
    /// are its name, department, implementer and sheet; `p` keeps every
    /// other field, which is all the audit reads. The texts move into the
    /// result, not copied.
    pub fn project_taking(&mut self, p: &mut ProjectInput, index: usize, edits: &[Edit]) -> ProjectResult {
        let mut rows = std::mem::take(&mut p.indicators);
        let form = edited_by(index, &rows, edits).then(|| {
            let form = rows.iter().map(stated).collect();
            rows.iter_mut().enumerate().for_each(|(i, ind)| ind.apply_edits(index, i, edits));
            form
        });
        let rows = Rows { rows: Cow::Owned(rows), form };
        let (name, department, implementer, sheet) =
            (p.name.take(), p.department.take(), p.implementer.take(), p.sheet.take());
        let years = Years { name: name.as_deref(), current: self.current_year };
        let mut result = score_project(p, rows, years, self.profile, &mut self.levels);
        (result.name, result.department, result.implementer, result.sheet) = (name, department, implementer, sheet);
        result
    }
}

/// A project's rows as scored: borrowed from the input, or owned (moved
/// out of it, or copied to apply the page's edits); with the edits, the
/// 得分 each row's form states (before any edit).
struct Rows<'a> {
    rows: Cow<'a, [IndicatorInput]>,
    form: Option<Vec<Option<Decimal>>>,
}

/// Does an edit name one of the project's rows?
fn edited_by(index: usize, rows: &[IndicatorInput], edits: &[Edit]) -> bool {
    edits
        .iter()
        .filter(|e| e.project == index)
        .any(|e| rows.iter().enumerate().any(|(i, ind)| ind.is_edited_by(index, i, e)))
}

/// The project's rows with the edits that name them applied (a copy only
/// when there are such edits).
fn edited<'a>(index: usize, p: &'a ProjectInput, edits: &[Edit]) -> Rows<'a> {
    if !edited_by(index, &p.indicators, edits) {
        return Rows { rows: Cow::Borrowed(&p.indicators), form: None };
    }
    let form = p.indicators.iter().map(stated).collect();
    let mut rows = p.indicators.clone();
    rows.iter_mut().enumerate().for_each(|(i, ind)| ind.apply_edits(index, i, edits));
    Rows { rows: Cow::Owned(rows), form: Some(form) }
}

/// Row `i`'s texts into its result `r`: moved from owned rows, copied
/// from borrowed ones (field by field: no array of texts is built).
fn texts(rows: &mut Cow<'_, [IndicatorInput]>, i: usize, r: &mut RowResult) {
    match rows {
        Cow::Owned(v) => {
            if let Some(ind) = v.get_mut(i) {
                r.level1 = std::mem::take(&mut ind.level1);
                r.level2 = std::mem::take(&mut ind.level2);
                r.name = std::mem::take(&mut ind.name);
                r.target = std::mem::take(&mut ind.target);
                r.actual = std::mem::take(&mut ind.actual);
            }
        }
        Cow::Borrowed(v) => {
            if let Some(ind) = v.get(i) {
                r.level1.clone_from(&ind.level1);
                r.level2.clone_from(&ind.level2);
                r.name.clone_from(&ind.name);
                r.target.clone_from(&ind.target);
                r.actual.clone_from(&ind.actual);
            }
        }
    }
}

/// Score a project's rows (`rows`, edits applied; `p` gives the rest).
fn score_project(
    p: &ProjectInput,
    Rows { mut rows, form }: Rows<'_>,
    years: Years<'_>,
    profile: &Profile,
    levels: &mut Levels,
) -> ProjectResult {
    let mut notes: Vec<Note> = Vec::new();
    let weights = weights::weights(&rows, &p.level_weights, profile, levels, &mut notes);
    // S33: does the form have a 偏差原因 column (the audit's note)?
    let reason_column = rows.iter().any(|i| i.reason.is_some());
    let mut results: Vec<RowResult> = Vec::with_capacity(rows.len());
    for i in 0..rows.len() {
        let Some(ind) = rows.get(i) else { continue };
        // The 填报得分 is the form's, not the page's edit of it.
        let form_score = form.as_ref().map_or_else(|| stated(ind), |f| f.get(i).copied().flatten());
        let row = ind.row_number(i);
        let (weight, weight_error) = match weights.rows.get(i) {
            Some(Ok(w)) => (*w, None),
            Some(Err(e)) => (Decimal::ZERO, Some(e.clone())),
            None => (Decimal::ZERO, None),
        };
        // The row is built in place (a result is large: not moved once made).
        results.push(unscored(row, weight));
        let Some(r) = results.last_mut() else { continue };
        if weights.assumed && above(ind, weight) {
            // S32: a stated 得分 above an assumed weight is not a manual
            // score (S16): the row scores by its level; the audit compares it.
            score_row(&IndicatorInput { score: None, ..(*ind).clone() }, r, years, profile);
        } else {
            score_row(ind, r, years, profile);
        }
        r.stated_score = form_score;
        texts(&mut rows, i, r);
        if let Some(e) = weight_error {
            r.status = Status::Error;
            r.score = Decimal::ZERO;
            r.decision = Skipped(RowDecision { rule: Rule::Error(e), ..RowDecision::default() });
        }
        if let Rule::Error(error) = &r.decision.rule {
            notes.push(Note { row: Some(row), kind: NoteKind::Row { index: i, error: error.clone() } });
        }
    }
    totals::rescale_not_applicable(&mut results, profile, &mut notes);
    let mut execution = execution::execution(&p.budget, p.stated.rate, profile, &mut notes);
    execution.stated_rate = p.stated.rate;
    execution.stated_score = p.stated.execution_score;
    let mut result = totals::project(p, results, execution, notes, profile);
    result.weights_assumed = weights.assumed;
    result.reason_column = Skipped(reason_column);
    result
}

/// Is a cell empty but for white space? (`trim().is_empty()`, one look at
/// the first character of most cells.)
fn is_blank(s: &str) -> bool {
    s.chars().all(char::is_whitespace)
}

/// The 得分 the file states, as a number.
fn stated(ind: &IndicatorInput) -> Option<Decimal> {
    ind.score.as_deref().and_then(expr::parse_number)
}

/// S32: does the row state more than `weight`?
fn above(ind: &IndicatorInput, weight: Decimal) -> bool {
    stated(ind).is_some_and(|s| s > weight)
}

/// A row's result before it is scored: its number and weight. The texts
/// are set by the caller (moved or copied, see `texts`).
fn unscored(row: u32, weight: Decimal) -> RowResult {
    RowResult {
        row,
        level1: Text::default(),
        level2: Text::default(),
        name: Text::default(),
        target: Text::default(),
        actual: Text::default(),
        direction: None,
        direction_inferred: false,
        weight,
        score: Decimal::ZERO,
        level: None,
        level_inferred: false,
        stated_score: None,
        status: Status::Ok,
        explanation: String::new(),
        warnings: Vec::new(),
        decision: Skipped::default(),
        flags: Skipped::default(),
    }
}

/// One row (`r`: [`unscored`]): its rule (S7–S22), the deduction (S23), the
/// cap (S13), the rounding (S25) and the reason check (S24).
fn score_row(ind: &IndicatorInput, r: &mut RowResult, years: Years<'_>, profile: &Profile) {
    let weight = r.weight;
    let (mut score, rule) = match quantitative::evaluate(ind, weight, years, profile, r) {
        Ok(decided) => decided,
        Err(e) => return failed(r, e),
    };
    // S23: deduction.
    let mut deduction = None;
    if let Some(d) = ind.deduction.as_deref().map(str::trim).filter(|d| !d.is_empty()) {
        match expr::parse_number(d) {
            Some(points) if points > Decimal::ZERO => {
                let before = score;
                score = score.saturating_sub(points).max(Decimal::ZERO);
                deduction = Some(Box::new(Deduction { points, before: round2(before), after: round2(score) }));
            }
            Some(_) => {}
            None => return failed(r, RowError::DeductionNotNumber(d.to_owned())),
        }
    }
    // S13: 0 ≤ score ≤ W, always.
    score = round2(score.max(Decimal::ZERO).min(weight.max(Decimal::ZERO)));
    let pending = r.level == Some(Level::Pending);
    // S24: a shortfall needs a reason — in a form that has a 偏差原因
    // column (S33: without one, the audit notes it once for the project).
    if score < weight && !pending && ind.reason.as_deref().is_some_and(is_blank) {
        r.flags.push(Flag::NoReason);
    }
    r.status = if pending {
        Status::Pending
    } else if r.flags.is_empty() {
        Status::Ok
    } else {
        Status::Review
    };
    r.score = score;
    r.decision = Skipped(RowDecision { rule, deduction, rescale: None });
}

/// A row that could not be scored: 0 points, the error as its decision.
fn failed(r: &mut RowResult, error: RowError) {
    r.score = Decimal::ZERO;
    r.status = Status::Error;
    r.decision = Skipped(RowDecision { rule: Rule::Error(error), ..RowDecision::default() });
}
