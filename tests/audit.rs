#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! 复核 (S31–S36) on forms: every planted discrepancy is found, forms whose
//! stated figures follow the rules give none, each finding says what the
//! form states, what the rules give, the difference and what to do, and the
//! project summary splits the difference by cause.

mod common;

use common::{d, fixture, project, project_with, row, score, score_with};
use jixiao::audit::agrees;
use jixiao::report::{CauseKind, FindingKind, ProjectResult, Status};
use jixiao::Profile;
use rust_decimal::Decimal;

fn only(name: &str) -> ProjectResult {
    let r = score(&fixture(name));
    assert_eq!(r.projects.len(), 1, "{name}");
    r.projects.into_iter().next().unwrap()
}

fn kinds(p: &ProjectResult) -> Vec<(FindingKind, Option<u32>)> {
    p.audit.iter().map(|f| (f.kind, f.row)).collect()
}

/// A rule id in user-facing text ("S31", "（S16）").
fn has_rule_id(text: &str) -> bool {
    let c: Vec<char> = text.chars().collect();
    c.windows(2).any(|w| w[0] == 'S' && w[1].is_ascii_digit())
}

/// Every finding: at most one per row and kind, a sentence without rule
/// ids, the rule for a tooltip.
fn check_findings(p: &ProjectResult) {
    let mut seen = std::collections::HashSet::new();
    for f in &p.audit {
        assert!(seen.insert((f.kind.id(), f.row)), "two {:?} findings on row {:?}", f.kind, f.row);
        assert!(!f.message.is_empty() && !has_rule_id(&f.message), "{}", f.message);
        assert!(f.message.contains('请'), "says what to do: {}", f.message);
        assert!(f.rule.starts_with('S'), "{f:?}");
    }
    assert!(!has_rule_id(&p.audit_summary.verdict), "{}", p.audit_summary.verdict);
    // The causes add up to the difference (S31–S34 summary).
    if let Some(diff) = p.audit_summary.difference {
        let sum: Decimal = p.audit_summary.causes.iter().map(|c| c.amount).sum();
        assert_eq!(sum, diff, "{:#?}", p.audit_summary);
    }
}

#[test]
fn planted_discrepancies_are_all_found() {
    let p = only("audit-planted-2024.csv");
    check_findings(&p);
    let k = kinds(&p);
    // stated ≠ computed row: 80 of 100 人次 → 16, stated 18
    let f = p.audit.iter().find(|f| f.kind == FindingKind::RowScore).unwrap();
    assert_eq!((f.row, f.stated, f.computed, f.difference), (Some(12), Some(d("18")), Some(d("16")), Some(d("2"))));
    assert!(
        f.message.contains("填报得分 18 分") && f.message.contains("应得 16 分") && f.message.contains("多计 2 分")
    );
    // over weight: 12 of 10, one finding (not also row_score)
    assert!(k.contains(&(FindingKind::OverWeight, Some(13))), "{k:?}");
    assert!(!k.contains(&(FindingKind::RowScore, Some(13))), "{k:?}");
    // out of band: 基本建立 → 部分达成 [12, 16), stated 18
    let band = p.audit.iter().find(|f| f.kind == FindingKind::Band).unwrap();
    assert_eq!(band.row, Some(16));
    assert!(band.message.contains("部分达成档 [12, 16)"), "{}", band.message);
    // S34: execution score 9 against 10 × min(104%, 1) = 10; spending over budget
    let ex = p.audit.iter().find(|f| f.kind == FindingKind::ExecScore).unwrap();
    assert_eq!((ex.stated, ex.computed), (Some(d("9")), Some(d("10"))));
    let over = p.audit.iter().find(|f| f.kind == FindingKind::OverBudget).unwrap();
    assert!(over.message.contains("执行数超过预算数，请核实"), "{}", over.message);
    // the stated 104.00% is the computed rate: no exec_rate finding
    assert!(!k.iter().any(|(k, _)| *k == FindingKind::ExecRate), "{k:?}");
    // total ≠ its parts: 98.62 against 96.62
    let ts = p.audit.iter().find(|f| f.kind == FindingKind::TotalSum).unwrap();
    assert_eq!((ts.stated, ts.computed), (Some(d("98.62")), Some(d("96.62"))));
    assert!(k.iter().any(|(k, _)| *k == FindingKind::Total), "{k:?}");
    // reasons are given for every shortfall
    assert!(!k.iter().any(|(k, _)| *k == FindingKind::NoReason), "{k:?}");
    // the summary: 98.62 stated, 75.62 computed, split by cause
    let s = &p.audit_summary;
    assert_eq!((s.stated_total, s.computed_total, s.difference), (Some(d("98.62")), d("75.62"), Some(d("23"))));
    let cause = |k: CauseKind| s.causes.iter().find(|c| c.kind == k).map(|c| c.amount);
    assert_eq!(cause(CauseKind::Rows), Some(d("4")));
    assert_eq!(cause(CauseKind::Unscored), Some(d("18")));
    assert_eq!(cause(CauseKind::Execution), Some(d("-1")));
    assert_eq!(cause(CauseKind::Arithmetic), Some(d("2")));
    assert!(s.verdict.starts_with("填报得分偏高 23 分"), "{}", s.verdict);
    assert!(s.verdict.contains("主要因") && s.verdict.contains("执行数超过预算数"), "{}", s.verdict);
    assert_eq!(s.findings, p.audit.len());
}

/// Forms whose stated figures follow the rules give no finding: with 分值
/// (campus), without 分值 (S32), without a reason column (S33), rounded to 1
/// decimal (S31).
#[test]
fn forms_that_follow_the_rules_give_no_finding() {
    for name in [
        "campus-safety-form-2024.csv",
        "audit-clean-no-weights-2023.csv",
        "audit-clean-no-reason-2022.csv",
        "audit-clean-rounded-2024.csv",
    ] {
        let p = only(name);
        assert!(p.errors.is_empty(), "{name}: {:?}", p.errors);
        assert!(p.audit.is_empty(), "{name}: {:#?}", p.audit);
        assert!(p.audit_summary.total_agrees, "{name}");
        assert!(p.audit_summary.verdict.contains("与规则计算一致"), "{name}: {}", p.audit_summary.verdict);
        assert!(p.audit_summary.verdict.ends_with("未发现问题"), "{name}: {}", p.audit_summary.verdict);
    }
    // S32: the weights are the rules' split, said once, and marked as such
    let p = only("audit-clean-no-weights-2023.csv");
    assert!(p.weights_assumed);
    assert_eq!(row(&p, "网格员配备人数").weight, d("12.5"));
    assert!(p.audit_summary.notes.iter().any(|n| n.contains("表内未给出分值")), "{:?}", p.audit_summary.notes);
    // S33: no reason column — one note, no per-row warning
    let p = only("audit-clean-no-reason-2022.csv");
    assert_eq!(p.audit_summary.notes, ["表内没有偏差原因栏，未逐行检查偏差原因"]);
    assert!(p.rows.iter().all(|r| r.warnings.iter().all(|w| !w.contains("偏差原因"))));
    assert_eq!(row(&p, "养护里程").status, Status::Ok);
    // S31: 9.1 stated for 9.09, 92.1 for 92.07
    let p = only("audit-clean-rounded-2024.csv");
    assert_eq!(row(&p, "项目完成时间").stated_score, Some(d("9.1")));
    assert_eq!(p.total, d("92.07"));
}

/// S31: equal at the stated figure's own decimals.
#[test]
fn s31_tolerance_is_the_stated_figures_decimals() {
    assert!(agrees(d("2.9"), d("2.89")));
    assert!(!agrees(d("2.90"), d("2.89")));
    assert!(agrees(d("9.7"), d("9.65"))); // half-up
    assert!(!agrees(d("9.6"), d("9.65")));
    assert!(agrees(d("18.33"), d("18.33")));
    assert!(!agrees(d("18.3"), d("18.4")));
    // a workbook formula's full value states its 2 decimals (S25), no more
    assert!(agrees(d("18.333333333333"), d("18.33")));
    assert!(!agrees(d("2.899"), d("2.89")));
    // a one-row form: stated 7.1 for 10 × 5/7 = 7.14 is fine, 7.2 is not
    let csv = |s: &str| {
        format!("一级指标,二级指标,三级指标,年度指标值,实际完成值,分值,得分,偏差原因\n产出指标,时效指标,x,≤5 天,7 天,90,{s},雨季\n")
    };
    let p = project(&csv("64.3"));
    assert!(p.audit.is_empty(), "{:?}", p.audit);
    let p = project(&csv("64.2"));
    assert_eq!(kinds(&p), [(FindingKind::RowScore, Some(2))]);
}

/// S32: without 分值, a stated score above the assumed weight is one project
/// finding, not a row finding, and not a manual score.
#[test]
fn s32_assumed_weights_are_not_audited_as_stated() {
    let csv = "一级指标,二级指标,三级指标,年度指标值,实际完成值,得分\n\
               产出指标,数量指标,a,≥10 个,10 个,30\n\
               ,质量指标,b,建立机制,已完成,20\n\
               效益指标,社会效益,c,≥90%,95%,30\n\
               满意度指标,满意度,e,≥90%,95%,10\n";
    let p = project(csv);
    check_findings(&p);
    assert!(p.weights_assumed);
    // b: 20 stated against an assumed 25 is kept (达成 band); a: 30 > 25 is counted
    let a = row(&p, "a");
    assert_eq!((a.weight, a.score, a.stated_score), (d("25"), d("25"), Some(d("30"))));
    let b = row(&p, "b");
    assert_eq!((b.weight, b.score), (d("25"), d("20")));
    let k = kinds(&p);
    assert_eq!(k, [(FindingKind::WeightsMissing, None)], "{:#?}", p.audit);
    assert_eq!(p.audit[0].count, Some(1));
    assert!(p.audit[0].message.contains("1 行填报得分高于推定分值"), "{}", p.audit[0].message);
    // the summary puts it apart from the rows the rules scored differently
    let assumed: Vec<_> = p.audit_summary.causes.iter().map(|c| (c.kind, c.amount, c.rows.clone())).collect();
    assert_eq!(assumed, [(CauseKind::AssumedWeights, d("5"), vec![2])]);
    // a qualitative row above its assumed weight scores by its level (S15), not as an error (S16)
    let csv = "一级指标,二级指标,三级指标,年度指标值,实际完成值,得分\n\
               产出指标,数量指标,q,建立机制,基本建立,40\n,,r,≥1 个,1 个,25\n";
    let p = project(csv);
    let q = row(&p, "q");
    assert_eq!((q.status, q.score), (Status::Ok, d("17.5")), "{}", q.explanation);
    assert!(p.errors.is_empty(), "{:?}", p.errors);
    assert_eq!(kinds(&p), [(FindingKind::WeightsMissing, None)], "{:#?}", p.audit);
}

/// S33: `no_reason` only with a reason column.
#[test]
fn s33_no_reason_only_with_a_reason_column() {
    let head = "一级指标,二级指标,三级指标,年度指标值,实际完成值,分值";
    let p = project(&format!("{head}\n产出指标,数量指标,a,≥10 个,9 个,45\n,,b,≥10 个,8 个,45\n"));
    assert!(p.audit.iter().all(|f| f.kind != FindingKind::NoReason), "{:?}", p.audit);
    assert_eq!(p.audit_summary.notes.len(), 1);
    let p = project(&format!("{head},偏差原因\n产出指标,数量指标,a,≥10 个,9 个,45,\n,,b,≥10 个,8 个,45,天气\n"));
    assert_eq!(
        p.audit.iter().filter(|f| f.kind == FindingKind::NoReason).map(|f| f.row).collect::<Vec<_>>(),
        [Some(2)]
    );
    assert!(p.audit_summary.notes.is_empty());
}

/// S34: the execution score against W × the stated (or computed) rate, the
/// stated rate against the computed one, spending above the budget.
#[test]
fn s34_execution_checks() {
    let form = |rate: &str, score: &str, executed: &str| {
        format!(
            "全年预算数,100\n全年执行数,{executed}\n执行率,{rate}\n预算执行率得分,{score}\n\
             一级指标,二级指标,三级指标,年度指标值,实际完成值,分值,得分\n产出指标,数量指标,a,≥1 个,1 个,90,90\n"
        )
    };
    let kinds_of = |csv: String| project(&csv).audit.iter().map(|f| f.kind).collect::<Vec<_>>();
    assert!(kinds_of(form("90%", "9", "90")).is_empty());
    // 100% stated and computed, scored 9 of 10
    assert_eq!(kinds_of(form("100%", "9", "100")), [FindingKind::ExecScore]);
    // the stated rate is wrong, its score follows it: only the rate
    assert_eq!(kinds_of(form("85%", "8.5", "80")), [FindingKind::ExecRate]);
    // the stated rate is wrong, the score follows the computed one: only the rate
    assert_eq!(kinds_of(form("85%", "8", "80")), [FindingKind::ExecRate]);
    // both wrong: the rules' figure is W × the computed rate
    let p = project(&form("85%", "9.5", "80"));
    assert_eq!(kinds(&p), [(FindingKind::ExecRate, None), (FindingKind::ExecScore, None)]);
    assert_eq!(p.audit[1].computed, Some(d("8")));
    assert!(p.audit[1].message.contains("按分值 10 × 执行率 80% 应得 8 分，多计 1.5 分"), "{}", p.audit[1].message);
    // spending above the budget: 110 of 100, the rate capped at 100% (S5)
    let p = project(&form("110%", "10", "110"));
    assert_eq!(kinds(&p), [(FindingKind::OverBudget, None)]);
    assert_eq!((p.audit[0].stated, p.audit[0].computed), (Some(d("110")), Some(d("100"))));
    check_findings(&p);
    // the execution row shows the stated figures
    assert_eq!((p.execution.stated_rate, p.execution.stated_score), (Some(d("110")), Some(d("10"))));
}

/// S35: every quantitative target (at least 3) exceeded by the factor.
#[test]
fn s35_targets_low() {
    let rows = |c: &str| {
        format!(
            "一级指标,二级指标,三级指标,年度指标值,实际完成值,分值\n\
             产出指标,数量指标,a,≥10 个,12 个,30\n,,b,≥10 户,15 户,30\n,,c,≥50%,{c},30\n"
        )
    };
    let p = project(&rows("60%"));
    let f = p.audit.iter().find(|f| f.kind == FindingKind::TargetsLow).unwrap();
    assert_eq!((f.count, f.computed), (Some(3), Some(d("1.2"))));
    assert!(f.message.contains("年初指标值可能偏低"), "{}", f.message);
    // one row below the factor: none
    let p = project(&rows("59%"));
    assert!(p.audit.iter().all(|f| f.kind != FindingKind::TargetsLow), "{:?}", p.audit);
    // only two quantitative rows: none
    let p = project("一级指标,二级指标,三级指标,年度指标值,实际完成值,分值\n产出指标,数量指标,a,≥10 个,20 个,45\n,,b,≥10 户,20 户,45\n");
    assert!(p.audit.iter().all(|f| f.kind != FindingKind::TargetsLow), "{:?}", p.audit);
}

/// S36: regional profiles name their source; a cap applies and is explained.
#[test]
fn s36_regional_profiles_and_caps() {
    for id in ["exec-20", "bands-80-50-cap"] {
        let p = Profile::builtin(id).unwrap();
        assert!(p.description.contains("来源"), "{id}: {}", p.description);
        let weights: Decimal = p.levels.iter().map(|l| l.weight).sum::<Decimal>() + p.execution_weight;
        assert_eq!(weights, p.total, "{id}");
    }
    let exec20 = Profile::builtin("exec-20").unwrap();
    assert_eq!(exec20.execution_weight, d("20"));
    // the cap: rate 75% → total ≤ 89
    let cap = Profile::builtin("bands-80-50-cap").unwrap();
    let csv = "全年预算数,100\n全年执行数,75\n一级指标,二级指标,三级指标,年度指标值,实际完成值,分值\n\
               产出指标,数量指标,a,≥1 个,1 个,90\n总分,96\n";
    let p = project_with(csv, &cap);
    let c = p.cap.as_ref().unwrap();
    assert_eq!((c.uncapped, c.max_total, p.total), (d("97.5"), d("89"), d("89")));
    assert_eq!(p.grade, "良");
    assert!(c.explanation.contains("总分不超过 89 分") && c.explanation.contains("97.50 → 89.00"), "{}", c.explanation);
    // the summary names the cap as a cause of the difference
    assert!(p.audit_summary.causes.iter().any(|c| c.kind == CauseKind::Cap && c.amount == d("8.5")));
    check_findings(&p);
    // the default profile has no cap
    let p = project(csv);
    assert!(p.cap.is_none());
    assert_eq!(p.total, d("97.5"));
    // 80/50 bands: 部分达成 starts at 0.5 W
    let q = "一级指标,二级指标,三级指标,年度指标值,实际完成值,分值,得分,完成情况\n产出指标,数量指标,q,建立机制,基本建立,90,50,部分达成\n";
    assert_eq!(row(&project_with(q, &cap), "q").status, Status::Ok);
    assert_eq!(row(&project(q), "q").status, Status::Error);
    // regional profiles score the same real form without error
    for id in ["exec-20", "bands-80-50-cap"] {
        let r = score_with(&fixture("campus-safety-form-2024.csv"), &Profile::builtin(id).unwrap());
        assert!(r.projects[0].errors.is_empty(), "{id}");
    }
}

/// The verdict line for each case, in plain words.
#[test]
fn verdict_lines() {
    let p = only("form-variants.csv");
    assert!(p.audit_summary.verdict.starts_with("填报得分偏高 17 分（填报 93.08，规则计算 76.08），主要因"));
    let p = only("baiyun-xinfang-2023.csv");
    assert_eq!(p.audit_summary.verdict, "表内未填报得分，无可核对的填报数字");
    assert!(!p.audit_summary.stated_any);
    // without a stated total: the rows' own difference
    let p = project("一级指标,二级指标,三级指标,年度指标值,实际完成值,分值,得分,偏差原因\n产出指标,数量指标,a,≥10 个,5 个,90,60,未完成\n");
    assert_eq!(p.audit_summary.verdict, "表内未填报总分；指标得分多计 15 分（第 2 行）");
    // rows that agree, another finding: the verdict names it
    let p = project(
        "一级指标,二级指标,三级指标,年度指标值,实际完成值,分值,得分
产出指标,数量指标,a,≥10 个,10 个,80,80
",
    );
    assert_eq!(p.audit_summary.verdict, "表内未填报总分，填报的各项数字与规则计算一致；另需核实：分值合计不符");
}

/// The 填报得分 is the form's: a page edit of the score is the reviewer's
/// figure, compared with the form's (and an edit where the form states
/// nothing is not a stated figure).
#[test]
fn edits_do_not_become_stated_figures() {
    let csv = "一级指标,二级指标,三级指标,年度指标值,实际完成值,分值,得分\n\
               产出指标,数量指标,q,建立机制,基本建立,50,40\n,,r,建立机制,基本建立,40,\n";
    let input = jixiao::read_input(csv.as_bytes(), "t.csv", &Default::default()).unwrap();
    let edit =
        |row: u32, score: &str| jixiao::Edit { project: 0, row, score: Some(score.into()), ..Default::default() };
    let profile = Profile::default_profile().unwrap();
    let r = jixiao::score_input(&input, &profile, &[edit(2, "35"), edit(3, "30")]);
    let p = &r.projects[0];
    assert_eq!((p.rows[0].score, p.rows[0].stated_score), (d("35"), Some(d("40"))));
    assert_eq!((p.rows[1].score, p.rows[1].stated_score), (d("30"), None));
    assert_eq!(kinds(p), [(FindingKind::RowScore, Some(2))]);
}
