//! The normalised input: what every reader produces and what the JSON form is.
//!
//! Cells are kept as the user typed them (strings); numbers are parsed by the
//! scorer, so a cell that does not parse is reported there with its row and
//! column, and nothing the user typed is lost on the way (the page can export
//! this structure as JSON and read it back unchanged).

use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize};

/// A cell's text in the model and the report: short texts (most cells:
/// "产出指标", "≥85%", "15") are kept inline without an allocation, which
/// matters when a file has 100,000 rows (issue 14); it reads as a `&str`.
pub type Text = compact_str::CompactString;

/// Everything read from one file: one or more projects.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Input {
    pub projects: Vec<ProjectInput>,
}

/// One project's indicator table, budget and stated figures.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProjectInput {
    /// 项目名称
    pub name: Option<String>,
    /// 主管部门
    #[serde(skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
    /// 实施单位
    #[serde(skip_serializing_if = "Option::is_none")]
    pub implementer: Option<String>,
    /// The workbook sheet the project was read from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    pub budget: Budget,
    pub indicators: Vec<IndicatorInput>,
    /// Figures the file states (总分, 执行率, 预算执行率得分): kept and compared.
    #[serde(skip_serializing_if = "Stated::is_empty")]
    pub stated: Stated,
    /// 年度总体目标 (expected, actual), kept for display.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub goals: Vec<Goal>,
    /// Problems found while reading (not while scoring), e.g. a 全年预算数
    /// cell that is not a number; reported with the scoring errors.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<Issue>,
    /// Fallbacks the reader took (a zero 年度资金总额 row, figures it could
    /// not place); reported with the scoring warnings.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<Issue>,
    /// S30: level weights the form states ("产出指标（60分）", or a 一级 row
    /// with a 分值); they win over the profile's (S1) when S2 splits.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub level_weights: Vec<LevelWeight>,
    /// Non-empty rows of the file that were not read (INPUT.md "Nothing is
    /// dropped silently"); empty, and then absent from JSON, when every row was read.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub ignored: Vec<Ignored>,
    /// The passages of the 绩效自评报告 the user writes (in the page or the
    /// JSON); absent from the JSON while all are empty.
    #[serde(skip_serializing_if = "DraftFields::is_empty")]
    pub draft: DraftFields,
}

/// The 一级 name given to the rows of a table without level columns
/// (部门整体 forms: 指标名称, 指标值, 指标权重 …; INPUT.md).
pub const UNGRADED: &str = "未分级";

/// S30: a level's weight as the form states it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct LevelWeight {
    /// The 一级 name as read (without the weight): 产出指标.
    pub level1: String,
    /// Written as a decimal string, like the budget figures; read from a number too.
    #[serde(deserialize_with = "de_decimal")]
    pub weight: Decimal,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub row: Option<u32>,
}

/// A non-empty row that was not read: its place and first cells.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Ignored {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    /// 1-based row as the spreadsheet shows it.
    pub row: u32,
    /// Its first non-empty cells (at most three).
    pub cells: Vec<String>,
    /// 「第 14 行未使用：「备注」「……」」
    pub message: String,
}

/// What the user writes into the report draft; the rest of the draft is
/// computed from the scores. Empty: the draft shows a marked blank (or, for
/// `problems`, the text drafted from the findings).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DraftFields {
    /// 一（一）项目基本情况: background, purpose, content.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub background: String,
    /// 一（二）资金使用及管理情况, after the computed budget sentence.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub management: String,
    /// 三、综合评价.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub evaluation: String,
    /// 六、存在的问题和改进措施 as edited by the user; replaces the drafted items.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub problems: String,
}

impl DraftFields {
    pub fn is_empty(&self) -> bool {
        self.background.is_empty()
            && self.management.is_empty()
            && self.evaluation.is_empty()
            && self.problems.is_empty()
    }
}

/// Budget figures in 万元 (readers convert 元 to 万元).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Budget {
    /// 年初预算数
    #[serde(deserialize_with = "de_decimal_opt", skip_serializing_if = "Option::is_none")]
    pub initial: Option<Decimal>,
    /// 全年预算数 (the adjusted full-year budget the rate is computed on)
    #[serde(deserialize_with = "de_decimal_opt")]
    pub adjusted: Option<Decimal>,
    /// 全年执行数
    #[serde(deserialize_with = "de_decimal_opt")]
    pub executed: Option<Decimal>,
    /// 预算执行率分值 as stated by the form (default: the profile's).
    #[serde(deserialize_with = "de_decimal_opt", skip_serializing_if = "Option::is_none")]
    pub weight: Option<Decimal>,
    /// Source row of the figures (1-based), for messages.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub row: Option<u32>,
    /// The unit the file wrote its amounts in (they are in 万元 above either
    /// way), for display; left out of JSON when 万元.
    #[serde(skip_serializing_if = "MoneyUnit::is_wan")]
    pub unit: MoneyUnit,
}

/// The unit a file writes its amounts in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum MoneyUnit {
    #[default]
    #[serde(rename = "万元")]
    Wan,
    #[serde(rename = "元")]
    Yuan,
}

impl MoneyUnit {
    pub fn is_wan(&self) -> bool {
        *self == MoneyUnit::Wan
    }
}

/// Figures the file states, which the audit compares with the computed ones.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Stated {
    #[serde(deserialize_with = "de_decimal_opt", skip_serializing_if = "Option::is_none")]
    pub total: Option<Decimal>,
    /// Execution rate in percent (95.00% → 95).
    #[serde(deserialize_with = "de_decimal_opt", skip_serializing_if = "Option::is_none")]
    pub rate: Option<Decimal>,
    #[serde(deserialize_with = "de_decimal_opt", skip_serializing_if = "Option::is_none")]
    pub execution_score: Option<Decimal>,
    /// Source row of the 总分, for messages.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total_row: Option<u32>,
}

impl Stated {
    pub fn is_empty(&self) -> bool {
        self.total.is_none() && self.rate.is_none() && self.execution_score.is_none()
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Goal {
    pub expected: String,
    pub actual: String,
}

/// One 三级指标 row, cells as typed. Optional cells are `None` when the
/// column is absent and `Some("")` when present but blank.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct IndicatorInput {
    /// Row number as the user's spreadsheet shows it (1-based, header included).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub row: Option<u32>,
    pub level1: Text,
    pub level2: Text,
    pub name: Text,
    #[serde(deserialize_with = "de_text")]
    pub target: Text,
    #[serde(deserialize_with = "de_text")]
    pub actual: Text,
    /// 分值
    #[serde(deserialize_with = "de_text_opt", skip_serializing_if = "Option::is_none")]
    pub weight: Option<Text>,
    /// 得分 / 自评得分 as stated in the file.
    #[serde(deserialize_with = "de_text_opt", skip_serializing_if = "Option::is_none")]
    pub score: Option<Text>,
    /// 计算符号 / 指标方向 / 指标性质
    #[serde(skip_serializing_if = "Option::is_none")]
    pub symbol: Option<Text>,
    /// 计量单位
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<Text>,
    /// 完成情况 (达成 / 部分达成 / 未达成)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level: Option<Text>,
    /// 扣减分数
    #[serde(deserialize_with = "de_text_opt", skip_serializing_if = "Option::is_none")]
    pub deduction: Option<Text>,
    /// 偏差原因分析及改进措施
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<Text>,
    /// 判定依据: a note on a qualitative row's level (a page edit, kept in
    /// the JSON input; explained, not scored).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub basis: Option<Text>,
    /// The cells a page edit set (not serialized): a chosen level is 人工判定.
    #[serde(skip)]
    pub edited: EditedCells,
}

/// Which of a row's cells the page's edits set.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct EditedCells {
    /// 完成情况 chosen in the page (人工判定).
    pub level: bool,
    /// 得分 typed in the page (人工评分).
    pub score: bool,
}

/// A problem or note tied to a place in the user's file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Issue {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    /// 1-based row as the spreadsheet shows it; `None` for whole-file problems.
    pub row: Option<u32>,
    /// The column's header name (canonical Chinese name).
    pub column: Option<String>,
    /// The full Chinese message, naming sheet, row and column.
    pub message: String,
}

impl Issue {
    /// Build an issue whose message is prefixed with its place:
    /// `工作表「Sheet1」第 7 行「分值」：…`.
    pub fn at(sheet: Option<&str>, row: Option<u32>, column: Option<&str>, text: &str) -> Issue {
        let mut message = String::new();
        if let Some(s) = sheet {
            message.push_str(&format!("工作表「{s}」"));
        }
        if let Some(r) = row {
            message.push_str(&format!("第 {r} 行"));
        }
        if let Some(c) = column {
            message.push_str(&format!("「{c}」"));
        }
        if !message.is_empty() {
            message.push('：');
        }
        message.push_str(text);
        Issue { sheet: sheet.map(str::to_owned), row, column: column.map(str::to_owned), message }
    }
}

/// A user's edit in the page, applied before scoring: a qualitative level,
/// a manual score, a weight, or a corrected cell (年度指标值, 实际完成值,
/// 偏差原因) of one row. Fields left out (`None`) keep the file's value.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Edit {
    /// Index of the project in the file (0-based).
    pub project: usize,
    /// The row's source row number (`IndicatorInput::row`), or its index + 1
    /// in `indicators` when the input has no row numbers.
    pub row: u32,
    pub level: Option<Text>,
    #[serde(deserialize_with = "de_text_opt")]
    pub score: Option<Text>,
    #[serde(deserialize_with = "de_text_opt")]
    pub weight: Option<Text>,
    /// 年度指标值 as corrected in the page.
    #[serde(deserialize_with = "de_text_opt", skip_serializing_if = "Option::is_none")]
    pub target: Option<Text>,
    /// 实际完成值 as corrected in the page.
    #[serde(deserialize_with = "de_text_opt", skip_serializing_if = "Option::is_none")]
    pub actual: Option<Text>,
    /// 偏差原因分析及改进措施 as written in the page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<Text>,
    /// 判定依据: the user's note on a qualitative choice (kept, not scored).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub basis: Option<Text>,
}

impl Input {
    /// Apply the page's edits to the input (unknown rows are ignored).
    pub fn apply_edits(&mut self, edits: &[Edit]) {
        for (index, p) in self.projects.iter_mut().enumerate() {
            for (i, ind) in p.indicators.iter_mut().enumerate() {
                ind.apply_edits(index, i, edits);
            }
        }
    }
}

impl IndicatorInput {
    /// The row number messages and edits use: the source row, else index + 1
    /// (the `index`-th row of `indicators`).
    pub fn row_number(&self, index: usize) -> u32 {
        self.row.unwrap_or_else(|| crate::grid::row_number(index))
    }

    /// The 偏差原因 cell of an export: the reason, then the 判定依据 note on its own line.
    pub fn reason_with_basis(&self) -> String {
        let reason = self.reason.as_deref().unwrap_or_default();
        match self.basis.as_deref().map(str::trim).filter(|b| !b.is_empty()) {
            Some(b) if reason.trim().is_empty() => format!("判定依据：{b}"),
            Some(b) => format!("{reason}\n判定依据：{b}"),
            None => reason.to_owned(),
        }
    }

    /// Does an edit of `project` apply to this row (the `index`-th)?
    pub fn is_edited_by(&self, project: usize, index: usize, edit: &Edit) -> bool {
        edit.project == project && edit.row == self.row_number(index)
    }

    /// Apply, in order, the edits of `project` that name this row.
    pub fn apply_edits(&mut self, project: usize, index: usize, edits: &[Edit]) {
        for e in edits {
            if !self.is_edited_by(project, index, e) {
                continue;
            }
            if let Some(l) = &e.level {
                self.level = Some(l.clone());
                self.edited.level = true;
            }
            if let Some(s) = &e.score {
                self.score = Some(s.clone());
                self.edited.score = true;
            }
            if let Some(w) = &e.weight {
                self.weight = Some(w.clone());
            }
            if let Some(t) = &e.target {
                self.target.clone_from(t);
            }
            if let Some(a) = &e.actual {
                self.actual.clone_from(a);
            }
            if let Some(r) = &e.reason {
                self.reason = Some(r.clone());
            }
            if let Some(b) = &e.basis {
                self.basis = Some(b.clone());
            }
        }
    }
}

#[derive(Deserialize)]
#[serde(untagged)]
enum TextOrNumber {
    Text(String),
    Int(i64),
    Float(f64),
    Null(()),
}

impl TextOrNumber {
    fn into_text(self) -> Option<String> {
        match self {
            TextOrNumber::Text(s) => Some(s),
            TextOrNumber::Int(i) => Some(i.to_string()),
            // `{}` on f64 prints the shortest text that reads back the same
            // value: 59.33 stays "59.33".
            TextOrNumber::Float(f) => Some(format!("{f}")),
            TextOrNumber::Null(()) => None,
        }
    }
}

/// A JSON cell may be a string or a number; keep it as text.
fn de_text<'de, D: Deserializer<'de>>(d: D) -> Result<Text, D::Error> {
    Ok(TextOrNumber::deserialize(d)?.into_text().map(Text::from).unwrap_or_default())
}

fn de_text_opt<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Text>, D::Error> {
    Ok(TextOrNumber::deserialize(d)?.into_text().map(Text::from))
}

fn de_decimal<'de, D: Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
    Ok(de_decimal_opt(d)?.unwrap_or_default())
}

/// Amounts in JSON may be numbers or strings ("60", "36,500").
fn de_decimal_opt<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Decimal>, D::Error> {
    match TextOrNumber::deserialize(d)?.into_text() {
        None => Ok(None),
        Some(t) if t.trim().is_empty() => Ok(None),
        Some(t) => {
            crate::expr::parse_number(&t).map(Some).ok_or_else(|| serde::de::Error::custom(format!("“{t}”不是数字")))
        }
    }
}
