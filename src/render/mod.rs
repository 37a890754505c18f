//! Render and export: what the user hands in, made from the input and its scores.
//!
//! - [`xlsx`]: the 项目支出绩效自评表 as a workbook (and a blank template)
//! - [`draft`]: the 绩效自评报告 draft as a typed structure, and its text
//! - [`docx`]: that draft as a Word document

pub mod docx;
pub mod draft;
pub mod draft_text;
pub mod xlsx;

use crate::model::Input;
use crate::profile::Profile;
use crate::report::Report;
use crate::Edit;

/// A writer failed (it should not: the writers work in memory).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("导出失败：{0}")]
pub struct ExportError(pub String);

/// The input with the page's edits applied, and its scores: what every
/// export renders (the edits are written into the exported form).
pub fn scored(input: &Input, profile: &Profile, edits: &[Edit]) -> (Input, Report) {
    let mut edited = input.clone();
    edited.apply_edits(edits);
    let report = crate::score::score(&edited, profile);
    (edited, report)
}
