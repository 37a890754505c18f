//! The 汇总 sheet of a collection.

use rust_decimal::Decimal;
use rust_xlsxwriter::{Format, Worksheet, XlsxError};

use super::{put, Styles};
use crate::model::ProjectInput;
use crate::report::ProjectResult;

/// The 汇总 sheet: one line per project.
pub(super) fn summary(
    ws: &mut Worksheet,
    st: &Styles,
    pairs: &[(&ProjectInput, Option<&ProjectResult>)],
) -> Result<(), XlsxError> {
    ws.set_name("汇总")?;
    let heads = [
        "序号",
        "项目名称",
        "主管部门",
        "实施单位",
        "全年预算数（万元）",
        "全年执行数（万元）",
        "执行率",
        "总分",
        "等级",
    ];
    let widths = [5.0, 28.0, 14.0, 14.0, 11.0, 11.0, 9.0, 8.0, 8.0];
    ws.merge_range(0, 0, 0, 8, "项目支出绩效自评汇总表", &st.title)?;
    ws.set_row_height(0, 30)?;
    for (i, (h, w)) in heads.iter().zip(widths).enumerate() {
        let c = u16::try_from(i).unwrap_or(0);
        ws.set_column_width(c, w)?;
        ws.write_string_with_format(1, c, *h, &st.head)?;
    }
    for (i, (p, r)) in pairs.iter().enumerate() {
        let row = 2 + u32::try_from(i).unwrap_or(0);
        let put = |ws: &mut Worksheet, c: u16, v: Option<Decimal>, f: &Format| put(ws, row, c, v, f, &st.cell);
        ws.write_number_with_format(row, 0, (i + 1) as f64, &st.cell)?;
        for (c, v) in [(1, &p.name), (2, &p.department), (3, &p.implementer)] {
            ws.write_string_with_format(row, c, v.as_deref().unwrap_or(""), &st.left)?;
        }
        let e = r.map(|r| &r.execution);
        put(ws, 4, e.and_then(|e| e.budget), &st.money)?;
        put(ws, 5, e.and_then(|e| e.executed), &st.money)?;
        put(ws, 6, e.and_then(|e| e.rate).map(|x| x / Decimal::ONE_HUNDRED), &st.percent)?;
        put(ws, 7, r.map(|r| r.total), &st.score)?;
        let grade = r.map(|r| if r.provisional { format!("{}（暂定）", r.grade) } else { r.grade.clone() });
        ws.write_string_with_format(row, 8, grade.unwrap_or_default(), &st.cell)?;
    }
    ws.set_repeat_rows(1, 1)?;
    ws.set_paper_size(9).set_portrait().set_print_fit_to_pages(1, 0).set_print_center_horizontally(true);
    ws.set_footer("&C第 &P 页，共 &N 页");
    Ok(())
}
