//! Text tables: CSV saved by Excel/WPS, tab-separated text copied from Excel
//! or Word, Excel's "Unicode 文本" export.
//!
//! Encoding (INPUT.md): a forced encoding wins; otherwise BOM → strict UTF-8 →
//! GB18030 (a superset of GBK, what Chinese Windows calls "ANSI").
//! Delimiter: comma, tab or semicolon, whichever splits the sample lines most
//! consistently (quotes respected). Quoting follows RFC 4180: a cell may hold
//! delimiters, quotes and line breaks; such a cell is still one spreadsheet
//! row, so row numbers count records, not lines.

use std::borrow::Cow;

use csv_core::ReadRecordResult;

use crate::grid::{Sheet, SheetBuilder};
use crate::read::{Encoding, ReadOptions};
use crate::FileError;

/// Decode and split a text table into one sheet.
pub fn read(bytes: &[u8], opts: &ReadOptions) -> Result<Sheet, FileError> {
    let text = decode(bytes, opts.encoding);
    if text.contains('\u{0}') {
        return Err(FileError::NotATable("文件含有二进制内容，不是文本表格".into()));
    }
    let sheet = split(&text, detect_delimiter(&text), opts.max_rows)?;
    if sheet.is_blank() {
        return Err(FileError::Empty);
    }
    sheet.finish(None)
}

/// Split the text into records and cells (RFC 4180, rows of any length),
/// each cell less its trailing '\r's, written straight into the sheet.
fn split(text: &str, delimiter: u8, max_rows: usize) -> Result<SheetBuilder, FileError> {
    let mut reader = csv_core::ReaderBuilder::new().delimiter(delimiter).build();
    let mut sheet = SheetBuilder::with_capacity(text.len(), text.len() / 16);
    // One record's unquoted cells, one after the other, and where each ends.
    let (mut out, mut ends) = (vec![0u8; 1024], vec![0usize; 32]);
    let (mut input, mut out_len, mut ends_len) = (text.as_bytes(), 0, 0);
    // Where the record being read starts in `text`.
    let mut start = 0;
    loop {
        let (res, nin, nout, nend) = reader.read_record(
            input,
            out.get_mut(out_len..).unwrap_or_default(),
            ends.get_mut(ends_len..).unwrap_or_default(),
        );
        input = input.get(nin..).unwrap_or_default();
        out_len += nout;
        ends_len += nend;
        match res {
            ReadRecordResult::InputEmpty => {}
            ReadRecordResult::OutputFull => out.resize(out.len() * 2, 0),
            ReadRecordResult::OutputEndsFull => ends.resize(ends.len() * 2, 0),
            ReadRecordResult::Record => {
                if sheet.rows_len() >= max_rows {
                    return Err(FileError::TooManyRows { limit: max_rows });
                }
                let end = text.len() - input.len();
                let ends = ends.get(..ends_len).unwrap_or_default();
                match text.get(start..end).and_then(|raw| unquoted(raw, start == 0)) {
                    Some(cells) => push_cells(&mut sheet, cells, ends, 1),
                    None => {
                        // The cells of valid text less ASCII quotes and
                        // delimiters: still valid, so this only checks and borrows.
                        let bytes = out.get(..out_len).unwrap_or_default();
                        let record = encoding_rs::UTF_8
                            .decode_without_bom_handling_and_without_replacement(bytes)
                            .unwrap_or_else(|| String::from_utf8_lossy(bytes));
                        push_cells(&mut sheet, &record, ends, 0);
                    }
                }
                sheet.end_row();
                (out_len, ends_len, start) = (0, 0, end);
            }
            ReadRecordResult::End => return Ok(sheet),
        }
    }
}

/// A record with no quote in its input `raw`: its cells as written, one
/// delimiter after the one before, from the first on (after the blank lines
/// the reader skips and, at the start of the text, the BOM it strips). They
/// are read from the text with nothing copied or checked again (a test
/// checks them against the csv crate's records).
fn unquoted(raw: &str, first: bool) -> Option<&str> {
    if raw.as_bytes().contains(&b'"') {
        return None;
    }
    let raw = if first { raw.strip_prefix('\u{feff}').unwrap_or(raw) } else { raw };
    Some(raw.trim_start_matches(['\r', '\n']))
}

/// Push a record's cells, cell `k` at `record[ends[k - 1] + k * gap..ends[k] + k * gap]`
/// (`gap`: the delimiter between cells, when `record` has them).
fn push_cells(sheet: &mut SheetBuilder, record: &str, ends: &[usize], gap: usize) {
    let mut start = 0;
    for (k, &end) in ends.iter().enumerate() {
        let cell = record.get(start + k * gap..end + k * gap).unwrap_or_default();
        sheet.push_cell(cell.trim_end_matches('\r'));
        start = end;
    }
}

/// Decode bytes to text by the rules above.
pub fn decode(bytes: &[u8], forced: Encoding) -> Cow<'_, str> {
    let enc = match forced {
        Encoding::Utf8 => encoding_rs::UTF_8,
        Encoding::Gbk => encoding_rs::GB18030,
        Encoding::Utf16le => encoding_rs::UTF_16LE,
        Encoding::Utf16be => encoding_rs::UTF_16BE,
        Encoding::Auto => {
            if let Some((enc, _)) = encoding_rs::Encoding::for_bom(bytes) {
                enc
            } else if let Some(text) = encoding_rs::UTF_8.decode_without_bom_handling_and_without_replacement(bytes) {
                // Valid UTF-8 with no BOM: checked once, borrowed.
                return text;
            } else {
                encoding_rs::GB18030
            }
        }
    };
    // `decode` strips a BOM of any encoding and replaces malformed sequences
    // with U+FFFD, so a wrongly forced encoding shows garbage, never fails.
    let (text, _, _) = enc.decode(bytes);
    text
}

/// Pick the delimiter that gives the most cells on the lines that have any,
/// counted outside quotes over the first lines. Ties: tab, comma, semicolon.
fn detect_delimiter(text: &str) -> u8 {
    let sample: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).take(30).collect();
    let mut best = (b',', 0usize);
    for d in [b'\t', b',', b';'] {
        let score: usize = sample.iter().map(|l| count_outside_quotes(l, d as char)).sum();
        if score > best.1 {
            best = (d, score);
        }
    }
    best.0
}

fn count_outside_quotes(line: &str, d: char) -> usize {
    let mut quoted = false;
    let mut n = 0;
    for c in line.chars() {
        if c == '"' {
            quoted = !quoted;
        } else if c == d && !quoted {
            n += 1;
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts() -> ReadOptions {
        ReadOptions::default()
    }

    #[test]
    fn utf8_with_and_without_bom() {
        let a = read("一级指标,三级指标\n产出指标,数量\n".as_bytes(), &opts()).unwrap();
        let b = read("\u{feff}一级指标,三级指标\n产出指标,数量\n".as_bytes(), &opts()).unwrap();
        assert_eq!(a, b);
        assert_eq!(a.row(1).to_vec(), vec!["产出指标", "数量"]);
    }

    #[test]
    fn gbk_without_bom() {
        let (bytes, _, _) = encoding_rs::GBK.encode("一级指标,实际完成值\n产出指标,≥20 名\n");
        let s = read(&bytes, &opts()).unwrap();
        assert_eq!(s.row(1).to_vec(), vec!["产出指标", "≥20 名"]);
    }

    #[test]
    fn utf16le_with_bom_tab_separated() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "一级指标\t三级指标\r\n产出指标\t信访形势\r\n".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        let s = read(&bytes, &opts()).unwrap();
        assert_eq!(s.row(1).to_vec(), vec!["产出指标", "信访形势"]);
    }

    #[test]
    fn utf16be_with_bom() {
        let mut bytes = vec![0xFE, 0xFF];
        for u in "a;b\n1;2\n".encode_utf16() {
            bytes.extend_from_slice(&u.to_be_bytes());
        }
        let s = read(&bytes, &opts()).unwrap();
        assert_eq!(s.row(1).to_vec(), vec!["1", "2"]);
    }

    #[test]
    fn forced_encoding_wins() {
        let (bytes, _, _) = encoding_rs::GBK.encode("指标,值\n");
        let s = read(&bytes, &ReadOptions { encoding: Encoding::Gbk, ..opts() }).unwrap();
        assert_eq!(s.row(0).to_vec(), vec!["指标", "值"]);
    }

    #[test]
    fn quoted_cells_hold_commas_quotes_and_line_breaks() {
        let s = read("名称,值\n\"36,500 人次\",\"他说\"\"好\"\"\n第二行\"\n下一行,1\n".as_bytes(), &opts()).unwrap();
        assert_eq!(s.row(1).to_vec(), vec!["36,500 人次", "他说\"好\"\n第二行"]);
        // the quoted line break does not shift row numbers: record 3 is row 3
        assert_eq!(s.row(2).to_vec(), vec!["下一行", "1"]);
    }

    #[test]
    fn tab_wins_over_commas_inside_cells() {
        let s = read("三级指标\t年度指标值\n接访人次\t36,500 人次\n".as_bytes(), &opts()).unwrap();
        assert_eq!(s.row(1).to_vec(), vec!["接访人次", "36,500 人次"]);
    }

    #[test]
    fn empty_and_binary_input() {
        assert_eq!(read(b"\n , \n", &opts()), Err(FileError::Empty));
        assert!(matches!(read(b"a\0b,c", &opts()), Err(FileError::NotATable(_))));
    }

    #[test]
    fn row_limit() {
        let text = "a\n".repeat(11);
        let r = read(text.as_bytes(), &ReadOptions { max_rows: 10, ..opts() });
        assert_eq!(r, Err(FileError::TooManyRows { limit: 10 }));
    }

    /// The old reader (the csv crate's records, a String per cell): the
    /// split into the sheet's buffer must give the same rows.
    fn by_records(text: &str, delimiter: u8) -> Vec<Vec<String>> {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            .from_reader(text.as_bytes());
        let mut record = csv::StringRecord::new();
        let mut rows = Vec::new();
        while reader.read_record(&mut record).unwrap() {
            rows.push(record.iter().map(|c| c.trim_end_matches('\r').to_owned()).collect());
        }
        rows
    }

    proptest::proptest! {
        #[test]
        fn split_gives_the_csv_crates_rows(
            parts in proptest::collection::vec(
                proptest::sample::select(vec!["a", "中文", ",", ";", "\t", "\"", "\"\"", "\n", "\r", "\r\n", " ", "\u{feff}", "≥90%"]),
                0..40,
            ),
            d in proptest::sample::select(vec![b',', b'\t', b';']),
        ) {
            let text: String = parts.concat();
            let sheet = split(&text, d, usize::MAX).unwrap().finish(None).unwrap();
            let rows: Vec<Vec<String>> =
                sheet.rows().map(|r| r.iter().map(str::to_owned).collect()).collect();
            proptest::prop_assert_eq!(rows, by_records(&text, d), "{:?}", text);
        }
    }
}
