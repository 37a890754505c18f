//! Normalise: sheets of text cells → projects.
//!
//! One reader for both layouts of INPUT.md: the indicator block is found by
//! its header row (layout A is a sheet that is nothing but that block), and
//! everything around it — 项目名称 / 主管部门 / 实施单位 cells, the funds
//! block with its 年度资金总额 row, key/value budget rows, 年度总体目标 rows,
//! the 总分 row — is read by its label cells, wherever it stands (layout B).
//! A sheet may hold several forms one under another: each indicator header
//! starts a new block, and the labels between two blocks belong to the block
//! they precede or, after the last table, to the last one.

mod cells;
mod funds;
mod table;
mod vocab;

use crate::expr;
use crate::grid::{row_number, Sheet};
use crate::model::{Budget, Goal, Input, Issue, ProjectInput, Stated};
use crate::FileError;

use funds::is_funds_header;
use vocab::{field_name, label, may_be_header, Columns, Field, REQUIRED};

/// First cells that end a table: its 总分 row.
const TOTAL_LABELS: [&str; 3] = ["总分", "合计", "总计"];

/// Read every indicator block of every sheet.
/// The sheets are consumed: the cells the input keeps are moved, not copied.
pub fn read_sheets(sheets: Vec<Sheet>) -> Result<Input, FileError> {
    let mut input = Input::default();
    let mut near_miss: Option<String> = None;
    for mut sheet in sheets {
        let headers: Vec<usize> = (0..sheet.rows.len())
            .filter(|&r| may_be_header(row(&sheet, r)) && Columns::of(row(&sheet, r)).is_header())
            .collect();
        if headers.is_empty() {
            if near_miss.is_none() {
                near_miss = near_miss_message(&sheet);
            }
            continue;
        }
        let mut start = 0;
        let len = sheet.rows.len();
        for (i, &h) in headers.iter().enumerate() {
            let next = headers.get(i + 1).copied().unwrap_or(len);
            let mut block = Block { sheet: &mut sheet, start, header: h, next };
            let (projects, end) = block.read();
            input.projects.extend(projects);
            start = end;
        }
    }
    if input.projects.is_empty() {
        return Err(FileError::NoIndicatorTable(near_miss.unwrap_or_else(|| {
            "表头需含「三级指标」（或「指标名称」）、「年度指标值」和「实际完成值」等列".to_owned()
        })));
    }
    Ok(input)
}

/// A row that looks like a header but lacks a required column.
fn near_miss_message(sheet: &Sheet) -> Option<String> {
    sheet.rows.iter().enumerate().find_map(|(r, cells)| {
        let c = Columns::of(cells);
        let known =
            c.cols.iter().filter(|(f, _)| !matches!(f, Field::Budget | Field::Executed | Field::Project)).count();
        if known < 2 {
            return None;
        }
        let missing: Vec<String> =
            REQUIRED.iter().filter(|f| c.get(**f).is_none()).map(|f| format!("「{}」", field_name(*f))).collect();
        let place = Issue::at(sheet.name.as_deref(), Some(row_number(r)), None, "").message;
        Some(format!("{place}像是表头，但缺少{}列", missing.join("")))
    })
}

fn row(sheet: &Sheet, r: usize) -> &[String] {
    sheet.rows.get(r).map(Vec::as_slice).unwrap_or(&[])
}

/// One indicator block: its header row and the label cells around it.
struct Block<'a> {
    sheet: &'a mut Sheet,
    /// First row that may hold this block's labels.
    start: usize,
    header: usize,
    /// The next block's header row (or the end of the sheet).
    next: usize,
}

/// Figures and names read from label cells around a table.
#[derive(Default)]
struct Context {
    name: Option<String>,
    department: Option<String>,
    implementer: Option<String>,
    budget: Budget,
    stated: Stated,
    goals: Vec<Goal>,
    errors: Vec<Issue>,
    warnings: Vec<Issue>,
}

impl Block<'_> {
    fn sheet_name(&self) -> Option<&str> {
        self.sheet.name.as_deref()
    }

    fn issue(&self, r: usize, column: Option<&str>, text: &str) -> Issue {
        Issue::at(self.sheet_name(), Some(row_number(r)), column, text)
    }

    /// Read the block; returns its projects and the first row after its table.
    fn read(&mut self) -> (Vec<ProjectInput>, usize) {
        let cols = Columns::of(row(self.sheet, self.header));
        let mut ctx = Context::default();
        let mut table_rows = Vec::new();
        let mut end = self.next;
        let mut r = self.header + 1;
        while r < self.next {
            let cells = row(self.sheet, r);
            // Every total label starts with 总 or 合, and `label` only drops
            // characters: rows without either skip the labels.
            let may_total = cells.iter().any(|c| c.contains(['总', '合']));
            if let Some(first) = cells.iter().filter(|_| may_total).map(|c| label(c).0).find(|c| !c.is_empty()) {
                if TOTAL_LABELS.iter().any(|k| first.starts_with(k)) {
                    self.stated_total(r, &cols, &mut ctx);
                    end = r + 1;
                    break;
                }
            }
            if is_funds_header(cells) {
                end = r;
                break;
            }
            table_rows.push(r);
            r += 1;
        }
        // Labels: above the header (from this block's start) and, for the
        // sheet's last block, after the table.
        let after = if self.next >= self.sheet.rows.len() { end..self.next } else { 0..0 };
        let label_rows = (self.start..self.header).chain(after);
        self.read_labels(label_rows, &mut ctx);
        let projects = self.read_table(&cols, &table_rows, ctx);
        // `end` is past the header and at most `next`: the loop starts at
        // header + 1 and stops before `next`.
        (projects, end)
    }

    /// The 总分 row: the stated total is the 得分 column's number, else the
    /// row's last number.
    fn stated_total(&self, r: usize, cols: &Columns, ctx: &mut Context) {
        let cells = row(self.sheet, r);
        let by_col = cols.get(Field::Score).and_then(|c| cells.get(c)).and_then(|c| expr::parse_number(c));
        let last = cells.iter().rev().find_map(|c| expr::parse_number(c));
        ctx.stated.total = by_col.or(last);
        ctx.stated.total_row = Some(row_number(r));
    }
}

#[cfg(test)]
mod tests;
