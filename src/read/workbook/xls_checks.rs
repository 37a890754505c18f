//! XLS records calamine 0.38 would trust blindly (used ranges, sheet
//! offsets, merge counts, the cells' bounding box), checked before it reads
//! the file.

use super::biff::{self, biff_record, le_u16, le_u32, sheet_records};
use super::errors::{corrupt, encrypted, range_too_large};
use super::MAX_CELLS;
use crate::FileError;

/// Walk the BIFF records of a workbook stream and reject what calamine would
/// trust blindly: every record from the start of the stream, then each
/// sheet from its offset the way calamine reads it.
pub(super) fn check_biff(stream: &[u8]) -> Result<(), FileError> {
    let mut sheets = std::collections::BTreeSet::new();
    let mut at = 0;
    while let Some((typ, data, next)) = biff_record(stream, at) {
        match typ {
            // FILEPASS: the records after it are encrypted.
            biff::FILEPASS if data.get(..2).is_some_and(|w| w != [0, 0]) => return Err(encrypted()),
            // BOUNDSHEET: the sheet's offset in the stream.
            biff::BOUNDSHEET => match le_u32(data, 0) {
                Some(pos) if data.len() >= 6 && (pos as usize) <= stream.len() => {
                    sheets.insert(pos as usize);
                }
                _ => return Err(corrupt("工作表目录记录有误")),
            },
            biff::DIMENSIONS => check_dimensions(data)?,
            _ => {}
        }
        at = next;
    }
    for pos in sheets {
        check_sheet(stream, pos)?;
    }
    Ok(())
}

/// One sheet's records as calamine reads them (from its BOF to its EOF,
/// nested substreams such as embedded charts skipped): the cells' bounding
/// box, which calamine allocates densely, must stay within [`MAX_CELLS`].
fn check_sheet(stream: &[u8], at: usize) -> Result<(), FileError> {
    // (first row, last row, first col, last col)
    let mut bounds: Option<(u32, u32, u32, u32)> = None;
    let mut extend = |row: u32, col: u32| {
        let b = bounds.get_or_insert((row, row, col, col));
        *b = (b.0.min(row), b.1.max(row), b.2.min(col), b.3.max(col));
    };
    for (typ, data) in sheet_records(stream, at) {
        match typ {
            biff::DIMENSIONS => check_dimensions(data)?,
            // NUMBER, LABEL, RSTRING, BOOLERR, RK, LABELSST, FORMULA: row, col first.
            biff::NUMBER | biff::LABEL | biff::RSTRING | biff::BOOLERR | biff::RK | biff::LABELSST | biff::FORMULA => {
                if let (Some(row), Some(col)) = (le_u16(data, 0), le_u16(data, 2)) {
                    extend(row, col);
                }
            }
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
