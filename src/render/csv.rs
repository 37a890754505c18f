//! The CSV export, which Excel/WPS open (UTF-8 with BOM, so Excel on
//! Chinese Windows reads it right): from the report the earlier steps filled.
//!
//! Formula injection: a cell that starts with = + - @, a tab or a carriage
//! return would be run as a formula by Excel; such a cell is written with a
//! leading apostrophe, so Excel shows it as text (OWASP "CSV injection").

use crate::num::show2;
use crate::report::{ProjectResult, Report};

/// Neutralise a cell Excel would read as a formula.
pub fn safe_cell(s: &str) -> String {
    match s.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{s}"),
        _ => s.to_owned(),
    }
}

/// The UTF-8 byte order mark: Excel on Chinese Windows reads the file as UTF-8 only with it.
const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

const HEADER: [&str; 14] = [
    "项目名称",
    "行号",
    "一级指标",
    "二级指标",
    "三级指标",
    "年度指标值",
    "实际完成值",
    "计算符号",
    "分值",
    "得分",
    "完成情况",
    "状态",
    "得分说明",
    "提示",
];

/// The columns of the blank template: a plain table (INPUT.md, layout A)
/// with the project's name and budget on its rows.
const TEMPLATE_HEADER: [&str; 12] = [
    "项目名称",
    "全年预算数",
    "全年执行数",
    "一级指标",
    "二级指标",
    "三级指标",
    "年度指标值",
    "实际完成值",
    "计算符号",
    "分值",
    "得分",
    "偏差原因分析及改进措施",
];

/// The blank 自评表 as CSV (下载空白模板): the header and the standard
/// 一级/二级 rows with blank 三级 lines, as the XLSX template has them.
pub fn blank_template() -> Vec<u8> {
    csv_bytes(|write| {
        write(TEMPLATE_HEADER.iter().map(|s| (*s).to_owned()).collect());
        for (level1, level2) in super::TEMPLATE_ROWS {
            let mut cells = vec![String::new(); TEMPLATE_HEADER.len()];
            cells[3] = level1.to_owned();
            cells[4] = level2.to_owned();
            write(cells);
        }
    })
}

/// The report as one CSV table: a row per indicator, then per project its
/// execution row and total row.
pub fn to_csv(report: &Report) -> Vec<u8> {
    csv_bytes(|write| {
        write(HEADER.iter().map(|s| (*s).to_owned()).collect());
        for p in &report.projects {
            project_rows(p, write);
        }
    })
}

/// The records `fill` writes as CSV for Excel: BOM, CRLF, every cell defused.
fn csv_bytes(fill: impl FnOnce(&mut dyn FnMut(Vec<String>))) -> Vec<u8> {
    let mut out = UTF8_BOM.to_vec();
    let mut w = ::csv::WriterBuilder::new().terminator(::csv::Terminator::CRLF).from_writer(Vec::new());
    fill(&mut |cells: Vec<String>| {
        // Writing to a Vec cannot fail; a failed record is skipped, never a panic.
        let _ = w.write_record(cells.iter().map(|c| safe_cell(c)));
    });
    if let Ok(bytes) = w.into_inner() {
        out.extend_from_slice(&bytes);
    }
    out
}

fn project_rows(p: &ProjectResult, write: &mut dyn FnMut(Vec<String>)) {
    let name = p.name.clone().unwrap_or_default();
    for r in &p.rows {
        write(vec![
            name.clone(),
            r.row.to_string(),
            r.level1.to_string(),
            r.level2.to_string(),
            r.name.to_string(),
            r.target.to_string(),
            r.actual.to_string(),
            r.direction.map(|d| d.symbol().to_owned()).unwrap_or_default(),
            r.weight.normalize().to_string(),
            show2(r.score).to_string(),
            r.level.map(|l| l.label().to_owned()).unwrap_or_default(),
            r.status.label().to_owned(),
            r.explanation.clone(),
            r.warnings.join("；"),
        ]);
    }
    let e = &p.execution;
    let rate = e.rate.map(|r| format!("{r:.2}%")).unwrap_or_default();
    let blank = String::new;
    write(vec![
        name.clone(),
        blank(),
        "预算执行率".into(),
        blank(),
        blank(),
        blank(),
        rate,
        blank(),
        e.weight.normalize().to_string(),
        show2(e.score).to_string(),
        blank(),
        blank(),
        e.explanation.clone(),
        blank(),
    ]);
    let provisional = if p.provisional { "暂定" } else { "" };
    write(vec![
        name,
        blank(),
        "总分".into(),
        blank(),
        blank(),
        blank(),
        blank(),
        blank(),
        p.weight_sum.normalize().to_string(),
        show2(p.total).to_string(),
        p.grade.to_string(),
        provisional.into(),
        p.stated_total.map(|s| format!("填报总分 {s:.2}")).unwrap_or_default(),
        blank(),
    ]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_neutralised() {
        for s in ["=1+1", "+cmd", "-2+3", "@SUM(A1)", "\t=x", "\r=x"] {
            assert!(safe_cell(s).starts_with('\''), "{s}");
        }
        assert_eq!(safe_cell("≥20 名"), "≥20 名");
        assert_eq!(safe_cell(""), "");
    }
}
