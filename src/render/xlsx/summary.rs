//! The 汇总 sheet: one line per project. Written for a workbook of several
//! projects (before their forms) and, with more columns, for the page's
//! overview of a collection (`overview`: many files, the page's figures).

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use rust_xlsxwriter::{Workbook, Worksheet, XlsxError};
use serde::Deserialize;

use super::Styles;
use crate::model::ProjectInput;
use crate::report::ProjectResult;

/// One line of the 汇总 sheet (the overview's line, as the page sends it:
/// missing fields are blank).
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Line {
    /// The file (and sheet) the project was read from.
    pub file: String,
    pub name: String,
    /// 主管部门 (the overview: 主管部门, else 实施单位).
    pub department: String,
    /// 实施单位.
    pub implementer: String,
    /// 全年预算数, 全年执行数 (万元).
    pub budget: Option<f64>,
    pub executed: Option<f64>,
    /// 执行率 in percent.
    pub rate: Option<f64>,
    pub total: Option<f64>,
    /// 填报总分.
    pub stated: Option<f64>,
    pub grade: String,
    pub provisional: bool,
    /// Errors, and rows to review plus audit findings.
    pub errors: u32,
    pub review: u32,
}

impl Line {
    /// The line of a project of the form's workbook.
    fn of(p: &ProjectInput, r: Option<&ProjectResult>) -> Line {
        let f = |d: Option<Decimal>| d.and_then(|x| x.to_f64());
        let e = r.map(|r| &r.execution);
        Line {
            name: p.name.clone().unwrap_or_default(),
            department: p.department.clone().unwrap_or_default(),
            implementer: p.implementer.clone().unwrap_or_default(),
            budget: f(e.and_then(|e| e.budget)),
            executed: f(e.and_then(|e| e.executed)),
            rate: f(e.and_then(|e| e.rate)),
            total: f(r.map(|r| r.total)),
            grade: r.map(|r| r.grade.to_string()).unwrap_or_default(),
            provisional: r.is_some_and(|r| r.provisional),
            ..Line::default()
        }
    }
}

/// A column of the sheet.
#[derive(Clone, Copy)]
enum Col {
    Index,
    File,
    Name,
    Department,
    Implementer,
    /// The overview's 主管部门/实施单位 (one column).
    Unit,
    Budget,
    Executed,
    Rate,
    Total,
    Stated,
    Grade,
    Errors,
    Review,
}

impl Col {
    fn head(self) -> (&'static str, f64) {
        match self {
            Col::Index => ("序号", 5.0),
            Col::File => ("文件", 18.0),
            Col::Name => ("项目名称", 28.0),
            Col::Department => ("主管部门", 14.0),
            Col::Implementer => ("实施单位", 14.0),
            Col::Unit => ("主管部门/实施单位", 16.0),
            Col::Budget => ("全年预算数（万元）", 11.0),
            Col::Executed => ("全年执行数（万元）", 11.0),
            Col::Rate => ("执行率", 9.0),
            Col::Total => ("总分", 8.0),
            Col::Stated => ("填报总分", 8.0),
            Col::Grade => ("等级", 8.0),
            Col::Errors => ("错误", 6.0),
            Col::Review => ("复核", 6.0),
        }
    }
}

/// The form workbook's 汇总 columns.
const FORM: [Col; 9] = [
    Col::Index,
    Col::Name,
    Col::Department,
    Col::Implementer,
    Col::Budget,
    Col::Executed,
    Col::Rate,
    Col::Total,
    Col::Grade,
];

/// The overview's columns (as its table and CSV).
const OVERVIEW: [Col; 12] = [
    Col::Index,
    Col::File,
    Col::Name,
    Col::Unit,
    Col::Budget,
    Col::Executed,
    Col::Rate,
    Col::Total,
    Col::Stated,
    Col::Grade,
    Col::Errors,
    Col::Review,
];

/// The form workbook's 汇总 sheet.
pub(super) fn summary(
    ws: &mut Worksheet,
    st: &Styles,
    pairs: &[(&ProjectInput, Option<&ProjectResult>)],
) -> Result<(), XlsxError> {
    let lines: Vec<Line> = pairs.iter().map(|(p, r)| Line::of(p, *r)).collect();
    sheet(ws, st, &FORM, &lines)
}

/// The page's overview of a collection as a workbook of one 汇总 sheet.
pub(super) fn overview(wb: &mut Workbook, st: &Styles, lines: &[Line]) -> Result<(), XlsxError> {
    sheet(wb.add_worksheet(), st, &OVERVIEW, lines)
}

fn sheet(ws: &mut Worksheet, st: &Styles, cols: &[Col], lines: &[Line]) -> Result<(), XlsxError> {
    ws.set_name("汇总")?;
    let last = u16::try_from(cols.len().saturating_sub(1)).unwrap_or(0);
    ws.merge_range(0, 0, 0, last, "项目支出绩效自评汇总表", &st.title)?;
    ws.set_row_height(0, 30)?;
    for (c, col) in (0u16..).zip(cols) {
        let (head, width) = col.head();
        ws.set_column_width(c, width)?;
        ws.write_string_with_format(1, c, head, &st.head)?;
    }
    for (i, l) in lines.iter().enumerate() {
        let row = 2 + u32::try_from(i).unwrap_or(0);
        for (c, col) in (0u16..).zip(cols) {
            let text = |s: &str| if s.is_empty() { None } else { Some(s.to_owned()) };
            let (number, format) = match col {
                Col::Index => (Some((i + 1) as f64), &st.cell),
                Col::Budget => (l.budget, &st.money),
                Col::Executed => (l.executed, &st.money),
                Col::Rate => (l.rate.map(|x| x / 100.0), &st.percent),
                Col::Total => (l.total, &st.score),
                Col::Stated => (l.stated, &st.score),
                Col::Errors => (Some(f64::from(l.errors)).filter(|x| *x > 0.0), &st.cell),
                Col::Review => (Some(f64::from(l.review)).filter(|x| *x > 0.0), &st.cell),
                Col::File | Col::Name | Col::Department | Col::Implementer | Col::Unit | Col::Grade => {
                    let s = match col {
                        Col::File => text(&l.file),
                        Col::Name => text(&l.name),
                        Col::Department | Col::Unit => text(&l.department),
                        Col::Implementer => text(&l.implementer),
                        _ if l.provisional && !l.grade.is_empty() => Some(format!("{}（暂定）", l.grade)),
                        _ => text(&l.grade),
                    };
                    let format = if matches!(col, Col::Grade) { &st.cell } else { &st.left };
                    ws.write_string_with_format(row, c, s.unwrap_or_default(), format)?;
                    continue;
                }
            };
            match number.filter(|x| x.is_finite()) {
                Some(x) => ws.write_number_with_format(row, c, x, format)?,
                None => ws.write_blank(row, c, &st.cell)?,
            };
        }
    }
    ws.set_repeat_rows(1, 1)?;
    let wide = cols.len() > FORM.len();
    let ws = ws.set_paper_size(9).set_print_fit_to_pages(1, 0).set_print_center_horizontally(true);
    if wide {
        ws.set_landscape();
    } else {
        ws.set_portrait();
    }
    ws.set_footer("&C第 &P 页，共 &N 页");
    Ok(())
}
