//! Write the XLSX workbooks the browser tests upload (tests/e2e/forms.test.mjs,
//! tests/e2e/security.test.mjs), so no binary fixture is committed:
//!
//!     cargo run -q --example make_xlsx -- DIR [GRID.json...]
//!
//! writes into DIR:
//!
//! - `campus-form.xlsx`: the 项目支出绩效自评表 of
//!   tests/fixtures/campus-safety-form-2024.csv cell by cell, as a budget
//!   system exports it: sheet 「自评表」, the merges of the form (title across,
//!   项目资金 and 绩效指标 merged down, 一级指标 merged down…), numbers as
//!   numbers, percentages as fractions with a `0.00%` format, the 总分 as a
//!   formula with its cached value; and a second sheet 「说明」 holding a note
//!   and no table. Every stated figure is right: total 92.07.
//! - `planted.xlsx`: the same form with planted discrepancies (see PLANTED):
//!   row 14 (100% of target) stated 7 of 10, row 19 stated 12 of a weight of
//!   10, a stated 执行率 of 96.00% (142.5 / 150 is 95.00%), and a stated 总分
//!   of 95 that is not the sum of the stated parts (91.07).
//! - for each GRID.json `{"file": "x.xlsx", "sheet": "…", "rows": [["…"]]}`:
//!   that grid as one sheet, cells typed the same way (the security test's
//!   payload workbook).
//!
//! The merges must match FORM_MERGES in tests/workbook.rs and
//! tests/fixtures/make_xls.py.

use std::error::Error;
use std::path::{Path, PathBuf};

use rust_xlsxwriter::{Format, Formula, Workbook};

#[path = "../tests/common/grid_book.rs"]
#[allow(dead_code)]
mod grid_book;
use grid_book::write_cell;

const FORM_CSV: &str = include_str!("../tests/fixtures/campus-safety-form-2024.csv");

/// (first_row, last_row, first_col, last_col), 0-based inclusive.
const FORM_MERGES: &[(u32, u32, u16, u16)] = &[
    (0, 0, 0, 8),   // 项目支出绩效自评表
    (1, 1, 0, 8),   // （2024年度）
    (2, 2, 1, 8),   // project name
    (3, 3, 1, 3),   // 主管部门 value
    (3, 3, 5, 8),   // 实施单位 value
    (4, 8, 0, 0),   // 项目资金（万元） down the funds block
    (9, 10, 0, 0),  // 年度总体目标
    (9, 9, 1, 4),   // 预期目标
    (9, 9, 5, 8),   // 实际完成情况
    (10, 10, 1, 4), //
    (10, 10, 5, 8), //
    (11, 18, 0, 0), // 绩效指标 down the indicator block
    (12, 15, 1, 1), // 产出指标
    (16, 17, 1, 1), // 效益指标
    (19, 19, 0, 5), // 总分
];

/// The 总分 cell (row 20, column H).
const TOTAL: (u32, u16) = (19, 7);

/// planted.xlsx: (row, col) 0-based → the stated text that replaces the CSV's.
const PLANTED: &[((u32, u16), &str)] = &[
    ((13, 7), "7"),     // row 14 设施验收合格率: 100% of 100%, stated 7 of 10
    ((18, 7), "12"),    // row 19 师生及家长满意度: stated 12, weight 10
    ((5, 6), "96.00%"), // row 6 执行率: 142.5 / 150 is 95.00%
    (TOTAL, "95"),      // row 20 总分: the stated parts sum to 91.07
];

fn csv_cells(text: &str) -> Result<Vec<Vec<String>>, Box<dyn Error>> {
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        rows.push(record?.iter().map(str::to_owned).collect());
    }
    Ok(rows)
}

/// The campus form, with `changes` applied to its cells.
fn form(changes: &[((u32, u16), &str)]) -> Result<Vec<u8>, Box<dyn Error>> {
    let csv = csv_cells(FORM_CSV)?;
    let mut book = Workbook::new();
    let ws = book.add_worksheet().set_name("自评表")?;
    let title = Format::new().set_bold();
    for &(r0, r1, c0, c1) in FORM_MERGES {
        ws.merge_range(r0, c0, r1, c1, "", &title)?;
    }
    for (r, row) in csv.iter().enumerate() {
        for (c, text) in row.iter().enumerate() {
            let at = (u32::try_from(r)?, u16::try_from(c)?);
            let text = changes.iter().find(|(p, _)| *p == at).map_or(text.as_str(), |(_, t)| *t);
            if at == TOTAL {
                // As the budget system leaves it: a formula with its cached value.
                ws.write_formula(at.0, at.1, Formula::new("=H6+SUM(H13:H19)").set_result(text))?;
            } else {
                write_cell(ws, at.0, at.1, text)?;
            }
        }
    }
    let notes = book.add_worksheet().set_name("说明")?;
    notes.write_string(0, 0, "填表说明")?;
    notes.write_string(1, 0, "1. 本表由预算管理一体化系统导出，请勿修改表头。")?;
    notes.write_string(2, 0, "2. 金额单位为万元，执行率保留两位小数。")?;
    Ok(book.save_to_buffer()?)
}

#[derive(serde::Deserialize)]
struct Grid {
    file: String,
    sheet: String,
    rows: Vec<Vec<String>>,
}

/// A GRID.json: `{"file", "sheet", "rows"}` (one sheet), or a fixture grid
/// `NAME.xlsx.json` (`{"sheets": [{"name", "rows", "merges"}]}`), written as NAME.xlsx.
fn grid(path: &Path, dir: &Path) -> Result<PathBuf, Box<dyn Error>> {
    let bytes = std::fs::read(path)?;
    let (name, book) = match serde_json::from_slice::<Grid>(&bytes) {
        Ok(g) => {
            let name = Path::new(&g.file).file_name().ok_or("grid: no file name")?.to_owned();
            (
                name,
                grid_book::GridBook {
                    sheets: vec![grid_book::GridSheet { name: g.sheet, rows: g.rows, merges: vec![] }],
                },
            )
        }
        Err(_) => {
            let stem = path.file_name().and_then(|n| n.to_str()).ok_or("grid: no file name")?;
            (stem.trim_end_matches(".json").into(), serde_json::from_slice(&bytes)?)
        }
    };
    let out = dir.join(name);
    std::fs::write(&out, grid_book::build(&book)?)?;
    Ok(out)
}

fn main() -> Result<(), Box<dyn Error>> {
    let mut args = std::env::args_os().skip(1);
    let dir = PathBuf::from(args.next().ok_or("usage: make_xlsx DIR [GRID.json...]")?);
    std::fs::create_dir_all(&dir)?;
    std::fs::write(dir.join("campus-form.xlsx"), form(&[])?)?;
    std::fs::write(dir.join("planted.xlsx"), form(PLANTED)?)?;
    for path in args {
        grid(Path::new(&path), &dir)?;
    }
    Ok(())
}
