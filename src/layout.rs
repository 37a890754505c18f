//! Normalise: sheets of text cells → projects (layout A tables, layout B forms).

use crate::grid::Sheet;
use crate::model::Input;
use crate::FileError;

/// Find every indicator table in the sheets.
pub fn read_sheets(_sheets: &[Sheet]) -> Result<Input, FileError> {
    Err(FileError::NoIndicatorTable("未实现".into()))
}
