#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Inputs that once panicked (found by fuzzing and by review of the
//! arithmetic, see docs/fuzzing.md): each must read and score without a
//! panic, with a sensible result.

use jixiao::render::render_text;
use jixiao::report::{ProjectResult, Status};
use jixiao::{Edit, FileError, Profile, Report, ScoreOptions};
use rust_decimal::Decimal;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{}/tests/fixtures/regressions/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn profile() -> Profile {
    Profile::default_profile().unwrap()
}

/// Score the bytes and render the report (the CLI's and the page's path).
fn score(bytes: &[u8]) -> Result<Report, FileError> {
    let r = jixiao::score_bytes(bytes, "t.csv", &profile(), &ScoreOptions::default());
    if let Ok(report) = &r {
        let _ = render_text(report);
        let _ = serde_json::to_string(report).unwrap();
    }
    r
}

fn only(name: &str) -> ProjectResult {
    let r = score(&fixture(name)).unwrap();
    assert_eq!(r.projects.len(), 1);
    r.projects.into_iter().next().unwrap()
}

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

const MAX: &str = "79228162514264337593543950335";

#[test]
fn huge_weights_are_a_row_error_not_an_overflowing_sum() {
    let p = only("weight-sum-overflow.csv");
    for r in &p.rows {
        assert_eq!(r.status, Status::Error);
        assert!(r.explanation.contains("过大"), "{}", r.explanation);
        assert_eq!(r.weight, Decimal::ZERO);
    }
    assert!(p.errors.iter().any(|e| e.message.contains("分值") && e.message.contains("过大")));
}

#[test]
fn ratio_of_huge_numbers_still_scores() {
    // W × A/T with A × W beyond Decimal's range: 10 × (MAX/2)/MAX = 5.
    let p = only("positive-ratio-overflow.csv");
    assert_eq!(p.rows[0].status, Status::Ok, "{:?}", p.rows[0]);
    assert_eq!(p.rows[0].score, d("5"));
    // reverse: W × T/A with T just under A
    let p = only("reverse-ratio-overflow.csv");
    assert_eq!(p.rows[0].score, d("10"), "{:?}", p.rows[0]);
}

#[test]
fn over_achievement_check_on_a_huge_target() {
    // 1.2 × T overflows: no review flag, full marks.
    let p = only("over-achievement-overflow.csv");
    assert_eq!(p.rows[0].score, d("10"));
    assert!(!p.rows[0].warnings.iter().any(|w| w.contains("高于指标值较多")));
}

#[test]
fn execution_rate_beyond_range_is_an_error() {
    let p = only("execution-rate-overflow.csv");
    assert_eq!(p.execution.score, Decimal::ZERO);
    assert_eq!(p.execution.rate, None);
    assert!(p.execution.explanation.contains("数值过大"), "{}", p.execution.explanation);
    assert!(p.errors.iter().any(|e| e.message.contains("数值过大")));
}

#[test]
fn huge_stated_execution_weight_is_an_error() {
    let p = only("execution-weight-overflow.csv");
    assert_eq!(p.execution.weight, Decimal::ZERO);
    assert!(
        p.errors.iter().any(|e| e.message.contains("预算执行率分值") && e.message.contains("过大")),
        "{:?}",
        p.errors
    );
}

#[test]
fn huge_negative_stated_figures_are_audited() {
    let p = only("stated-score-overflow.csv");
    assert!(p.audit.iter().any(|f| f.kind.id() == "row_score"), "{:?}", p.audit);
    let p = only("stated-total-overflow.csv");
    assert_eq!(p.stated_total, Some(-d(MAX)));
    assert!(p.audit.iter().any(|f| f.kind.id() == "total"), "{:?}", p.audit);
    let p = only("stated-parts-sum-overflow.csv");
    assert_eq!(p.rows.len(), 2);
}

#[test]
fn edits_with_huge_numbers() {
    let input = jixiao::read_input(&fixture("ok.csv"), "ok.csv", &Default::default()).unwrap();
    let edits = [
        Edit {
            project: 0,
            row: 2,
            level: None,
            score: Some(format!("-{MAX}").into()),
            weight: Some(MAX.into()),
            ..Edit::default()
        },
        Edit {
            project: 0,
            row: 3,
            level: Some("达成".into()),
            score: Some(MAX.into()),
            weight: Some("1e400".into()),
            ..Edit::default()
        },
        Edit { project: 9, row: u32::MAX, level: None, score: None, weight: None, ..Edit::default() },
    ];
    let r = jixiao::score_input(&input, &profile(), &edits);
    let _ = render_text(&r);
    let p = &r.projects[0];
    assert_eq!(p.rows[0].status, Status::Error);
    assert_eq!(p.rows[1].status, Status::Error);
}

#[test]
fn deep_json_nesting_is_a_chinese_error() {
    for deep in ["[".repeat(50_000), format!("{{\"projects\":[{}", "{\"a\":".repeat(10_000))] {
        let e = score(deep.as_bytes()).unwrap_err();
        assert!(matches!(&e, FileError::Json(m) if m.contains("JSON 嵌套层数过多")), "{e:?}");
        assert!(e.to_string().starts_with("JSON 无法读取"));
    }
}

#[test]
fn long_digit_strings_are_not_numbers() {
    // Decimal::from_str errors (never panics) on more digits than it holds.
    let long = "9".repeat(200);
    let frac = format!("0.{}", "1".repeat(200));
    for t in [long.as_str(), frac.as_str()] {
        let csv = format!("一级指标,二级指标,三级指标,年度指标值,实际完成值,分值\n产出指标,数量指标,a,≥{t},{t},{t}\n");
        let r = score(csv.as_bytes()).unwrap();
        let _ = &r.projects[0].rows[0];
    }
    assert_eq!(jixiao::expr::parse_number(&long), None);
    assert!(jixiao::expr::parse_number(&frac).is_some());
}

#[test]
fn xlsx_with_an_overflowing_cell_reference() {
    // Found by the `workbook` target: a damaged XLSX whose cell reference
    // overflows calamine 0.38's u32 column arithmetic (xlsx/mod.rs,
    // get_row_and_optional_column). Shipped builds have no overflow checks
    // and wrap; debug builds match them ([profile.dev.package.calamine] in
    // Cargo.toml). Either way the read ends in sheets or a FileError.
    let bytes = fixture("xlsx-cell-ref-u32-overflow.xlsx");
    match jixiao::read_input(&bytes, "t.xlsx", &Default::default()) {
        Ok(input) => {
            let _ = jixiao::score_input(&input, &profile(), &[]);
        }
        Err(e) => assert!(!e.to_string().is_empty()),
    }
    let _ = score(&bytes);
}

/// Read a damaged workbook the way the CLI and the page do; it must be a
/// Chinese 「文件已损坏」 error, not a panic (a trap in the page).
fn damaged_workbook_message(name: &str, file: &str) -> String {
    let bytes = fixture(name);
    let e = jixiao::score_bytes(&bytes, file, &profile(), &ScoreOptions::default()).unwrap_err();
    assert!(matches!(e, FileError::Workbook(_)), "{e:?}");
    let msg = e.to_string();
    assert!(msg.contains("文件已损坏"), "{msg}");
    msg
}

#[test]
fn xls_with_a_one_byte_bof_record_is_a_damaged_file() {
    // tests/fixtures/campus-safety-form-2024.xls with byte 514 0x10 → 0x01:
    // the first BOF record's length becomes 1; calamine 0.38 read its
    // version unchecked (xls.rs:772) and panicked.
    let msg = damaged_workbook_message("xls-bof-length-1.xls", "form.xls");
    assert!(msg.contains("记录长度有误"), "{msg}");
}

#[test]
fn xls_with_a_broken_shared_string_header_is_a_damaged_file() {
    // tests/fixtures/percent-formats.xls with byte 1970 0x01 → 0x80: a string
    // header of the shared string table; calamine 0.38 then read a field past
    // the end of the record (utils.rs:43) and panicked.
    let msg = damaged_workbook_message("xls-sst-string-header.xls", "percent.xls");
    assert!(msg.contains("共享字符串表"), "{msg}");
}

#[test]
fn xls_with_a_damaged_formula_reads_like_the_sound_file() {
    // A FORMULA record (xlwt, =45+45 in 分值) whose token count says 255
    // where 7 tokens bytes follow: calamine 0.38 decoded the tokens with
    // unchecked slicing and panicked. Formulas are never used (their cached
    // values are), so the reader empties the token arrays it hands calamine.
    let bytes = fixture("xls-formula-token-count.xls");
    let report = jixiao::score_bytes(&bytes, "f.xls", &profile(), &ScoreOptions::default()).unwrap();
    let p = &report.projects[0];
    assert_eq!(p.rows.len(), 1);
    assert_eq!(p.rows[0].name, "培训人次");
    assert_eq!(p.rows[0].score, d("50"));
}
