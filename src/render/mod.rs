//! The last step: a finished [`Report`](crate::report::Report) as text for
//! people and files for other programs. Every format reads the same
//! structure (figures, typed results and the sentences `explain` wrote).
//!
//! - [`text`]: the CLI's `score` and `audit` text, control and bidi
//!   characters from cells shown as escapes ([`escape`])
//! - [`csv`]: the CSV export (UTF-8 with BOM, formula cells neutralised)
//! - [`xlsx`]: the 项目支出绩效自评表 as a workbook (and a blank template)
//! - [`draft`]: the 绩效自评报告 draft as a typed structure; [`draft_text`] its text
//! - [`docx`]: that draft as a Word document
//! - [`summary`]: the overview in columns (`jixiao.summarize`); it needs no
//!   sentences, so it also reads a report before `explain`

pub mod csv;
pub mod docx;
pub mod draft;
pub mod draft_text;
pub mod escape;
pub mod summary;
pub mod text;
pub mod xlsx;

pub use csv::to_csv;
pub use summary::Summary;
pub use text::{render_audit_text, render_text};

/// The 一级/二级 rows of the 2020 template, each with one blank 三级 line
/// (the blank templates: [`xlsx::blank_template`], [`csv::blank_template`]).
pub const TEMPLATE_ROWS: [(&str, &str); 9] = [
    ("产出指标", "数量指标"),
    ("产出指标", "质量指标"),
    ("产出指标", "时效指标"),
    ("产出指标", "成本指标"),
    ("效益指标", "经济效益指标"),
    ("效益指标", "社会效益指标"),
    ("效益指标", "生态效益指标"),
    ("效益指标", "可持续影响指标"),
    ("满意度指标", "服务对象满意度指标"),
];

/// A writer failed (it should not: the writers work in memory).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("导出失败：{0}")]
pub struct ExportError(pub String);
