//! Workbooks built from a grid (tests/fixtures/*.xlsx.json): sheets of cells
//! as the user sees them, and their merges. Shared by the tests and by
//! `examples/make_xlsx.rs` (which writes them for the browser tests), so the
//! XLSX fixtures are reviewable text and no binary is committed.
//!
//! `{"sheets": [{"name": "自评表", "rows": [["…"]], "merges": [[r0, r1, c0, c1]]}]}`,
//! 0-based inclusive; a merged range's text is in its top-left cell.

use std::error::Error;

use rust_xlsxwriter::{Format, Workbook, Worksheet};

#[derive(serde::Deserialize)]
pub struct GridBook {
    pub sheets: Vec<GridSheet>,
}

#[derive(serde::Deserialize)]
pub struct GridSheet {
    pub name: String,
    pub rows: Vec<Vec<String>>,
    #[serde(default)]
    pub merges: Vec<[u32; 4]>,
}

/// A cell the way Excel stores what the user typed: "12.5" as a number,
/// "95.00%" as 0.95 with the format "0.00%", anything else as text.
pub fn write_cell(ws: &mut Worksheet, row: u32, col: u16, text: &str) -> Result<(), Box<dyn Error>> {
    if let Ok(x) = text.parse::<f64>() {
        ws.write_number(row, col, x)?;
    } else if let Some((digits, x)) = text.strip_suffix('%').and_then(|p| p.parse::<f64>().ok().map(|x| (p, x))) {
        let decimals = digits.split_once('.').map_or(0, |(_, d)| d.len());
        let fmt = if decimals == 0 { "0%".to_owned() } else { format!("0.{}%", "0".repeat(decimals)) };
        ws.write_number_with_format(row, col, x / 100.0, &Format::new().set_num_format(fmt))?;
    } else if !text.is_empty() {
        ws.write_string(row, col, text)?;
    }
    Ok(())
}

/// The workbook of a grid.
pub fn build(book: &GridBook) -> Result<Vec<u8>, Box<dyn Error>> {
    let mut wb = Workbook::new();
    for sheet in &book.sheets {
        let ws = wb.add_worksheet().set_name(&sheet.name)?;
        for &[r0, r1, c0, c1] in &sheet.merges {
            ws.merge_range(r0, u16::try_from(c0)?, r1, u16::try_from(c1)?, "", &Format::new())?;
        }
        for (r, row) in sheet.rows.iter().enumerate() {
            for (c, text) in row.iter().enumerate() {
                write_cell(ws, u32::try_from(r)?, u16::try_from(c)?, text)?;
            }
        }
    }
    Ok(wb.save_to_buffer()?)
}
