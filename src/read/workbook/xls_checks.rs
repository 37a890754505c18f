//! XLS records calamine 0.38 would trust blindly, checked before it reads
//! the file.
//!
//! calamine parses the workbook stream in two passes: the globals (from the
//! start of the stream to the first EOF) and each sheet (from the offset its
//! BOUNDSHEET record gives, BOF to EOF). Many of its record parsers index
//! the record's bytes without checking the length, so one damaged byte
//! panics (a trap in the page). This module walks the stream exactly as
//! calamine will and checks, record by record, every field calamine reads
//! unchecked:
//!
//! - globals: FILEPASS, CODEPAGE, DATEMODE, BOF and (BIFF8) EXTERNSHEET
//!   hold at least the 2 bytes read; BOUNDSHEET at least 6, with its sheet
//!   offset inside the stream; LBL (a defined name) at least 14; the shared
//!   string table (SST and its CONTINUE records) as calamine decodes it
//!   (see [`check_sst`]);
//! - sheets: the used range (DIMENSIONS) and the cells' bounding box, which
//!   calamine allocates densely, within [`MAX_CELLS`]; MERGECELLS counts
//!   within the record; FORMULA records at least 22 bytes (cell position,
//!   cached value, token count).
//!
//! Formulas themselves are never read (the reader takes the value Excel
//! cached), but calamine 0.38 decodes their tokens with unchecked slicing.
//! Rather than re-implement that decoder, the token arrays of cell formulas
//! and defined names are emptied (their length field set to 0) in the copy
//! of the stream calamine reads: the cached values, names and everything
//! else stay as they are.

use super::biff::{self, biff_record, bof_is_biff8, continues, le_u16, le_u32, sheet_records};
use super::errors::{corrupt, encrypted, range_too_large};
use super::xls_sst::{check_sst, MAX_CONTINUES};
use super::MAX_CELLS;
use crate::FileError;

/// Check the workbook stream record by record as calamine will read it
/// (globals, then each sheet from its offset), and empty the formula token
/// arrays calamine would decode (see the module comment).
pub(super) fn check_biff(stream: &mut [u8]) -> Result<(), FileError> {
    // Offsets of the u16 token counts to set to 0.
    let mut token_counts = Vec::new();
    let sheets = check_globals(stream, &mut token_counts)?;
    for pos in sheets {
        check_sheet(stream, pos, &mut token_counts)?;
    }
    for at in token_counts {
        if let Some(count) = stream.get_mut(at..at + 2) {
            count.fill(0);
        }
    }
    Ok(())
}

/// A record shorter than the fields calamine reads from it.
fn short_record() -> FileError {
    corrupt("记录长度有误")
}

/// The workbook globals as calamine reads them (from the start of the
/// stream to the first EOF); returns the sheets' offsets.
fn check_globals(stream: &[u8], token_counts: &mut Vec<usize>) -> Result<std::collections::BTreeSet<usize>, FileError> {
    let mut sheets = std::collections::BTreeSet::new();
    let mut biff8 = true;
    let mut at = 0;
    while let Some((typ, data, next)) = biff_record(stream, at) {
        let has = |n: usize| if data.len() >= n { Ok(()) } else { Err(short_record()) };
        match typ {
            // FILEPASS: the records after it are encrypted.
            biff::FILEPASS => match le_u16(data, 0) {
                Some(0) => {}
                Some(_) => return Err(encrypted()),
                None => return Err(short_record()),
            },
            biff::BOF => {
                has(2)?;
                biff8 = bof_is_biff8(data);
            }
            biff::CODEPAGE | biff::DATEMODE => has(2)?,
            biff::EXTERNSHEET if biff8 => has(2)?,
            // BOUNDSHEET: the sheet's offset in the stream, visibility, type.
            biff::BOUNDSHEET => match le_u32(data, 0) {
                Some(pos) if data.len() >= 6 && (pos as usize) <= stream.len() => {
                    sheets.insert(pos as usize);
                }
                _ => return Err(corrupt("工作表目录记录有误")),
            },
            // LBL: name length at 3, token count at 4, name from 14.
            biff::LBL => {
                has(14)?;
                token_counts.push(at + 4 + 4);
            }
            biff::SST => check_sst(data, &continues(stream, next, MAX_CONTINUES))?,
            biff::EOF => break,
            _ => {}
        }
        at = next;
    }
    Ok(sheets)
}

/// One sheet's records as calamine reads them (from its BOF to its EOF,
/// nested substreams such as embedded charts skipped): the cells' bounding
/// box, which calamine allocates densely, must stay within [`MAX_CELLS`].
fn check_sheet(stream: &[u8], at: usize, token_counts: &mut Vec<usize>) -> Result<(), FileError> {
    // (first row, last row, first col, last col)
    let mut bounds: Option<(u32, u32, u32, u32)> = None;
    let mut extend = |row: u32, col: u32| {
        let b = bounds.get_or_insert((row, row, col, col));
        *b = (b.0.min(row), b.1.max(row), b.2.min(col), b.3.max(col));
    };
    for (typ, data, data_at) in sheet_records(stream, at) {
        match typ {
            biff::DIMENSIONS => check_dimensions(data)?,
            // NUMBER, LABEL, RSTRING, BOOLERR, RK, LABELSST: row, col first.
            biff::NUMBER | biff::LABEL | biff::RSTRING | biff::BOOLERR | biff::RK | biff::LABELSST => {
                if let (Some(row), Some(col)) = (le_u16(data, 0), le_u16(data, 2)) {
                    extend(row, col);
                }
            }
            // FORMULA: row, col, XF, cached value (8), flags (2), cache (4),
            // then the token count calamine reads unchecked.
            biff::FORMULA => match (le_u16(data, 0), le_u16(data, 2), le_u16(data, 20)) {
                (Some(row), Some(col), Some(_)) => {
                    extend(row, col);
                    token_counts.push(data_at + 20);
                }
                _ => return Err(corrupt("公式记录有误")),
            },
            // MULRK: row, first col, then 6 bytes per column.
            biff::MULRK => {
                if let (Some(row), Some(col), Some(n)) = (le_u16(data, 0), le_u16(data, 2), data.len().checked_sub(6)) {
                    extend(row, col);
                    extend(row, col + (n / 6).saturating_sub(1) as u32);
                }
            }
            // MERGECELLS: a count, then 8 bytes per merged region (calamine
            // reads `count` regions without checking the length).
            biff::MERGECELLS => match le_u16(data, 0) {
                Some(count) if 2 + 8 * count as usize <= data.len() => {}
                _ => return Err(corrupt("合并单元格记录有误")),
            },
            _ => {}
        }
    }
    if let Some((r0, r1, c0, c1)) = bounds {
        let (rows, cols) = (r1 - r0 + 1, c1 - c0 + 1);
        if u64::from(rows) * u64::from(cols) > MAX_CELLS {
            return Err(range_too_large(rows, cols));
        }
    }
    Ok(())
}

/// A DIMENSIONS record (the used range) as calamine reads it: first row,
/// last row + 1, first column, last column + 1. calamine reserves room for
/// rows × columns cells from it: reject what would underflow or exceed
/// [`MAX_CELLS`].
fn check_dimensions(data: &[u8]) -> Result<(), FileError> {
    let fields = match data.len() {
        10 => (le_u16(data, 0), le_u16(data, 2), le_u16(data, 4), le_u16(data, 6)),
        14 | 16 => (le_u32(data, 0), le_u32(data, 4), le_u16(data, 8), le_u16(data, 10)),
        // Other lengths are an error in calamine, before any allocation.
        _ => return Ok(()),
    };
    let (Some(first_row), Some(row_end), Some(mut first_col), Some(col_end)) = fields else {
        return Ok(());
    };
    if first_col > 0xFF || col_end < first_col {
        first_col = 0;
    }
    if row_end == 0 || col_end == 0 {
        return Ok(());
    }
    if first_row >= row_end || first_col >= col_end {
        return Err(corrupt("工作表范围记录有误"));
    }
    let (rows, cols) = (row_end - first_row, col_end - first_col);
    if u64::from(rows) * u64::from(cols) > MAX_CELLS {
        return Err(range_too_large(rows, cols));
    }
    Ok(())
}
