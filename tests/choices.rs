#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Choices made in the page on qualitative rows (issue 11): a level chosen
//! over the form's 得分 decides the row (S15) and the form's figure is
//! compared (S31), never zeroing the row; 人工判定 / 人工评分 in the
//! explanation; the 判定依据 note kept in the JSON input and the exports.

mod common;

use common::{d, fixture};
use jixiao::model::Edit;
use jixiao::report::{FindingKind, Status};
use jixiao::{Input, Profile};

/// audit-planted-2024.csv: row 16「培训长效机制」, 20 分, actual 基本建立
/// (部分达成 by S17), the form's 得分 18 (outside [12, 16)).
fn planted() -> Input {
    jixiao::read_input(&fixture("audit-planted-2024.csv"), "t.csv", &Default::default()).unwrap()
}

fn edit(level: Option<&str>, score: Option<&str>, basis: Option<&str>) -> Edit {
    Edit {
        project: 0,
        row: 16,
        level: level.map(Into::into),
        score: score.map(Into::into),
        basis: basis.map(Into::into),
        ..Edit::default()
    }
}

fn scored(edits: &[Edit]) -> jixiao::report::ProjectResult {
    let r = jixiao::score_input(&planted(), &Profile::default_profile().unwrap(), edits);
    r.projects.into_iter().next().unwrap()
}

#[test]
fn the_forms_score_outside_the_band_is_an_error_until_the_user_chooses() {
    let p = scored(&[]);
    let r = p.rows.iter().find(|r| r.row == 16).unwrap();
    assert_eq!(r.status, Status::Error, "{}", r.explanation);
    // the user chooses 部分达成: the level decides (20 × 0.7), not zero
    let p = scored(&[edit(Some("部分达成"), None, None)]);
    let r = p.rows.iter().find(|r| r.row == 16).unwrap();
    assert_eq!((r.status, r.score), (Status::Ok, d("14")), "{}", r.explanation);
    assert_eq!(r.explanation, "定性指标：人工判定为部分达成，得分 = 20 × 0.7 = 14.00，扣 6.00 分");
    assert_eq!(r.stated_score, Some(d("18")));
    assert!(p.errors.iter().all(|e| e.row != Some(16)), "{:?}", p.errors);
    // the form's 18 is compared, once
    let f: Vec<_> = p.audit.iter().filter(|f| f.row == Some(16)).collect();
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!((f[0].kind, f[0].stated, f[0].computed), (FindingKind::RowScore, Some(d("18")), Some(d("14"))));
    // a chosen level that holds the form's figure keeps it (S16)
    let p = scored(&[edit(Some("达成"), None, None)]);
    let r = p.rows.iter().find(|r| r.row == 16).unwrap();
    assert_eq!(r.score, d("18"));
    assert_eq!(r.explanation, "定性指标：人工判定为达成，采用填报得分 18 分（达成档 [16, 20]）");
}

#[test]
fn a_score_typed_in_the_page_is_checked_against_its_band() {
    let p = scored(&[edit(Some("部分达成"), Some("13"), None)]);
    let r = p.rows.iter().find(|r| r.row == 16).unwrap();
    assert_eq!(r.score, d("13"));
    assert_eq!(r.explanation, "定性指标：人工判定为部分达成，人工评分 13 分（部分达成档 [12, 16)）");
    let p = scored(&[edit(Some("部分达成"), Some("17"), None)]);
    let r = p.rows.iter().find(|r| r.row == 16).unwrap();
    assert_eq!(r.status, Status::Error);
    assert_eq!(r.explanation, "得分 17 不在部分达成档 [12, 16)内");
}

#[test]
fn the_basis_is_kept_in_the_input_and_shown_where_the_reason_is() {
    let e = [edit(Some("达成"), None, Some("  制度已于12月印发 "))];
    let p = scored(&e);
    let r = p.rows.iter().find(|r| r.row == 16).unwrap();
    assert!(r.explanation.ends_with("；判定依据：制度已于12月印发"), "{}", r.explanation);
    // the JSON input carries it, and reads back to the same explanation
    let mut input = planted();
    input.apply_edits(&e);
    let json = serde_json::to_string(&input).unwrap();
    assert!(json.contains("\"basis\":\"  制度已于12月印发 \""), "{json}");
    let back: Input = serde_json::from_str(&json).unwrap();
    let again = jixiao::score_input(&back, &Profile::default_profile().unwrap(), &[]);
    let r2 = again.projects[0].rows.iter().find(|r| r.row == 16).unwrap();
    assert!(r2.explanation.ends_with("；判定依据：制度已于12月印发"), "{}", r2.explanation);
    // the CSV export has it in the explanation column
    let (_, report) = jixiao::score_for_export(&planted(), &Profile::default_profile().unwrap(), &e);
    let csv = String::from_utf8(jixiao::render::to_csv(&report)).unwrap();
    assert!(csv.contains("判定依据：制度已于12月印发"), "{csv}");
    // the 自评表 XLSX has it under the row's 偏差原因 (read back from the workbook)
    let (edited, report) = jixiao::score_for_export(&planted(), &Profile::default_profile().unwrap(), &e);
    let book = jixiao::render::xlsx::form(&edited, &report).unwrap();
    let read = jixiao::read_input(&book, "t.xlsx", &Default::default()).unwrap();
    let ind = read.projects[0].indicators.iter().find(|i| i.name == "培训长效机制").unwrap();
    assert_eq!(ind.reason.as_deref(), Some("制度尚待印发\n判定依据：制度已于12月印发"));
}
