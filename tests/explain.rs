#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Explanation is a step (S27): the scorer and the audit decide, typed;
//! `explain` writes the Chinese; a caller may stop before it.

use jixiao::report::decision::{Flag, QuantKind, QuantOutcome, ReverseFormula, Rule};
use jixiao::report::{FindingKind, Status};
use jixiao::{Input, Profile};

const CSV: &str = "一级指标,二级指标,三级指标,年度指标值,实际完成值,分值,得分,偏差原因\n\
                   产出指标,时效指标,x,≤5 天,7 天,10,9,\n";

fn input() -> Input {
    jixiao::read_input(CSV.as_bytes(), "t.csv", &Default::default()).unwrap()
}

#[test]
fn score_and_audit_decide_without_words() {
    let profile = Profile::default_profile().unwrap();
    let input = input();
    let mut report = jixiao::score::score(&input, &[], &profile);
    jixiao::audit::audit(&input, &mut report, &profile);
    let p = &report.projects[0];
    let r = &p.rows[0];
    assert_eq!(r.explanation, "");
    assert!(r.warnings.is_empty() && p.warnings.is_empty() && p.audit.iter().all(|f| f.message.is_empty()));
    let Rule::Quantitative(q) = &r.decision.rule else { panic!("{:?}", r.decision) };
    assert_eq!(q.kind, QuantKind::Reverse);
    assert_eq!((q.target, q.actual, q.unit.as_str()), (5.into(), 7.into(), "天"));
    assert_eq!(
        q.outcome,
        QuantOutcome::ReverseShort { formula: ReverseFormula::Ratio, score: "7.14".parse().unwrap() }
    );
    // S24 as a typed flag, and the audit's no_reason finding from it (not from a sentence).
    assert_eq!(r.flags.0, vec![Flag::NoReason]);
    assert_eq!(r.status, Status::Review);
    let kinds: Vec<FindingKind> = p.audit.iter().map(|f| f.kind).collect();
    assert_eq!(kinds, [FindingKind::RowScore, FindingKind::NoReason, FindingKind::WeightSum]);
    assert!(report.all_scored());
}

#[test]
fn explain_writes_the_s27_sentence() {
    let report = jixiao::score_input(&input(), &Profile::default_profile().unwrap(), &[]);
    let p = &report.projects[0];
    assert_eq!(p.rows[0].explanation, "反向指标：完成值 7 天 > 指标值 5 天，得分 = 10 × 5/7 = 7.14，扣 2.86 分");
    assert_eq!(p.rows[0].warnings, ["未说明偏差原因"]);
    // Issue 10: a finding also says what to do.
    assert_eq!(
        p.audit[1].message,
        "第 2 行「x」得分 7.14 低于分值 10，未说明偏差原因；请在偏差原因栏说明未完成的原因和改进措施"
    );
    // One row on demand, from its decision alone.
    assert_eq!(jixiao::explain::row(&p.rows[0].decision), p.rows[0].explanation);
}

#[test]
fn a_report_read_back_from_json_equals_the_one_written() {
    let report = jixiao::score_input(&input(), &Profile::default_profile().unwrap(), &[]);
    let json = serde_json::to_string(&report).unwrap();
    let back: jixiao::Report = serde_json::from_str(&json).unwrap();
    assert_eq!(back, report);
    assert_eq!(serde_json::to_string(&back).unwrap(), json);
}

#[test]
fn row_errors_count_before_explain() {
    let profile = Profile::default_profile().unwrap();
    let bad = "一级指标,二级指标,三级指标,年度指标值,实际完成值,分值\n产出指标,数量指标,x,≥5 个,很多,10\n";
    let input = jixiao::read_input(bad.as_bytes(), "t.csv", &Default::default()).unwrap();
    let report = jixiao::score::score(&input, &[], &profile);
    assert!(report.projects[0].errors.is_empty());
    assert!(!report.all_scored());
}
