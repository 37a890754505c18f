//! XLS (BIFF): the workbook stream is checked first (see `xls_checks`), then
//! read by calamine, with the percent formats calamine does not expose.

use std::collections::BTreeMap;
use std::io::Cursor;

use calamine::{Reader, SheetType, Xls, XlsError};

use super::cell_text::data_text;
use super::collect::{empty_sheet, Collector};
use super::errors::{corrupt, encrypted, sheet_error};
use super::xls_checks::check_biff;
use super::xls_formats::XlsFormats;
use crate::grid::Sheet;
use crate::read::ReadOptions;
use crate::FileError;

pub(super) fn read_xls(bytes: &[u8], opts: &ReadOptions) -> Result<Vec<Sheet>, FileError> {
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
/// stream unchecked, and many record fields are read without checking the
/// record's length. A damaged file can then abort the process (an
/// allocation of hundreds of GB) or panic, which in the browser kills the
/// page. So the workbook stream is extracted with the `cfb` crate, its
/// records are walked and checked as calamine will read them (see
/// `xls_checks`), and calamine reads a new compound file holding exactly the
/// bytes that were checked (with the formula tokens, which are never used,
/// emptied).
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
    check_biff(&mut stream)?;

    let mut clean =
        cfb::CompoundFile::create_with_version(cfb::Version::V3, Cursor::new(Vec::new())).map_err(corrupt)?;
    clean.create_stream(format!("/{name}")).and_then(|mut s| s.write_all(&stream)).map_err(corrupt)?;
    clean.flush().map_err(corrupt)?;
    Ok((clean.into_inner().into_inner(), stream))
}
