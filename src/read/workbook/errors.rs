//! The workbook reader's messages: one builder per kind of error.

use std::fmt::Display;

use super::{MAX_CELLS, MAX_TEXT_BYTES, MAX_UNZIPPED_BYTES};
use crate::FileError;

/// 万: limits are told in 万个单元格 / 万条.
const WAN: u64 = 10_000;

/// Bytes in a MB, for sizes in messages.
const MB: u64 = 1024 * 1024;

/// A damaged workbook. Our own details are Chinese; a library's (English)
/// message is kept for support, marked as technical.
pub(super) fn corrupt(detail: impl Display) -> FileError {
    let detail = detail.to_string();
    if detail.is_ascii() {
        FileError::Workbook(format!("文件已损坏或不是 Excel 工作簿（技术信息：{detail}）"))
    } else {
        FileError::Workbook(format!("文件已损坏或不是 Excel 工作簿（{detail}）"))
    }
}

/// One sheet that calamine could not read.
pub(super) fn sheet_error(name: &str, detail: impl Display) -> FileError {
    FileError::Workbook(format!("工作表「{name}」已损坏，无法读取（{detail}）"))
}

/// A password-protected workbook (XLS FILEPASS, or an encrypted XLSX).
pub(super) fn encrypted() -> FileError {
    FileError::Workbook(
        "工作簿设有打开密码（已加密），无法读取。请在 Excel/WPS 中打开后取消密码，另存为 XLSX 再试".into(),
    )
}

/// A sheet with more rows than `ReadOptions::max_rows`.
pub(super) fn too_many_rows(name: &str, max_rows: usize) -> FileError {
    FileError::Workbook(format!("工作表「{name}」行数超过上限 {max_rows} 行，请删去多余的行或拆分后再试"))
}

/// A sheet with more non-empty cells (or merge copies) than [`MAX_CELLS`].
pub(super) fn too_many_cells(name: &str) -> FileError {
    FileError::Workbook(format!("工作表「{name}」单元格过多，超过 {} 万个单元格的上限", MAX_CELLS / WAN))
}

/// A sheet whose content spans more than [`MAX_CELLS`] cells.
pub(super) fn sheet_too_large(name: &str, rows: usize, cols: usize) -> FileError {
    FileError::Workbook(format!(
        "工作表「{name}」过大（{rows} 行 × {cols} 列），超过 {} 万个单元格的上限",
        MAX_CELLS / WAN
    ))
}

/// An XLS range record (used range, cells' bounding box) over [`MAX_CELLS`],
/// found before the sheet's name is known.
pub(super) fn range_too_large(rows: u32, cols: u32) -> FileError {
    FileError::Workbook(format!("工作表过大（{rows} 行 × {cols} 列），超过 {} 万个单元格的上限", MAX_CELLS / WAN))
}

/// A sheet with more than [`MAX_TEXT_BYTES`] of text.
pub(super) fn text_too_large(name: &str) -> FileError {
    FileError::Workbook(format!("工作表「{name}」内容过多（文字超过 {} MB），无法读取", MAX_TEXT_BYTES as u64 / MB))
}

/// An XLSX whose entries declare more than [`MAX_UNZIPPED_BYTES`] unpacked.
pub(super) fn zip_bomb(file_len: usize) -> FileError {
    FileError::Workbook(format!(
        "工作簿解压后超过 {} MB（原文件 {:.1} MB），内容与文件大小不成比例，疑似压缩炸弹，未读取",
        MAX_UNZIPPED_BYTES / MB,
        file_len as f64 / MB as f64
    ))
}

/// A `sharedStrings.xml` declaring more than `limit` texts.
pub(super) fn too_many_shared_strings(limit: u64) -> FileError {
    FileError::Workbook(format!("工作簿声明的文字条目过多（超过 {} 万条），文件可能已损坏", limit / WAN))
}
