//! The 项目支出绩效自评表 (财预〔2020〕10号 附件) as an XLSX workbook, written
//! with rust_xlsxwriter: one sheet per project (and a 汇总 sheet first when
//! there are several), and the same layout empty as a template.
//!
//! The layout is the form's: title, 项目名称 / 主管部门 / 实施单位, the funds
//! block (年初预算数 全年预算数 全年执行数 分值 执行率 得分, amounts in 万元),
//! 年度总体目标 (预期目标 / 实际完成情况), the indicator block (绩效指标 |
//! 一级 | 二级 | 三级 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施,
//! 一级/二级 cells merged), 总分, 自评等级 and the signature lines.
//! Columns the input has beyond the form's (计算符号, 计量单位, 完成情况) are
//! kept, so the workbook reads back to the same scores. Amounts, weights and
//! scores are numbers; the execution rate is a number in a percent format.
//! Print setup: A4 portrait, one page wide, the indicator header repeated,
//! page numbers in the footer.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};

mod sheet;
mod summary;

pub use summary::Line;

use super::ExportError;
use crate::model::{IndicatorInput, Input, ProjectInput};
use crate::report::{ProjectResult, Report};
use sheet::{Columns, Sheet};

/// The form's title.
pub const TITLE: &str = "项目支出绩效自评表";

/// The filled form of every project of `input`, scored in `report` (the
/// projects of both in the same order, see [`super::scored`]).
pub fn form(input: &Input, report: &Report) -> Result<Vec<u8>, ExportError> {
    let mut wb = Workbook::new();
    let st = Styles::new();
    let pairs: Vec<(&ProjectInput, Option<&ProjectResult>)> =
        input.projects.iter().enumerate().map(|(i, p)| (p, report.projects.get(i))).collect();
    let names = sheet_names(&input.projects);
    if pairs.len() > 1 {
        summary::summary(wb.add_worksheet(), &st, &pairs).map_err(err)?;
    }
    for ((p, r), name) in pairs.iter().zip(&names) {
        let ws = wb.add_worksheet();
        ws.set_name(name.as_str()).map_err(err)?;
        Sheet { ws, st: &st, cols: Columns::of(p) }.project(p, *r).map_err(err)?;
    }
    if pairs.is_empty() {
        blank_sheet(wb.add_worksheet(), &st).map_err(err)?;
    }
    wb.save_to_buffer().map_err(err)
}

/// The page's overview of a collection (one line per project of many
/// files) as a workbook of one 汇总 sheet: the form workbook's, with the
/// overview's columns.
pub fn overview(lines: &[Line]) -> Result<Vec<u8>, ExportError> {
    let mut wb = Workbook::new();
    summary::overview(&mut wb, &Styles::new(), lines).map_err(err)?;
    wb.save_to_buffer().map_err(err)
}

/// The form with nothing filled in: the standard 一级/二级 rows and blank
/// 三级 lines (下载空白模板).
pub fn blank_template() -> Result<Vec<u8>, ExportError> {
    let mut wb = Workbook::new();
    blank_sheet(wb.add_worksheet(), &Styles::new()).map_err(err)?;
    wb.save_to_buffer().map_err(err)
}

fn err(e: XlsxError) -> ExportError {
    ExportError(e.to_string())
}

fn blank_sheet(ws: &mut Worksheet, st: &Styles) -> Result<(), XlsxError> {
    ws.set_name("自评表")?;
    let indicators = super::TEMPLATE_ROWS
        .iter()
        .map(|(l1, l2)| IndicatorInput { level1: (*l1).into(), level2: (*l2).into(), ..Default::default() })
        .collect();
    let p = ProjectInput { indicators, ..Default::default() };
    Sheet { ws, st, cols: Columns::of(&p) }.project(&p, None)
}

/// Sheet names: the project's name made legal (≤ 31 characters, none of
/// `[]:*?/\`), unique, 项目N when there is none.
fn sheet_names(projects: &[ProjectInput]) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for (i, p) in projects.iter().enumerate() {
        let clean: String = p
            .name
            .as_deref()
            .unwrap_or("")
            .chars()
            .filter(|c| !matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\' | '\''))
            .filter(|c| !c.is_control())
            .take(26)
            .collect();
        let base = if clean.trim().is_empty() { format!("项目{}", i + 1) } else { clean.trim().to_owned() };
        let mut name = base.clone();
        let mut n = 2;
        while names.iter().any(|x| x == &name) || name == "汇总" {
            name = format!("{base}({n})");
            n += 1;
        }
        names.push(name);
    }
    names
}

pub(super) struct Styles {
    title: Format,
    sub: Format,
    head: Format,
    cell: Format,
    left: Format,
    money: Format,
    weight: Format,
    score: Format,
    percent: Format,
    plain: Format,
}

impl Styles {
    fn new() -> Styles {
        let base = Format::new().set_font_name("宋体").set_font_size(10.5);
        let boxed = base
            .clone()
            .set_border(FormatBorder::Thin)
            .set_text_wrap()
            .set_align(FormatAlign::Center)
            .set_align(FormatAlign::VerticalCenter);
        Styles {
            title: base.clone().set_font_name("黑体").set_font_size(18).set_align(FormatAlign::Center),
            sub: base.clone().set_align(FormatAlign::Center),
            head: boxed.clone().set_bold(),
            left: boxed.clone().set_align(FormatAlign::Left),
            money: boxed.clone().set_num_format("0.00"),
            weight: boxed.clone().set_num_format("0.##"),
            score: boxed.clone().set_num_format("0.00"),
            percent: boxed.clone().set_num_format("0.00%"),
            cell: boxed,
            plain: base,
        }
    }
}

/// A figure as a spreadsheet number, when the number reads back as the same
/// figure (at most 15 significant digits and 10 decimals, what the reader
/// keeps); otherwise `None` and the figure is written as text.
pub(super) fn num(d: Decimal) -> Option<f64> {
    let d = d.normalize();
    let digits = d.mantissa().unsigned_abs().checked_ilog10().map_or(1, |l| l + 1);
    (digits <= 15 && d.scale() <= 10).then(|| d.to_f64()).flatten()
}

/// A figure in a cell: a number, text when it would not read back the same
/// as a number, blank when there is none.
pub(super) fn put(
    ws: &mut Worksheet,
    r: u32,
    c: u16,
    v: Option<Decimal>,
    f: &Format,
    text: &Format,
) -> Result<(), XlsxError> {
    match v {
        None => ws.write_blank(r, c, text)?,
        Some(d) => match num(d) {
            Some(x) => ws.write_number_with_format(r, c, x, f)?,
            None => ws.write_string_with_format(r, c, d.normalize().to_string(), text)?,
        },
    };
    Ok(())
}
