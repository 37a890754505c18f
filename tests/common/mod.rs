#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Helpers shared by the integration tests.

pub mod grid_book;

use jixiao::report::{ProjectResult, RowResult};
use jixiao::{Profile, Report, ScoreOptions};
use rust_decimal::Decimal;

pub fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

pub fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

/// The workbook of a grid file in tests/fixtures (`NAME.xlsx.json`).
pub fn fixture_xlsx(name: &str) -> Vec<u8> {
    let book: grid_book::GridBook = serde_json::from_slice(&fixture(name)).unwrap();
    grid_book::build(&book).unwrap()
}

pub fn score_with(bytes: &[u8], profile: &Profile) -> Report {
    jixiao::score_bytes(bytes, "t.csv", profile, &ScoreOptions::default()).unwrap()
}

pub fn score(bytes: &[u8]) -> Report {
    score_with(bytes, &Profile::default_profile().unwrap())
}

/// Score a CSV text and return its only project.
pub fn project(csv: &str) -> ProjectResult {
    let r = score(csv.as_bytes());
    assert_eq!(r.projects.len(), 1, "{r:#?}");
    r.projects.into_iter().next().unwrap()
}

pub fn project_with(csv: &str, profile: &Profile) -> ProjectResult {
    score_with(csv.as_bytes(), profile).projects.into_iter().next().unwrap()
}

pub fn row<'a>(p: &'a ProjectResult, name: &str) -> &'a RowResult {
    p.rows.iter().find(|r| r.name == name).unwrap_or_else(|| panic!("no row {name} in {p:#?}"))
}

/// A one-row table with a weight: `一级,二级,三级,目标,实际,分值`.
pub fn one(target: &str, actual: &str, weight: &str) -> ProjectResult {
    project(&format!(
        "一级指标,二级指标,三级指标,年度指标值,实际完成值,分值,偏差原因\n产出指标,数量指标,x,{target},{actual},{weight},有\n"
    ))
}
