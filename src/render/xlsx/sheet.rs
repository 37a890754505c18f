//! One project's sheet: the form's blocks, top to bottom.

use rust_decimal::Decimal;
use rust_xlsxwriter::{Format, Worksheet, XlsxError};

use super::{put, Styles, TITLE};
use crate::expr::parse_number;
use crate::model::{IndicatorInput, ProjectInput, Text};
use crate::report::{ProjectResult, RowResult, Status};

/// One column of the indicator block.
#[derive(Clone, Copy, PartialEq)]
enum Col {
    Level1,
    Level2,
    Name,
    Symbol,
    Unit,
    Target,
    Actual,
    Level,
    Weight,
    Score,
    Reason,
}

impl Col {
    fn header(self) -> &'static str {
        match self {
            Col::Level1 => "一级指标",
            Col::Level2 => "二级指标",
            Col::Name => "三级指标",
            Col::Symbol => "计算符号",
            Col::Unit => "计量单位",
            Col::Target => "年度指标值",
            Col::Actual => "实际完成值",
            Col::Level => "完成情况",
            Col::Weight => "分值",
            Col::Score => "得分",
            Col::Reason => "偏差原因分析及改进措施",
        }
    }
    fn width(self) -> f64 {
        match self {
            Col::Level1 => 10.0,
            Col::Level2 => 12.0,
            Col::Name => 20.0,
            Col::Target | Col::Actual => 16.0,
            Col::Symbol | Col::Unit | Col::Level => 8.0,
            Col::Weight | Col::Score => 7.0,
            Col::Reason => 22.0,
        }
    }
}

/// The indicator columns of a project (column 0 is the 绩效指标 label).
pub(super) struct Columns(Vec<Col>);

impl Columns {
    pub(super) fn of(p: &ProjectInput) -> Columns {
        let has = |f: fn(&IndicatorInput) -> &Option<Text>| {
            p.indicators.iter().any(|i| f(i).as_deref().is_some_and(|s| !s.trim().is_empty()))
        };
        let mut cols = vec![Col::Level1, Col::Level2, Col::Name];
        if has(|i| &i.symbol) {
            cols.push(Col::Symbol);
        }
        if has(|i| &i.unit) {
            cols.push(Col::Unit);
        }
        cols.extend([Col::Target, Col::Actual]);
        if has(|i| &i.level) {
            cols.push(Col::Level);
        }
        cols.extend([Col::Weight, Col::Score, Col::Reason]);
        Columns(cols)
    }
    fn at(&self, c: Col) -> u16 {
        self.0.iter().position(|x| *x == c).and_then(|i| u16::try_from(i + 1).ok()).unwrap_or(0)
    }
    fn last(&self) -> u16 {
        u16::try_from(self.0.len()).unwrap_or(u16::MAX)
    }
}

pub(super) struct Sheet<'a> {
    pub(super) ws: &'a mut Worksheet,
    pub(super) st: &'a Styles,
    pub(super) cols: Columns,
}

impl Sheet<'_> {
    /// A merged range, or a single cell when it is one.
    fn span(&mut self, r1: u32, c1: u16, r2: u32, c2: u16, text: &str, f: &Format) -> Result<(), XlsxError> {
        if r1 == r2 && c1 == c2 {
            self.ws.write_string_with_format(r1, c1, text, f)?;
        } else {
            self.ws.merge_range(r1, c1, r2, c2, text, f)?;
        }
        Ok(())
    }

    fn number(&mut self, r: u32, c: u16, v: Option<Decimal>, f: &Format) -> Result<(), XlsxError> {
        put(self.ws, r, c, v, f, &self.st.cell)
    }

    pub(super) fn project(mut self, p: &ProjectInput, res: Option<&ProjectResult>) -> Result<(), XlsxError> {
        let st = self.st;
        let last = self.cols.last();
        self.ws.set_column_width(0, 5.0)?;
        for (i, c) in self.cols.0.iter().enumerate() {
            self.ws.set_column_width(u16::try_from(i + 1).unwrap_or(0), c.width())?;
        }
        self.span(0, 0, 0, last, TITLE, &st.title)?;
        self.ws.set_row_height(0, 30)?;
        self.span(1, 0, 1, last, "（      年度）", &st.sub)?;
        self.span(2, 0, 2, 1, "项目名称", &st.head)?;
        self.span(2, 2, 2, last, p.name.as_deref().unwrap_or(""), &st.left)?;
        self.span(3, 0, 3, 1, "主管部门", &st.head)?;
        self.span(3, 2, 3, 4, p.department.as_deref().unwrap_or(""), &st.left)?;
        self.span(3, 5, 3, 6, "实施单位", &st.head)?;
        self.span(3, 7, 3, last, p.implementer.as_deref().unwrap_or(""), &st.left)?;
        self.funds(p, res)?;
        let mut r = 9;
        r = self.goals(p, r)?;
        let header = r;
        self.ws.set_repeat_rows(header, header)?;
        r = self.indicators(p, res, header)?;
        let (w, s) = (self.cols.at(Col::Weight), self.cols.at(Col::Score));
        self.span(r, 0, r, w - 1, "总分", &st.head)?;
        self.number(r, w, res.map(|x| x.weight_sum), &st.weight)?;
        self.number(r, s, res.map(|x| x.total), &st.score)?;
        self.span(r, s + 1, r, last, "", &st.cell)?;
        let grade = res.map(|x| if x.provisional { format!("{}（暂定）", x.grade) } else { x.grade.to_string() });
        self.span(r + 1, 0, r + 1, w - 1, "自评等级", &st.head)?;
        self.span(r + 1, w, r + 1, last, grade.as_deref().unwrap_or(""), &st.cell)?;
        let sign =
            [["填表人：", "联系电话：", "填报日期：    年  月  日"], ["单位负责人：", "财务负责人：", "（单位盖章）"]];
        for (i, line) in sign.iter().enumerate() {
            let rr = r + 3 + u32::try_from(i).unwrap_or(0);
            self.ws.set_row_height(rr, 24)?;
            for (j, text) in line.iter().enumerate() {
                let c = [0, 4, 7][j];
                self.ws.write_string_with_format(rr, c, *text, &st.plain)?;
            }
        }
        self.ws.set_paper_size(9).set_portrait().set_print_fit_to_pages(1, 0).set_print_center_horizontally(true);
        self.ws.set_margins(0.5, 0.5, 0.6, 0.7, 0.3, 0.3);
        self.ws.set_footer("&C第 &P 页，共 &N 页");
        Ok(())
    }

    /// Rows 4–8: the funds block (amounts in 万元).
    fn funds(&mut self, p: &ProjectInput, res: Option<&ProjectResult>) -> Result<(), XlsxError> {
        let st = self.st;
        let last = self.cols.last();
        self.span(4, 0, 8, 0, "项目资金（万元）", &st.head)?;
        let heads = ["", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"];
        for (i, h) in heads.iter().enumerate() {
            let c = u16::try_from(i + 1).unwrap_or(0);
            let c2 = if c == 7 { last } else { c };
            self.span(4, c, 4, c2, h, &st.head)?;
        }
        let e = res.map(|x| &x.execution);
        self.ws.write_string_with_format(5, 1, "年度资金总额", &st.cell)?;
        self.number(5, 2, p.budget.initial, &st.money)?;
        // The figures as given (a figure the scorer refused reads back refused again).
        self.number(5, 3, p.budget.adjusted, &st.money)?;
        self.number(5, 4, p.budget.executed, &st.money)?;
        self.number(5, 5, p.budget.weight.or(e.map(|e| e.weight)), &st.weight)?;
        self.number(5, 6, e.and_then(|e| e.rate).map(|r| r / Decimal::ONE_HUNDRED), &st.percent)?;
        self.span(5, 7, 5, last, "", &st.score)?;
        self.number(5, 7, e.map(|e| e.score), &st.score)?;
        for r in 5..=8 {
            self.ws.set_row_height(r, line_height(2))?;
        }
        for (i, label) in ["其中：当年财政拨款", "上年结转资金", "其他资金"].iter().enumerate() {
            let r = 6 + u32::try_from(i).unwrap_or(0);
            self.ws.write_string_with_format(r, 1, *label, &st.cell)?;
            for c in 2..=4 {
                self.ws.write_blank(r, c, &st.cell)?;
            }
            self.ws.write_string_with_format(r, 5, "—", &st.cell)?;
            self.ws.write_blank(r, 6, &st.cell)?;
            self.span(r, 7, r, last, "—", &st.cell)?;
        }
        Ok(())
    }

    /// 年度总体目标 from row `r`; returns the next free row.
    fn goals(&mut self, p: &ProjectInput, r: u32) -> Result<u32, XlsxError> {
        let st = self.st;
        let last = self.cols.last();
        let n = u32::try_from(p.goals.len().max(1)).unwrap_or(1);
        self.span(r, 0, r + n, 0, "年度总体目标", &st.head)?;
        self.span(r, 1, r, 4, "预期目标", &st.head)?;
        self.span(r, 5, r, last, "实际完成情况", &st.head)?;
        for i in 0..n {
            let g = p.goals.get(i as usize);
            self.span(r + 1 + i, 1, r + 1 + i, 4, g.map_or("", |g| g.expected.as_str()), &st.left)?;
            self.span(r + 1 + i, 5, r + 1 + i, last, g.map_or("", |g| g.actual.as_str()), &st.left)?;
            let text = g.map_or(0, |g| lines(&g.expected, 40.0).max(lines(&g.actual, 40.0)));
            self.ws.set_row_height(r + 1 + i, line_height(text.max(2)))?;
        }
        Ok(r + n + 1)
    }

    /// The indicator block from its header row; returns the row after it.
    fn indicators(&mut self, p: &ProjectInput, res: Option<&ProjectResult>, h: u32) -> Result<u32, XlsxError> {
        let st = self.st;
        let cols: Vec<Col> = self.cols.0.clone();
        self.ws.write_string_with_format(h, 0, "绩效指标", &st.head)?;
        for (i, c) in cols.iter().enumerate() {
            self.ws.write_string_with_format(h, u16::try_from(i + 1).unwrap_or(0), c.header(), &st.head)?;
        }
        let n = u32::try_from(p.indicators.len()).unwrap_or(0);
        for (i, ind) in p.indicators.iter().enumerate() {
            let r = h + 1 + u32::try_from(i).unwrap_or(0);
            let row = res.and_then(|x| x.rows.get(i));
            for (j, c) in cols.iter().enumerate() {
                let col = u16::try_from(j + 1).unwrap_or(0);
                self.cell(r, col, *c, ind, row)?;
            }
            // Excel and WPS do not grow a row for wrapped text in every case: set it.
            let texts = [(&ind.name, Col::Name), (&ind.target, Col::Target), (&ind.actual, Col::Actual)];
            let reason = ind.reason_with_basis();
            let lines = texts
                .iter()
                .map(|(t, c)| lines(t, c.width()))
                .chain([lines(&reason, Col::Reason.width()), lines(&ind.level2, Col::Level2.width())])
                .max()
                .unwrap_or(1);
            self.ws.set_row_height(r, line_height(lines))?;
        }
        // 绩效指标 down the block; 一级 and 二级 merged over their runs.
        if n > 0 {
            self.span(h, 0, h + n, 0, "绩效指标", &st.head)?;
        }
        for (col, key) in [(Col::Level1, 1usize), (Col::Level2, 2)] {
            let at = self.cols.at(col);
            let keys: Vec<(&str, &str)> = p
                .indicators
                .iter()
                .map(|i| (i.level1.as_str(), if key == 2 { i.level2.as_str() } else { "" }))
                .collect();
            let mut start = 0;
            while start < keys.len() {
                let end = (start..keys.len()).take_while(|k| keys.get(*k) == keys.get(start)).last().unwrap_or(start);
                let text = if key == 1 { keys[start].0 } else { keys[start].1 };
                let (r1, r2) = (h + 1 + start as u32, h + 1 + end as u32);
                self.span(r1, at, r2, at, text, &st.cell)?;
                start = end + 1;
            }
        }
        Ok(h + n + 1)
    }

    fn cell(
        &mut self,
        r: u32,
        c: u16,
        col: Col,
        ind: &IndicatorInput,
        row: Option<&RowResult>,
    ) -> Result<(), XlsxError> {
        let st = self.st;
        let text = |o: &Option<Text>| o.as_deref().unwrap_or_default().to_owned();
        let scored = row.filter(|x| !matches!(x.status, Status::Error | Status::Pending));
        match col {
            Col::Level1 | Col::Level2 => {} // merged afterwards
            Col::Name => {
                self.ws.write_string_with_format(r, c, ind.name.as_str(), &st.left)?;
            }
            Col::Symbol => {
                self.ws.write_string_with_format(r, c, text(&ind.symbol), &st.cell)?;
            }
            Col::Unit => {
                self.ws.write_string_with_format(r, c, text(&ind.unit), &st.cell)?;
            }
            Col::Target => {
                self.ws.write_string_with_format(r, c, ind.target.as_str(), &st.left)?;
            }
            Col::Actual => {
                self.ws.write_string_with_format(r, c, ind.actual.as_str(), &st.left)?;
            }
            Col::Level => {
                self.ws.write_string_with_format(r, c, text(&ind.level), &st.cell)?;
            }
            Col::Reason => {
                self.ws.write_string_with_format(r, c, ind.reason_with_basis(), &st.left)?;
            }
            Col::Weight => {
                let given = ind.weight.as_deref().map(str::trim).filter(|w| !w.is_empty());
                match given {
                    // a weight that is not a number stays as typed (the re-read reports it again)
                    Some(w) if parse_number(w).is_none() => {
                        self.ws.write_string_with_format(r, c, w, &st.cell)?;
                    }
                    Some(w) => self.number(r, c, parse_number(w), &st.weight)?,
                    None => {
                        self.number(r, c, row.filter(|x| x.status != Status::Error).map(|x| x.weight), &st.weight)?
                    }
                }
            }
            Col::Score => self.number(r, c, scored.map(|x| x.score), &st.score)?,
        }
        Ok(())
    }
}

/// Lines a text takes in a column of `width` characters (a CJK character is two).
fn lines(text: &str, width: f64) -> usize {
    let w: usize = text.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum();
    let per_line = (width - 1.0).max(2.0) as usize;
    w.div_ceil(per_line).max(1)
}

/// The height of a row of `n` lines, in points (10.5 pt type).
fn line_height(n: usize) -> f64 {
    14.0 * n as f64 + 4.0
}
