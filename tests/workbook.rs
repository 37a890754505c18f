//! The workbook reader (`jixiao::read::workbook::read`) on XLSX made here in
//! memory with rust_xlsxwriter, and on the committed XLS fixtures made by
//! `tests/fixtures/make_xls.py`.

// Tests may unwrap and panic: a failure here is a failed test, not a dead page.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeSet;

use jixiao::grid::Sheet;
use jixiao::read::workbook::read;
use jixiao::{FileError, ReadOptions};
use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook, Worksheet};

const FORM_CSV: &str = include_str!("fixtures/campus-safety-form-2024.csv");
const FORM_XLS: &[u8] = include_bytes!("fixtures/campus-safety-form-2024.xls");
const ENCRYPTED_XLS: &[u8] = include_bytes!("fixtures/encrypted-filepass.xls");
const PERCENT_XLS: &[u8] = include_bytes!("fixtures/percent-formats.xls");

/// The merges of the 自评表 form: (first_row, last_row, first_col, last_col),
/// 0-based inclusive. Must match FORM_MERGES in tests/fixtures/make_xls.py.
const FORM_MERGES: &[(u32, u32, u16, u16)] = &[
    (0, 0, 0, 8),
    (1, 1, 0, 8),
    (2, 2, 1, 8),
    (3, 3, 1, 3),
    (3, 3, 5, 8),
    (4, 8, 0, 0),
    (9, 10, 0, 0),
    (9, 9, 1, 4),
    (9, 9, 5, 8),
    (10, 10, 1, 4),
    (10, 10, 5, 8),
    (11, 18, 0, 0),
    (12, 15, 1, 1),
    (16, 17, 1, 1),
    (19, 19, 0, 5),
];

fn opts() -> ReadOptions {
    ReadOptions::default()
}

fn read_ok(bytes: &[u8]) -> Vec<Sheet> {
    match read(bytes, &opts()) {
        Ok(sheets) => sheets,
        Err(e) => panic!("read failed: {e}"),
    }
}

fn workbook_error(result: Result<Vec<Sheet>, FileError>) -> String {
    match result {
        Err(FileError::Workbook(msg)) => msg,
        other => panic!("expected FileError::Workbook, got {other:?}"),
    }
}

fn csv_cells(text: &str) -> Vec<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
    reader.records().map(|r| r.unwrap().iter().map(str::to_owned).collect()).collect()
}

fn merged_copies(merges: &[(u32, u32, u16, u16)]) -> BTreeSet<(usize, usize)> {
    let mut set = BTreeSet::new();
    for &(r0, r1, c0, c1) in merges {
        for r in r0..=r1 {
            for c in c0..=c1 {
                if (r, c) != (r0, c0) {
                    set.insert((r as usize, c as usize));
                }
            }
        }
    }
    set
}

/// The top-left cell of the merge holding (row, col).
fn merge_origin(merges: &[(u32, u32, u16, u16)], row: usize, col: usize) -> Option<(usize, usize)> {
    merges
        .iter()
        .find(|&&(r0, r1, c0, c1)| {
            (r0 as usize..=r1 as usize).contains(&row) && (c0 as usize..=c1 as usize).contains(&col)
        })
        .map(|&(r0, _, c0, _)| (r0 as usize, c0 as usize))
}

// ---------------------------------------------------------------------------
// (1) merged cells
// ---------------------------------------------------------------------------

#[test]
fn merged_cells_are_copied_and_marked() {
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    let plain = Format::new();
    ws.merge_range(0, 0, 0, 3, "项目支出绩效自评表", &plain).unwrap();
    ws.write_string(1, 0, "绩效指标").unwrap();
    ws.merge_range(1, 1, 3, 1, "产出指标", &plain).unwrap();
    ws.write_string(1, 2, "数量指标").unwrap();
    ws.write_string(2, 2, "质量指标").unwrap();
    ws.write_string(3, 2, "时效指标").unwrap();
    ws.write_string(4, 1, "效益指标").unwrap();
    ws.write_string(1, 3, "改造学校数量").unwrap();
    let sheets = read_ok(&book.save_to_buffer().unwrap());

    assert_eq!(sheets.len(), 1);
    let s = &sheets[0];
    for c in 0..4 {
        assert_eq!(s.cell(0, c), "项目支出绩效自评表", "title copied to column {c}");
    }
    for r in 1..4 {
        assert_eq!(s.cell(r, 1), "产出指标", "一级 copied to row {r}");
    }
    assert_eq!(s.cell(4, 1), "效益指标");
    assert_eq!(s.cell(2, 2), "质量指标");
    let expected: BTreeSet<(usize, usize)> = [(0, 1), (0, 2), (0, 3), (2, 1), (3, 1)].into_iter().collect();
    assert_eq!(s.merged, expected);
    assert!(!s.is_merged_copy(0, 0) && !s.is_merged_copy(1, 1), "top-left cells are not copies");
    assert_eq!(s.rows_len(), 5);
    assert!(s.rows().all(|r| r.len() == 4), "rows are rectangular: {s:?}");
}

#[test]
fn merge_past_the_content_does_not_grow_the_sheet() {
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.write_string(0, 0, "项目名称").unwrap();
    ws.merge_range(0, 1, 0, 200, "某项目", &Format::new()).unwrap();
    ws.write_string(1, 0, "x").unwrap();
    ws.write_string(1, 2, "y").unwrap();
    ws.merge_range(5, 5, 2000, 6, "", &Format::new()).unwrap();
    let sheets = read_ok(&book.save_to_buffer().unwrap());
    let s = &sheets[0];
    assert_eq!(s.rows_len(), 2);
    assert_eq!(s.row(0).to_vec(), vec!["项目名称", "某项目", "某项目"]);
    assert_eq!(s.merged, [(0, 2)].into_iter().collect());
}

// ---------------------------------------------------------------------------
// (2) cells as the user sees them
// ---------------------------------------------------------------------------

#[test]
fn cells_read_as_the_user_sees_them() {
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    let pct2 = Format::new().set_num_format("0.00%");
    let pct0 = Format::new().set_num_format("0%");
    let fixed2 = Format::new().set_num_format("#,##0.00");
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let date_cn = Format::new().set_num_format("yyyy\"年\"m\"月\"d\"日\"");
    let datetime = Format::new().set_num_format("yyyy-mm-dd hh:mm");

    ws.write_number_with_format(0, 0, 0.95, &pct2).unwrap();
    ws.write_number_with_format(0, 1, 0.9488, &pct2).unwrap();
    ws.write_number_with_format(0, 2, 0.95, &pct0).unwrap();
    ws.write_number_with_format(0, 3, 0.94875, &pct2).unwrap();
    ws.write_number_with_format(0, 4, 1.0, &pct0).unwrap();

    ws.write_number(1, 0, 15.0).unwrap();
    ws.write_number(1, 1, 0.1 + 0.2).unwrap();
    ws.write_number(1, 2, 95.000_000_000_01).unwrap();
    ws.write_number(1, 3, 142.5).unwrap();
    ws.write_number_with_format(1, 4, 1234.5, &fixed2).unwrap();
    ws.write_number(1, 5, -3.0).unwrap();

    let d = ExcelDateTime::from_ymd(2024, 3, 31).unwrap();
    ws.write_datetime_with_format(2, 0, &d, &date).unwrap();
    ws.write_datetime_with_format(2, 1, &d, &date_cn).unwrap();
    let dt = ExcelDateTime::parse_from_str("2024-03-31 08:30:00").unwrap();
    ws.write_datetime_with_format(2, 2, &dt, &datetime).unwrap();

    ws.write_formula(3, 0, Formula::new("=1/0").set_result("#DIV/0!")).unwrap();
    ws.write_formula(3, 1, Formula::new("=0.1+0.2").set_result("0.30000000000000004")).unwrap();
    ws.write_formula_with_format(3, 2, Formula::new("=142.5/150").set_result("0.95"), &pct2).unwrap();
    ws.write_formula(3, 3, Formula::new("=\"达\"&\"成\"").set_result("达成")).unwrap();
    ws.write_formula(3, 4, Formula::new("=1>0").set_result("TRUE")).unwrap();
    ws.write_boolean(3, 5, false).unwrap();
    ws.write_string(3, 6, "  ≥90% ").unwrap();

    let sheets = read_ok(&book.save_to_buffer().unwrap());
    let s = &sheets[0];
    // Percent formats: at least the format's decimals, never fewer digits than stored.
    assert_eq!(s.row(0).to_vec()[..5], ["95.00%", "94.88%", "95%", "94.875%", "100%"]);
    // Numbers: no ".0", no float noise; other number formats are not applied.
    assert_eq!(s.row(1).to_vec()[..6], ["15", "0.3", "95", "142.5", "1234.5", "-3"]);
    // Dates: ISO date whatever the date format; the time only when not midnight.
    assert_eq!(s.row(2).to_vec()[..3], ["2024-03-31", "2024-03-31", "2024-03-31 08:30"]);
    // Formulas: cached values, formatted like any cell; errors and booleans as Excel shows them.
    assert_eq!(s.row(3).to_vec(), vec!["#DIV/0!", "0.3", "95.00%", "达成", "TRUE", "FALSE", "  ≥90% "]);
}

// ---------------------------------------------------------------------------
// (3) several sheets, one empty; absolute positions
// ---------------------------------------------------------------------------

#[test]
fn every_sheet_with_its_name_and_absolute_positions() {
    let mut book = Workbook::new();
    book.add_worksheet().set_name("封面").unwrap().write_string(0, 0, "封面").unwrap();
    book.add_worksheet().set_name("空白").unwrap();
    let ws: &mut Worksheet = book.add_worksheet().set_name("自评表").unwrap();
    ws.write_string(2, 2, "C3").unwrap();
    ws.write_number(4, 1, 7.0).unwrap();
    ws.write_blank(9, 9, &Format::new().set_bold()).unwrap();
    let sheets = read_ok(&book.save_to_buffer().unwrap());

    let names: Vec<Option<&str>> = sheets.iter().map(|s| s.name.as_deref()).collect();
    assert_eq!(names, vec![Some("封面"), Some("空白"), Some("自评表")]);
    assert_eq!(sheets[0], jixiao::grid::Sheet::from_rows(sheets[0].name.clone(), [["封面"]]));
    assert!(sheets[1].rows_len() == 0 && sheets[1].merged.is_empty());
    let s = &sheets[2];
    // Row i is the user's row i + 1, column j the user's column j + 1; a
    // formatted blank cell does not extend the sheet.
    assert_eq!(s.rows_len(), 5);
    assert_eq!(s.row(0).to_vec(), vec!["", "", ""]);
    assert_eq!(s.cell(2, 2), "C3");
    assert_eq!(s.cell(4, 1), "7");
    assert!(s.rows().all(|r| r.len() == 3));
}

// ---------------------------------------------------------------------------
// (4) the full 自评表 form, as XLSX and as XLS
// ---------------------------------------------------------------------------

/// Write a CSV cell the way Excel stores it: numbers as numbers, "95.00%" as
/// 0.95 with the format "0.00%", text as text.
fn write_form_cell(ws: &mut Worksheet, row: u32, col: u16, text: &str) {
    if let Ok(x) = text.parse::<f64>() {
        ws.write_number(row, col, x).unwrap();
    } else if let Some((digits, x)) = text.strip_suffix('%').and_then(|p| p.parse::<f64>().ok().map(|x| (p, x))) {
        let decimals = digits.split_once('.').map_or(0, |(_, d)| d.len());
        let fmt = if decimals == 0 { "0%".to_owned() } else { format!("0.{}%", "0".repeat(decimals)) };
        ws.write_number_with_format(row, col, x / 100.0, &Format::new().set_num_format(fmt)).unwrap();
    } else if !text.is_empty() {
        ws.write_string(row, col, text).unwrap();
    }
}

fn form_xlsx() -> Vec<u8> {
    let csv = csv_cells(FORM_CSV);
    let mut book = Workbook::new();
    let ws = book.add_worksheet().set_name("项目支出绩效自评表").unwrap();
    for &(r0, r1, c0, c1) in FORM_MERGES {
        ws.merge_range(r0, c0, r1, c1, "", &Format::new()).unwrap();
    }
    for (r, row) in csv.iter().enumerate() {
        for (c, text) in row.iter().enumerate() {
            let (r, c) = (r as u32, c as u16);
            if (r, c) == (19, 7) {
                // 总分: a formula with its cached value, as the budget system leaves it.
                ws.write_formula(r, c, Formula::new("=H6+SUM(H13:H19)").set_result(text.as_str())).unwrap();
            } else {
                write_form_cell(ws, r, c, text);
            }
        }
    }
    book.save_to_buffer().unwrap()
}

/// The sheet holds the CSV's cells, merged copies hold their merge's
/// top-left value, and exactly the copies are marked.
fn assert_form(s: &Sheet) {
    let csv = csv_cells(FORM_CSV);
    let expected_text =
        |r: usize, c: usize| -> String { csv.get(r).and_then(|row| row.get(c)).cloned().unwrap_or_default() };
    assert_eq!(s.merged, merged_copies(FORM_MERGES));
    assert_eq!(s.rows_len(), csv.len(), "one row per CSV row");
    let width = csv.iter().map(Vec::len).max().unwrap();
    assert_eq!(s.rows().map(|r| r.len()).max(), Some(width));
    for r in 0..csv.len() {
        for c in 0..width {
            let want = match merge_origin(FORM_MERGES, r, c) {
                Some(origin) if origin != (r, c) => expected_text(origin.0, origin.1),
                _ => expected_text(r, c),
            };
            assert_eq!(s.cell(r, c), want, "cell ({r}, {c})");
        }
    }
    // Spot checks a reader of the form relies on.
    assert_eq!(s.cell(12, 1), "产出指标");
    assert_eq!(s.cell(15, 1), "产出指标");
    assert!(s.is_merged_copy(15, 1));
    assert_eq!(s.cell(19, 7), "92.07");
}

#[test]
fn form_xlsx_reads_like_the_csv() {
    let sheets = read_ok(&form_xlsx());
    assert_eq!(sheets.len(), 1);
    assert_eq!(sheets[0].name.as_deref(), Some("项目支出绩效自评表"));
    assert_form(&sheets[0]);
    assert_eq!(sheets[0].cell(5, 6), "95.00%");
    assert_eq!(sheets[0].cell(18, 5), "94.2%");
}

#[test]
fn form_xls_reads_like_the_csv() {
    let sheets = read_ok(FORM_XLS);
    let names: Vec<Option<&str>> = sheets.iter().map(|s| s.name.as_deref()).collect();
    assert_eq!(names, vec![Some("自评表"), Some("其他")]);
    // Percent cells (0.95 in "0.00%", 1 in "0%", 0.942 in "0.0%") read as
    // in Excel, like the CSV; "≥90%" is text.
    assert_form(&sheets[0]);
    assert_eq!(sheets[0].cell(5, 6), "95.00%");
    assert_eq!(sheets[0].cell(13, 4), "100%");
    assert_eq!(sheets[0].cell(13, 5), "100%");
    assert_eq!(sheets[0].cell(18, 4), "≥90%");
    assert_eq!(sheets[0].cell(18, 5), "94.2%");
}

#[test]
fn xls_dates_numbers_and_booleans() {
    let sheets = read_ok(FORM_XLS);
    let other = &sheets[1];
    let column: Vec<&str> = (0..5).map(|r| other.cell(r, 0)).collect();
    assert_eq!(column, vec!["2024-03-31", "95.00%", "TRUE", "15", "0.3"]);
}

/// The XLS and XLSX forms score like their CSV: 94.2% meets ≥90%, the 执行率 reads
/// 95.00%, and the stated figures agree with the rules.
#[test]
fn form_xls_and_xlsx_score_like_the_csv() {
    let profile = jixiao::Profile::default_profile().unwrap();
    let total = "92.07".parse::<rust_decimal::Decimal>().unwrap();
    let xlsx = form_xlsx();
    for (name, bytes) in [("x.xls", FORM_XLS), ("x.xlsx", xlsx.as_slice()), ("x.csv", FORM_CSV.as_bytes())] {
        let report = jixiao::score_bytes(bytes, name, &profile, &Default::default()).unwrap();
        let project = &report.projects[0];
        assert_eq!(project.total, total, "{name}");
        assert!(project.audit.is_empty(), "{name}: {:?}", project.audit);
    }
}

/// Percent formats 9 ("0%"), 10 ("0.00%") and a custom "0.0%" on the
/// three kinds of XLS number record xlwt writes (see make_xls.py).
#[test]
fn xls_percent_formats_on_number_rk_and_mulrk() {
    let sheets = read_ok(PERCENT_XLS);
    let s = &sheets[0];
    // MULRK: 0.95 "0.00%", 1 "0%", 0.5 "0.0%", 0.25 unformatted.
    assert_eq!(s.row(0).to_vec()[..4], ["95.00%", "100%", "50.0%", "0.25"]);
    // RK: 0.95 "0%", 0.12 "0.0%", 1 "0.00%".
    assert_eq!([s.cell(1, 0), s.cell(1, 2), s.cell(1, 4)], ["95%", "12.0%", "100.00%"]);
    // NUMBER: stored digits are never rounded away; unformatted stays a fraction.
    assert_eq!([s.cell(2, 0), s.cell(2, 2), s.cell(2, 4), s.cell(2, 6)], ["94.88%", "94.2%", "94.875%", "0.942"]);
    // A quoted "%" is text in the format, not a percent; text stays text.
    assert_eq!([s.cell(3, 0), s.cell(3, 2)], ["0.95", "≥90%"]);
}

// ---------------------------------------------------------------------------
// XLS written record by record (BIFF8)
// ---------------------------------------------------------------------------

fn record(typ: u16, data: &[u8]) -> Vec<u8> {
    let mut out = typ.to_le_bytes().to_vec();
    out.extend((data.len() as u16).to_le_bytes());
    out.extend(data);
    out
}

fn cell_head(row: u16, col: u16, xf: u16) -> Vec<u8> {
    [row, col, xf].iter().flat_map(|v| v.to_le_bytes()).collect()
}

/// An RK value holding `n / 100` (an integer, scaled by 100).
fn rk_hundredths(n: i32) -> [u8; 4] {
    ((n << 2) | 3).to_le_bytes()
}

/// A BIFF8 workbook with the given FORMAT strings (index, text; UTF-16),
/// XF records (their format indices) and one sheet "表" holding `cells`
/// (ready-made records), in an OLE2 compound file.
fn biff8_book(formats: &[(u16, &str)], xfs: &[u16], cells: &[Vec<u8>]) -> Vec<u8> {
    use std::io::Write;
    let bof = |dt: u16| {
        let mut d = vec![0u8; 16];
        d[..2].copy_from_slice(&0x0600_u16.to_le_bytes());
        d[2..4].copy_from_slice(&dt.to_le_bytes());
        record(0x0809, &d)
    };
    let mut globals = bof(0x0005);
    for &(ifmt, text) in formats {
        let units: Vec<u16> = text.encode_utf16().collect();
        let mut d = ifmt.to_le_bytes().to_vec();
        d.extend((units.len() as u16).to_le_bytes());
        d.push(1); // fHighByte: UTF-16LE characters
        d.extend(units.iter().flat_map(|u| u.to_le_bytes()));
        globals.extend(record(0x041E, &d));
    }
    for &ifmt in xfs {
        let mut d = vec![0u8; 20];
        d[2..4].copy_from_slice(&ifmt.to_le_bytes());
        globals.extend(record(0x00E0, &d));
    }
    let name: Vec<u16> = "表".encode_utf16().collect();
    let boundsheet_len = 4 + 4 + 2 + 2 + 2 * name.len();
    let sheet_at = (globals.len() + boundsheet_len + 4) as u32;
    let mut d = sheet_at.to_le_bytes().to_vec();
    d.extend([0, 0, name.len() as u8, 1]);
    d.extend(name.iter().flat_map(|u| u.to_le_bytes()));
    globals.extend(record(0x0085, &d));
    globals.extend(record(0x000A, &[]));
    assert_eq!(globals.len() as u32, sheet_at);
    let mut stream = globals;
    stream.extend(bof(0x0010));
    for cell in cells {
        stream.extend(cell);
    }
    stream.extend(record(0x000A, &[]));

    let mut file = cfb::CompoundFile::create(std::io::Cursor::new(Vec::new())).unwrap();
    file.create_stream("/Workbook").unwrap().write_all(&stream).unwrap();
    file.flush().unwrap();
    file.into_inner().into_inner()
}

#[test]
fn xls_percent_formats_record_by_record() {
    // XF 0 General, 1 "0%" (9), 2 "0.00%" (10), 3 custom "0.0%" (UTF-16
    // FORMAT), 4 custom "0.00\%" (an escaped "%": not percent), 5 a date (14).
    let formats = [(164, "0.0%"), (165, "0.00\\%")];
    let xfs = [0, 9, 10, 164, 165, 14];
    let number = |row: u16, col: u16, xf: u16, x: f64| {
        let mut d = cell_head(row, col, xf);
        d.extend(x.to_le_bytes());
        record(0x0203, &d)
    };
    let rk = |row: u16, col: u16, xf: u16, n: i32| {
        let mut d = cell_head(row, col, xf);
        d.extend(rk_hundredths(n));
        record(0x027E, &d)
    };
    let mulrk = |row: u16, first: u16, cells: &[(u16, i32)]| {
        let mut d = row.to_le_bytes().to_vec();
        d.extend(first.to_le_bytes());
        for &(xf, n) in cells {
            d.extend(xf.to_le_bytes());
            d.extend(rk_hundredths(n));
        }
        d.extend((first + cells.len() as u16 - 1).to_le_bytes());
        record(0x00BD, &d)
    };
    // FORMULA: row, col, XF, cached result, flags, chn, then an empty formula.
    let formula = |row: u16, col: u16, xf: u16, result: [u8; 8]| {
        let mut d = cell_head(row, col, xf);
        d.extend(result);
        d.extend([0u8; 8]);
        record(0x0006, &d)
    };
    let string_result = [0, 0, 0, 0, 0, 0, 0xFF, 0xFF];
    let cells = vec![
        number(0, 0, 1, 0.942),
        rk(0, 1, 2, 95),
        rk(0, 2, 3, 100),
        mulrk(0, 3, &[(1, 100), (2, 50), (3, 50), (0, 25), (4, 95)]),
        formula(1, 0, 3, 0.942_f64.to_le_bytes()),
        formula(1, 1, 2, string_result),
        record(0x0207, &[2, 0, 0, b'o', b'k']),
        // The later record for a cell wins: no percent.
        number(2, 0, 2, 0.5),
        number(2, 0, 0, 0.5),
        // And the other way round.
        number(2, 1, 0, 0.5),
        rk(2, 1, 1, 50),
        // An XF index past the XF list: no format.
        number(2, 2, 999, 0.5),
        // A date is a date.
        number(3, 0, 5, 45382.0),
    ];
    let sheets = read_ok(&biff8_book(&formats, &xfs, &cells));
    let s = &sheets[0];
    assert_eq!(s.name.as_deref(), Some("表"));
    assert_eq!(s.row(0).to_vec(), ["94.2%", "95.00%", "100.0%", "100%", "50.00%", "50.0%", "0.25", "0.95"]);
    assert_eq!(s.row(1).to_vec()[..2], ["94.2%", "ok"]);
    assert_eq!(s.row(2).to_vec()[..3], ["0.5", "50%", "0.5"]);
    assert_eq!(s.cell(3, 0), "2024-03-31");
}

// ---------------------------------------------------------------------------
// (5) limits
// ---------------------------------------------------------------------------

#[test]
fn too_many_rows_is_a_chinese_error() {
    let mut book = Workbook::new();
    let ws = book.add_worksheet().set_name("明细").unwrap();
    for r in 0..11 {
        ws.write_number(r, 0, f64::from(r)).unwrap();
    }
    let bytes = book.save_to_buffer().unwrap();
    let limited = ReadOptions { max_rows: 10, ..ReadOptions::default() };
    let msg = workbook_error(read(&bytes, &limited));
    assert!(msg.contains("行数超过上限 10 行") && msg.contains("明细"), "{msg}");
    let enough = ReadOptions { max_rows: 11, ..ReadOptions::default() };
    assert_eq!(read(&bytes, &enough).map(|s| s[0].rows_len()), Ok(11));
}

#[test]
fn a_huge_sheet_fails_before_allocating() {
    // A1 and XFD1048576: a sheet claiming 1,048,576 × 16,384 cells.
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.write_string(0, 0, "a").unwrap();
    ws.write_string(1_048_575, 16_383, "z").unwrap();
    let msg = workbook_error(read(&book.save_to_buffer().unwrap(), &opts()));
    assert!(msg.contains("行数超过上限 100000 行"), "{msg}");

    // Within the row limit but 50,000 × 16,384 cells.
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.write_string(0, 0, "a").unwrap();
    ws.write_string(49_999, 16_383, "z").unwrap();
    let msg = workbook_error(read(&book.save_to_buffer().unwrap(), &opts()));
    assert!(msg.contains("过大") && msg.contains("50000 行 × 16384 列"), "{msg}");
}

#[test]
fn trailing_rows_beyond_the_limit_that_are_empty_do_not_count() {
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.write_string(0, 0, "a").unwrap();
    ws.write_blank(500, 0, &Format::new().set_bold()).unwrap();
    let limited = ReadOptions { max_rows: 10, ..ReadOptions::default() };
    assert_eq!(read(&book.save_to_buffer().unwrap(), &limited).map(|s| s[0].rows_len()), Ok(1));
}

// ---------------------------------------------------------------------------
// (6) broken files: an error, never a panic
// ---------------------------------------------------------------------------

#[test]
fn garbage_zip_is_a_workbook_error() {
    let mut bytes = b"PK\x03\x04".to_vec();
    bytes.extend((0..2000u32).map(|i| (i * 31 % 251) as u8));
    let msg = workbook_error(read(&bytes, &opts()));
    assert!(msg.contains("文件已损坏或不是 Excel 工作簿"), "{msg}");
}

#[test]
fn zip_that_is_not_a_workbook() {
    let zip = stored_zip(&[("hello.txt".to_owned(), b"not a workbook".to_vec())]);
    let msg = workbook_error(read(&zip, &opts()));
    assert!(msg.contains("文件已损坏或不是 Excel 工作簿"), "{msg}");
}

/// A minimal zip writer with stored (uncompressed) entries.
fn stored_zip(entries: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data) in entries {
        let (name, crc, size) = (name.as_bytes(), crc32(data), data.len() as u32);
        let local = out.len() as u32;
        out.extend(b"PK\x03\x04");
        out.extend([20, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        out.extend(crc.to_le_bytes());
        out.extend(size.to_le_bytes());
        out.extend(size.to_le_bytes());
        out.extend((name.len() as u16).to_le_bytes());
        out.extend([0, 0]);
        out.extend(name);
        out.extend(data);
        central.extend(b"PK\x01\x02");
        central.extend([20, 0, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        central.extend(crc.to_le_bytes());
        central.extend(size.to_le_bytes());
        central.extend(size.to_le_bytes());
        central.extend((name.len() as u16).to_le_bytes());
        central.extend([0; 12]);
        central.extend(local.to_le_bytes());
        central.extend(name);
    }
    let (start, count) = (out.len() as u32, entries.len() as u16);
    out.extend(&central);
    out.extend(b"PK\x05\x06");
    out.extend([0, 0, 0, 0]);
    out.extend(count.to_le_bytes());
    out.extend(count.to_le_bytes());
    out.extend((central.len() as u32).to_le_bytes());
    out.extend(start.to_le_bytes());
    out.extend([0, 0]);
    out
}

/// The entries of a zip, with `edit` applied to each (name, content).
fn rezip(bytes: &[u8], edit: impl Fn(&str, Vec<u8>) -> Vec<u8>) -> Vec<u8> {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut entries = Vec::new();
    for i in 0..zip.len() {
        let mut file = zip.by_index(i).unwrap();
        let mut data = Vec::new();
        file.read_to_end(&mut data).unwrap();
        let name = file.name().unwrap().into_owned();
        let data = edit(&name, data);
        entries.push((name, data));
    }
    stored_zip(&entries)
}

#[test]
fn xlsx_declaring_absurdly_many_strings_is_refused_before_allocating() {
    let good = form_xlsx();
    // Rewritten with the count intact, the workbook still reads.
    let same = rezip(&good, |_, data| data);
    assert_eq!(read_ok(&same)[0].cell(0, 0), "项目支出绩效自评表");
    // calamine would reserve room for 10^12 strings: an abort.
    let bad = rezip(&good, |name, data| {
        if !name.ends_with("sharedStrings.xml") {
            return data;
        }
        let text = String::from_utf8(data).unwrap();
        let at = text.find("uniqueCount=\"").unwrap() + "uniqueCount=\"".len();
        let end = at + text[at..].find('"').unwrap();
        format!("{}1000000000000{}", &text[..at], &text[end..]).into_bytes()
    });
    let msg = workbook_error(read(&bad, &opts()));
    assert!(msg.contains("文字条目过多"), "{msg}");
}

fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in data {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 != 0 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
        }
    }
    !crc
}

#[test]
fn truncated_xlsx_is_a_workbook_error() {
    let bytes = form_xlsx();
    for len in [4, 30, 100, bytes.len() / 3, bytes.len() / 2, bytes.len() - 22, bytes.len() - 1] {
        let msg = workbook_error(read(&bytes[..len], &opts()));
        assert!(msg.contains("已损坏"), "{len}: {msg}");
    }
}

#[test]
fn truncated_xls_is_a_workbook_error() {
    for len in [8, 512, 1000, FORM_XLS.len() / 2] {
        let msg = workbook_error(read(&FORM_XLS[..len], &opts()));
        assert!(msg.contains("已损坏"), "{len}: {msg}");
    }
}

/// Damaged files: every truncation point and byte flips read to sheets or a
/// `FileError::Workbook`, and never panic.
#[test]
fn damaged_workbooks_never_panic() {
    let xlsx = form_xlsx();
    for (name, good) in [("xlsx", xlsx.as_slice()), ("xls", FORM_XLS), ("xls percent", PERCENT_XLS)] {
        let step = (good.len() / 300).max(1);
        for len in (0..good.len()).step_by(step) {
            check_no_panic(name, &good[..len]);
        }
        for at in (0..good.len()).step_by(step) {
            let mut bad = good.to_vec();
            bad[at] ^= 0x5A;
            check_no_panic(name, &bad);
        }
    }
}

/// Random multi-byte damage (fixed seed): still no panic and no abort (an
/// abort, e.g. a failed huge allocation, kills the test process).
#[test]
fn randomly_damaged_workbooks_never_panic() {
    let xlsx = form_xlsx();
    let mut seed = 0x2024_0331_u64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for (name, good) in [("xlsx", xlsx.as_slice()), ("xls", FORM_XLS)] {
        for i in 0..1500 {
            let mut bad = good.to_vec();
            for _ in 0..1 + next() % 4 {
                let at = (next() % bad.len() as u64) as usize;
                bad[at] = next() as u8;
            }
            if i % 7 == 0 {
                bad.truncate((next() % bad.len() as u64) as usize);
            }
            check_no_panic(name, &bad);
        }
    }
}

fn check_no_panic(name: &str, bytes: &[u8]) {
    match read(bytes, &opts()) {
        Ok(_) | Err(FileError::Workbook(_)) => {}
        Err(other) => panic!("{name}: unexpected error kind {other:?}"),
    }
}

#[test]
fn encrypted_xls_asks_for_the_password_to_be_removed() {
    let msg = workbook_error(read(ENCRYPTED_XLS, &opts()));
    assert!(msg.contains("密码"), "{msg}");
}

// ---------------------------------------------------------------------------
// XLS records calamine would trust: checked before calamine sees them
// ---------------------------------------------------------------------------

/// The offset of the first record of type `typ` with data length `len` in
/// the fixture (the workbook stream of an xlwt file lies in the file as is).
fn find_record(bytes: &[u8], typ: u16, len: Option<u16>) -> usize {
    let t = typ.to_le_bytes();
    (0..bytes.len() - 4)
        .find(|&i| bytes[i..i + 2] == t && len.is_none_or(|l| bytes[i + 2..i + 4] == l.to_le_bytes()))
        .unwrap()
}

#[test]
fn xls_with_a_huge_used_range_is_refused_before_allocating() {
    // DIMENSIONS (BIFF8: first row u32, last row + 1 u32, first col, last col + 1).
    let mut bytes = FORM_XLS.to_vec();
    let at = find_record(&bytes, 0x0200, Some(14));
    bytes[at + 8..at + 12].copy_from_slice(&0xFFFF_FFF0_u32.to_le_bytes());
    let msg = workbook_error(read(&bytes, &opts()));
    assert!(msg.contains("过大"), "{msg}");

    // First row after the last: calamine would underflow.
    let mut bytes = FORM_XLS.to_vec();
    bytes[at + 4..at + 8].copy_from_slice(&1000_u32.to_le_bytes());
    bytes[at + 8..at + 12].copy_from_slice(&10_u32.to_le_bytes());
    let msg = workbook_error(read(&bytes, &opts()));
    assert!(msg.contains("已损坏"), "{msg}");
}

#[test]
fn xls_with_cells_far_apart_is_refused_before_allocating() {
    // Move the sheet's first NUMBER cell to row 65535, column 65535: calamine
    // would allocate a dense 65536 × 65536 range.
    let mut bytes = FORM_XLS.to_vec();
    let at = find_record(&bytes, 0x0203, Some(14));
    bytes[at + 4..at + 8].copy_from_slice(&[0xFF, 0xFF, 0xFF, 0xFF]);
    let msg = workbook_error(read(&bytes, &opts()));
    assert!(msg.contains("过大"), "{msg}");
}

#[test]
fn xls_with_a_bad_merge_record_is_an_error() {
    let mut bytes = FORM_XLS.to_vec();
    let at = find_record(&bytes, 0x00E5, None);
    bytes[at + 4..at + 6].copy_from_slice(&0x7FFF_u16.to_le_bytes());
    let msg = workbook_error(read(&bytes, &opts()));
    assert!(msg.contains("合并单元格"), "{msg}");
}

/// A zip bomb (entries declaring far more than any real form unpacks to) is
/// refused before anything is unpacked.
#[test]
fn zip_bomb_is_refused_before_unpacking() {
    let mut bytes = rezip(&form_xlsx(), |_, data| data);
    assert_eq!(read_ok(&bytes).len(), 1, "the re-zipped form itself reads");
    let pos = bytes.windows(4).position(|w| w == b"PK\x01\x02").unwrap();
    bytes[pos + 24..pos + 28].copy_from_slice(&u32::MAX.to_le_bytes());
    let msg = workbook_error(read(&bytes, &opts()));
    assert!(msg.contains("疑似压缩炸弹") && msg.contains("512 MB"), "{msg}");
}

/// Every single-byte change of the XLS fixtures (each byte set to 0x00,
/// 0x01, 0x80, 0xFF and flipped in its low bit): sheets or a workbook error,
/// never a panic. About 75,000 reads: run with
/// `cargo test --release --test workbook -- --ignored`.
#[test]
#[ignore]
fn every_single_byte_change_of_the_xls_fixtures() {
    for (name, good) in [("xls", FORM_XLS), ("xls percent", PERCENT_XLS)] {
        for at in 0..good.len() {
            for value in [0x00, 0x01, 0x80, 0xFF, good[at] ^ 0x01] {
                let mut bad = good.to_vec();
                bad[at] = value;
                check_no_panic(&format!("{name} byte {at} = {value:#04x}"), &bad);
            }
        }
    }
}
