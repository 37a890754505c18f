//! XLSX / XLS workbooks (calamine): every sheet as text cells, as the user sees them.
//!
//! Bytes in, sheets out: the workbook is read from memory (`std::io::Cursor`),
//! never from the file system, so this also runs in the browser (wasm32).
//! The format is told by the first bytes: a zip (`PK\x03\x04`) is read as
//! XLSX, an OLE2 compound file (`D0 CF 11 E0 …`) as XLS (BIFF8, and older
//! BIFF versions calamine understands). An OLE2 file holding an
//! `EncryptedPackage` is a password-protected XLSX and gets its own message.
//!
//! # Cells as text
//!
//! Every cell becomes the text the user reads in Excel/WPS, so that the layout
//! step sees the same thing whether the form came as a workbook or as a CSV
//! saved from it:
//!
//! - text: as is (no trimming);
//! - numbers: the shortest decimal text, without float noise: at most 10
//!   decimal places and at most 15 significant digits, trailing zeros removed
//!   (`15` not `15.0`; a stored `0.1 + 0.2` reads `0.3`; `95.00000000001`
//!   reads `95`; `12345678901.23` keeps its cents). Other number formats
//!   (thousands separators, fixed decimals, currency) are **not** applied: an
//!   amount reads `142.5`, never `142.50` or `¥142.50`, so it parses as a
//!   number downstream;
//! - percent: a number whose format is a percent format (`0%`, `0.00%`, …)
//!   reads as the percentage the user sees, **with at least the format's
//!   decimals and never fewer digits than stored**: `0.95` in `0.00%` →
//!   `95.00%`, `0.95` in `0%` → `95%`, `0.9488` in `0.00%` → `94.88%`, and
//!   `0.94875` in `0.00%` → `94.875%` (Excel would show `94.88%`; the reader
//!   keeps the stored precision so the scorer does not grade a rounded value).
//!   XLSX formats come from calamine's styles; for XLS (BIFF8), where
//!   calamine 0.38 gives no number formats, the reader takes them from the
//!   workbook stream itself (FORMAT and XF records, the XF of each NUMBER,
//!   RK, MULRK and numeric FORMULA cell; built-in formats 9 `0%` and 10
//!   `0.00%`), see `XlsFormats`. Both render through the same function;
//! - dates (a number with a date format): `2024-03-31`; with a time of day
//!   `2024-03-31 08:30` (seconds only when not zero); a time alone `08:30`;
//!   a duration format (`[h]:mm:ss`) `36:00:00`;
//! - booleans: `TRUE` / `FALSE` (what Excel shows, not 是/否);
//! - errors: the error text, e.g. `#DIV/0!`, `#N/A`;
//! - formulas: their cached value (the value last computed by Excel/WPS),
//!   formatted as above; a formula never computed reads as empty.
//!
//! # Positions and merges
//!
//! Row `i` of a sheet is the user's row `i + 1` and column `j` the user's
//! column `j + 1`: leading empty rows and columns are kept (empty), trailing
//! ones are dropped. Rows are rectangular (all as wide as the widest row),
//! like a CSV saved from Excel.
//!
//! Every cell of a merged region holds the top-left value and every cell but
//! the top-left is listed in [`Sheet::merged`]. Merged regions are clipped to
//! the sheet's content: a merge reaching past the last non-empty row or
//! column does not grow the sheet. Merges are read for both XLSX and XLS.
//!
//! # Limits
//!
//! A workbook is untrusted input and the page must survive it:
//!
//! - a sheet with more than `max_rows` rows (counting up to its last
//!   non-empty cell) stops the read with 「工作表「…」行数超过上限 N 行」;
//! - a sheet whose content spans more than [`MAX_CELLS`] cells (rows ×
//!   columns up to the last non-empty cell), or holds more than
//!   [`MAX_TEXT_BYTES`] of text (merge copies included), stops the read
//!   before the grid is allocated. XLSX sheets are streamed cell by cell
//!   and only non-empty cells are kept, so a sheet that merely *claims*
//!   1,048,576 × 16,384 cells costs nothing;
//! - an XLSX whose entries declare more than [`MAX_UNZIPPED_BYTES`] unpacked
//!   (a zip bomb) is refused before anything is unpacked;
//! - a corrupt or truncated file, or a zip that is not a workbook, gives
//!   「文件已损坏或不是 Excel 工作簿（…）」; an encrypted workbook (an XLS
//!   with a FILEPASS record, or an XLSX in an encrypted OLE2 package) asks for
//!   the password to be removed.
//!
//! calamine trusts a few counts in the file and allocates from them before
//! reading anything, and a failed allocation aborts (kills the page). Those
//! counts are checked first: the XLSX `sharedStrings.xml` `uniqueCount`, and
//! in XLS the used-range (DIMENSIONS) records, the bounding box of each
//! sheet's cell records (calamine holds an XLS sheet as a dense range), the
//! sheet offsets (BOUNDSHEET) and the merge records (MERGECELLS); see
//! `sanitize_xls`. The tests damage both kinds of file at hundreds of
//! places and check that every read ends in sheets or a `FileError`.
//!
//! # Limitations (calamine 0.38)
//!
//! - XLS: calamine does not expose number formats for XLS (only whether a
//!   number is a date); percent formats are read from the records by this
//!   module, for BIFF8 only: a BIFF5 or older XLS (Excel 95 and before)
//!   reads percent cells as fractions (`0.95`). A FORMAT string split across
//!   a CONTINUE record is read up to the split. Dates are recognised in both
//!   formats (by calamine).
//! - XLSX: calamine parses cell references with unchecked `u32` arithmetic;
//!   a damaged reference wraps (release builds, and debug builds through the
//!   `[profile.dev.package.calamine]` override in Cargo.toml) and the cell
//!   lands elsewhere or is refused by the limits above.
//! - Chart sheets, dialog sheets and macro sheets are returned as empty,
//!   named sheets.

mod biff;
mod cell_text;
mod collect;
mod errors;
mod xls;
mod xls_checks;
mod xls_formats;
mod xls_sst;
mod xlsx;

use crate::grid::Sheet;
use crate::read::ReadOptions;
use crate::FileError;

/// Most cells (rows × columns, up to the last non-empty cell) in one sheet.
/// A 自评表 has a few hundred; a department-wide table a few hundred thousand.
pub const MAX_CELLS: u64 = 5_000_000;

/// Most text (bytes of UTF-8, merge copies included) in one sheet.
pub const MAX_TEXT_BYTES: usize = 256 * 1024 * 1024;

/// Most bytes the entries of an XLSX may unpack to.
pub const MAX_UNZIPPED_BYTES: u64 = 512 * 1024 * 1024;

/// An OLE2 compound file: XLS, or an encrypted XLSX.
pub(crate) const OLE2_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Read every sheet of a workbook (XLSX or XLS, told by the bytes), in
/// workbook order, hidden sheets included.
pub fn read(bytes: &[u8], opts: &ReadOptions) -> Result<Vec<Sheet>, FileError> {
    if bytes.starts_with(&OLE2_MAGIC) {
        xls::read_xls(bytes, opts)
    } else {
        xlsx::read_xlsx(bytes, opts)
    }
}
