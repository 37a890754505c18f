//! 复核 (audit, S31–S35): compare every figure the file states — a row's
//! 得分, the execution rate and its score, the 总分 — with what the rules
//! give, and list each discrepancy as a typed [`Finding`] (its sentence is
//! written by `explain`). Figures are compared at 2 decimals (S25), exactly:
//! a form whose parts are rounded the way the rules round finds nothing.

use rust_decimal::Decimal;

use crate::model::{Input, ProjectInput};
use crate::num::{round2, sum};
use crate::profile::Profile;
use crate::report::decision::Flag;
use crate::report::{Direction, Finding, FindingKind, ProjectResult, Report, Skipped, Status};

/// Add the findings of every project (the input gives the stated figures).
pub fn audit(input: &Input, report: &mut Report, profile: &Profile) {
    for (p, result) in input.projects.iter().zip(report.projects.iter_mut()) {
        result.audit = audit_project(p, result, profile);
    }
}

fn finding(kind: FindingKind, row: Option<u32>, stated: Option<Decimal>, computed: Option<Decimal>) -> Finding {
    Finding { row, name: None, kind, stated, computed, message: String::new(), row_index: Skipped(None) }
}

/// The findings for one scored project.
pub fn audit_project(input: &ProjectInput, result: &ProjectResult, profile: &Profile) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut on_row = |index: usize, kind: FindingKind, stated: Option<Decimal>, computed: Option<Decimal>| {
        let r = result.rows.get(index);
        let mut f = finding(kind, r.map(|r| r.row), stated, computed);
        f.name = r.map(|r| r.name.clone());
        f.row_index = Skipped(Some(index));
        out.push(f);
    };
    // Rows.
    for (i, r) in result.rows.iter().enumerate() {
        let Some(stated) = r.stated_score else { continue };
        if stated > r.weight {
            on_row(i, FindingKind::OverWeight, Some(stated), Some(r.weight));
        }
        if r.status == Status::Error && r.direction == Some(Direction::Qualitative) {
            on_row(i, FindingKind::Band, Some(stated), None);
            continue;
        }
        if r.status != Status::Error && r.status != Status::Pending && round2(stated) != r.score {
            on_row(i, FindingKind::RowScore, Some(stated), Some(r.score));
        }
    }
    for (i, r) in result.rows.iter().enumerate() {
        if r.flags.contains(&Flag::NoReason) {
            on_row(i, FindingKind::NoReason, None, Some(r.score));
        }
    }

    // Execution.
    let ex = &result.execution;
    if let (Some(stated), Some(rate)) = (input.stated.rate, ex.rate) {
        if round2(stated) != rate {
            out.push(finding(FindingKind::ExecRate, None, Some(stated), Some(rate)));
        }
    }
    if let Some(stated) = input.stated.execution_score {
        if round2(stated) != ex.score {
            out.push(finding(FindingKind::ExecScore, None, Some(stated), Some(ex.score)));
        }
    }

    // Totals.
    let total_row = input.stated.total_row;
    if let Some(stated) = input.stated.total {
        let parts: Option<Vec<Decimal>> = result.rows.iter().map(|r| r.stated_score).collect();
        if let (Some(parts), Some(exec)) = (parts, input.stated.execution_score) {
            let parts_sum = sum(parts.into_iter().chain([exec]));
            if !result.rows.is_empty() && round2(stated) != round2(parts_sum) {
                out.push(finding(FindingKind::TotalSum, total_row, Some(stated), Some(parts_sum)));
            }
        }
        if round2(stated) != result.total {
            out.push(finding(FindingKind::Total, total_row, Some(stated), Some(result.total)));
        }
    }
    if result.weight_sum != profile.total {
        out.push(finding(FindingKind::WeightSum, None, Some(result.weight_sum), Some(profile.total)));
    }
    out
}
