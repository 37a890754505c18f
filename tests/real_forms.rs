#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Golden results of the real-form fixtures (issue 9): self-evaluation forms
//! as departments of several provinces publish them, with their own header
//! wordings, in CSV (UTF-8 and GBK) and XLSX with merges (built from the
//! `*.xlsx.json` grids), budget figures above and below the table. Every
//! figure below was worked out by hand from the rules, not copied from output.
//!
//! And, over every fixture: no non-empty row is unaccounted for.

mod common;

use std::collections::BTreeSet;

use common::{d, fixture, fixture_xlsx, row, score};
use jixiao::report::{ProjectResult, Status};
use jixiao::ReadOptions;

fn only(bytes: &[u8]) -> ProjectResult {
    let r = score(bytes);
    assert_eq!(r.projects.len(), 1, "{:?}", r.projects.iter().map(|p| &p.name).collect::<Vec<_>>());
    r.projects.into_iter().next().unwrap()
}

/// (name, weight, score) of every row, in order.
fn assert_rows(p: &ProjectResult, expected: &[(&str, &str, &str)]) {
    let got: Vec<(&str, String, String)> = p
        .rows
        .iter()
        .map(|r| (r.name.as_str(), r.weight.normalize().to_string(), r.score.normalize().to_string()))
        .collect();
    let want: Vec<(&str, String, String)> =
        expected.iter().map(|(n, w, s)| (*n, d(w).normalize().to_string(), d(s).normalize().to_string())).collect();
    assert_eq!(got, want);
    assert!(p.errors.is_empty(), "{:?}", p.errors);
}

fn assert_execution(p: &ProjectResult, budget: &str, executed: &str, rate: &str, weight: &str, score: &str) {
    let e = &p.execution;
    assert_eq!(
        (e.budget, e.executed, e.rate, e.weight, e.score),
        (Some(d(budget)), Some(d(executed)), Some(d(rate)), d(weight), d(score)),
        "{}",
        e.explanation
    );
}

fn ignored_rows(p: &ProjectResult) -> Vec<(Option<&str>, u32)> {
    p.ignored.iter().map(|i| (i.sheet.as_deref(), i.row)).collect()
}

/// 云南: two-row header (绩效指标 / 年度指标值 over 指标性质 · 指标值 · 度量单位),
/// the funds block, 未完成原因分析.
#[test]
fn yunnan_two_row_header() {
    let p = only(&fixture("yunnan-water-2022.csv"));
    assert_eq!(p.name.as_deref(), Some("2022年某区农村饮水安全巩固提升工程"));
    assert_eq!(p.implementer.as_deref(), Some("某区农村供水管理站"));
    assert_rows(
        &p,
        &[
            ("改造行政村数量", "15", "15"),
            ("新建供水管网长度", "15", "14.25"), // 15 × 38/40
            ("工程验收合格率", "10", "10"),
            ("工程完工及时率", "10", "10"),
            ("受益人口", "15", "15"),
            ("长效管护机制", "15", "15"),
            ("受益群众满意度", "10", "10"),
        ],
    );
    assert_eq!(row(&p, "新建供水管网长度").direction.map(|d| d.symbol()), Some("≥"));
    assert!(!row(&p, "新建供水管网长度").direction_inferred, "指标性质 gives the direction");
    assert_eq!(row(&p, "长效管护机制").direction.map(|d| d.symbol()), Some("定性"));
    assert_execution(&p, "320", "304", "95", "10", "9.5");
    assert_eq!((p.total, p.stated_total), (d("98.75"), Some(d("98.75"))));
    assert!(p.audit.is_empty(), "{:#?}", p.audit);
    assert!(p.ignored.is_empty(), "{:?}", p.ignored);
}

/// 四川, GBK: a 部门整体 table without levels (指标名称, 指标值, 指标权重(分),
/// 全年完成值, 指标得分(分)); budget rows and 自评总分 below the table.
#[test]
fn sichuan_department_overall_gbk() {
    let bytes = fixture("sichuan-dept-overall-2021.csv");
    assert!(std::str::from_utf8(&bytes).is_err(), "the fixture is GBK");
    let p = only(&bytes);
    assert_eq!(p.name.as_deref(), Some("某县农业农村局"));
    assert_rows(
        &p,
        &[
            ("高标准农田建设面积", "20", "20"),
            ("农作物良种覆盖率", "15", "15"),
            ("动物疫病强制免疫密度", "15", "15"),
            ("农产品质量安全抽检合格率", "15", "14.85"), // 15 × 97/98 = 14.846
            ("农民人均可支配收入增长率", "15", "15"),
            ("群众满意度", "10", "10"),
        ],
    );
    assert!(p.rows.iter().all(|r| r.level1 == "未分级"));
    assert!(p.warnings.iter().any(|w| w.message.contains("未分级")));
    assert_execution(&p, "1850", "1702", "92", "10", "9.2");
    assert_eq!((p.total, p.stated_total), (d("99.05"), Some(d("99.05"))));
    assert!(!p.audit.iter().any(|f| matches!(f.kind.id(), "total" | "row_score")), "{:#?}", p.audit);
    assert_eq!(ignored_rows(&p), [(None, 13)], "the 备注 row");
}

/// 湖北 (central transfer payment form): 专项资金名称, 转移支付预算数(A) /
/// 转移支付执行数(B) / 执行率(B/A), weights only in the 一级 cells (S30),
/// 年初目标值(A) / 全年实际完成值(B), 自评得分.
#[test]
fn hubei_transfer_payment_level_weights() {
    let p = only(&fixture("hubei-transfer-2023.csv"));
    assert_eq!(p.name.as_deref(), Some("农业生产发展资金"));
    // S30: 产出 60 over 4 rows, 效益 20 over 2, 满意度 10 (not the profile's 50/30/10)
    assert_rows(
        &p,
        &[
            ("支持新型农业经营主体数量", "15", "15"),
            ("耕地地力保护补贴发放面积", "15", "15"),
            ("补贴资金兑付准确率", "15", "15"),
            ("资金下达及时率", "15", "14.7"),
            ("带动农户增收", "10", "10"),
            ("新型经营主体带动农户数", "10", "9.6"),
            ("农户满意度", "10", "10"),
        ],
    );
    assert_eq!(row(&p, "农户满意度").level1, "满意度指标");
    assert_execution(&p, "5000", "4600", "92", "10", "9.2");
    assert_eq!((p.total, p.stated_total), (d("98.5"), Some(d("98.5"))));
    assert!(p.audit.is_empty(), "{:#?}", p.audit);
    assert!(p.ignored.is_empty(), "{:?}", p.ignored);
}

/// 河南, GBK: a "……" leftover row, a header repeated after a page break, a
/// 合计 row of 分值, budget rows below the table in 元 (header and value cell).
#[test]
fn henan_leftovers_repeated_header_yuan_below() {
    let p = only(&fixture("henan-old-estates-2019.csv"));
    assert_eq!(p.name.as_deref(), Some("2019年老旧小区改造项目"));
    assert_rows(
        &p,
        &[
            ("改造小区数量", "20", "20"),
            ("改造户数", "10", "9.58"), // 10 × 1150/1200
            ("竣工验收合格率", "10", "10"),
            ("按期完工率", "10", "10"),
            ("居民居住环境改善", "20", "20"),
            ("长效管理机制", "10", "10"),
            ("居民满意度", "10", "10"),
        ],
    );
    assert_execution(&p, "680", "652.8", "96", "10", "9.6");
    assert_eq!((p.total, p.stated_total), (d("99.18"), Some(d("99.18"))));
    assert!(p.audit.is_empty(), "{:#?}", p.audit);
    assert_eq!(ignored_rows(&p), [(None, 9), (None, 14)], "the …… row and the 合计 row");
}

/// 浙江, XLSX with merges: 预算执行情况（万元）（20分） merged down the funds
/// block, 年初预算 / 调整后预算数 / 预算执行数, a blank spending figure in
/// 年度资金总额 taken from 当年财政拨款, 绩效指标 merged down the indicators.
#[test]
fn zhejiang_xlsx_funds_title_weight() {
    let p = only(&fixture_xlsx("zhejiang-training-2020.xlsx.json"));
    assert_eq!(p.name.as_deref(), Some("2020年某区职业技能提升培训项目"));
    assert_eq!(p.sheet.as_deref(), Some("自评表"));
    assert_rows(
        &p,
        &[
            ("培训人次", "20", "20"),
            ("培训合格率", "15", "15"),
            ("培训计划完成率", "15", "15"),
            ("学员就业率提升", "15", "15"),
            ("培训就业跟踪机制", "10", "10"),
            ("学员满意度", "5", "4.89"), // 5 × 88/90
        ],
    );
    assert_eq!(row(&p, "学员就业率提升").status, Status::Review, "S8: 6 ≥ 1.2 × 5");
    assert_execution(&p, "100", "96", "96", "20", "19.2");
    assert!(p.warnings.iter().any(|w| w.row == Some(6) && w.message.contains("当年财政拨款")), "{:?}", p.warnings);
    assert_eq!((p.total, p.stated_total), (d("99.09"), Some(d("99.09"))));
    assert!(p.audit.is_empty(), "{:#?}", p.audit);
    assert!(p.ignored.is_empty(), "{:?}", p.ignored);
}

/// 广东, XLSX with merges: a two-row header merged (绩效指标 over 一级/二级/
/// 三级, 年度指标值 over 指标性质 / 指标值 / 计量单位, 全年实际值 merged down),
/// 权重分值 / 自评得分, budget figures on one key/value row below the 总分
/// row, and a 填表说明 sheet.
#[test]
fn guangdong_xlsx_two_row_merged_header() {
    let p = only(&fixture_xlsx("guangdong-waste-sorting-2023.xlsx.json"));
    assert_eq!(p.name.as_deref(), Some("2023年某镇垃圾分类设施建设"));
    assert_rows(
        &p,
        &[
            ("新建分类投放点", "20", "20"),
            ("设施验收合格率", "15", "15"),
            ("设施投入使用率", "15", "14.21"), // 15 × 90/95
            ("生活垃圾回收利用率", "20", "20"),
            ("群众分类知晓率", "10", "10"),
            ("居民满意度", "10", "10"),
        ],
    );
    assert_execution(&p, "500", "470", "94", "10", "9.4");
    assert_eq!((p.total, p.stated_total), (d("98.61"), Some(d("98.61"))));
    assert!(p.audit.is_empty(), "{:#?}", p.audit);
    assert_eq!(ignored_rows(&p), [(Some("填表说明"), 1), (Some("填表说明"), 2), (Some("填表说明"), 3)]);
}

/// 山东, pasted as Excel's "Unicode 文本" (UTF-16 LE, tabs): 项目（资金）名称,
/// 符号 正向 / 反向, 年度目标值 / 实际完成情况 / 标准分值 / 实际得分 /
/// 偏差原因及改进措施, budget key/value pairs on one row below the table, 综合得分.
#[test]
fn shandong_utf16_paste() {
    let bytes = fixture("shandong-library-2021.txt");
    assert!(bytes.starts_with(&[0xFF, 0xFE]), "UTF-16 LE with BOM");
    let p = only(&bytes);
    assert_eq!(p.name.as_deref(), Some("2021年某市公共图书馆免费开放补助"));
    assert_eq!(p.department.as_deref(), Some("某市文化和旅游局"));
    assert_rows(
        &p,
        &[
            ("年接待读者人次", "20", "20"),
            ("图书外借册次", "15", "13.5"), // 15 × 45/50
            ("读者投诉率", "15", "15"),     // 反向: 0.5% ≤ 1%
            ("全民阅读活动场次", "20", "20"),
            ("读者满意度", "20", "20"),
        ],
    );
    assert_eq!(row(&p, "读者投诉率").direction.map(|d| d.symbol()), Some("≤"));
    assert_execution(&p, "150", "150", "100", "10", "10");
    assert_eq!((p.total, p.stated_total), (d("98.5"), Some(d("98.5"))));
    assert!(p.audit.is_empty(), "{:#?}", p.audit);
    assert!(p.ignored.is_empty(), "{:?}", p.ignored);
}

/// Every fixture's files, as bytes (the XLSX grids built).
fn every_fixture() -> Vec<(String, Vec<u8>)> {
    let root = format!("{}/tests/fixtures", env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for dir in [root.clone(), format!("{root}/regressions")] {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if name.ends_with(".xlsx.json") {
                out.push((name.clone(), fixture_xlsx(&name)));
            } else if [".csv", ".xls", ".xlsx", ".txt"].iter().any(|e| name.ends_with(e)) {
                out.push((name, std::fs::read(&path).unwrap()));
            }
        }
    }
    out.sort();
    out
}

/// Nothing dropped silently: in every fixture that reads, each non-empty row
/// is either read or listed as ignored, never both, never neither.
#[test]
fn every_non_empty_row_of_every_fixture_is_accounted_for() {
    let mut checked = 0;
    for (name, bytes) in every_fixture() {
        let Ok(jixiao::read::Source::Sheets(sheets)) = jixiao::read::read(&bytes, &name, &ReadOptions::default())
        else {
            continue;
        };
        let Ok((input, read)) = jixiao::layout::read_sheets_traced(&sheets, &Default::default()) else { continue };
        let ignored: BTreeSet<(Option<String>, u32)> =
            input.projects.iter().flat_map(|p| &p.ignored).map(|i| (i.sheet.clone(), i.row)).collect();
        for (sheet, rows) in sheets.iter().zip(&read) {
            for (r, cells) in sheet.rows().enumerate() {
                let own = cells.iter().enumerate().any(|(c, v)| !v.trim().is_empty() && !sheet.is_merged_copy(r, c));
                let is_read = rows.contains(&r);
                let is_ignored = ignored.contains(&(sheet.name.clone(), jixiao::grid::row_number(r)));
                assert!(
                    !own || is_read != is_ignored,
                    "{name} sheet {:?} row {}: read {is_read}, ignored {is_ignored}: {cells:?}",
                    sheet.name,
                    r + 1
                );
            }
        }
        checked += 1;
    }
    assert!(checked >= 12, "only {checked} fixtures read");
}
