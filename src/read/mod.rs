//! Readers: bytes → sheets of text cells (or, for JSON, the input itself).
//! The format is told by the bytes, not the file name: a workbook renamed
//! `.csv` is still a workbook. Turning sheets into projects is the next
//! step's (`layout`), called by the pipeline in `lib.rs`.

pub mod json;
pub mod text;
pub mod workbook;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::grid::Sheet;
use crate::model::Input;
use crate::FileError;

/// A forced text encoding (the page's 编码 selector); `Auto` detects:
/// BOM → strict UTF-8 → GB18030.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Encoding {
    #[default]
    Auto,
    Utf8,
    Gbk,
    Utf16le,
    Utf16be,
}

/// Limits and overrides for reading.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReadOptions {
    pub encoding: Encoding,
    /// Largest file accepted, in bytes (default 50 MB).
    pub max_bytes: usize,
    /// Most rows read from one sheet (default 100 000).
    pub max_rows: usize,
    /// The user's column mapping: field (三级指标, 年度指标值 … or the JSON
    /// name) → header text or column letter ("D"); INPUT.md.
    pub columns: BTreeMap<String, String>,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            encoding: Encoding::Auto,
            max_bytes: 50 * 1024 * 1024,
            max_rows: 100_000,
            columns: BTreeMap::new(),
        }
    }
}

/// What the bytes are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Xlsx,
    Xls,
    Json,
    Text,
}

/// Tell the format from the first bytes; `Err` for files that are not tables.
pub fn sniff(bytes: &[u8]) -> Result<Format, FileError> {
    let not = |what: &str| Err(FileError::NotATable(what.to_owned()));
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(FileError::Empty);
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return Ok(Format::Xlsx);
    }
    if bytes.starts_with(&workbook::OLE2_MAGIC) {
        return Ok(Format::Xls);
    }
    if bytes.starts_with(b"\x89PNG")
        || bytes.starts_with(&[0xFF, 0xD8, 0xFF])
        || bytes.starts_with(b"GIF8")
        || bytes.starts_with(b"BM")
    {
        return not("这是一张图片");
    }
    if bytes.starts_with(b"%PDF") {
        return not("这是 PDF 文档");
    }
    if bytes.starts_with(b"PK")
        || bytes.starts_with(&[0x1F, 0x8B])
        || bytes.starts_with(b"Rar!")
        || bytes.starts_with(b"7z\xBC\xAF")
    {
        return not("这是压缩包，不是工作簿");
    }
    let head = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match head.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'{') | Some(b'[') => Ok(Format::Json),
        _ => Ok(Format::Text),
    }
}

/// What a file holds.
#[derive(Debug, Clone, PartialEq)]
pub enum Source {
    /// Sheets of text cells (text tables and workbooks), for `layout`.
    Sheets(Vec<Sheet>),
    /// The JSON form: already the input; it joins the pipeline after `layout`.
    Input(Input),
}

/// Read any supported file into its sheets (or, for JSON, the input).
pub fn read(bytes: &[u8], file_name: &str, opts: &ReadOptions) -> Result<Source, FileError> {
    if bytes.len() > opts.max_bytes {
        return Err(FileError::TooLarge { size_mb: mb(bytes.len()), limit_mb: mb(opts.max_bytes) });
    }
    let _ = file_name;
    Ok(match sniff(bytes)? {
        Format::Json => Source::Input(json::read(bytes)?),
        Format::Xlsx | Format::Xls => Source::Sheets(workbook::read(bytes, opts)?),
        Format::Text => Source::Sheets(vec![text::read(bytes, opts)?]),
    })
}

fn mb(n: usize) -> String {
    let tenths = (n as u64 * 10 + 512 * 1024) / (1024 * 1024);
    format!("{}.{}", tenths / 10, tenths % 10)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_give_sheets_and_json_gives_the_input() {
        let csv = read("三级指标,年度指标值,实际完成值\nx,1,1".as_bytes(), "a.csv", &ReadOptions::default()).unwrap();
        assert!(matches!(&csv, Source::Sheets(s) if s.len() == 1 && s[0].rows_len() == 2), "{csv:?}");
        let json =
            read(br#"{"projects": [{"indicators": [{"name": "x"}]}]}"#, "a.json", &ReadOptions::default()).unwrap();
        assert!(matches!(&json, Source::Input(i) if i.projects.len() == 1), "{json:?}");
    }
}
