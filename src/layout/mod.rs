//! Normalise: sheets of text cells → projects.
//!
//! One reader for both layouts of INPUT.md: the indicator block is found by
//! its header (one row, or two — `header`), and everything around it —
//! 项目名称 / 主管部门 / 实施单位 cells, the funds block with its 年度资金总额
//! row, key/value budget rows above, below or inside the table, 年度总体目标
//! rows, the 总分 row — is read by its label cells, wherever it stands
//! (layout B). A sheet may hold several forms one under another: each
//! indicator header starts a new block (a header repeated without a new
//! 项目名称 or 总分 between continues the table), and the labels between two
//! blocks belong to the block they precede or, after the last table, to the
//! last one. Every non-empty row is read or listed as `ignored` (`rows`).

mod cells;
mod funds;
mod header;
mod rows;
mod table;
mod vocab;

use std::borrow::Cow;
use std::collections::BTreeSet;
use std::sync::OnceLock;

use crate::expr;
use crate::grid::{row_number, Row, Sheet};
use crate::model::{Budget, Goal, Ignored, Input, Issue, ProjectInput, Stated};
use crate::FileError;

use funds::is_funds_header;
use header::{find_headers, not_found_message, Columns, Header};
pub use header::{guess, GuessedColumn, HeaderGuess, Mapping};
use rows::RowSet;
use vocab::{key_of, label, plain_first, Field, Key, KEYS};

/// First cells of the row that ends a table and states its total.
const TOTAL_LABELS: [&str; 5] = ["总分", "自评总分", "自评得分", "综合得分", "总得分"];
/// The label of the 年度总体目标 rows (read in `cells`).
const GOALS: &str = "年度总体目标";
/// First cells of a 合计 row: a stated total only in the 得分 column (a sum
/// of the 分值 column is a template leftover).
const SUM_LABELS: [&str; 2] = ["合计", "总计"];

/// Read every indicator block of every sheet, with no column mapping.
pub fn read_sheets(sheets: Vec<Sheet>) -> Result<Input, FileError> {
    read_sheets_mapped(&sheets, &Mapping::default())
}

/// Read every indicator block of every sheet, columns placed by the vocabulary
/// and the user's mapping.
pub fn read_sheets_mapped(sheets: &[Sheet], mapping: &Mapping) -> Result<Input, FileError> {
    read_all(sheets, mapping).map(|(input, _)| input)
}

/// [`read_sheets_mapped`], and per sheet the rows it read (0-based): with the
/// `ignored` rows, every non-empty row (the tests check this on every fixture).
#[doc(hidden)]
pub fn read_sheets_traced(sheets: &[Sheet], mapping: &Mapping) -> Result<(Input, Vec<BTreeSet<usize>>), FileError> {
    let (input, read) = read_all(sheets, mapping)?;
    Ok((input, read.iter().map(|rows| rows.iter().collect()).collect()))
}

fn read_all(sheets: &[Sheet], mapping: &Mapping) -> Result<(Input, Vec<RowSet>), FileError> {
    let mut input = Input::default();
    let mut read_rows = Vec::with_capacity(sheets.len());
    // Rows of sheets without a table: listed on the file's first project.
    let mut orphans: Vec<Ignored> = Vec::new();
    for sheet in sheets {
        let mut used = RowSet::default();
        let headers = continued(sheet, find_headers(sheet, mapping));
        if headers.is_empty() {
            orphans.extend(rows::unused(sheet, 0..sheet.rows_len(), &used));
        }
        let mut start = 0;
        for (i, (h, repeats)) in headers.iter().enumerate() {
            let next = headers.get(i + 1).map_or(sheet.rows_len(), |(n, _)| n.first);
            let block = Block { sheet, start, header: h, repeats, next };
            let (projects, end, block_used) = block.read();
            input.projects.extend(projects);
            used.extend(block_used.iter());
            start = end;
        }
        read_rows.push(used);
    }
    if input.projects.is_empty() {
        return Err(FileError::NoIndicatorTable(not_found_message(sheets, mapping)));
    }
    if input.projects.iter().all(|p| p.indicators.is_empty()) {
        return Err(FileError::NoIndicators);
    }
    if let Some(first) = input.projects.first_mut() {
        first.ignored.extend(orphans);
    }
    Ok((input, read_rows))
}

/// Headers grouped into tables: a header repeated with the same columns, with
/// no 总分 row, 项目名称 label or funds block since the last one (a table that
/// crossed a page), continues that table.
fn continued(sheet: &Sheet, headers: Vec<Header>) -> Vec<(Header, Vec<Header>)> {
    let mut out: Vec<(Header, Vec<Header>)> = Vec::new();
    for h in headers {
        if let Some((prev, repeats)) = out.last_mut() {
            let from = repeats.last().unwrap_or(prev).body;
            let new_form = (from..h.first).any(|r| {
                let cells = sheet.row(r);
                is_funds_header(cells)
                    || first_label(cells).is_some_and(|l| {
                        TOTAL_LABELS.iter().chain(&SUM_LABELS).any(|k| l.starts_with(k))
                            || key_of(&l) == Some(Key::Name)
                    })
            });
            if prev.cols == h.cols && !new_form && h.body > h.first {
                repeats.push(h);
                continue;
            }
        }
        out.push((h, Vec::new()));
    }
    out
}

/// The row's first non-empty label, when it may be a total, a key or
/// 年度总体目标 (all that [`continued`] and [`Block::read`] look for); `None`
/// for a row whose first label cannot be one of them, known from its first
/// character (most rows: no label is normalised).
fn first_label(cells: Row<'_>) -> Option<Cow<'_, str>> {
    static FIRSTS: OnceLock<Vec<char>> = OnceLock::new();
    let firsts = FIRSTS.get_or_init(|| {
        let words = TOTAL_LABELS.iter().chain(&SUM_LABELS).chain(KEYS.iter().map(|(k, _)| k)).chain(&[GOALS]);
        words.filter_map(|w| w.chars().next()).collect()
    });
    for cell in cells.iter() {
        if let Some(c) = plain_first(cell) {
            return firsts.contains(&c).then(|| label(cell).0);
        }
        let l = label(cell).0;
        if !l.is_empty() {
            return Some(l);
        }
    }
    None
}

/// One indicator block: its header and the label cells around it.
struct Block<'a> {
    sheet: &'a Sheet,
    /// First row that may hold this block's labels.
    start: usize,
    header: &'a Header,
    /// The same header repeated further down (the table continues).
    repeats: &'a [Header],
    /// The next block's header row (or the end of the sheet).
    next: usize,
}

/// Figures and names read from label cells around a table, and the rows read.
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
    /// Rows read (as header, indicator, label, budget figure, stated figure).
    used: RowSet,
}

impl Block<'_> {
    fn sheet_name(&self) -> Option<&str> {
        self.sheet.name.as_deref()
    }

    fn issue(&self, r: usize, column: Option<&str>, text: &str) -> Issue {
        Issue::at(self.sheet_name(), Some(row_number(r)), column, text)
    }

    /// Read the block; returns its projects, the first row after its table
    /// and the rows read.
    fn read(&self) -> (Vec<ProjectInput>, usize, RowSet) {
        let cols = &self.header.cols;
        let mut ctx = Context::default();
        ctx.used.extend(self.header.first..self.header.body);
        for h in self.repeats {
            ctx.used.extend(h.first..h.body);
        }
        let mut table_rows = Vec::new();
        let mut label_rows: Vec<usize> = (self.start..self.header.first).collect();
        let mut end = self.next;
        let mut r = self.header.body;
        while r < self.next {
            if ctx.used.contains(r) {
                r += 1;
                continue;
            }
            let cells = self.sheet.row(r);
            let first = first_label(cells);
            let starts = |keys: &[&str]| first.as_ref().is_some_and(|f| keys.iter().any(|k| f.starts_with(k)));
            if starts(&TOTAL_LABELS) || starts(&SUM_LABELS) {
                self.stated_total(r, cols, starts(&SUM_LABELS), &mut ctx);
                end = r + 1;
                break;
            }
            if is_funds_header(cells) {
                end = r;
                break;
            }
            if first.as_deref().is_some_and(|f| key_of(f).is_some() || f == GOALS) {
                // a key/value row inside or below the table (全年预算数,100)
                label_rows.push(r);
            } else {
                table_rows.push(r);
            }
            r += 1;
        }
        // Labels after the table: the sheet's last block takes them.
        let last = self.next >= self.sheet.rows_len();
        if last {
            label_rows.extend(end..self.next);
        }
        self.read_labels(label_rows.into_iter(), &mut ctx);
        let span = self.start..if last { self.sheet.rows_len() } else { end };
        let (mut projects, used) = self.read_table(cols, &table_rows, ctx, span);
        if projects.iter().all(|p| p.indicators.is_empty()) {
            if let Some(p) = projects.first_mut() {
                p.errors.push(self.issue(self.header.first, None, "表头下没有指标行"));
            }
        }
        (projects, end, used)
    }

    /// The 总分 row: the stated total is the 得分 column's number, else the
    /// row's last number. A 合计 row states a total only in the 得分 column:
    /// a sum of the 分值 column is not a total (it is listed as ignored).
    fn stated_total(&self, r: usize, cols: &Columns, sum_row: bool, ctx: &mut Context) {
        let cells = self.sheet.row(r);
        let by_col = cols
            .get(Field::Score)
            .filter(|c| !self.sheet.is_merged_copy(r, *c) || !sum_row)
            .and_then(|c| cells.get(c))
            .and_then(expr::parse_number);
        let last = cells.iter().rev().find_map(expr::parse_number);
        let total = if sum_row { by_col } else { by_col.or(last) };
        if total.is_some() || !sum_row {
            ctx.stated.total = total;
            ctx.stated.total_row = Some(row_number(r));
            ctx.used.insert(r);
        }
    }
}

#[cfg(test)]
mod tests;
