//! XLSX / XLS workbooks (calamine): every sheet as text cells, as the user sees them.

use crate::grid::Sheet;
use crate::read::ReadOptions;
use crate::FileError;

/// Read every sheet of a workbook.
pub fn read(_bytes: &[u8], _opts: &ReadOptions) -> Result<Vec<Sheet>, FileError> {
    Err(FileError::Workbook("暂不支持工作簿".into()))
}
