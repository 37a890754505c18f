//! What comes back: the result structure (the CLI's `--format json`, the
//! page's data) and its plain-text rendering. Field names are stable: other
//! tools read them. Scores and percentages are decimals rounded to 2 places,
//! serialised as JSON numbers.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::model::{Goal, Ignored, Issue};
use crate::score::show2;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// The profile's id.
    pub profile: String,
    pub projects: Vec<ProjectResult>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProjectResult {
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub implementer: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    /// The file the project came from (CLI with several files).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub file: Option<String>,
    #[serde(with = "rust_decimal::serde::float")]
    pub total: Decimal,
    pub grade: String,
    /// True while any row is 待判定 (S17).
    pub provisional: bool,
    #[serde(with = "rust_decimal::serde::float_option")]
    pub stated_total: Option<Decimal>,
    /// Σ weights of the rows + execution weight (S3).
    #[serde(with = "rust_decimal::serde::float")]
    pub weight_sum: Decimal,
    pub execution: Execution,
    pub subtotals: Vec<Subtotal>,
    pub rows: Vec<RowResult>,
    pub errors: Vec<Issue>,
    pub warnings: Vec<Issue>,
    /// Discrepancies between stated and computed figures (复核).
    pub audit: Vec<Finding>,
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub goals: Vec<Goal>,
    /// Non-empty rows of the file that were not read (INPUT.md); absent when none.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub ignored: Vec<Ignored>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Execution {
    /// 全年预算数 (万元)
    #[serde(with = "rust_decimal::serde::float_option")]
    pub budget: Option<Decimal>,
    /// 全年执行数 (万元)
    #[serde(with = "rust_decimal::serde::float_option")]
    pub executed: Option<Decimal>,
    /// Percent, 2 decimals (98.88).
    #[serde(with = "rust_decimal::serde::float_option")]
    pub rate: Option<Decimal>,
    #[serde(with = "rust_decimal::serde::float")]
    pub weight: Decimal,
    #[serde(with = "rust_decimal::serde::float")]
    pub score: Decimal,
    pub explanation: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Subtotal {
    pub level1: String,
    /// `None` for the 一级 subtotal itself.
    pub level2: Option<String>,
    #[serde(with = "rust_decimal::serde::float")]
    pub weight: Decimal,
    #[serde(with = "rust_decimal::serde::float")]
    pub score: Decimal,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Scored, nothing to look at.
    Ok,
    /// Scored, with a flag for a human (S8, S11, S21, S24…).
    Review,
    /// 待判定: a qualitative row whose level could not be read (S17).
    Pending,
    /// The row could not be scored; see `errors`.
    Error,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RowResult {
    /// Source row (1-based), or index + 1 when the input has none.
    pub row: u32,
    pub level1: String,
    pub level2: String,
    pub name: String,
    pub target: String,
    pub actual: String,
    /// ≥ > = < ≤ or 定性; `None` for rows in error before a direction was known.
    pub direction: Option<String>,
    pub direction_inferred: bool,
    #[serde(with = "rust_decimal::serde::float")]
    pub weight: Decimal,
    #[serde(with = "rust_decimal::serde::float")]
    pub score: Decimal,
    /// Qualitative rows: 达成 / 部分达成 / 未达成 / 待判定.
    pub level: Option<String>,
    /// Qualitative rows: whether the level was inferred from the actual text (S17).
    #[serde(default)]
    pub level_inferred: bool,
    /// The score the file states (得分), when it has one.
    #[serde(with = "rust_decimal::serde::float_option", default)]
    pub stated_score: Option<Decimal>,
    pub status: Status,
    /// S27: one Chinese line on where the points went.
    pub explanation: String,
    pub warnings: Vec<String>,
}

/// An audit finding: a figure the file states that the rules do not give.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    /// Source row; `None` for whole-project findings.
    pub row: Option<u32>,
    pub name: Option<String>,
    /// Stable kind id: row_score, over_weight, band, total_sum, total,
    /// exec_rate, exec_score, weight_sum, no_reason.
    pub kind: String,
    #[serde(with = "rust_decimal::serde::float_option")]
    pub stated: Option<Decimal>,
    #[serde(with = "rust_decimal::serde::float_option")]
    pub computed: Option<Decimal>,
    pub message: String,
}

impl Report {
    /// Did every row of every project score (CLI exit code 0)?
    pub fn all_scored(&self) -> bool {
        self.projects.iter().all(|p| p.errors.is_empty())
    }
}

impl Status {
    /// The Chinese label shown to users.
    pub fn label(self) -> &'static str {
        match self {
            Status::Ok => "正常",
            Status::Review => "需复核",
            Status::Pending => "待判定",
            Status::Error => "错误",
        }
    }
}

/// Display width in a terminal: CJK and full-width characters take two columns.
fn width(s: &str) -> usize {
    s.chars()
        .map(|c| if (c as u32) >= 0x1100 && !matches!(c as u32, 0x2000..=0x206F | 0x2190..=0x22FF) { 2 } else { 1 })
        .sum()
}

fn pad(s: &str, w: usize) -> String {
    format!("{s}{}", " ".repeat(w.saturating_sub(width(s))))
}

/// The plain-text rendering (the CLI's `--format text`).
pub fn render_text(report: &Report) -> String {
    let mut o = String::new();
    for p in &report.projects {
        render_project(&mut o, p);
    }
    o
}

fn render_project(o: &mut String, p: &ProjectResult) {
    use std::fmt::Write;
    let name = p.name.as_deref().unwrap_or("（未命名项目）");
    let _ = writeln!(o, "项目：{name}");
    for (label, v) in [("主管部门", &p.department), ("实施单位", &p.implementer), ("工作表", &p.sheet)] {
        if let Some(v) = v {
            let _ = writeln!(o, "{label}：{v}");
        }
    }
    let _ = writeln!(o);
    let _ = writeln!(
        o,
        "{}  {}  {}  {}  {}  状态",
        pad("行", 4),
        pad("指标（一级 / 二级 / 三级）", 44),
        pad("指标值 → 完成值", 40),
        pad("分值", 6),
        pad("得分", 6),
    );
    for r in &p.rows {
        let path = format!("{} / {} / {}", r.level1, r.level2, r.name);
        let dir = match (&r.direction, r.direction_inferred) {
            (Some(d), true) => format!("[{d}，推断] "),
            (Some(d), false) => format!("[{d}] "),
            (None, _) => String::new(),
        };
        let tv = format!("{dir}{} → {}", r.target, r.actual);
        let _ = writeln!(
            o,
            "{}  {}  {}  {}  {}  {}",
            pad(&r.row.to_string(), 4),
            pad(&path, 44),
            pad(&tv, 40),
            pad(&r.weight.normalize().to_string(), 6),
            pad(&show2(r.score), 6),
            r.status.label()
        );
        let _ = writeln!(o, "      {}", r.explanation);
        for w in &r.warnings {
            let _ = writeln!(o, "      ⚠ {w}");
        }
    }
    let _ = writeln!(o);
    let e = &p.execution;
    let rate = e.rate.map(|r| format!("{}%", show2(r))).unwrap_or_else(|| "—".into());
    let _ = writeln!(o, "预算执行率：{rate}  得分 {} / {}", show2(e.score), e.weight.normalize());
    let _ = writeln!(o, "      {}", e.explanation);
    let _ = writeln!(o, "小计：");
    for s in &p.subtotals {
        let label = match &s.level2 {
            Some(l2) => format!("    {l2}"),
            None => format!("  {}", s.level1),
        };
        let _ = writeln!(o, "{}  {} / {}", pad(&label, 30), show2(s.score), s.weight.normalize());
    }
    let provisional = if p.provisional { "（暂定：有待判定的定性指标）" } else { "" };
    let _ = writeln!(o, "总分：{}  等级：{}{provisional}", show2(p.total), p.grade);
    if let Some(st) = p.stated_total {
        let _ = writeln!(o, "填报总分：{}（相差 {}）", show2(st), show2(st.saturating_sub(p.total)));
    }
    for (title, list) in [("错误", &p.errors), ("提示", &p.warnings)] {
        if !list.is_empty() {
            let _ = writeln!(o, "{title}：");
            for i in list.iter() {
                let _ = writeln!(o, "  - {}", i.message);
            }
        }
    }
    if !p.ignored.is_empty() {
        let _ = writeln!(o, "未使用的行（{} 行）：", p.ignored.len());
        for i in &p.ignored {
            let _ = writeln!(o, "  - {}", i.message);
        }
    }
    render_audit(o, p);
    let _ = writeln!(o);
}

/// The CLI's `audit --format text`: per project, the stated and computed
/// totals and the 复核 section.
pub fn render_audit_text(report: &Report) -> String {
    use std::fmt::Write;
    let mut o = String::new();
    for p in &report.projects {
        let _ = writeln!(o, "项目：{}", p.name.as_deref().unwrap_or("（未命名项目）"));
        if let Some(st) = p.stated_total {
            let _ = writeln!(o, "填报总分 {}，规则计算 {}（{}）", show2(st), show2(p.total), p.grade);
        }
        render_audit(&mut o, p);
        o.push('\n');
    }
    o
}

/// The 复核 section: one line per finding, or a line saying there is none.
fn render_audit(o: &mut String, p: &ProjectResult) {
    use std::fmt::Write;
    if p.audit.is_empty() {
        if p.stated_total.is_some() || p.rows.iter().any(|r| r.stated_score.is_some()) {
            let _ = writeln!(o, "复核：填报数字与规则计算一致");
        }
        return;
    }
    let _ = writeln!(o, "复核发现 {} 处：", p.audit.len());
    for f in &p.audit {
        let _ = writeln!(o, "  - [{}] {}", f.kind, f.message);
    }
}
