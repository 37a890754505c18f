#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! One test per scoring rule of docs/SCORING.md, named after its id.

mod common;

use common::{d, one, project, project_with, row};
use jixiao::report::{FindingKind, Status};
use jixiao::Profile;

const HEAD: &str = "一级指标,二级指标,三级指标,年度指标值,实际完成值";

#[test]
fn s01_weights_given_are_used_as_given() {
    let p = project(&format!("{HEAD},分值\n产出指标,数量指标,a,≥10 个,10 个,15\n效益指标,社会效益,b,≥10 个,10 个,5\n"));
    assert_eq!(row(&p, "a").weight, d("15"));
    assert_eq!(row(&p, "b").weight, d("5"));
    // S1: the execution weight defaults to 10.
    assert_eq!(p.execution.weight, d("10"));
}

#[test]
fn s02_missing_weights_split_per_level_with_remainder_on_last() {
    let p = project(&format!(
        "{HEAD}\n产出指标,数量指标,a,≥1 个,1 个\n,,b,≥1 个,1 个\n,成本指标,c,≤5 万元,5 万元\n满意度指标,服务对象满意度指标,s,≥90%,95%\n"
    ));
    // 成本 rows share 产出's 50 (here as a 二级; as a 一级 below)
    assert_eq!(row(&p, "a").weight, d("16.67"));
    assert_eq!(row(&p, "b").weight, d("16.67"));
    assert_eq!(row(&p, "c").weight, d("16.66"));
    assert_eq!(row(&p, "s").weight, d("10"));
    let p = project(&format!("{HEAD}\n产出指标,数量指标,a,≥1 个,1 个\n成本指标,经济成本指标,c,≤5 万元,5 万元\n"));
    assert_eq!(row(&p, "a").weight, d("25"));
    assert_eq!(row(&p, "c").weight, d("25"));
}

#[test]
fn s02_some_weights_missing_is_a_row_error() {
    let p = project(&format!("{HEAD},分值\n产出指标,数量指标,a,≥1 个,1 个,20\n,,b,≥1 个,1 个,\n"));
    assert_eq!(row(&p, "a").status, Status::Ok);
    assert_eq!(row(&p, "b").status, Status::Error);
    assert!(p.errors.iter().any(|e| e.row == Some(3) && e.message.contains("缺少分值")), "{:?}", p.errors);
}

#[test]
fn s02_unknown_level1_without_weights_is_an_error() {
    let p = project(&format!("{HEAD}\n其他指标,x,a,≥1 个,1 个\n产出指标,数量指标,b,≥1 个,1 个\n"));
    assert_eq!(row(&p, "a").status, Status::Error);
    assert!(p.errors.iter().any(|e| e.row == Some(2) && e.message.contains("其他指标")));
    assert_eq!(row(&p, "b").score, d("50"));
}

#[test]
fn s03_weight_sum_not_100_is_a_warning_and_still_graded() {
    let p = project(&format!("{HEAD},分值\n产出指标,数量指标,a,≥1 个,1 个,80\n"));
    assert!(p.warnings.iter().any(|w| w.message.contains("合计为 90")), "{:?}", p.warnings);
    assert_eq!(p.total, d("80"));
    assert_eq!(p.grade, "良");
}

#[test]
fn s04_s05_rate_and_capped_score() {
    let p = project(&format!("全年预算数,60\n全年执行数,59.33\n{HEAD},分值\n产出指标,数量指标,a,≥1 个,1 个,90\n"));
    assert_eq!(p.execution.rate, Some(d("98.88")));
    assert_eq!(p.execution.score, d("9.89"));
    let over = project(&format!("全年预算数,60\n全年执行数,66\n{HEAD},分值\n产出指标,数量指标,a,≥1 个,1 个,90\n"));
    assert_eq!(over.execution.rate, Some(d("110")));
    assert_eq!(over.execution.score, d("10"));
}

#[test]
fn s05_uncapped_profile_and_stated_weight() {
    let mut profile = Profile::default_profile().unwrap();
    profile.exec_cap = false;
    let csv = format!("全年预算数,60\n全年执行数,66\n{HEAD},分值\n产出指标,数量指标,a,≥1 个,1 个,90\n");
    assert_eq!(project_with(&csv, &profile).execution.score, d("11"));
    let p = project(&format!(
        "全年预算数,100\n全年执行数,90\n预算执行率分值,20\n{HEAD},分值\n产出指标,数量指标,a,≥1 个,1 个,80\n"
    ));
    assert_eq!(p.execution.weight, d("20"));
    assert_eq!(p.execution.score, d("18"));
}

#[test]
fn s06_missing_or_zero_budget() {
    let p = project(&format!("{HEAD}\n产出指标,数量指标,a,≥1 个,1 个\n"));
    assert_eq!(p.execution.score, d("0"));
    assert!(p.execution.explanation.contains("未提供预算执行数据"));
    assert!(p.warnings.iter().any(|w| w.message.contains("未提供预算执行数据")));
    let zero = project(&format!("全年预算数,0\n全年执行数,5\n{HEAD}\n产出指标,数量指标,a,≥1 个,1 个\n"));
    assert!(zero.errors.iter().any(|e| e.message.contains("全年预算数为 0")), "{:?}", zero.errors);
    let both = project(&format!("全年预算数,0\n全年执行数,0\n{HEAD}\n产出指标,数量指标,a,≥1 个,1 个\n"));
    assert!(both.errors.is_empty());
    assert!(both.execution.explanation.contains("未提供预算执行数据"));
}

#[test]
fn s07_positive_proportional() {
    let p = one("≥12 所", "11 所", "20");
    assert_eq!(p.rows[0].score, d("18.33"));
    assert_eq!(p.rows[0].direction.map(|d| d.symbol()), Some("≥"));
    assert_eq!(one("＞12 所", "12 所", "20").rows[0].score, d("20"));
}

#[test]
fn s08_over_achievement_full_marks_and_flag() {
    let p = one("≥20 名", "25 名", "12.5");
    assert_eq!(p.rows[0].score, d("12.5"));
    assert_eq!(p.rows[0].status, Status::Review);
    assert!(p.rows[0].warnings.iter().any(|w| w.contains("完成值高于指标值较多")));
    let below = one("≥20 名", "23 名", "12.5");
    assert!(below.rows[0].warnings.is_empty(), "{:?}", below.rows[0].warnings);
}

#[test]
fn s09_reverse_ratio_and_linear() {
    assert_eq!(one("≤5 天", "7 天", "10").rows[0].score, d("7.14"));
    assert_eq!(one("≤5 天", "4 天", "10").rows[0].score, d("10"));
    let mut linear = Profile::default_profile().unwrap();
    linear.reverse_formula = jixiao::profile::ReverseFormula::Linear;
    let csv = |a: &str| format!("{HEAD},分值\n产出指标,时效指标,x,≤5 天,{a},10\n");
    assert_eq!(project_with(&csv("7 天"), &linear).rows[0].score, d("6"));
    assert_eq!(project_with(&csv("10 天"), &linear).rows[0].score, d("0"));
}

#[test]
fn s10_equal_and_zero_targets() {
    assert_eq!(one("=100%", "90%", "10").rows[0].score, d("9"));
    assert_eq!(one("0 起", "0 起", "15").rows[0].score, d("15"));
    assert_eq!(one("≤0 起", "2 起", "15").rows[0].score, d("0"));
    assert_eq!(one("=0", "0", "5").rows[0].score, d("5"));
    assert_eq!(one("零投诉", "无", "5").rows[0].score, d("5"));
    assert_eq!(one("无重大事故", "1 起", "5").rows[0].score, d("0"));
}

#[test]
fn s11_bare_number_is_positive_and_marked_inferred() {
    let p = one("90%", "97.42%", "10");
    assert_eq!(p.rows[0].direction.map(|d| d.symbol()), Some("≥"));
    assert!(p.rows[0].direction_inferred);
    assert!(p.rows[0].warnings.iter().any(|w| w.contains("方向为推断")));
    assert!(!one("≥90%", "97.42%", "10").rows[0].direction_inferred);
}

#[test]
fn s12_negative_actual_clamped() {
    let p = one("≥10 个", "-3 个", "10");
    assert_eq!(p.rows[0].score, d("0"));
    assert!(p.rows[0].warnings.iter().any(|w| w.contains("负数")));
}

#[test]
fn s13_score_never_above_weight_or_below_zero() {
    for (t, a) in [("=10 个", "30 个"), ("≥1 个", "100 个"), ("≤5 天", "500 天"), ("≥10 个", "-1 个")] {
        let r = &one(t, a, "10").rows[0];
        assert!(r.score >= d("0") && r.score <= d("10"), "{t} {a} → {}", r.score);
    }
}

#[test]
fn s14_s16_manual_score_inside_band_kept_outside_is_an_error() {
    let csv = |level: &str, score: &str| {
        format!("{HEAD},分值,完成情况,得分\n产出指标,质量指标,q,建立机制,已建立,15,{level},{score}\n")
    };
    let p = project(&csv("部分达成", "10"));
    assert_eq!(p.rows[0].score, d("10"));
    let p = project(&csv("部分达成", "13"));
    assert_eq!(p.rows[0].status, Status::Error);
    assert!(p.errors[0].message.contains("部分达成档 [9, 12)"), "{}", p.errors[0].message);
    assert_eq!(project(&csv("达成", "15")).rows[0].score, d("15"));
    assert_eq!(project(&csv("达成", "11")).rows[0].status, Status::Error);
}

#[test]
fn s15_default_points_per_level() {
    let csv = |level: &str| format!("{HEAD},分值,完成情况\n产出指标,质量指标,q,建立机制,见说明,10,{level}\n");
    assert_eq!(project(&csv("达成")).rows[0].score, d("10"));
    assert_eq!(project(&csv("部分达成")).rows[0].score, d("7"));
    assert_eq!(project(&csv("未达成")).rows[0].score, d("3"));
    assert_eq!(project(&csv("达成年度指标")).rows[0].level.map(|l| l.label()), Some("达成"));
}

#[test]
fn s16_edit_in_page_sets_level_and_score() {
    let csv = format!("{HEAD},分值\n产出指标,质量指标,q,建立机制,情况不明,10\n");
    let input = jixiao::read_input(csv.as_bytes(), "t.csv", &Default::default()).unwrap();
    let profile = Profile::default_profile().unwrap();
    let before = jixiao::score_input(&input, &profile, &[]);
    assert!(before.projects[0].provisional);
    let edit = jixiao::Edit {
        project: 0,
        row: 2,
        level: Some("部分达成".into()),
        score: Some("6.5".into()),
        weight: None,
        ..jixiao::Edit::default()
    };
    let after = jixiao::score_input(&input, &profile, &[edit]);
    assert!(!after.projects[0].provisional);
    assert_eq!(after.projects[0].rows[0].score, d("6.5"));
}

/// Issue 11: a corrected 实际完成值 or 年度指标值 in the page re-scores the row,
/// and an edit is written into the input (the JSON export) by the core.
#[test]
fn field_edits_rescore_and_apply() {
    let csv = "一级指标,二级指标,三级指标,年度指标值,实际完成值,分值\n产出指标,数量指标,培训人次,≥100人,50人,10\n";
    let input = jixiao::read_input(csv.as_bytes(), "t.csv", &Default::default()).unwrap();
    let profile = Profile::default_profile().unwrap();
    let before = jixiao::score_input(&input, &profile, &[]);
    assert_eq!(before.projects[0].rows[0].score, d("5"));
    let edit = jixiao::Edit {
        project: 0,
        row: 2,
        actual: Some("100人".into()),
        reason: Some("已补录".into()),
        ..jixiao::Edit::default()
    };
    let after = jixiao::score_input(&input, &profile, std::slice::from_ref(&edit));
    assert_eq!(after.projects[0].rows[0].score, d("10"));
    let mut edited = input.clone();
    edited.apply_edits(&[edit]);
    assert_eq!(edited.projects[0].indicators[0].actual, "100人");
    assert_eq!(edited.projects[0].indicators[0].reason.as_deref(), Some("已补录"));
    assert_eq!(edited.projects[0].indicators[0].target, "≥100人");
}

#[test]
fn s17_level_inference_order() {
    let level = |actual: &str| {
        let p = project(&format!("{HEAD},分值\n产出指标,质量指标,q,建立并有效运行,{actual},10\n"));
        p.rows[0].level.map(|l| l.label()).unwrap_or_default()
    };
    assert_eq!(level("部分达成"), "部分达成"); // (1) labels first
    assert_eq!(level("建立并有效运行"), "达成"); // (2) equal to the target
    assert_eq!(level("未完成"), "未达成"); // (3)
    assert_eq!(level("基本未达到"), "未达成"); // (3) before (4)
    assert_eq!(level("基本建立"), "部分达成"); // (4)
    assert_eq!(level("已完成"), "达成"); // (5)
    assert_eq!(level("100%"), "达成");
    assert_eq!(level("未发生安全事故"), "待判定"); // not a bare 未, and not readable
    let p = project(&format!("{HEAD},分值\n产出指标,质量指标,q,有效提升,情况复杂,10\n"));
    assert_eq!(p.rows[0].status, Status::Pending);
    assert_eq!(p.rows[0].score, d("0"));
    assert!(p.provisional);
}

#[test]
fn s18_comparator_words() {
    assert_eq!(one("不低于 90%", "80%", "10").rows[0].score, d("8.89"));
    assert_eq!(one("控制在12.5万元以内", "12.5万元", "10").rows[0].score, d("10"));
    assert_eq!(one("综合办理效能 75%以上", "80%", "10").rows[0].direction.map(|d| d.symbol()), Some("≥"));
}

#[test]
fn s19_units_convert_or_error() {
    assert_eq!(one("≤12.5 万元", "125000 元", "10").rows[0].score, d("10"));
    assert_eq!(one("\"≥36,500 人次\"", "\"36,500 人次\"", "10").rows[0].score, d("10"));
    let p = one("≤10 天", "3 万元", "10");
    assert_eq!(p.rows[0].status, Status::Error);
    assert!(p.errors[0].message.contains("单位"), "{}", p.errors[0].message);
    assert_eq!(p.errors[0].row, Some(2));
}

#[test]
fn s19_bare_fraction_against_percent_is_flagged_not_guessed() {
    let p = one("85%以上", "0.9", "15");
    assert_eq!(p.rows[0].score, d("0.16")); // 0.9 % as written
    assert_eq!(p.rows[0].status, Status::Review);
    assert!(p.rows[0].warnings.iter().any(|w| w.contains("若实为 90%")), "{:?}", p.rows[0].warnings);
    assert!(one("85%以上", "90", "15").rows[0].warnings.iter().all(|w| !w.contains("未写单位")));
}

#[test]
fn s20_score_of_full_marks() {
    let p = one("综合办理效能 75%以上", "综合效能 14.23 分（满分 15 分）", "12.5");
    assert_eq!(p.rows[0].score, d("12.5"));
    assert!(p.rows[0].explanation.contains("94.87%"), "{}", p.rows[0].explanation);
    assert_eq!(one("≥15 分", "14.23 分（满分 15 分）", "10").rows[0].score, d("9.49"));
}

#[test]
fn s21_range_reads_as_lower_bound_with_flag() {
    let p = one("95%-100%", "96%", "10");
    assert_eq!(p.rows[0].score, d("10"));
    assert_eq!(p.rows[0].status, Status::Review);
    assert!(p.rows[0].warnings.iter().any(|w| w.contains("区间")));
}

#[test]
fn s22_not_applicable_rows() {
    let csv = format!("{HEAD},分值\n产出指标,数量指标,a,≥10 个,9 个,45\n,,n,不适用,不适用,45\n");
    let off = project(&csv);
    assert_eq!(row(&off, "n").score, d("0"));
    assert_eq!(row(&off, "a").score, d("40.5"));
    let mut on = Profile::default_profile().unwrap();
    on.not_applicable_rescale = true;
    let p = project_with(&csv, &on);
    assert_eq!(row(&p, "a").score, d("81")); // 40.5 × 90/45
}

#[test]
fn s23_deduction() {
    let p = project(&format!("{HEAD},分值,扣减分数\n产出指标,数量指标,a,≥10 个,10 个,10,2.5\n,,b,≥10 个,5 个,10,8\n"));
    assert_eq!(row(&p, "a").score, d("7.5"));
    assert_eq!(row(&p, "b").score, d("0"));
}

#[test]
fn s24_shortfall_without_reason_warns() {
    let p =
        project(&format!("{HEAD},分值,偏差原因\n产出指标,数量指标,a,≥10 个,9 个,10,\n,,b,≥10 个,9 个,10,天气原因\n"));
    assert!(row(&p, "a").warnings.iter().any(|w| w == "未说明偏差原因"));
    assert!(row(&p, "b").warnings.is_empty());
}

#[test]
fn s25_rounding_and_subtotals() {
    let p = project(&format!(
        "全年预算数,3\n全年执行数,2\n{HEAD},分值\n产出指标,数量指标,a,≥3 个,2 个,10\n,,b,≥3 个,2 个,10\n,质量指标,c,≥3 个,1 个,10\n"
    ));
    // 10 × 2/3 = 6.666… → 6.67 each; total is the sum of rounded rows.
    assert_eq!(row(&p, "a").score, d("6.67"));
    assert_eq!(p.execution.score, d("6.67"));
    assert_eq!(p.total, d("6.67") * d("2") + d("3.33") + d("6.67"));
    let l1 = p.subtotals.iter().find(|s| s.level2.is_none()).unwrap();
    assert_eq!((l1.weight, l1.score), (d("30"), d("16.67")));
    let l2 = p.subtotals.iter().find(|s| s.level2.as_deref() == Some("数量指标")).unwrap();
    assert_eq!(l2.score, d("13.34"));
}

#[test]
fn s26_grade_on_displayed_total() {
    let p = project(&format!("全年预算数,10\n全年执行数,10\n{HEAD},分值\n产出指标,数量指标,a,≥100 个,89 个,90\n"));
    assert_eq!(p.total, d("90.1"));
    assert_eq!(p.grade, "优");
    let bands = Profile::builtin("bands-80-70-60").unwrap();
    let q = project_with(&format!("{HEAD},分值\n产出指标,数量指标,a,≥100 个,75 个,100\n"), &bands);
    assert_eq!(q.grade, "良");
}

#[test]
fn s27_explanation_names_rule_numbers_and_deduction() {
    let p = one("≤5 天", "7 天", "10");
    assert_eq!(p.rows[0].explanation, "反向指标：完成值 7 天 > 指标值 5 天，得分 = 10 × 5/7 = 7.14，扣 2.86 分");
    let p = one("≥12 所", "11 所", "20");
    assert_eq!(p.rows[0].explanation, "正向指标：完成值 11 所 < 指标值 12 所，得分 = 20 × 11/12 = 18.33，扣 1.67 分");
}

#[test]
fn s11_bare_amount_under_cost_is_a_ceiling_marked_inferred() {
    // Issue 9 item 16: 400元/人 against 180元/人 is met, not 4.5 points.
    let p = project(&format!("{HEAD},分值\n产出指标,成本指标,培训成本,400元/人,180元/人,10\n"));
    let r = &p.rows[0];
    assert_eq!(r.score, d("10"), "{}", r.explanation);
    assert_eq!(r.direction.map(|d| d.symbol()), Some("≤"));
    assert!(r.direction_inferred);
    assert!(r.warnings.iter().any(|w| w.contains("方向为推断") && w.contains("≤")), "{:?}", r.warnings);
    // Over the ceiling: S9 ratio. 成本 as the 一级 too.
    let p = project(&format!("{HEAD},分值\n成本指标,经济成本指标,设备费,120万元,150万元,10\n"));
    assert_eq!(p.rows[0].score, d("8"));
    // Not an amount, or not under 成本: S11's ≥.
    let p = project(&format!("{HEAD},分值\n成本指标,经济成本指标,节约率,10%,12%,10\n"));
    assert_eq!(p.rows[0].direction.map(|d| d.symbol()), Some("≥"));
    let p = project(&format!("{HEAD},分值\n产出指标,数量指标,补助金额,400元/人,180元/人,10\n"));
    assert_eq!(p.rows[0].score, d("4.5"));
    // A written comparator wins.
    let p = project(&format!("{HEAD},分值\n产出指标,成本指标,培训成本,≥400元/人,180元/人,10\n"));
    assert_eq!(p.rows[0].score, d("4.5"));
    assert!(!p.rows[0].direction_inferred);
}

#[test]
fn s11_quantitative_nature_column_gives_no_direction() {
    // Issue 9 item 17: 指标性质 定量 / 定量指标 says only "quantitative".
    let csv = |nature: &str, target: &str| {
        format!("{HEAD},指标性质,分值\n效益指标,经济效益指标,预算调整率,{target},0,{nature},10\n")
    };
    for nature in ["定量", "定量指标"] {
        let p = project(&csv(nature, "≤3%"));
        assert_eq!(p.rows[0].score, d("10"), "{nature}: {}", p.rows[0].explanation);
        assert!(!p.rows[0].direction_inferred);
        // No comparator in the text: S11 (≥), marked inferred — not an explicit ≥.
        let p = project(&csv(nature, "3%"));
        assert!(p.rows[0].direction_inferred, "{nature}");
        assert!(p.rows[0].warnings.iter().any(|w| w.contains("方向为推断")));
    }
    // 正向 is still an explicit ≥.
    let p = project(&csv("正向", "3%"));
    assert!(!p.rows[0].direction_inferred);
}

#[test]
fn s14_level_vocabulary_of_published_forms() {
    // Issue 9 item 6 (INPUT.md, level vocabulary): in a 完成情况 column ...
    let csv = |level: &str| format!("{HEAD},分值,完成情况\n产出指标,质量指标,q,建立机制,见说明,10,{level}\n");
    let cases = [
        ("达成预期指标", "达成", "10"),
        ("部分达成预期指标", "部分达成", "7"),
        ("未达成预期指标", "未达成", "3"),
        ("已达成", "达成", "10"),
        ("完全达成", "达成", "10"),
        ("基本达成", "部分达成", "7"),
        ("全部完成", "达成", "10"),
    ];
    for (text, level, score) in cases {
        let p = project(&csv(text));
        assert_ne!(p.rows[0].status, Status::Error, "{text}: {:?}", p.errors);
        assert_eq!(p.rows[0].level.map(|l| l.label()), Some(level), "{text}");
        assert_eq!(p.rows[0].score, d(score), "{text}");
    }
    // ... and as the actual of a qualitative row (S17 (1)).
    for (text, level, _) in cases {
        let p = project(&format!("{HEAD},分值\n产出指标,质量指标,q,建立并有效运行,{text},10\n"));
        assert_eq!(p.rows[0].level.map(|l| l.label()), Some(level), "{text}");
    }
}

/// Score a CSV with the current year known (as the CLI and the page do).
fn project_in_year(csv: &str, year: i32) -> jixiao::report::ProjectResult {
    let opts = jixiao::ScoreOptions { current_year: Some(year), ..Default::default() };
    let r = jixiao::score_bytes(csv.as_bytes(), "t.csv", &Profile::default_profile().unwrap(), &opts).unwrap();
    r.projects.into_iter().next().unwrap()
}

#[test]
fn s28_deadlines_are_dates_not_month_counts() {
    // Issue 9 item 5, its minimal input.
    let csv = format!(
        "{HEAD},分值\n产出指标,时效指标,t1,9月前,7月,25\n产出指标,时效指标,t2,2021年12月31日前,2022年1月15日,25\n产出指标,时效指标,t3,2022年3月,2021年12月,40\n"
    );
    let p = project_in_year(&csv, 2026);
    let (t1, t2, t3) = (row(&p, "t1"), row(&p, "t2"), row(&p, "t3"));
    assert_eq!(t1.score, d("25"), "{}", t1.explanation);
    assert_eq!(t1.direction.map(|d| d.symbol()), Some("≤"));
    assert!(t1.explanation.contains("取上一年 2025 年"), "{}", t1.explanation);
    assert!(t1.explanation.contains("2025-09-30"), "{}", t1.explanation);
    // Late: 25 × 365/380 in days from 1 January 2021.
    assert_eq!(t2.score, d("24.01"), "{}", t2.explanation);
    assert!(
        t2.explanation.contains("2022-01-15 晚于期限 2021-12-31：第 380 天 / 第 365 天，得分 = 25 × 365/380 = 24.01"),
        "{}",
        t2.explanation
    );
    assert_eq!(t3.score, d("40"), "{}", t3.explanation);
    assert_eq!(p.total, d("89.01") + p.execution.score);
}

#[test]
fn s28_granularity_year_rules_and_late_zero() {
    let one_row = |target: &str, actual: &str| format!("{HEAD},分值\n产出指标,时效指标,t,{target},{actual},10\n");
    // "9月前" is met by any day of September; a quarter means its last month.
    assert_eq!(project_in_year(&one_row("9月前", "9月30日"), 2026).rows[0].score, d("10"));
    assert_eq!(project_in_year(&one_row("第三季度前", "9月"), 2026).rows[0].score, d("10"));
    // 10月 (from 1 October, day 274) against 9月底 (day 273) in 2025.
    let p = project_in_year(&one_row("12月底前", "2025年12月20日"), 2026);
    assert_eq!(p.rows[0].score, d("10"));
    let p = project_in_year(&one_row("9月前", "10月"), 2026);
    assert_eq!(p.rows[0].score, d("9.96"), "{}", p.rows[0].explanation);
    // The other date's year wins over the project's; the project's over last year.
    let named = |target: &str, actual: &str| {
        format!("项目名称,{HEAD},分值\n2023年度培训项目,产出指标,时效指标,t,{target},{actual},10\n")
    };
    let p = project_in_year(&named("6月30日前", "2022年7月1日"), 2026);
    assert!(p.rows[0].explanation.contains("同行日期取 2022 年"), "{}", p.rows[0].explanation);
    assert!(p.rows[0].score < d("10"));
    let p = project_in_year(&named("2月底前", "3月1日"), 2026);
    assert!(p.rows[0].explanation.contains("项目年度取 2023 年"), "{}", p.rows[0].explanation);
    // 2023: February has 28 days, so 3月1日 is day 60 against day 59.
    assert_eq!(p.rows[0].score, d("9.83"));
    // Without any year, and no clock: dates shown without a year.
    let p = project(&one_row("9月前", "10月"));
    assert!(p.rows[0].explanation.contains("（日期未写年份）"), "{}", p.rows[0].explanation);
    // An actual with no date is qualitative (S17).
    let p = project_in_year(&one_row("9月前", "按时完成"), 2026);
    assert_eq!(p.rows[0].direction.map(|d| d.symbol()), Some("定性"));
    assert_eq!(p.rows[0].score, d("10"));
    // A month count is still a count.
    let p = project_in_year(&one_row("≤10 个月", "11 个月"), 2026);
    assert_eq!(p.rows[0].score, d("9.09"));
    // Profile switch late = "zero".
    let mut zero = Profile::default_profile().unwrap();
    zero.late = jixiao::profile::LateRule::Zero;
    let p = project_with(&one_row("2021年12月31日前", "2022年1月15日"), &zero);
    assert_eq!(p.rows[0].score, d("0"));
    assert!(p.rows[0].explanation.contains("逾期计 0 分"), "{}", p.rows[0].explanation);
}

#[test]
fn s29_execution_from_a_stated_rate() {
    // Issue 9 item 7: a stated rate, no amounts.
    let csv = format!(
        "执行率,79.27%\n预算执行率分值,10\n预算执行率得分,7.93\n{HEAD},分值\n产出指标,数量指标,x,≥10个,10个,90\n"
    );
    let p = project(&csv);
    assert_eq!(p.execution.rate, Some(d("79.27")));
    assert_eq!(p.execution.score, d("7.93"), "{}", p.execution.explanation);
    assert!(p.execution.explanation.contains("表内填报"), "{}", p.execution.explanation);
    assert!(p.warnings.iter().any(|w| w.message.contains("未提供预算金额，按表内执行率计算")), "{:?}", p.warnings);
    assert_eq!(p.total, d("97.93"));
    // The audit does not claim the execution score should be 0.
    assert!(p.audit.iter().all(|f| !matches!(f.kind, FindingKind::ExecScore | FindingKind::ExecRate)), "{:?}", p.audit);
    // Amounts, when given, are what the rate is computed from (S4).
    let csv = format!("全年预算数,100\n全年执行数,90\n执行率,79.27%\n{HEAD},分值\n产出指标,数量指标,x,≥10个,10个,90\n");
    let p = project(&csv);
    assert_eq!(p.execution.rate, Some(d("90")));
    assert!(p.audit.iter().any(|f| f.kind == FindingKind::ExecRate), "{:?}", p.audit);
    // No rate and no amounts: S6.
    let p = project(&format!("{HEAD},分值\n产出指标,数量指标,x,≥10个,10个,90\n"));
    assert_eq!(p.execution.score, d("0"));
    assert!(p.warnings.iter().any(|w| w.message.contains("未提供预算执行数据")));
}
