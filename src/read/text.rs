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

use crate::grid::Sheet;
use crate::read::{Encoding, ReadOptions};
use crate::FileError;

/// Decode and split a text table into one sheet.
pub fn read(bytes: &[u8], opts: &ReadOptions) -> Result<Sheet, FileError> {
    let text = decode(bytes, opts.encoding);
    if text.contains('\u{0}') {
        return Err(FileError::NotATable("文件含有二进制内容，不是文本表格".into()));
    }
    let delimiter = detect_delimiter(&text);
    let mut reader =
        csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(delimiter).from_reader(text.as_bytes());
    let mut rows = Vec::new();
    // One record buffer for the whole file; each row gets its own cells.
    let mut record = csv::StringRecord::new();
    while reader.read_record(&mut record).map_err(|e| FileError::NotATable(format!("表格格式有误（{e}）")))? {
        if rows.len() >= opts.max_rows {
            return Err(FileError::TooManyRows { limit: opts.max_rows });
        }
        rows.push(record.iter().map(|c| c.trim_end_matches('\r').to_owned()).collect::<Vec<_>>());
    }
    if rows.iter().all(|r| r.iter().all(|c| c.trim().is_empty())) {
        return Err(FileError::Empty);
    }
    Ok(Sheet { name: None, rows, merged: Default::default() })
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
            } else if std::str::from_utf8(bytes).is_ok() {
                encoding_rs::UTF_8
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
        assert_eq!(a.rows[1], vec!["产出指标", "数量"]);
    }

    #[test]
    fn gbk_without_bom() {
        let (bytes, _, _) = encoding_rs::GBK.encode("一级指标,实际完成值\n产出指标,≥20 名\n");
        let s = read(&bytes, &opts()).unwrap();
        assert_eq!(s.rows[1], vec!["产出指标", "≥20 名"]);
    }

    #[test]
    fn utf16le_with_bom_tab_separated() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "一级指标\t三级指标\r\n产出指标\t信访形势\r\n".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        let s = read(&bytes, &opts()).unwrap();
        assert_eq!(s.rows[1], vec!["产出指标", "信访形势"]);
    }

    #[test]
    fn utf16be_with_bom() {
        let mut bytes = vec![0xFE, 0xFF];
        for u in "a;b\n1;2\n".encode_utf16() {
            bytes.extend_from_slice(&u.to_be_bytes());
        }
        let s = read(&bytes, &opts()).unwrap();
        assert_eq!(s.rows[1], vec!["1", "2"]);
    }

    #[test]
    fn forced_encoding_wins() {
        let (bytes, _, _) = encoding_rs::GBK.encode("指标,值\n");
        let s = read(&bytes, &ReadOptions { encoding: Encoding::Gbk, ..opts() }).unwrap();
        assert_eq!(s.rows[0], vec!["指标", "值"]);
    }

    #[test]
    fn quoted_cells_hold_commas_quotes_and_line_breaks() {
        let s = read("名称,值\n\"36,500 人次\",\"他说\"\"好\"\"\n第二行\"\n下一行,1\n".as_bytes(), &opts()).unwrap();
        assert_eq!(s.rows[1], vec!["36,500 人次", "他说\"好\"\n第二行"]);
        // the quoted line break does not shift row numbers: record 3 is row 3
        assert_eq!(s.rows[2], vec!["下一行", "1"]);
    }

    #[test]
    fn tab_wins_over_commas_inside_cells() {
        let s = read("三级指标\t年度指标值\n接访人次\t36,500 人次\n".as_bytes(), &opts()).unwrap();
        assert_eq!(s.rows[1], vec!["接访人次", "36,500 人次"]);
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
}
