//! S4–S6: the budget execution row.

use rust_decimal::Decimal;

use crate::model::Budget;
use crate::num::{round2, HUNDRED, MAX_WEIGHT};
use crate::profile::Profile;
use crate::report::decision::{ExecDecision, Note, NoteKind};
use crate::report::{Execution, Skipped};

/// S4–S6, S29: the rate, its score, and the notes for missing or wrong
/// figures. `stated_rate` is the rate the form states (percent).
pub(super) fn execution(
    b: &Budget,
    stated_rate: Option<Decimal>,
    profile: &Profile,
    notes: &mut Vec<Note>,
) -> Execution {
    let mut e = Execution {
        budget: b.adjusted,
        executed: b.executed,
        rate: None,
        weight: b.weight.unwrap_or(profile.execution_weight),
        score: Decimal::ZERO,
        stated_rate: None,
        stated_score: None,
        explanation: String::new(),
        decision: Skipped(None),
    };
    let mut decision = decide(b, profile, &mut e);
    if let (ExecDecision::Missing, Some(rate_pct)) = (&decision, stated_rate) {
        decision = from_stated_rate(rate_pct, profile, &mut e);
    }
    match decision {
        ExecDecision::Rate { .. } => {}
        ExecDecision::StatedRate { .. } => notes.push(Note { row: b.row, kind: NoteKind::StatedRate }),
        ExecDecision::Missing => notes.push(Note { row: b.row, kind: NoteKind::NoBudget }),
        _ => notes.push(Note { row: b.row, kind: NoteKind::Execution }),
    }
    e.decision = Skipped(Some(decision));
    e
}

/// S29: no budget amounts, a stated rate: S5 on that rate.
fn from_stated_rate(rate_pct: Decimal, profile: &Profile, e: &mut Execution) -> ExecDecision {
    let used_pct = if profile.exec_cap { rate_pct.min(HUNDRED) } else { rate_pct }.max(Decimal::ZERO);
    let Some(score) = used_pct.checked_div(HUNDRED).and_then(|used| e.weight.checked_mul(used)) else {
        return ExecDecision::Missing;
    };
    e.rate = Some(round2(rate_pct));
    e.score = round2(score);
    ExecDecision::StatedRate { rate_pct, used_pct, capped: profile.exec_cap && rate_pct > HUNDRED }
}

fn decide(b: &Budget, profile: &Profile, e: &mut Execution) -> ExecDecision {
    if let Some(w) = b.weight.filter(|w| *w < Decimal::ZERO || *w > MAX_WEIGHT) {
        e.weight = Decimal::ZERO;
        return ExecDecision::WeightOutOfRange(w);
    }
    match (b.adjusted, b.executed) {
        (Some(budget), Some(executed)) if budget > Decimal::ZERO => {
            // S5: W × min(rate, 1), or W × rate when the cap is off.
            // Checked: a tiny budget and a huge spend overflow `Decimal`.
            let figures = || {
                let rate = executed.checked_div(budget)?;
                let used = if profile.exec_cap { rate.min(Decimal::ONE) } else { rate };
                Some((
                    rate,
                    rate.checked_mul(HUNDRED)?,
                    used.checked_mul(HUNDRED)?,
                    e.weight.checked_mul(used.max(Decimal::ZERO))?,
                ))
            };
            let Some((rate, rate_pct, used_pct, score)) = figures() else {
                return ExecDecision::TooLarge { executed, budget };
            };
            e.rate = Some(round2(rate_pct));
            e.score = round2(score);
            let capped = profile.exec_cap && rate > Decimal::ONE;
            ExecDecision::Rate { executed, budget, rate_pct, used_pct, capped }
        }
        (Some(budget), Some(executed)) if budget.is_zero() && executed > Decimal::ZERO => {
            ExecDecision::ZeroBudget { executed }
        }
        (Some(budget), _) if budget < Decimal::ZERO => ExecDecision::NegativeBudget(budget),
        // S6: no budget figures (or both 0).
        _ => ExecDecision::Missing,
    }
}
