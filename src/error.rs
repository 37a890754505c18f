//! The error of a file that cannot be read at all (a leaf module).

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
