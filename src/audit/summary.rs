//! The project's 复核 summary: 填报总分, 规则计算总分 and their difference
//! split by cause — the rows' stated scores, the execution score, the form's
//! own arithmetic (its total against its parts), parts it does not state,
//! and an S36 cap. The causes add up to the difference exactly.

use rust_decimal::Decimal;

use super::agrees;
use crate::model::ProjectInput;
use crate::num::sum;
use crate::report::{AuditSummary, Cause, CauseKind, ProjectResult, RowResult, Status};

/// The summary of a scored and audited project (its words come from `explain`).
pub(super) fn summary(input: &ProjectInput, result: &ProjectResult) -> AuditSummary {
    let ex = &result.execution;
    let stated_total = input.stated.total;
    let mut causes = Vec::new();
    let mut push = |kind: CauseKind, amount: Decimal, rows: Vec<u32>| {
        if !amount.is_zero() || !rows.is_empty() {
            causes.push(Cause { kind, amount, rows });
        }
    };
    // Rows: Σ (stated − computed) over the rows that state a score: those
    // the rules scored, those they could not, those above an assumed weight (S32).
    let stated_rows = || result.rows.iter().filter_map(|r| Some((r, r.stated_score?)));
    let kind_of = |r: &RowResult, stated: Decimal| {
        if matches!(r.status, Status::Error | Status::Pending) {
            CauseKind::Unscored
        } else if result.weights_assumed && stated > r.weight {
            CauseKind::AssumedWeights
        } else {
            CauseKind::Rows
        }
    };
    for kind in [CauseKind::Rows, CauseKind::Unscored, CauseKind::AssumedWeights] {
        let mine = || stated_rows().filter(|(r, s)| kind_of(r, *s) == kind);
        let amount = sum(mine().map(|(r, s)| s.saturating_sub(r.score)));
        let differing = mine().filter(|(r, s)| !agrees(*s, r.score)).map(|(r, _)| r.row).collect();
        push(kind, amount, differing);
    }
    let exec_amount = ex.stated_score.map(|s| s.saturating_sub(ex.score)).unwrap_or_default();
    push(CauseKind::Execution, exec_amount, Vec::new());
    if let Some(total) = stated_total {
        // The parts as the form states them, else as the rules give them.
        let parts = sum(result.rows.iter().map(|r| r.stated_score.unwrap_or(r.score)))
            .saturating_add(ex.stated_score.unwrap_or(ex.score));
        let all_stated = result.rows.iter().all(|r| r.stated_score.is_some()) && ex.stated_score.is_some();
        let kind = if all_stated { CauseKind::Arithmetic } else { CauseKind::Unstated };
        push(kind, total.saturating_sub(parts), Vec::new());
        // S36: the cap took points off the computed total.
        if let Some(cap) = &result.cap {
            push(CauseKind::Cap, cap.uncapped.saturating_sub(result.total), Vec::new());
        }
    }
    let stated_any = stated_total.is_some()
        || input.stated.rate.is_some()
        || ex.stated_score.is_some()
        || result.rows.iter().any(|r| r.stated_score.is_some());
    AuditSummary {
        stated_total,
        computed_total: result.total,
        difference: stated_total.map(|s| s.saturating_sub(result.total)),
        causes,
        findings: result.audit.len(),
        stated_any,
        total_agrees: stated_total.is_some_and(|s| agrees(s, result.total)),
        verdict: String::new(),
        notes: Vec::new(),
        note_kinds: Default::default(),
    }
}
