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

use std::collections::BTreeMap;
use std::fmt::Display;
use std::io::Cursor;

use calamine::{Data, DataRef, Dimensions, ExcelDateTime, Reader, SheetType, Xls, XlsError, Xlsx, XlsxError};

use crate::grid::Sheet;
use crate::read::ReadOptions;
use crate::FileError;

/// Most cells (rows × columns, up to the last non-empty cell) in one sheet.
/// A 自评表 has a few hundred; a department-wide table a few hundred thousand.
pub const MAX_CELLS: u64 = 5_000_000;

/// Most text (bytes of UTF-8, merge copies included) in one sheet.
pub const MAX_TEXT_BYTES: usize = 256 * 1024 * 1024;

/// An OLE2 compound file: XLS, or an encrypted XLSX.
const OLE2_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Read every sheet of a workbook (XLSX or XLS, told by the bytes), in
/// workbook order, hidden sheets included.
pub fn read(bytes: &[u8], opts: &ReadOptions) -> Result<Vec<Sheet>, FileError> {
    if bytes.starts_with(&OLE2_MAGIC) {
        read_xls(bytes, opts)
    } else {
        read_xlsx(bytes, opts)
    }
}

// ---------------------------------------------------------------------------
// XLSX
// ---------------------------------------------------------------------------

fn read_xlsx(bytes: &[u8], opts: &ReadOptions) -> Result<Vec<Sheet>, FileError> {
    check_shared_strings(bytes)?;
    let mut book: Xlsx<Cursor<&[u8]>> = Xlsx::new(Cursor::new(bytes)).map_err(xlsx_error)?;
    let sheets: Vec<(String, SheetType)> = book.sheets_metadata().iter().map(|s| (s.name.clone(), s.typ)).collect();
    let mut out = Vec::with_capacity(sheets.len());
    for (name, typ) in sheets {
        if typ != SheetType::WorkSheet {
            out.push(empty_sheet(name));
            continue;
        }
        let mut cells = Collector::new(&name, opts.max_rows);
        {
            let mut reader = book.worksheet_cells_reader(&name).map_err(|e| sheet_error(&name, e))?;
            // Percent decimals per style id (None: not a percent format).
            let percent: Vec<Option<usize>> = reader
                .styles()
                .iter()
                .map(|s| s.number_format.as_ref().and_then(|f| percent_decimals(&f.format_code)))
                .collect();
            while let Some((cell, style)) = reader.next_cell_with_style_id().map_err(|e| sheet_error(&name, e))? {
                let (row, col) = cell.get_position();
                let pct = percent.get(style).copied().flatten();
                cells.push(row, col, dataref_text(cell.get_value(), pct))?;
            }
        }
        let merges = book.merge_cells_by_sheet_name(&name).map_err(|e| sheet_error(&name, e))?;
        out.push(cells.finish(&merges)?);
    }
    Ok(out)
}

/// Most bytes the entries of an XLSX may unpack to.
pub const MAX_UNZIPPED_BYTES: u64 = 512 * 1024 * 1024;

/// Most shared strings (distinct texts) a workbook may declare.
const MAX_SHARED_STRINGS: u64 = MAX_CELLS;

/// calamine 0.38 reserves room for as many shared strings as the
/// `uniqueCount` attribute of `sharedStrings.xml` declares, before reading
/// any: a damaged or hostile count aborts the process (a failed allocation).
/// Look at that attribute first. Anything else wrong with the zip is left to
/// calamine, which reports it as an error.
fn check_shared_strings(bytes: &[u8]) -> Result<(), FileError> {
    use std::io::Read;

    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(());
    };
    // A zip bomb: contents that unpack to far more than any real form.
    // (Sizes the archive declares; calamine then reads the entries.)
    if zip.decompressed_size().is_some_and(|n| n > MAX_UNZIPPED_BYTES as u128) {
        return Err(FileError::Workbook(format!(
            "工作簿解压后超过 {} MB（原文件 {:.1} MB），内容与文件大小不成比例，疑似压缩炸弹，未读取",
            MAX_UNZIPPED_BYTES / (1024 * 1024),
            bytes.len() as f64 / (1024.0 * 1024.0)
        )));
    }
    let names: Vec<String> = zip
        .file_names()
        .filter_map(Result::ok)
        .filter(|n| n.to_ascii_lowercase().ends_with("sharedstrings.xml"))
        .map(|n| n.into_owned())
        .collect();
    for name in names {
        let mut head = Vec::new();
        if let Ok(file) = zip.by_name(&name) {
            // An unreadable entry is calamine's to report.
            let _ = file.take(4096).read_to_end(&mut head);
        }
        if unique_count(&head).is_some_and(|n| n > MAX_SHARED_STRINGS) {
            return Err(FileError::Workbook(format!(
                "工作簿声明的文字条目过多（超过 {} 万条），文件可能已损坏",
                MAX_SHARED_STRINGS / 10_000
            )));
        }
    }
    Ok(())
}

/// The `uniqueCount` attribute at the start of `sharedStrings.xml`.
fn unique_count(head: &[u8]) -> Option<u64> {
    let key = b"uniqueCount=";
    let at = head.windows(key.len()).position(|w| w == key)? + key.len();
    let rest = head.get(at + 1..)?;
    let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
    // Not a number (or too long for one): calamine ignores it too.
    std::str::from_utf8(rest.get(..digits)?).ok()?.parse().ok()
}

fn xlsx_error(e: XlsxError) -> FileError {
    match e {
        XlsxError::Password => encrypted(),
        e => corrupt(e),
    }
}

// ---------------------------------------------------------------------------
// XLS
// ---------------------------------------------------------------------------

fn read_xls(bytes: &[u8], opts: &ReadOptions) -> Result<Vec<Sheet>, FileError> {
    let (clean, stream) = sanitize_xls(bytes)?;
    let mut book: Xls<Cursor<&[u8]>> = match Xls::new(Cursor::new(clean.as_slice())) {
        Ok(book) => book,
        Err(XlsError::Password) => return Err(encrypted()),
        Err(e) => return Err(corrupt(e)),
    };
    let sheets: Vec<(String, SheetType)> = book.sheets_metadata().iter().map(|s| (s.name.clone(), s.typ)).collect();
    let formats = XlsFormats::new(&stream);
    // calamine keeps one sheet per name, the last BOUNDSHEET of that name.
    let last_of_name: std::collections::HashMap<&str, usize> =
        sheets.iter().enumerate().map(|(i, (name, _))| (name.as_str(), i)).collect();
    // The BOUNDSHEET records line up with calamine's sheets only if both saw
    // the same number; otherwise no percent formats rather than wrong ones.
    let aligned = formats.sheets.len() == sheets.len();
    let mut out = Vec::with_capacity(sheets.len());
    for (name, typ) in &sheets {
        if *typ != SheetType::WorkSheet {
            out.push(empty_sheet(name.clone()));
            continue;
        }
        let range = match book.worksheet_range(name) {
            Ok(range) => range,
            // Listed in the workbook but without a sheet stream: nothing in it.
            Err(XlsError::WorksheetNotFound(_)) => {
                out.push(empty_sheet(name.clone()));
                continue;
            }
            Err(e) => return Err(sheet_error(name, e)),
        };
        let percent = match last_of_name.get(name.as_str()) {
            Some(&i) if aligned => formats.percent_cells(&stream, i),
            _ => BTreeMap::new(),
        };
        let mut cells = Collector::new(name, opts.max_rows);
        if let Some((row0, col0)) = range.start() {
            for (r, c, value) in range.used_cells() {
                let row = u32::try_from(r).ok().and_then(|r| r.checked_add(row0));
                let col = u32::try_from(c).ok().and_then(|c| c.checked_add(col0));
                if let (Some(row), Some(col)) = (row, col) {
                    let pct = percent.get(&(row, col)).copied();
                    cells.push(row, col, data_text(value, pct))?;
                }
            }
        }
        drop(range);
        let merges = book.merge_cells_by_sheet_name(name).unwrap_or_default();
        out.push(cells.finish(&merges)?);
    }
    Ok(out)
}

/// Check an XLS before calamine parses it, and hand calamine a fresh
/// compound file holding only the checked workbook stream.
///
/// calamine 0.38 trusts some XLS records: a DIMENSIONS record (the sheet's
/// used range) is turned into a `Vec::reserve(rows × cols)` before any cell
/// is read, and a BOUNDSHEET record's stream offset is used to slice the
/// stream unchecked. A damaged file can then abort the process (an
/// allocation of hundreds of GB) or panic, which in the browser kills the
/// page. So the workbook stream is extracted with the `cfb` crate, its
/// records are walked and those two kinds checked (used range within
/// [`MAX_CELLS`], offsets within the stream), and calamine reads a new
/// compound file holding exactly the bytes that were checked.
///
/// Returns that compound file and the workbook stream itself (for the number
/// formats, see [`XlsFormats`]).
fn sanitize_xls(bytes: &[u8]) -> Result<(Vec<u8>, Vec<u8>), FileError> {
    use std::io::{Read, Write};

    let mut file = cfb::CompoundFile::open(Cursor::new(bytes)).map_err(corrupt)?;
    // An encrypted XLSX is an OLE2 file too, holding an EncryptedPackage.
    if file.is_stream("/EncryptedPackage") {
        return Err(encrypted());
    }
    let name = ["Workbook", "Book"]
        .into_iter()
        .find(|name| file.is_stream(format!("/{name}")))
        .ok_or_else(|| corrupt("没有工作簿数据"))?;
    let mut stream = Vec::new();
    file.open_stream(format!("/{name}")).and_then(|mut s| s.read_to_end(&mut stream)).map_err(corrupt)?;
    drop(file);
    check_biff(&stream)?;

    let mut clean =
        cfb::CompoundFile::create_with_version(cfb::Version::V3, Cursor::new(Vec::new())).map_err(corrupt)?;
    clean.create_stream(format!("/{name}")).and_then(|mut s| s.write_all(&stream)).map_err(corrupt)?;
    clean.flush().map_err(corrupt)?;
    Ok((clean.into_inner().into_inner(), stream))
}

/// Walk the BIFF records of a workbook stream and reject what calamine would
/// trust blindly: every record from the start of the stream, then each
/// sheet from its offset the way calamine reads it.
fn check_biff(stream: &[u8]) -> Result<(), FileError> {
    let mut sheets = std::collections::BTreeSet::new();
    let mut at = 0;
    while let Some((typ, data, next)) = biff_record(stream, at) {
        match typ {
            // FILEPASS: the records after it are encrypted.
            0x002F if data.get(..2).is_some_and(|w| w != [0, 0]) => return Err(encrypted()),
            // BOUNDSHEET: the sheet's offset in the stream.
            0x0085 => match le_u32(data, 0) {
                Some(pos) if data.len() >= 6 && (pos as usize) <= stream.len() => {
                    sheets.insert(pos as usize);
                }
                _ => return Err(corrupt("工作表目录记录有误")),
            },
            0x0200 => check_dimensions(data)?,
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
            0x0200 => check_dimensions(data)?,
            // NUMBER, LABEL, RSTRING, BOOLERR, RK, LABELSST, FORMULA: row, col first.
            0x0203 | 0x0204 | 0x00D6 | 0x0205 | 0x027E | 0x00FD | 0x0006 => {
                if let (Some(row), Some(col)) = (le_u16(data, 0), le_u16(data, 2)) {
                    extend(row, col);
                }
            }
            // MULRK: row, first col, then 6 bytes per column.
            0x00BD => {
                if let (Some(row), Some(col), Some(n)) = (le_u16(data, 0), le_u16(data, 2), data.len().checked_sub(6)) {
                    extend(row, col);
                    extend(row, col + (n / 6).saturating_sub(1) as u32);
                }
            }
            // MERGECELLS: a count, then 8 bytes per merged region (calamine
            // reads `count` regions without checking the length).
            0x00E5 => match le_u16(data, 0) {
                Some(count) if 2 + 8 * count as usize <= data.len() => {}
                _ => return Err(corrupt("合并单元格记录有误")),
            },
            _ => {}
        }
    }
    if let Some((r0, r1, c0, c1)) = bounds {
        let (rows, cols) = (r1 - r0 + 1, c1 - c0 + 1);
        if u64::from(rows) * u64::from(cols) > MAX_CELLS {
            return Err(too_large(rows, cols));
        }
    }
    Ok(())
}

/// The records of the sheet whose BOF is at `at`, as calamine reads them:
/// up to the sheet's EOF, without its BOF and without nested substreams
/// (embedded charts and the like, BOF to EOF).
fn sheet_records(stream: &[u8], mut at: usize) -> impl Iterator<Item = (u16, &[u8])> {
    let mut seen_bof = false;
    let mut depth = 0usize;
    std::iter::from_fn(move || loop {
        let (typ, data, next) = biff_record(stream, at)?;
        at = next;
        if depth > 0 {
            match typ {
                0x0809 => depth += 1,
                0x000A => depth -= 1,
                _ => {}
            }
            continue;
        }
        match typ {
            0x0809 if seen_bof => depth += 1,
            0x0809 => seen_bof = true,
            0x000A => return None,
            _ => return Some((typ, data)),
        }
    })
}

// ---------------------------------------------------------------------------
// XLS number formats (percent)
// ---------------------------------------------------------------------------

/// What calamine 0.38 does not expose for XLS: which number cells have a
/// percent format. Read from the workbook globals the way calamine reads
/// them (from the start of the stream to the first EOF): the FORMAT records
/// (format index → format string), the XF records (XF index → format index)
/// and the BOUNDSHEET records (sheet offsets, in workbook order).
struct XlsFormats {
    /// Per XF index, the decimals of its percent format (`None`: not percent).
    xf_percent: Vec<Option<usize>>,
    /// Each BOUNDSHEET's sheet offset, in order (calamine's sheet order).
    sheets: Vec<Option<usize>>,
}

impl XlsFormats {
    fn new(stream: &[u8]) -> Self {
        let mut formats = BTreeMap::new();
        let mut xfs = Vec::new();
        let mut sheets = Vec::new();
        let mut biff8 = true;
        let mut at = 0;
        while let Some((typ, data, next)) = biff_record(stream, at) {
            at = next;
            match typ {
                0x0809 => biff8 = bof_is_biff8(data),
                // FORMAT: later records win, as in calamine.
                0x041E if biff8 => {
                    if let Some((ifmt, code)) = format_record(data) {
                        formats.insert(ifmt, code);
                    }
                }
                // XF: the format index is the second u16; a short record
                // keeps its place in the list (calamine refuses the file).
                0x00E0 => xfs.push(le_u16(data, 2)),
                0x0085 => sheets.push(le_u32(data, 0).map(|p| p as usize)),
                0x000A => break,
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
    fn percent_cells(&self, stream: &[u8], i: usize) -> BTreeMap<(u32, u32), usize> {
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
        for (typ, data) in sheet_records(stream, at) {
            match typ {
                // NUMBER: row, col, XF, f64; RK: row, col, XF, rk.
                0x0203 if data.len() >= 14 => {
                    set(le_u16(data, 0), le_u16(data, 2), le_u16(data, 4));
                }
                0x027E if data.len() >= 10 => {
                    set(le_u16(data, 0), le_u16(data, 2), le_u16(data, 4));
                }
                // MULRK: row, first col, (XF, rk) per column, last col.
                0x00BD => {
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
                0x0006 if data.len() >= 20 && data.get(12..14) != Some(&[0xFF, 0xFF][..]) => {
                    set(le_u16(data, 0), le_u16(data, 2), le_u16(data, 4));
                }
                _ => {}
            }
        }
        cells
    }
}

/// Whether a BOF record starts BIFF8 records, as calamine decides it.
fn bof_is_biff8(data: &[u8]) -> bool {
    let older = matches!(
        (le_u16(data, 0), le_u16(data, 2)),
        (Some(0x0200 | 0x0002 | 0x0007 | 0x0300 | 0x0400 | 0x0500), _) | (Some(0), Some(0x1000))
    );
    !older
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

/// The record at `at`: (type, data, offset of the next record); `None` at the
/// end of the stream or for a truncated record (calamine reports those).
fn biff_record(stream: &[u8], at: usize) -> Option<(u16, &[u8], usize)> {
    let typ = le_u16(stream, at)?;
    let len = le_u16(stream, at + 2)? as usize;
    let data = stream.get(at + 4..at + 4 + len)?;
    Some((typ as u16, data, at + 4 + len))
}

fn le_u16(bytes: &[u8], at: usize) -> Option<u32> {
    let b: [u8; 2] = bytes.get(at..at.checked_add(2)?)?.try_into().ok()?;
    Some(u32::from(u16::from_le_bytes(b)))
}

fn le_u32(bytes: &[u8], at: usize) -> Option<u32> {
    let b: [u8; 4] = bytes.get(at..at.checked_add(4)?)?.try_into().ok()?;
    Some(u32::from_le_bytes(b))
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
        return Err(too_large(rows, cols));
    }
    Ok(())
}

fn too_large(rows: u32, cols: u32) -> FileError {
    FileError::Workbook(format!("工作表过大（{rows} 行 × {cols} 列），超过 {} 万个单元格的上限", MAX_CELLS / 10_000))
}

// ---------------------------------------------------------------------------
// Collecting cells into a sheet, within the limits
// ---------------------------------------------------------------------------

/// The non-empty cells of one sheet, sparse, until the extent is known.
struct Collector<'a> {
    name: &'a str,
    max_rows: usize,
    cells: Vec<(u32, u32, String)>,
    text_bytes: usize,
}

impl<'a> Collector<'a> {
    fn new(name: &'a str, max_rows: usize) -> Self {
        Collector { name, max_rows, cells: Vec::new(), text_bytes: 0 }
    }

    fn push(&mut self, row: u32, col: u32, text: String) -> Result<(), FileError> {
        if text.is_empty() {
            return Ok(());
        }
        if row as usize >= self.max_rows {
            return Err(too_many_rows(self.name, self.max_rows));
        }
        if self.cells.len() as u64 >= MAX_CELLS {
            return Err(too_many_cells(self.name, MAX_CELLS));
        }
        self.add_bytes(text.len())?;
        self.cells.push((row, col, text));
        Ok(())
    }

    fn add_bytes(&mut self, n: usize) -> Result<(), FileError> {
        self.text_bytes = self.text_bytes.saturating_add(n);
        if self.text_bytes > MAX_TEXT_BYTES {
            return Err(FileError::Workbook(format!(
                "工作表「{}」内容过多（文字超过 {} MB），无法读取",
                self.name,
                MAX_TEXT_BYTES / (1024 * 1024)
            )));
        }
        Ok(())
    }

    /// Lay the cells out on a dense grid and apply the merges.
    fn finish(mut self, merges: &[Dimensions]) -> Result<Sheet, FileError> {
        let name = self.name.to_owned();
        let rows = self.cells.iter().map(|&(r, _, _)| r as usize + 1).max().unwrap_or(0);
        let cols = self.cells.iter().map(|&(_, c, _)| c as usize + 1).max().unwrap_or(0);
        if rows > self.max_rows {
            return Err(too_many_rows(self.name, self.max_rows));
        }
        let area = (rows as u64).saturating_mul(cols as u64);
        if area > MAX_CELLS {
            return Err(FileError::Workbook(format!(
                "工作表「{}」过大（{rows} 行 × {cols} 列），超过 {} 万个单元格的上限",
                self.name,
                MAX_CELLS / 10_000
            )));
        }
        let mut grid = vec![vec![String::new(); cols]; rows];
        for (r, c, text) in std::mem::take(&mut self.cells) {
            if let Some(slot) = grid.get_mut(r as usize).and_then(|row| row.get_mut(c as usize)) {
                *slot = text;
            }
        }
        let mut merged = std::collections::BTreeSet::new();
        let mut copies: u64 = 0;
        for d in merges {
            let (r0, r1) = (d.start.0.min(d.end.0) as usize, d.start.0.max(d.end.0) as usize);
            let (c0, c1) = (d.start.1.min(d.end.1) as usize, d.start.1.max(d.end.1) as usize);
            if r0 >= rows || c0 >= cols {
                continue;
            }
            let (r1, c1) = (r1.min(rows - 1), c1.min(cols - 1));
            let value = grid.get(r0).and_then(|row| row.get(c0)).cloned().unwrap_or_default();
            for r in r0..=r1 {
                for c in c0..=c1 {
                    if (r, c) == (r0, c0) {
                        continue;
                    }
                    copies += 1;
                    if copies > MAX_CELLS {
                        return Err(too_many_cells(self.name, MAX_CELLS));
                    }
                    if let Some(slot) = grid.get_mut(r).and_then(|row| row.get_mut(c)) {
                        self.text_bytes = self.text_bytes.saturating_sub(slot.len());
                        self.add_bytes(value.len())?;
                        slot.clone_from(&value);
                        merged.insert((r, c));
                    }
                }
            }
        }
        trim(&mut grid);
        merged.retain(|&(r, c)| grid.get(r).is_some_and(|row| c < row.len()));
        Ok(Sheet { name: Some(name), rows: grid, merged })
    }
}

/// Drop trailing empty rows and columns (a merge with an empty top-left can
/// leave them), keeping rows rectangular.
fn trim(grid: &mut Vec<Vec<String>>) {
    while grid.last().is_some_and(|row| row.iter().all(String::is_empty)) {
        grid.pop();
    }
    let cols = grid.iter().filter_map(|row| row.iter().rposition(|c| !c.is_empty())).max().map_or(0, |c| c + 1);
    for row in grid.iter_mut() {
        row.truncate(cols);
    }
}

fn empty_sheet(name: String) -> Sheet {
    Sheet { name: Some(name), ..Sheet::default() }
}

// ---------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------

/// A damaged workbook. Our own details are Chinese; a library's (English)
/// message is kept for support, marked as technical.
fn corrupt(detail: impl Display) -> FileError {
    let detail = detail.to_string();
    if detail.is_ascii() {
        FileError::Workbook(format!("文件已损坏或不是 Excel 工作簿（技术信息：{detail}）"))
    } else {
        FileError::Workbook(format!("文件已损坏或不是 Excel 工作簿（{detail}）"))
    }
}

fn sheet_error(name: &str, detail: impl Display) -> FileError {
    FileError::Workbook(format!("工作表「{name}」已损坏，无法读取（{detail}）"))
}

fn encrypted() -> FileError {
    FileError::Workbook(
        "工作簿设有打开密码（已加密），无法读取。请在 Excel/WPS 中打开后取消密码，另存为 XLSX 再试".into(),
    )
}

fn too_many_rows(name: &str, max_rows: usize) -> FileError {
    FileError::Workbook(format!("工作表「{name}」行数超过上限 {max_rows} 行，请删去多余的行或拆分后再试"))
}

fn too_many_cells(name: &str, max: u64) -> FileError {
    FileError::Workbook(format!("工作表「{name}」单元格过多，超过 {} 万个单元格的上限", max / 10_000))
}

// ---------------------------------------------------------------------------
// Cell text
// ---------------------------------------------------------------------------

/// An XLSX cell's text; `percent` is the decimals of its percent format.
fn dataref_text(value: &DataRef<'_>, percent: Option<usize>) -> String {
    match value {
        DataRef::Int(i) => int_text(*i, percent),
        DataRef::Float(x) => float_text(*x, percent),
        DataRef::String(s) => s.clone(),
        DataRef::SharedString(s) => (*s).to_owned(),
        DataRef::Bool(b) => bool_text(*b),
        DataRef::DateTime(dt) => datetime_text(dt),
        DataRef::DateTimeIso(s) => iso_text(s),
        DataRef::DurationIso(s) => s.clone(),
        DataRef::Error(e) => e.to_string(),
        DataRef::Empty => String::new(),
    }
}

/// An XLS cell's text; `percent` is the decimals of its percent format
/// (read by [`XlsFormats`], calamine exposes no number formats for XLS).
fn data_text(value: &Data, percent: Option<usize>) -> String {
    match value {
        Data::Int(i) => int_text(*i, percent),
        Data::Float(x) => float_text(*x, percent),
        Data::String(s) => s.clone(),
        Data::Bool(b) => bool_text(*b),
        Data::DateTime(dt) => datetime_text(dt),
        Data::DateTimeIso(s) => iso_text(s),
        Data::DurationIso(s) => s.clone(),
        Data::Error(e) => e.to_string(),
        Data::Empty => String::new(),
    }
}

fn bool_text(b: bool) -> String {
    if b { "TRUE" } else { "FALSE" }.to_owned()
}

fn int_text(i: i64, percent: Option<usize>) -> String {
    match percent {
        None => i.to_string(),
        Some(_) => float_text(i as f64, percent),
    }
}

/// A number as text; with `percent = Some(d)`, as a percentage with at least
/// `d` decimals (see the module docs).
fn float_text(x: f64, percent: Option<usize>) -> String {
    match percent {
        None => number_text(x),
        Some(decimals) => {
            let mut s = number_text(x * 100.0);
            if decimals > 0 {
                let have = match s.find('.') {
                    Some(dot) => s.len() - dot - 1,
                    None => {
                        s.push('.');
                        0
                    }
                };
                for _ in have..decimals {
                    s.push('0');
                }
            }
            s.push('%');
            s
        }
    }
}

/// The shortest decimal text of a number without float noise: at most 10
/// decimal places and 15 significant digits, trailing zeros removed.
pub(crate) fn number_text(x: f64) -> String {
    if !x.is_finite() {
        return x.to_string();
    }
    if x == 0.0 {
        return "0".to_owned();
    }
    let magnitude = x.abs().log10().floor();
    let decimals = (14.0 - magnitude).clamp(0.0, 10.0) as usize;
    let mut s = format!("{x:.decimals$}");
    if s.contains('.') {
        let keep = s.trim_end_matches('0').trim_end_matches('.').len();
        s.truncate(keep);
    }
    if s == "-0" {
        s = "0".to_owned();
    }
    s
}

/// The decimals shown by a percent number format (`0.00%` → 2, `0%` → 0),
/// `None` when the format is not a percent format. Only the first section
/// (positive numbers) is looked at; quoted text, escaped characters and
/// `[…]` parts (colours, conditions) are not format characters.
pub(crate) fn percent_decimals(format: &str) -> Option<usize> {
    let section = first_section(format);
    let mut percent = false;
    let mut after_dot = false;
    let mut decimals = 0;
    for_each_format_char(section, |ch| match ch {
        '%' => percent = true,
        '.' if !percent => after_dot = true,
        '0' | '#' | '?' if after_dot && !percent => decimals += 1,
        _ => {}
    });
    percent.then_some(decimals)
}

/// The format up to the first unquoted `;`.
fn first_section(format: &str) -> &str {
    let mut quoted = false;
    let mut escaped = false;
    for (i, ch) in format.char_indices() {
        match ch {
            _ if escaped => escaped = false,
            '"' => quoted = !quoted,
            _ if quoted => {}
            '\\' | '_' | '*' => escaped = true,
            ';' => return format.get(..i).unwrap_or(format),
            _ => {}
        }
    }
    format
}

/// Call `f` for each character of a format section that is a format code,
/// skipping quoted text, `\x`, `_x`, `*x` and `[…]`.
fn for_each_format_char(section: &str, mut f: impl FnMut(char)) {
    let mut quoted = false;
    let mut escaped = false;
    let mut bracket = false;
    for ch in section.chars() {
        match ch {
            _ if escaped => escaped = false,
            '"' => quoted = !quoted,
            _ if quoted => {}
            ']' if bracket => bracket = false,
            _ if bracket => {}
            '[' => bracket = true,
            '\\' | '_' | '*' => escaped = true,
            ch => f(ch),
        }
    }
}

/// A date as `2024-03-31`, with a time `2024-03-31 08:30[:15]`, a time alone
/// `08:30`, a duration `36:00:00`.
fn datetime_text(dt: &ExcelDateTime) -> String {
    let serial = dt.as_f64();
    if dt.is_duration() {
        let total = (serial.abs() * 86_400.0).round() as u64;
        let sign = if serial < 0.0 { "-" } else { "" };
        return format!("{sign}{}:{:02}:{:02}", total / 3600, total / 60 % 60, total % 60);
    }
    let (y, mo, d, h, mi, s, ms) = dt.to_ymd_hms_milli();
    let time = if (h, mi, s, ms) == (0, 0, 0, 0) {
        None
    } else if (s, ms) == (0, 0) {
        Some(format!("{h:02}:{mi:02}"))
    } else if ms == 0 {
        Some(format!("{h:02}:{mi:02}:{s:02}"))
    } else {
        Some(format!("{h:02}:{mi:02}:{s:02}.{ms:03}"))
    };
    match time {
        // A time of day without a date (serial below 1).
        Some(time) if (0.0..1.0).contains(&serial) => time,
        Some(time) => format!("{y:04}-{mo:02}-{d:02} {time}"),
        None => format!("{y:04}-{mo:02}-{d:02}"),
    }
}

/// An ISO 8601 date/time (`t="d"` cells): the date alone at midnight, else
/// with a space instead of `T`.
fn iso_text(s: &str) -> String {
    let s = s.strip_suffix("T00:00:00").unwrap_or(s);
    s.replacen('T', " ", 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_without_float_noise() {
        assert_eq!(number_text(15.0), "15");
        assert_eq!(number_text(0.1 + 0.2), "0.3");
        assert_eq!(number_text(95.00000000001), "95");
        assert_eq!(number_text(142.5), "142.5");
        assert_eq!(number_text(12_345_678_901.23), "12345678901.23");
        assert_eq!(number_text(-0.000_000_000_01), "0");
        assert_eq!(number_text(-3.25), "-3.25");
        assert_eq!(number_text(0.000_012_345), "0.000012345");
    }

    #[test]
    fn percent_formats() {
        assert_eq!(percent_decimals("0%"), Some(0));
        assert_eq!(percent_decimals("0.00%"), Some(2));
        assert_eq!(percent_decimals("#,##0.0%;[Red]-#,##0.0%"), Some(1));
        assert_eq!(percent_decimals("0.00\"%\""), None);
        assert_eq!(percent_decimals("0.00\\%"), None);
        assert_eq!(percent_decimals("General"), None);
        assert_eq!(percent_decimals("0.00"), None);
        assert_eq!(float_text(0.95, Some(2)), "95.00%");
        assert_eq!(float_text(0.95, Some(0)), "95%");
        assert_eq!(float_text(0.9488, Some(2)), "94.88%");
        assert_eq!(float_text(0.94875, Some(2)), "94.875%");
        assert_eq!(float_text(0.942, Some(0)), "94.2%");
        assert_eq!(int_text(1, Some(0)), "100%");
    }

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

    #[test]
    fn iso_dates() {
        assert_eq!(iso_text("2024-03-31T00:00:00"), "2024-03-31");
        assert_eq!(iso_text("2024-03-31T08:30:00"), "2024-03-31 08:30:00");
    }
}
