//! The plain-text rendering (the CLI's `--format text` and `audit`): from
//! the report the earlier steps filled, nothing recomputed.

use std::fmt::Write;

use super::escape::visible;
use crate::num::show2;
use crate::report::{ProjectResult, Report};

/// Column widths of the row table (terminal columns): row, indicator path,
/// target → actual, weight, score; and of a subtotal's label.
const ROW_W: usize = 4;
const PATH_W: usize = 44;
const VALUES_W: usize = 40;
const FIGURE_W: usize = 6;
/// The weight column headed 分值（推定） (S32).
const ASSUMED_W: usize = 12;
const SUBTOTAL_W: usize = 30;

/// Display width in a terminal: CJK and full-width characters take two columns.
fn width(s: &str) -> usize {
    s.chars()
        .map(|c| if (c as u32) >= 0x1100 && !matches!(c as u32, 0x2000..=0x206F | 0x2190..=0x22FF) { 2 } else { 1 })
        .sum()
}

fn pad(s: &str, w: usize) -> String {
    format!("{s}{}", " ".repeat(w.saturating_sub(width(s))))
}

/// The plain-text rendering (the CLI's `--format text`). Control and bidi
/// characters from cells are shown as escapes ([`visible`]).
pub fn render_text(report: &Report) -> String {
    let mut o = String::new();
    for p in &report.projects {
        render_project(&mut o, p);
    }
    visible(&o).into_owned()
}

fn render_project(o: &mut String, p: &ProjectResult) {
    let name = p.name.as_deref().unwrap_or("（未命名项目）");
    let _ = writeln!(o, "项目：{name}");
    for (label, v) in [("主管部门", &p.department), ("实施单位", &p.implementer), ("工作表", &p.sheet)] {
        if let Some(v) = v {
            let _ = writeln!(o, "{label}：{v}");
        }
    }
    let _ = writeln!(o);
    // S32: weights the rules split are the tool's assumption, and say so.
    let (weight_head, weight_w) =
        if p.weights_assumed { ("分值（推定）", ASSUMED_W) } else { ("分值", FIGURE_W) };
    let _ = writeln!(
        o,
        "{}  {}  {}  {}  {}  状态",
        pad("行", ROW_W),
        pad("指标（一级 / 二级 / 三级）", PATH_W),
        pad("指标值 → 完成值", VALUES_W),
        pad(weight_head, weight_w),
        pad("得分", FIGURE_W),
    );
    for r in &p.rows {
        let path = format!("{} / {} / {}", r.level1, r.level2, r.name);
        let dir = match (r.direction.map(|d| d.symbol()), r.direction_inferred) {
            (Some(d), true) => format!("[{d}，推断] "),
            (Some(d), false) => format!("[{d}] "),
            (None, _) => String::new(),
        };
        let tv = format!("{dir}{} → {}", r.target, r.actual);
        let _ = writeln!(
            o,
            "{}  {}  {}  {}  {}  {}",
            pad(&r.row.to_string(), ROW_W),
            pad(&path, PATH_W),
            pad(&tv, VALUES_W),
            pad(&r.weight.normalize().to_string(), weight_w),
            pad(&show2(r.score).to_string(), FIGURE_W),
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
        let _ = writeln!(o, "{}  {} / {}", pad(&label, SUBTOTAL_W), show2(s.score), s.weight.normalize());
    }
    let provisional = if p.provisional { "（暂定：有待判定的定性指标）" } else { "" };
    let _ = writeln!(o, "总分：{}  等级：{}{provisional}", show2(p.total), p.grade);
    if let Some(cap) = &p.cap {
        let _ = writeln!(o, "      {}", cap.explanation);
    }
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
/// totals, the difference by cause, the verdict line and the findings.
pub fn render_audit_text(report: &Report) -> String {
    let mut o = String::new();
    for p in &report.projects {
        let _ = writeln!(o, "项目：{}", p.name.as_deref().unwrap_or("（未命名项目）"));
        if let Some(file) = &p.file {
            let _ = writeln!(o, "文件：{file}");
        }
        let s = &p.audit_summary;
        let stated = s.stated_total.map_or_else(|| "未填报".to_owned(), |t| show2(t).to_string());
        let _ = writeln!(o, "填报总分 {stated}，规则计算总分 {}（{}）", show2(s.computed_total), p.grade);
        if let Some(cap) = &p.cap {
            let _ = writeln!(o, "  {}", cap.explanation);
        }
        let _ = writeln!(o, "复核意见：{}", s.verdict);
        for n in &s.notes {
            let _ = writeln!(o, "  说明：{n}");
        }
        render_findings(&mut o, p);
        o.push('\n');
    }
    visible(&o).into_owned()
}

/// The 复核 section of the score text: the verdict and the findings.
fn render_audit(o: &mut String, p: &ProjectResult) {
    if !p.audit_summary.stated_any && p.audit.is_empty() {
        return;
    }
    let _ = writeln!(o, "复核意见：{}", p.audit_summary.verdict);
    for n in &p.audit_summary.notes {
        let _ = writeln!(o, "  说明：{n}");
    }
    render_findings(o, p);
}

/// One line per finding, or a line saying there is none.
fn render_findings(o: &mut String, p: &ProjectResult) {
    if p.audit.is_empty() {
        if p.audit_summary.stated_any {
            let _ = writeln!(o, "复核：填报数字与规则计算一致");
        }
        return;
    }
    let _ = writeln!(o, "复核发现 {} 处：", p.audit.len());
    for f in &p.audit {
        let _ = writeln!(o, "  - [{}] {}", f.kind.id(), f.message);
    }
}
