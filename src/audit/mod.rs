//! 复核 (audit, S31–S35): compare every figure the file states — a row's
//! 得分, the execution rate and its score, the 总分 — with what the rules
//! give, and list each discrepancy as a typed [`Finding`] (its sentence is
//! written by `explain`), one per row and kind; then sum it up for the
//! project ([`summary`]).
//!
//! - S31: a stated figure equal to the computed one at the stated figure's
//!   own decimals is not a finding ([`agrees`]).
//! - S32: weights the rules split are not the form's: a stated 得分 above
//!   such a weight is counted in one `weights_missing` finding.
//! - S33: `no_reason` only where the form has a 偏差原因 column (the scorer
//!   flags those rows); without one, a project note.
//! - S34: the execution rate, its score (W × stated or computed rate: one
//!   that follows either is not an `exec_score`) and spending above the budget.
//! - S35: every quantitative target exceeded by the over-achievement factor.
//!
//! Choices of ours where the spec is silent:
//! - S31 looks at no more than 2 decimals (S25): a stated figure with more
//!   (a workbook formula's full value) is compared at 2.
//! - A row stating more than its (stated) weight gets one `over_weight`
//!   finding, not also a `row_score` one (its sentence gives both figures).
//! - S35 looks at positive and equal rows with a target above 0; reverse
//!   rows and zero targets cannot be "set low" that way and are left out.

mod summary;

use rust_decimal::{Decimal, RoundingStrategy};

use crate::model::{Input, ProjectInput};
use crate::num::{round2, sum, HUNDRED, SCORE_DP};
use crate::profile::Profile;
use crate::report::decision::{Flag, QuantKind, RowError, Rule};
use crate::report::{AuditNote, Finding, FindingKind, ProjectResult, Report, Skipped, Status};

/// S35: at least this many quantitative rows before targets are called low.
const TARGETS_LOW_MIN_ROWS: usize = 3;

/// Add the findings and the summary of every project (the input gives the stated figures).
pub fn audit(input: &Input, report: &mut Report, profile: &Profile) {
    for (p, result) in input.projects.iter().zip(report.projects.iter_mut()) {
        audit_into(p, result, profile);
    }
}

/// The findings and the summary of one project, written into its result.
pub fn audit_into(input: &ProjectInput, result: &mut ProjectResult, profile: &Profile) {
    result.audit = audit_project(input, result, profile);
    result.audit_summary = summary::summary(input, result);
    result.audit_summary.note_kinds = Skipped(notes(result));
}

/// S31: does a stated figure equal the computed one when the computed one is
/// rounded (half-up) to the stated figure's own decimals ("2.9" vs 2.89)?
/// At most 2 decimals (S25): a workbook cell holding 18.333333333333 (a
/// formula shown as 18.33) states 18.33, not more.
pub fn agrees(stated: Decimal, computed: Decimal) -> bool {
    let dp = stated.scale().min(SCORE_DP);
    let round = |d: Decimal| d.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero);
    round(computed) == round(stated)
}

fn finding(kind: FindingKind, row: Option<u32>, stated: Option<Decimal>, computed: Option<Decimal>) -> Finding {
    let difference = match kind {
        FindingKind::Band | FindingKind::NoReason | FindingKind::WeightsMissing | FindingKind::TargetsLow => None,
        _ => stated.zip(computed).map(|(s, c)| s.saturating_sub(c)),
    };
    Finding {
        row,
        name: None,
        kind,
        stated,
        computed,
        difference,
        message: String::new(),
        rule: kind.rule().to_owned(),
        count: None,
        row_index: Skipped(None),
    }
}

/// The findings for one scored project.
pub fn audit_project(input: &ProjectInput, result: &ProjectResult, profile: &Profile) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut on_row = |index: usize, kind: FindingKind, stated: Option<Decimal>, computed: Option<Decimal>| {
        let r = result.rows.get(index);
        let mut f = finding(kind, r.map(|r| r.row), stated, computed);
        f.name = r.map(|r| r.name.as_str().to_owned());
        f.row_index = Skipped(Some(index));
        out.push(f);
    };
    // Rows.
    let mut above_assumed = 0u32;
    for (i, r) in result.rows.iter().enumerate() {
        if r.flags.contains(&Flag::NoReason) {
            on_row(i, FindingKind::NoReason, None, Some(r.score));
        }
        let Some(stated) = r.stated_score else { continue };
        if matches!(r.decision.rule, Rule::Error(RowError::OutOfBand { .. })) {
            on_row(i, FindingKind::Band, Some(stated), None);
        } else if stated > r.weight && result.weights_assumed {
            // S32: not a row finding; counted once for the project.
            above_assumed += 1;
        } else if stated > r.weight {
            on_row(i, FindingKind::OverWeight, Some(stated), Some(r.score));
        } else if !matches!(r.status, Status::Error | Status::Pending) && !agrees(stated, r.score) {
            on_row(i, FindingKind::RowScore, Some(stated), Some(r.score));
        }
    }
    // The no_reason findings after the figures' ones, in row order.
    out.sort_by_key(|f| f.kind == FindingKind::NoReason);
    if above_assumed > 0 {
        let mut f = finding(FindingKind::WeightsMissing, None, None, None);
        f.count = Some(above_assumed);
        out.push(f);
    }
    execution(input, result, profile, &mut out);
    totals(input, result, profile, &mut out);
    if let Some(f) = targets_low(result, profile) {
        out.push(f);
    }
    out
}

/// S34: the stated rate, the stated score against W × rate, spending above the budget.
fn execution(input: &ProjectInput, result: &ProjectResult, profile: &Profile, out: &mut Vec<Finding>) {
    let ex = &result.execution;
    if let (Some(stated), Some(rate)) = (input.stated.rate, ex.rate) {
        if !agrees(stated, rate) {
            out.push(finding(FindingKind::ExecRate, None, Some(stated), Some(rate)));
        }
    }
    // W × the stated or the computed rate (S5's cap as the profile says): a
    // score that follows either is not wrong in itself (a wrong stated rate
    // is `exec_rate`); the figure given is the rules' (computed rate first).
    if let Some(stated) = input.stated.execution_score {
        let score_of = |rate: Decimal| {
            let used = if profile.exec_cap { rate.min(HUNDRED) } else { rate };
            ex.weight.checked_mul(used.max(Decimal::ZERO)).and_then(|x| x.checked_div(HUNDRED)).map(round2)
        };
        let expected = [ex.rate, input.stated.rate].map(|rate| rate.and_then(score_of));
        if let Some(first) = expected.iter().flatten().next() {
            if !expected.iter().flatten().any(|e| agrees(stated, *e)) {
                out.push(finding(FindingKind::ExecScore, None, Some(stated), Some(*first)));
            }
        }
    }
    if let (Some(budget), Some(executed)) = (ex.budget, ex.executed) {
        if budget > Decimal::ZERO && executed > budget {
            out.push(finding(FindingKind::OverBudget, None, Some(executed), Some(budget)));
        }
    }
}

/// The stated total against its own parts and against the rules; the weights' sum (S3).
fn totals(input: &ProjectInput, result: &ProjectResult, profile: &Profile, out: &mut Vec<Finding>) {
    let total_row = input.stated.total_row;
    if let Some(stated) = input.stated.total {
        let all_stated = result.rows.iter().all(|r| r.stated_score.is_some());
        if let (true, Some(exec)) = (all_stated, input.stated.execution_score) {
            let parts_sum = sum(result.rows.iter().filter_map(|r| r.stated_score).chain([exec]));
            if !result.rows.is_empty() && !agrees(stated, parts_sum) {
                out.push(finding(FindingKind::TotalSum, total_row, Some(stated), Some(parts_sum)));
            }
        }
        if !agrees(stated, result.total) {
            out.push(finding(FindingKind::Total, total_row, Some(stated), Some(result.total)));
        }
    }
    // S32: assumed weights sum as the rules split them; only the form's own are checked.
    if !result.weights_assumed && result.weight_sum != profile.total {
        out.push(finding(FindingKind::WeightSum, None, Some(result.weight_sum), Some(profile.total)));
    }
}

/// S35: at least 3 quantitative targets, every one exceeded by the factor.
fn targets_low(result: &ProjectResult, profile: &Profile) -> Option<Finding> {
    let quantitative = || {
        result.rows.iter().filter_map(|r| match &r.decision.rule {
            Rule::Quantitative(q) if q.kind != QuantKind::Reverse && q.target > Decimal::ZERO => Some(q),
            _ => None,
        })
    };
    let over = |q: &crate::report::decision::Quantitative| {
        q.target.checked_mul(profile.over_achievement_factor).is_some_and(|t| q.actual >= t)
    };
    // (Every row over the factor first: most projects have one that is not.)
    if !quantitative().all(over) {
        return None;
    }
    let count = quantitative().count();
    if count < TARGETS_LOW_MIN_ROWS {
        return None;
    }
    let mut f = finding(FindingKind::TargetsLow, None, None, Some(profile.over_achievement_factor));
    f.count = u32::try_from(count).ok();
    Some(f)
}

/// S32/S33: project notes that are not findings.
fn notes(result: &ProjectResult) -> Vec<AuditNote> {
    let mut out = Vec::new();
    if result.weights_assumed && result.rows.iter().any(|r| r.stated_score.is_some()) {
        out.push(AuditNote::WeightsAssumed);
    }
    let has_reason = *result.reason_column;
    let short = result.rows.iter().any(|r| r.score < r.weight && !matches!(r.status, Status::Error | Status::Pending));
    if !has_reason && short {
        out.push(AuditNote::NoReasonColumn);
    }
    out
}
