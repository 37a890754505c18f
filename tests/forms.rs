#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Layout B variants seen in published forms, and the audit (复核) of the
//! figures a form states.

mod common;

use common::{d, fixture, project, row, score};
use jixiao::report::Status;

#[test]
fn form_variants_are_read() {
    let r = score(&fixture("form-variants.csv"));
    assert_eq!(r.projects.len(), 1);
    let p = &r.projects[0];
    assert_eq!(p.name.as_deref(), Some("社区养老服务补助"));
    assert_eq!(p.department.as_deref(), Some("某市民政局"));
    assert_eq!(p.implementer.as_deref(), Some("某区民政局"));
    // amounts in 元 → 万元; a zero 年度资金总额 falls back to 当年财政拨款, with a warning
    assert_eq!(p.execution.budget, Some(d("200")));
    assert_eq!(p.execution.executed, Some(d("180")));
    assert!(p.warnings.iter().any(|w| w.message.contains("当年财政拨款")), "{:?}", p.warnings);
    // an execution weight of 20
    assert_eq!(p.execution.weight, d("20"));
    assert_eq!(p.execution.score, d("18"));
    // the parent row (产出指标 with 40 / 36) is not an indicator; 指标N： prefixes are cut
    let names: Vec<&str> = p.rows.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, ["助餐服务人次", "服务投诉率", "补助发放及时率", "人均补助成本", "老人满意度"]);
    // separate 指标性质 / 指标值 / 度量单位 columns
    let a = row(p, "助餐服务人次");
    assert_eq!(a.direction.map(|d| d.symbol()), Some("≥"));
    assert_eq!(a.score, d("18.08"));
    assert_eq!(row(p, "服务投诉率").score, d("10"));
    // an empty actual is an error on that row, not a crash
    let c = row(p, "人均补助成本");
    assert_eq!(c.status, Status::Error);
    assert!(p.errors.iter().any(|e| e.row == Some(16) && e.message.contains("实际完成值")), "{:?}", p.errors);
    // level names with suffixes are known levels: no warning about them
    assert!(!p.warnings.iter().any(|w| w.message.contains("不是规则配置中的一级指标")), "{:?}", p.warnings);
    assert_eq!(p.stated_total, Some(d("93.08")));
    // the parent row gives its 一级 to the rows under it
    assert_eq!(row(p, "助餐服务人次").level1, "产出指标");
    assert!(p.warnings.iter().all(|w| !w.message.contains("合计为")), "{:?}", p.warnings);
    assert_eq!(p.goals.len(), 1);
}

#[test]
fn audit_finds_every_planted_discrepancy() {
    let r = score(&fixture("form-variants.csv"));
    let p = &r.projects[0];
    let kinds: Vec<(&str, Option<u32>)> = p.audit.iter().map(|f| (f.kind.id(), f.row)).collect();
    // 补助发放及时率: 100% of target stated as 7 of 10
    assert!(kinds.contains(&("row_score", Some(15))), "{kinds:?}");
    let f = p.audit.iter().find(|f| f.row == Some(15)).unwrap();
    assert_eq!((f.stated, f.computed), (Some(d("7")), Some(d("10"))));
    assert!(f.message.contains("第 15 行") && f.message.contains("少计 3 分"), "{}", f.message);
    // the stated total is not what the rules give
    assert!(kinds.contains(&("total", Some(18))), "{kinds:?}");
    // stated rate 90.00% matches 180/200, the execution score 18 matches, and
    // the stated total is the sum of the stated parts: none of these is listed
    assert!(
        !kinds.iter().any(|(k, _)| ["exec_rate", "exec_score", "total_sum", "weight_sum"].contains(k)),
        "{kinds:?}"
    );
}

#[test]
fn audit_of_a_form_with_wrong_figures() {
    // 预算执行率得分 7 against 10 × 85% = 8.5 (a stated 9 would agree at its
    // own decimals, S31, and is no longer a finding).
    let csv = "项目名称,测试项目\n全年预算数,100\n全年执行数,80\n执行率,85%\n预算执行率得分,7\n\
               一级指标,二级指标,三级指标,年度指标值,实际完成值,分值,得分,偏差原因\n\
               产出指标,数量指标,a,≥10 个,10 个,40,38,\n\
               ,,b,≥10 个,5 个,20,22,\n\
               效益指标,社会效益,q,建立机制,基本建立,30,29,\n\
               总分,,,,,,95,\n";
    let p = project(csv);
    let kinds: Vec<&str> = p.audit.iter().map(|f| f.kind.id()).collect();
    for k in ["row_score", "over_weight", "band", "exec_rate", "exec_score", "total", "total_sum", "no_reason"] {
        assert!(kinds.contains(&k), "{k} missing from {kinds:?}");
    }
    let over = p.audit.iter().find(|f| f.kind.id() == "over_weight").unwrap();
    assert_eq!(over.row, Some(8));
    assert!(over.message.contains("超过本行分值 20 分"));
    let band = p.audit.iter().find(|f| f.kind.id() == "band").unwrap();
    assert!(band.message.contains("部分达成档"), "{}", band.message);
    let total_sum = p.audit.iter().find(|f| f.kind.id() == "total_sum").unwrap();
    assert_eq!(total_sum.computed, Some(d("96")));
}

#[test]
fn plain_table_stated_figures_are_read() {
    let p = project("总分,95\n执行率,100%\n一级指标,二级指标,三级指标,年度指标值,实际完成值,分值\n产出指标,数量指标,a,≥1 个,1 个,90\n");
    assert_eq!(p.stated_total, Some(d("95")));
    assert!(p.audit.iter().any(|f| f.kind.id() == "total"));
}
