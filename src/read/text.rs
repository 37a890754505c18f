//! Text tables: CSV/TSV/pasted text in UTF-8, UTF-16 or GB18030.

use crate::grid::Sheet;
use crate::read::ReadOptions;
use crate::FileError;

pub fn read(_bytes: &[u8], _opts: &ReadOptions) -> Result<Sheet, FileError> {
    Err(FileError::Empty)
}
