//! XLSX: streamed cell by cell, after the zip-bomb and shared-string checks.

use std::io::Cursor;

use calamine::{Reader, SheetType, Xlsx, XlsxError};

use super::cell_text::{dataref_text, percent_decimals};
use super::collect::{empty_sheet, Collector};
use super::errors::{corrupt, encrypted, sheet_error, too_many_shared_strings, zip_bomb};
use super::{MAX_CELLS, MAX_UNZIPPED_BYTES};
use crate::grid::Sheet;
use crate::read::ReadOptions;
use crate::FileError;

pub(super) fn read_xlsx(bytes: &[u8], opts: &ReadOptions) -> Result<Vec<Sheet>, FileError> {
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

/// Most shared strings (distinct texts) a workbook may declare.
const MAX_SHARED_STRINGS: u64 = MAX_CELLS;

/// How much of `sharedStrings.xml` is searched for `uniqueCount`.
const SHARED_STRINGS_HEAD: u64 = 4096;

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
    if zip.decompressed_size().is_some_and(|n| n > u128::from(MAX_UNZIPPED_BYTES)) {
        return Err(zip_bomb(bytes.len()));
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
            let _ = file.take(SHARED_STRINGS_HEAD).read_to_end(&mut head);
        }
        if unique_count(&head).is_some_and(|n| n > MAX_SHARED_STRINGS) {
            return Err(too_many_shared_strings(MAX_SHARED_STRINGS));
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
