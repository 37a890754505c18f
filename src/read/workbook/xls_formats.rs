//! XLS number formats (percent), read from the workbook stream.

use std::collections::BTreeMap;

use super::biff::{self, biff_record, bof_is_biff8, le_u16, le_u32, sheet_records};
use super::cell_text::percent_decimals;

/// What calamine 0.38 does not expose for XLS: which number cells have a
/// percent format. Read from the workbook globals the way calamine reads
/// them (from the start of the stream to the first EOF): the FORMAT records
/// (format index → format string), the XF records (XF index → format index)
/// and the BOUNDSHEET records (sheet offsets, in workbook order).
pub(super) struct XlsFormats {
    /// Per XF index, the decimals of its percent format (`None`: not percent).
    xf_percent: Vec<Option<usize>>,
    /// Each BOUNDSHEET's sheet offset, in order (calamine's sheet order).
    pub(super) sheets: Vec<Option<usize>>,
}

impl XlsFormats {
    pub(super) fn new(stream: &[u8]) -> Self {
        let mut formats = BTreeMap::new();
        let mut xfs = Vec::new();
        let mut sheets = Vec::new();
        let mut biff8 = true;
        let mut at = 0;
        while let Some((typ, data, next)) = biff_record(stream, at) {
            at = next;
            match typ {
                biff::BOF => biff8 = bof_is_biff8(data),
                // FORMAT: later records win, as in calamine.
                biff::FORMAT if biff8 => {
                    if let Some((ifmt, code)) = format_record(data) {
                        formats.insert(ifmt, code);
                    }
                }
                // XF: the format index is the second u16; a short record
                // keeps its place in the list (calamine refuses the file).
                biff::XF => xfs.push(le_u16(data, 2)),
                biff::BOUNDSHEET => sheets.push(le_u32(data, 0).map(|p| p as usize)),
                biff::EOF => break,
                _ => {}
            }
        }
        // FORMAT strings are read for BIFF8 only; older files keep fractions.
        let xf_percent = if biff8 {
            xfs.into_iter()
                .map(|ifmt| {
                    let ifmt = ifmt?;
                    match formats.get(&ifmt) {
                        Some(code) => percent_decimals(code),
                        None => builtin_percent(ifmt),
                    }
                })
                .collect()
        } else {
            Vec::new()
        };
        XlsFormats { xf_percent, sheets }
    }

    /// The percent number cells of the `i`-th sheet: (row, col) → decimals
    /// of the format. A later record for the same cell replaces an earlier
    /// one, as in calamine.
    pub(super) fn percent_cells(&self, stream: &[u8], i: usize) -> BTreeMap<(u32, u32), usize> {
        let mut cells = BTreeMap::new();
        if self.xf_percent.iter().all(Option::is_none) {
            return cells;
        }
        let Some(&Some(at)) = self.sheets.get(i) else {
            return cells;
        };
        let mut set = |row: Option<u32>, col: Option<u32>, xf: Option<u32>| {
            let (Some(row), Some(col)) = (row, col) else {
                return;
            };
            let pct = xf.and_then(|xf| self.xf_percent.get(xf as usize).copied().flatten());
            match pct {
                Some(decimals) => cells.insert((row, col), decimals),
                None => cells.remove(&(row, col)),
            };
        };
        for (typ, data, _) in sheet_records(stream, at) {
            match typ {
                // NUMBER: row, col, XF, f64; RK: row, col, XF, rk.
                biff::NUMBER if data.len() >= 14 => {
                    set(le_u16(data, 0), le_u16(data, 2), le_u16(data, 4));
                }
                biff::RK if data.len() >= 10 => {
                    set(le_u16(data, 0), le_u16(data, 2), le_u16(data, 4));
                }
                // MULRK: row, first col, (XF, rk) per column, last col.
                biff::MULRK => {
                    let n = data.len().saturating_sub(6) / 6;
                    let (Some(row), Some(first), Some(last)) =
                        (le_u16(data, 0), le_u16(data, 2), data.len().checked_sub(2).and_then(|end| le_u16(data, end)))
                    else {
                        continue;
                    };
                    // calamine refuses a MULRK whose length does not match.
                    if n == 0 || data.len() != 6 + 6 * n || last < first || (last - first) as usize + 1 != n {
                        continue;
                    }
                    for k in 0..n {
                        set(Some(row), first.checked_add(k as u32), le_u16(data, 4 + 6 * k));
                    }
                }
                // FORMULA: row, col, XF, cached result (8 bytes; a number
                // unless its last two bytes are FF FF).
                biff::FORMULA if data.len() >= 20 && data.get(12..14) != Some(&[0xFF, 0xFF][..]) => {
                    set(le_u16(data, 0), le_u16(data, 2), le_u16(data, 4));
                }
                _ => {}
            }
        }
        cells
    }
}

/// A BIFF8 FORMAT record: the format index and its format string (an
/// `XLUnicodeString`: character count, flags, then 8-bit or UTF-16LE
/// characters). A string cut short by the record keeps what is there.
fn format_record(data: &[u8]) -> Option<(u32, String)> {
    let ifmt = le_u16(data, 0)?;
    let cch = le_u16(data, 2)? as usize;
    let flags = *data.get(4)?;
    let chars = data.get(5..)?;
    let code = if flags & 0x01 != 0 {
        let units = chars.chunks_exact(2).take(cch).filter_map(|b| b.try_into().ok().map(u16::from_le_bytes));
        char::decode_utf16(units).map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER)).collect()
    } else {
        chars.iter().take(cch).map(|&b| char::from(b)).collect()
    };
    Some((ifmt, code))
}

/// The built-in number formats that are percent: 9 `0%` and 10 `0.00%`.
fn builtin_percent(ifmt: u32) -> Option<usize> {
    match ifmt {
        9 => Some(0),
        10 => Some(2),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xls_format_records() {
        // ifmt 164, 4 characters, compressed (8-bit).
        assert_eq!(format_record(b"\xa4\x00\x04\x00\x000.0%"), Some((164, "0.0%".to_owned())));
        // UTF-16LE ("fHighByte").
        let mut utf16 = vec![0xA5, 0x00, 0x03, 0x00, 0x01];
        utf16.extend("0%率".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(format_record(&utf16), Some((165, "0%率".to_owned())));
        // Cut short: what is there; too short for the header: nothing.
        assert_eq!(format_record(b"\xa4\x00\x09\x00\x000.0"), Some((164, "0.0".to_owned())));
        assert_eq!(format_record(b"\xa4\x00\x04\x00"), None);
        assert_eq!(builtin_percent(9), Some(0));
        assert_eq!(builtin_percent(10), Some(2));
        assert_eq!(builtin_percent(11), None);
        assert!(bof_is_biff8(&[0x00, 0x06, 0x05, 0x00]));
        assert!(!bof_is_biff8(&[0x00, 0x05, 0x05, 0x00]));
    }
}
