//! The report draft as DOCX (docx-rs).

use super::draft::Draft;
use super::ExportError;

pub fn write(_drafts: &[Draft]) -> Result<Vec<u8>, ExportError> {
    Err(ExportError("未实现".into()))
}
