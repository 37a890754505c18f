//! S7–S13 with S18–S22: how a row is scored (direction or 定性), and the
//! quantitative rows. Qualitative rows go to [`super::qualitative`].

use rust_decimal::Decimal;

use super::deadline::{self, Years};
use super::{is_blank, qualitative, Decided};
use crate::expr::{self, Comparator, Symbol, Unit, ValueExpr};
use crate::model::IndicatorInput;
use crate::num::{mul_div, round2};
use crate::profile::{Profile, ReverseFormula};
use crate::report::decision::{self, Flag, QuantKind, QuantOutcome, Quantitative, RowError, Rule};
use crate::report::{Direction, Level, RowResult};

/// How a row is scored: its direction or 定性, and whether that was inferred.
enum Kind {
    Quantitative(Comparator, bool),
    Qualitative,
}

/// The cell text that marks a row 不适用 (S22).
const NOT_APPLICABLE: &str = "不适用";

/// S9: the linear reverse formula gives 0 from this multiple of T on.
const LINEAR_ZERO_AT: Decimal = Decimal::TWO;

/// The rule for one row: checks its cells, finds its kind and scores it.
pub(super) fn evaluate(
    ind: &IndicatorInput,
    w: Decimal,
    years: Years<'_>,
    profile: &Profile,
    r: &mut RowResult,
) -> Decided {
    if is_blank(&ind.name) {
        return Err(RowError::NameMissing);
    }
    if is_blank(&ind.target) {
        return Err(RowError::TargetMissing);
    }
    // S22: 不适用.
    // `normalize` never makes a CJK character: text without 适 is not 不适用.
    // (A scan for the character: `contains` with a CJK character is a substring search.)
    let na = |s: &str| s.chars().any(|c| c == '适') && expr::normalize(s) == NOT_APPLICABLE;
    if na(&ind.target) || na(&ind.actual) || ind.level.as_deref().is_some_and(na) {
        r.level = Some(Level::NotApplicable);
        r.direction = None;
        if !profile.not_applicable_rescale {
            r.flags.push(Flag::NotApplicableKept);
        }
        return Ok((Decimal::ZERO, Rule::NotApplicable { rescaled: profile.not_applicable_rescale }));
    }
    if is_blank(&ind.actual) {
        return Err(RowError::ActualMissing);
    }
    let parsed_symbol = match ind.symbol.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(s) => Some(expr::parse_symbol(s).ok_or_else(|| RowError::SymbolUnknown(s.to_owned()))?),
        None => None,
    };
    // S28: a target naming a date is a time limit; an actual without a
    // date ("按时完成") is then read as a qualitative row (S17).
    if parsed_symbol != Some(Symbol::Qualitative) {
        if let Some(limit) = expr::parse_date(&ind.target) {
            return match expr::find_date(&ind.actual) {
                Some(done) => deadline::deadline(&limit, &done, w, years, profile, r),
                None => qualitative::qualitative(ind, w, profile, r),
            };
        }
    }
    let mut target = expr::parse_value(&ind.target);
    if let (Some(t), Some(u)) = (target.as_mut(), ind.unit.as_deref().and_then(expr::parse_unit)) {
        if t.unit == Unit::None {
            t.unit = u;
        }
    }
    let kind = match (parsed_symbol, &target) {
        (Some(Symbol::Qualitative), _) | (None, None) => Kind::Qualitative,
        (Some(Symbol::Cmp(c)), Some(_)) => Kind::Quantitative(c, false),
        (Some(Symbol::Positive), Some(_)) => Kind::Quantitative(Comparator::Ge, false),
        (Some(Symbol::Reverse), Some(_)) => Kind::Quantitative(Comparator::Le, false),
        (Some(_), None) => return Err(RowError::TargetNoNumber(ind.target.as_str().to_owned())),
        // S18 comparator in the text, else S11: a bare number is ≥ — a bare
        // amount under 成本指标 a ceiling (≤) — marked inferred. 定量 says
        // only that the row is quantitative (S11 still applies).
        (None | Some(Symbol::Quantitative), Some(t)) => match t.comparator {
            Some(c) => Kind::Quantitative(c, false),
            None if matches!(t.unit, Unit::Money(_)) && is_cost(ind) => Kind::Quantitative(Comparator::Le, true),
            None => Kind::Quantitative(Comparator::Ge, true),
        },
    };
    match (kind, target) {
        (Kind::Quantitative(c, inferred), Some(t)) => quantitative(ind, &t, c, inferred, w, profile, r),
        _ => qualitative::qualitative(ind, w, profile, r),
    }
}

/// S11: a row under 成本指标 (the 一级 or 二级 named 成本…).
fn is_cost(ind: &IndicatorInput) -> bool {
    [&ind.level1, &ind.level2].into_iter().any(|l| expr::normalize(l).starts_with(COST))
}

/// S11: the level name that makes a bare amount a ceiling.
const COST: &str = "成本";

/// The actual as a value; a zero word ("无") against a zero target is 0 (S10).
fn actual_value(ind: &IndicatorInput, zero_target: bool) -> Result<ValueExpr, RowError> {
    match expr::parse_value(&ind.actual) {
        Some(a) => Ok(a),
        None if zero_target && expr::is_zero_word(&ind.actual) => Ok(ValueExpr {
            label: String::new(),
            comparator: None,
            value: Decimal::ZERO,
            unit: Unit::None,
            upper: None,
            full_marks: None,
            zero_word: true,
        }),
        None => Err(RowError::ActualNoNumber(ind.actual.as_str().to_owned())),
    }
}

/// S7–S13: a quantitative row.
fn quantitative(
    ind: &IndicatorInput,
    t: &ValueExpr,
    c: Comparator,
    inferred: bool,
    w: Decimal,
    profile: &Profile,
    r: &mut RowResult,
) -> Decided {
    r.direction = Some(Direction::Compare(c));
    r.direction_inferred = inferred;
    if inferred {
        // S11: inferred reverse only for an amount under 成本指标.
        r.flags.push(if c.is_reverse() { Flag::CostCeiling } else { Flag::InferredDirection });
    }
    if let Some(upper) = t.upper {
        r.flags.push(Flag::Range { low: t.value, high: upper, unit: t.unit.label() });
    }
    let zero_target = t.value.is_zero();
    let actual = actual_value(ind, zero_target)?;
    let aligned = expr::align(t, &actual).map_err(RowError::Units)?;
    // S19: a bare actual takes the target's unit; a bare fraction against a
    // percent target is most likely a ratio typed without %: say so, never guess.
    if actual.unit == Unit::None
        && t.unit == Unit::Percent
        && actual.value > Decimal::ZERO
        && actual.value <= Decimal::ONE
        && t.value > Decimal::ONE
    {
        r.flags.push(Flag::BareFraction(actual.value));
    }
    let (tv, mut av) = (aligned.target, aligned.actual);
    // S12: a negative actual is clamped to 0.
    if av < Decimal::ZERO {
        r.flags.push(Flag::NegativeActual(av));
        av = Decimal::ZERO;
    }
    // S20: a score-of-full-marks actual read as a percentage.
    let full_marks = actual.full_marks.filter(|_| aligned.unit == "%").map(|fm| Box::new((actual.value, fm)));
    let kind = if c.is_reverse() {
        QuantKind::Reverse
    } else if c == Comparator::Eq {
        QuantKind::Equal
    } else {
        QuantKind::Positive
    };
    let (score, outcome) = outcome(kind, w, tv, av, profile, r)?;
    let decided = Quantitative { kind, weight: w, unit: aligned.unit, target: tv, actual: av, full_marks, outcome };
    Ok((score, Rule::Quantitative(decided)))
}

/// S7–S10: the points and the case that gave them.
fn outcome(
    kind: QuantKind,
    w: Decimal,
    tv: Decimal,
    av: Decimal,
    profile: &Profile,
    r: &mut RowResult,
) -> Result<(Decimal, QuantOutcome), RowError> {
    // S10: a zero target — A = 0 gives W, A > 0 gives 0. Never divide by zero.
    if tv.is_zero() {
        return Ok(if av <= Decimal::ZERO {
            (w, QuantOutcome::ZeroTargetMet)
        } else {
            (Decimal::ZERO, QuantOutcome::ZeroTargetMissed)
        });
    }
    if kind == QuantKind::Reverse {
        // S9: A ≤ T → W; else W × T/A (ratio) or the linear formula.
        if av <= tv {
            return Ok((w, QuantOutcome::Met));
        }
        if tv < Decimal::ZERO {
            return Ok((Decimal::ZERO, QuantOutcome::NegativeTargetMissed));
        }
        let (score, formula) = match profile.reverse_formula {
            ReverseFormula::Ratio => (mul_div(w, tv, av).ok_or(RowError::TooLarge)?, decision::ReverseFormula::Ratio),
            // tv > 0 here; twice a huge target is beyond any actual.
            ReverseFormula::Linear if tv.checked_mul(LINEAR_ZERO_AT).is_some_and(|twice| av >= twice) => {
                (Decimal::ZERO, decision::ReverseFormula::LinearZero { at: LINEAR_ZERO_AT })
            }
            ReverseFormula::Linear => {
                let over = av.checked_sub(tv).and_then(|d| d.checked_div(tv));
                let s = over.and_then(|o| w.checked_mul(Decimal::ONE - o)).ok_or(RowError::TooLarge)?;
                (s, decision::ReverseFormula::Linear)
            }
        };
        return Ok((score, QuantOutcome::ReverseShort { formula, score: round2(score) }));
    }
    // S7 (≥ ＞) and S10 (＝ with T > 0).
    if tv < Decimal::ZERO {
        return Ok(if av >= tv { (w, QuantOutcome::Met) } else { (Decimal::ZERO, QuantOutcome::NegativeTargetMissed) });
    }
    if av >= tv {
        // S8: far above the target: full marks, and a flag for review.
        if profile.over_achievement_factor.checked_mul(tv).is_some_and(|far| av >= far) {
            r.flags.push(Flag::OverAchievement);
        }
        return Ok((w, QuantOutcome::Met));
    }
    let s = mul_div(w, av, tv).ok_or(RowError::TooLarge)?;
    Ok((s, QuantOutcome::PositiveShort { score: round2(s) }))
}
