#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The sentences users read: no rule ids (issue 11), one reason for a
//! qualitative row, 人工判定 / 人工评分 / 判定依据 when the page chose.

use rust_decimal::Decimal;

use super::*;
use crate::model::Text;
use crate::report::decision::{Deduction, QuantOutcome, Quantitative};

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

/// A rule id ("S6", "S16") in a sentence.
fn has_rule_id(text: &str) -> bool {
    let c: Vec<char> = text.chars().collect();
    c.windows(2).any(|w| w[0] == 'S' && w[1].is_ascii_digit())
}

fn band_of(level: Level) -> Band {
    Band { level, low: d("12"), high: d("16") }
}

fn qual(how: LevelSource, points: QualPoints, basis: Option<&str>) -> String {
    let q = Qualitative { level: Level::Partial, how, weight: d("20"), points, basis: basis.map(str::to_owned) };
    row(&RowDecision { rule: Rule::Qualitative(q), ..RowDecision::default() })
}

#[test]
fn no_sentence_carries_a_rule_id() {
    let b = band_of(Level::Partial);
    let errors = [
        RowError::WeightMissing,
        RowError::WeightTooLarge("9999".into()),
        RowError::WeightNegative("-1".into()),
        RowError::WeightNotNumber("x".into()),
        RowError::Level1Missing,
        RowError::Ungraded,
        RowError::Level1Unknown { level1: "x".into(), known: vec!["产出指标".into()] },
        RowError::NameMissing,
        RowError::TargetMissing,
        RowError::ActualMissing,
        RowError::SymbolUnknown("?".into()),
        RowError::TargetNoNumber("x".into()),
        RowError::ActualNoNumber("x".into()),
        RowError::TooLarge,
        RowError::LevelUnknown("x".into()),
        RowError::ScoreNotNumber("x".into()),
        RowError::OutOfBand { score: d("18"), band: b },
        RowError::DeductionNotNumber("x".into()),
    ];
    let flags = [
        Flag::InferredDirection,
        Flag::CostCeiling,
        Flag::Range { low: d("1"), high: d("2"), unit: "%".into() },
        Flag::BareFraction(d("0.9")),
        Flag::NegativeActual(d("-1")),
        Flag::OverAchievement,
        Flag::NotApplicableKept,
        Flag::LevelFromScore { score: d("14"), level: Level::Partial },
        Flag::NoReason,
    ];
    let rules = [
        Rule::NotApplicable { rescaled: true },
        Rule::NotApplicable { rescaled: false },
        Rule::Pending { actual: "良好".into() },
        Rule::Quantitative(Quantitative {
            kind: QuantKind::Positive,
            weight: d("10"),
            unit: Text::default(),
            target: d("0"),
            actual: d("1"),
            full_marks: None,
            outcome: QuantOutcome::ZeroTargetMissed,
        }),
    ];
    let mut texts: Vec<String> = errors.iter().map(row_error).collect();
    texts.extend(flags.iter().map(flag));
    for rule in rules {
        let deduction = Some(Box::new(Deduction { points: d("1"), before: d("10"), after: d("9") }));
        texts.push(row(&RowDecision { rule, deduction, rescale: Some(Box::new((d("100"), d("90")))) }));
    }
    let e = Execution {
        budget: None,
        executed: None,
        rate: None,
        weight: d("10"),
        score: Decimal::ZERO,
        stated_rate: None,
        stated_score: None,
        explanation: String::new(),
        decision: crate::report::decision::Skipped(None),
    };
    let rate = ExecDecision::StatedRate { rate_pct: d("90"), used_pct: d("90"), capped: false };
    for x in [ExecDecision::Missing, ExecDecision::ZeroBudget { executed: d("1") }, rate] {
        texts.push(execution(&x, &e));
    }
    assert_eq!(texts.len(), errors.len() + flags.len() + 7);
    for t in &texts {
        assert!(!t.is_empty() && !has_rule_id(t), "{t}");
    }
}

#[test]
fn a_chosen_level_is_one_reason_in_words() {
    let full = qual(LevelSource::Chosen, QualPoints::Full, None);
    assert_eq!(full, "定性指标：人工判定为部分达成，得满分 20 分");
    let share = QualPoints::Share { factor: d("0.7"), score: d("14"), lost: d("6") };
    assert_eq!(
        qual(LevelSource::Chosen, share, None),
        "定性指标：人工判定为部分达成，得分 = 20 × 0.7 = 14.00，扣 6.00 分"
    );
    // the form's own level and 得分, against a score typed in the page
    let b = band_of(Level::Partial);
    let form = qual(LevelSource::Column, QualPoints::Manual { score: d("13"), band: b, typed: false }, None);
    assert_eq!(form, "定性指标：完成情况为部分达成，采用填报得分 13 分（部分达成档 [12, 16)）");
    let typed = qual(LevelSource::Chosen, QualPoints::Manual { score: d("13"), band: b, typed: true }, None);
    assert_eq!(typed, "定性指标：人工判定为部分达成，人工评分 13 分（部分达成档 [12, 16)）");
}

#[test]
fn the_basis_follows_the_reason() {
    let t = qual(LevelSource::Chosen, QualPoints::Full, Some("验收报告已印发"));
    assert_eq!(t, "定性指标：人工判定为部分达成，得满分 20 分；判定依据：验收报告已印发");
}
