//! S22 rescaling, S3 weight check, S25 totals and subtotals, S36 caps on
//! the total by execution rate, S26 grade.

use std::collections::HashMap;

use rust_decimal::Decimal;

use crate::model::{ProjectInput, Text};
use crate::num::{mul_div, round2, sum};
use crate::profile::Profile;
use crate::report::decision::{Note, NoteKind};
use crate::report::{AuditSummary, Execution, Level, ProjectResult, RowResult, Skipped, Status, Subtotal, TotalCap};

/// S22: rows marked 不适用 are left out and the rest rescaled to the same total.
pub(super) fn rescale_not_applicable(rows: &mut [RowResult], profile: &Profile, notes: &mut Vec<Note>) {
    let na = |r: &RowResult| r.level == Some(Level::NotApplicable);
    let na_weight = sum(rows.iter().filter(|r| na(r)).map(|r| r.weight));
    if !profile.not_applicable_rescale || na_weight.is_zero() {
        return;
    }
    let all = sum(rows.iter().map(|r| r.weight));
    let left = all.saturating_sub(na_weight);
    if left <= Decimal::ZERO {
        return;
    }
    // Every rescaled figure first, so an overflow leaves the rows unchanged.
    let rescaled: Option<Vec<(Decimal, Decimal)>> = rows
        .iter()
        .map(|r| Some((round2(mul_div(r.weight, all, left)?), round2(mul_div(r.score, all, left)?))))
        .collect();
    let Some(rescaled) = rescaled else {
        notes.push(Note { row: None, kind: NoteKind::RescaleTooLarge });
        return;
    };
    for (r, (weight, score)) in rows.iter_mut().zip(rescaled) {
        if na(r) {
            r.weight = Decimal::ZERO;
            continue;
        }
        r.weight = weight;
        r.score = score;
        r.decision.rescale = Some(Box::new((all, left)));
    }
}

/// The project's result: S25 total and subtotals, S3 weight check, S36 cap, S26 grade.
pub(super) fn project(
    p: &ProjectInput,
    rows: Vec<RowResult>,
    execution: Execution,
    mut notes: Vec<Note>,
    profile: &Profile,
) -> ProjectResult {
    let uncapped = sum(rows.iter().map(|r| r.score).chain([execution.score]));
    // S36: a cap on the total by execution rate.
    let cap = execution.rate.and_then(|rate| {
        let c = profile.cap_for(rate).filter(|c| uncapped > c.max_total)?;
        Some(TotalCap {
            rate_from: c.rate_from,
            rate_below: c.rate_below,
            rate,
            max_total: c.max_total,
            uncapped,
            explanation: String::new(),
        })
    });
    let total = cap.as_ref().map_or(uncapped, |c| c.max_total);
    let weight_sum = sum(rows.iter().map(|r| r.weight).chain([execution.weight]));
    // S3: weights not summing to the profile's total is a warning.
    if weight_sum != profile.total {
        notes.push(Note { row: None, kind: NoteKind::WeightSum { sum: weight_sum, total: profile.total } });
    }
    for (index, r) in rows.iter().enumerate() {
        notes.extend((0..r.flags.len()).map(|flag| Note { row: Some(r.row), kind: NoteKind::RowFlag { index, flag } }));
    }
    ProjectResult {
        name: p.name.clone(),
        department: p.department.clone(),
        implementer: p.implementer.clone(),
        sheet: p.sheet.clone(),
        file: None,
        total,
        grade: profile.grade_of(total).into(),
        provisional: rows.iter().any(|r| r.status == Status::Pending),
        stated_total: p.stated.total,
        weight_sum,
        subtotals: subtotals(&rows),
        execution,
        rows,
        errors: p.errors.clone(),
        warnings: p.warnings.clone(),
        audit: Vec::new(),
        audit_summary: AuditSummary::default(),
        weights_assumed: false,
        reason_column: Skipped(false),
        cap,
        goals: p.goals.clone(),
        ignored: p.ignored.clone(),
        notes: Skipped(notes),
    }
}

/// Subtotals a project has before [`subtotals`] looks them up through a
/// map (most have a handful: a scan of them is faster than hashing).
const SCANNED_SUBTOTALS: usize = 16;

/// S25: subtotals per 一级 and per 二级, in order of first appearance.
fn subtotals(rows: &[RowResult]) -> Vec<Subtotal> {
    let mut out: Vec<Subtotal> = Vec::with_capacity(rows.len());
    // (一级, 二级) → index in `out`, once there are many: one lookup per
    // row, however many levels.
    let mut index: HashMap<(&str, Option<&str>), usize> = HashMap::new();
    for (seen, r) in rows.iter().enumerate() {
        let scan = out.len() <= SCANNED_SUBTOTALS;
        if !scan && index.is_empty() {
            // The subtotals so far, in the order they were made.
            for k in rows.iter().take(seen).flat_map(subtotal_keys) {
                let next = index.len();
                index.entry(k).or_insert(next);
            }
        }
        for (level1, key) in subtotal_keys(r) {
            let found = if scan {
                out.iter().position(|s| s.level1 == level1 && s.level2.as_deref() == key)
            } else {
                index.get(&(level1, key)).copied()
            };
            match found.and_then(|i| out.get_mut(i)) {
                Some(s) => {
                    s.weight = s.weight.saturating_add(r.weight);
                    s.score = s.score.saturating_add(r.score);
                }
                None => {
                    if !scan {
                        index.insert((level1, key), out.len());
                    }
                    out.push(Subtotal {
                        level1: r.level1.clone(),
                        level2: key.map(Text::from),
                        weight: r.weight,
                        score: r.score,
                    });
                }
            }
        }
    }
    out
}

/// The subtotals a row counts in: its 一级's, its 二级's (S25).
fn subtotal_keys(r: &RowResult) -> [(&str, Option<&str>); 2] {
    [(r.level1.as_str(), None), (r.level1.as_str(), Some(r.level2.as_str()))]
}
