//! jixiao (绩效): grading of 项目支出绩效自评表 by the national rules
//! (财预〔2020〕10号), as a pure-Rust core: bytes in, values out.
//!
//! Data flows one way: **read → normalise → score → explain → render/export**.
//!
//! - [`read`]: bytes → [`grid::Sheet`]s (text/CSV, workbooks) or [`model::Input`] (JSON)
//! - [`layout`]: sheets → [`model::Input`] (layout A tables and layout B forms)
//! - [`expr`]: value expressions inside cells (S18–S21)
//! - [`profile`]: the rule profile (data)
//! - [`score`]: [`model::Input`] + [`profile::Profile`] → [`report::Report`] (S1–S27)
//! - [`report`]: the result structure and its text rendering

// Unit tests may unwrap; the library itself may not (checked by clippy on the non-test build).
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

pub mod audit;
pub mod export;
pub mod expr;
pub mod grid;
pub mod layout;
pub mod model;
pub mod profile;
pub mod read;
pub mod report;
pub mod score;

/// The WebAssembly exports (public so `tests/wasm.rs` can call them).
#[cfg(target_arch = "wasm32")]
#[doc(hidden)]
pub mod wasm;

pub use model::{Edit, Input};
pub use profile::Profile;
pub use read::{Encoding, ReadOptions};
pub use report::Report;

/// A file that could not be read at all. Row-level problems are not
/// `FileError`s: they are collected in the report and the rest still scores.
#[derive(Debug, thiserror::Error, Clone, PartialEq)]
pub enum FileError {
    #[error("文件是空的")]
    Empty,
    #[error("文件过大（{size_mb} MB），超过上限 {limit_mb} MB")]
    TooLarge { size_mb: String, limit_mb: String },
    #[error(
        "无法识别的文件：{0}。请提供绩效自评表（XLSX/XLS 工作簿、CSV/TXT 表格、从 Excel/Word 复制的表格，或 JSON）"
    )]
    NotATable(String),
    #[error("没有找到指标表：{0}")]
    NoIndicatorTable(String),
    /// A header with no indicator rows under it (or JSON with no indicators).
    #[error("没有指标：文件中没有任何指标行，无法计分。请填写三级指标、年度指标值和实际完成值")]
    NoIndicators,
    /// A column mapping (`--map`, the page's panel) that cannot be used.
    #[error("列对应有误：{0}")]
    Mapping(String),
    #[error("JSON 无法读取：{0}")]
    Json(String),
    #[error("工作簿无法读取：{0}")]
    Workbook(String),
    #[error("{0}")]
    Profile(String),
    /// A table with more rows than `ReadOptions::max_rows`.
    #[error("表格行数过多：超过上限 {limit} 行。请删去多余的行，或把表格拆成几个文件")]
    TooManyRows { limit: usize },
}

/// What a caller passes besides the bytes.
#[derive(Debug, Clone, Default)]
pub struct ScoreOptions {
    pub read: ReadOptions,
    pub edits: Vec<Edit>,
}

/// Read a file (any supported format) into the normalised input.
pub fn read_input(bytes: &[u8], file_name: &str, opts: &ReadOptions) -> Result<Input, FileError> {
    match read::read(bytes, file_name, opts)? {
        read::Source::Sheets(sheets) => layout::read_sheets_mapped(&sheets, &layout::Mapping::parse(&opts.columns)?),
        read::Source::Input(input) => Ok(input),
    }
}

/// The row most like an indicator header and each field's guessed column:
/// what the page prefills its column-mapping panel with when the header is
/// not recognised. `None` for JSON and for sheets without text.
pub fn guess_header(
    bytes: &[u8],
    file_name: &str,
    opts: &ReadOptions,
) -> Result<Option<layout::HeaderGuess>, FileError> {
    match read::read(bytes, file_name, opts)? {
        read::Source::Sheets(sheets) => Ok(layout::guess(&sheets, &layout::Mapping::parse(&opts.columns)?)),
        read::Source::Input(_) => Ok(None),
    }
}

/// Score an already-read input (after applying edits).
pub fn score_input(input: &Input, profile: &Profile, edits: &[Edit]) -> Report {
    let mut input = input.clone();
    input.apply_edits(edits);
    score::score(&input, profile)
}

/// The whole pipeline: bytes → report.
pub fn score_bytes(bytes: &[u8], file_name: &str, profile: &Profile, opts: &ScoreOptions) -> Result<Report, FileError> {
    let input = read_input(bytes, file_name, &opts.read)?;
    Ok(score_input(&input, profile, &opts.edits))
}
