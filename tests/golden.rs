#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Golden tests: the example files of ../shared/examples (copied into
//! tests/fixtures) give what their README lists, in every encoding and form.

mod common;

use common::{d, fixture, row, score};
use jixiao::report::Status;
use jixiao::Report;

fn baiyun() -> Report {
    score(&fixture("baiyun-xinfang-2023.csv"))
}

#[test]
fn baiyun_2023_scores_99_89_excellent() {
    let r = baiyun();
    let p = &r.projects[0];
    assert_eq!(p.name.as_deref(), Some("2023年度广州市白云区信访局部门重点项目"));
    assert_eq!(p.execution.budget, Some(d("60")));
    assert_eq!(p.execution.executed, Some(d("59.33")));
    assert_eq!(p.execution.rate, Some(d("98.88")));
    assert_eq!(p.execution.score, d("9.89"));
    assert_eq!(p.total, d("99.89"));
    assert_eq!(p.grade, "优");
    assert!(!p.provisional);
    assert!(p.errors.is_empty(), "{:?}", p.errors);
    let expected = [
        ("信访形势", "12.5", "定性"),
        ("区领导重点约访", "12.5", "≥"),
        ("信访案件按时办理", "12.5", "定性"),
        ("落实省市关于初信初访规范办理的工作要求", "12.5", "≥"),
        ("维护社会和谐稳定", "7.5", "定性"),
        ("增强人民群众的获得感、幸福感", "7.5", "定性"),
        ("社会大局", "7.5", "定性"),
        ("开展“最多访一次”工作按期办结率", "7.5", "≥"),
        ("满意度评价", "10", "≥"),
    ];
    assert_eq!(p.rows.len(), expected.len());
    for (r, (name, w, dir)) in p.rows.iter().zip(expected) {
        assert_eq!(r.name, name);
        assert_eq!(r.weight, d(w), "{name}");
        assert_eq!(r.score, d(w), "{name}: {}", r.explanation);
        assert_eq!(r.direction.map(|d| d.symbol()), Some(dir), "{name}");
        assert!(!r.explanation.is_empty(), "{name}");
    }
    // Rows as the spreadsheet numbers them: header on row 4.
    assert_eq!(p.rows[0].row, 5);
    assert_eq!(p.rows[8].row, 13);
}

#[test]
fn baiyun_2023_flags_and_explanations() {
    let r = baiyun();
    let p = &r.projects[0];
    // S8 on 25 ≥ 1.2 × 20 and on 94.87% ≥ 1.2 × 75%
    for name in ["区领导重点约访", "落实省市关于初信初访规范办理的工作要求"] {
        let x = row(p, name);
        assert_eq!(x.status, Status::Review, "{name}");
        assert!(x.warnings.iter().any(|w| w.contains("完成值高于指标值较多")), "{name}: {:?}", x.warnings);
    }
    // S20: 14.23/15 = 94.87%
    assert!(row(p, "落实省市关于初信初访规范办理的工作要求").explanation.contains("94.87%"));
    // S11: bare 90% is ≥, inferred
    let s = row(p, "满意度评价");
    assert!(s.direction_inferred);
    // S17: actual equal to target → 达成
    let t = row(p, "信访案件按时办理");
    assert_eq!(t.level.map(|l| l.label()), Some("达成"));
    assert!(t.level_inferred);
    assert!(t.explanation.contains("达成"));
    // subtotals per 一级
    let l1: Vec<_> = p.subtotals.iter().filter(|s| s.level2.is_none()).map(|s| (s.level1.as_str(), s.score)).collect();
    assert_eq!(l1, vec![("产出指标", d("50")), ("效益指标", d("30")), ("满意度指标", d("10"))]);
}

#[test]
fn campus_form_2024_scores_and_audits_clean() {
    let r = score(&fixture("campus-safety-form-2024.csv"));
    assert_eq!(r.projects.len(), 1);
    let p = &r.projects[0];
    assert_eq!(p.name.as_deref(), Some("中小学校园安全设施改造"));
    assert_eq!(p.department.as_deref(), Some("某县教育局"));
    assert_eq!(p.implementer.as_deref(), Some("某县教育局"));
    let expected = [
        ("改造学校数量", "20", "18.33"),
        ("设施验收合格率", "10", "10"),
        ("项目完成时间", "10", "9.09"),
        ("单校平均改造成本", "10", "9.65"),
        ("校园安全事故发生数", "15", "15"),
        ("安全设施运维机制", "15", "10.5"),
        ("师生及家长满意度", "10", "10"),
    ];
    assert_eq!(p.rows.len(), expected.len());
    for (r, (name, w, s)) in p.rows.iter().zip(expected) {
        assert_eq!((r.name.as_str(), r.weight, r.score), (name, d(w), d(s)), "{}", r.explanation);
    }
    assert_eq!(row(p, "安全设施运维机制").level.map(|l| l.label()), Some("部分达成"));
    assert_eq!(p.execution.rate, Some(d("95")));
    assert_eq!(p.execution.score, d("9.5"));
    assert_eq!(p.total, d("92.07"));
    assert_eq!(p.grade, "优");
    assert_eq!(p.stated_total, Some(d("92.07")));
    assert!(p.errors.is_empty(), "{:?}", p.errors);
    assert!(p.audit.is_empty(), "{:#?}", p.audit);
}

/// The 2023 table in other encodings and forms scores the same.
#[test]
fn same_result_in_gbk_utf16_tsv_and_json() {
    let utf8 = fixture("baiyun-xinfang-2023.csv");
    let text = String::from_utf8(utf8.clone()).unwrap();
    let expected = baiyun();

    let (gbk, _, unmappable) = encoding_rs::GBK.encode(&text);
    assert!(!unmappable);
    assert_eq!(score(&gbk), expected, "GBK");

    let tsv = text.replace(',', "\t");
    let mut utf16 = vec![0xFF, 0xFE];
    for u in tsv.encode_utf16() {
        utf16.extend_from_slice(&u.to_le_bytes());
    }
    assert_eq!(score(&utf16), expected, "UTF-16 LE tab-separated");

    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(&utf8);
    assert_eq!(score(&bom), expected, "UTF-8 with BOM");

    let input = jixiao::read_input(&utf8, "b.csv", &Default::default()).unwrap();
    let json = serde_json::to_vec(&input).unwrap();
    assert_eq!(score(&json), expected, "JSON export read back");
    assert_eq!(jixiao::read_input(&json, "b.json", &Default::default()).unwrap(), input);
}

#[test]
fn broken_rows_are_reported_by_number_and_the_rest_scores() {
    let csv = "一级指标,二级指标,三级指标,年度指标值,实际完成值,分值\n\
               产出指标,数量指标,好的一行,≥10 个,10 个,40\n\
               ,,分值不是数字,≥10 个,10 个,十二\n\
               ,,没有指标值,,10 个,10\n\
               ,,没有完成值,≥10 个,,10\n\
               效益指标,社会效益,单位不符,≤10 天,3 万元,30\n";
    let r = score(csv.as_bytes());
    let p = &r.projects[0];
    assert_eq!(row(p, "好的一行").score, d("40"));
    assert_eq!(row(p, "好的一行").status, Status::Ok);
    let rows: Vec<u32> = p.errors.iter().filter_map(|e| e.row).collect();
    assert_eq!(rows, vec![3, 4, 5, 6], "{:#?}", p.errors);
    assert_eq!(p.errors[0].message, "第 3 行「分值」：「分值」“十二”不是数字");
    assert!(p.errors[1].message.contains("年度指标值"));
    assert!(p.errors[2].message.contains("实际完成值"));
    assert!(!r.all_scored());
}

#[test]
fn csv_export_has_every_row_and_neutralises_formulas() {
    let csv = "项目名称,一级指标,二级指标,三级指标,年度指标值,实际完成值,分值\n\
               =HYPERLINK(\"http://x\"),产出指标,数量指标,@SUM(A1),≥10 个,+10 个,90\n";
    let report = score(csv.as_bytes());
    let out = jixiao::render::to_csv(&report);
    assert!(out.starts_with(b"\xEF\xBB\xBF"));
    let text = String::from_utf8(out[3..].to_vec()).unwrap();
    let mut rd = csv::ReaderBuilder::new().has_headers(true).from_reader(text.as_bytes());
    let rows: Vec<csv::StringRecord> = rd.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), 3); // the indicator, 预算执行率, 总分
    assert_eq!(&rows[0][0], "'=HYPERLINK(\"http://x\")");
    assert_eq!(&rows[0][4], "'@SUM(A1)");
    assert_eq!(&rows[0][6], "'+10 个");
    assert_eq!(&rows[2][9], "90.00");
    for r in &rows {
        for c in r.iter() {
            assert!(!c.starts_with(['=', '+', '-', '@']), "{c}");
        }
    }
}
