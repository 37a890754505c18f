//! The last step: a finished [`Report`](crate::report::Report) as text for
//! people and files for other programs. Every format reads the same
//! structure (figures, typed results and the sentences `explain` wrote).
//!
//! - [`text`]: the CLI's `score` and `audit` text
//! - [`csv`]: the CSV export (UTF-8 with BOM, formula cells neutralised)
//! - [`summary`]: the overview in columns (`jixiao.summarize`); it needs no
//!   sentences, so it also reads a report before `explain`

pub mod csv;
pub mod summary;
pub mod text;

pub use csv::to_csv;
pub use summary::Summary;
pub use text::{render_audit_text, render_text};
