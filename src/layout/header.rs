//! Finding an indicator header: one row, or two when the next row refines it
//! (绩效指标 over 一级/二级/三级指标, 年度指标值 over 指标性质 / 指标值 /
//! 度量单位), with the user's column mapping (`--map`, the page's panel)
//! applied; and, when none is found, the message that says what was found and
//! what is missing, with the best guess the page prefills its panel with.

use std::collections::BTreeMap;

use serde::Serialize;

use super::vocab::{
    field_key, field_name, field_of, holds_mark, key_of, label, names, parse_field, Field, MAPPABLE, REQUIRED,
};
use crate::grid::{row_number, Row, Sheet};
use crate::model::Issue;
use crate::FileError;

/// The columns of an indicator header.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Columns {
    pub(super) cols: Vec<(Field, usize)>,
    /// Budget columns on indicator rows are in 元.
    pub(super) budget_in_yuan: bool,
}

impl Columns {
    pub(super) fn of(row: &[&str]) -> Columns {
        let mut c = Columns::default();
        for (i, cell) in row.iter().enumerate() {
            if let Some(f) = field_of(cell) {
                // the first column with a given meaning wins
                if c.get(f).is_none() {
                    c.cols.push((f, i));
                    if matches!(f, Field::Budget | Field::Executed) && label(cell).1 {
                        c.budget_in_yuan = true;
                    }
                }
            }
        }
        c
    }
    pub(super) fn get(&self, f: Field) -> Option<usize> {
        self.cols.iter().find(|(g, _)| *g == f).map(|(_, i)| *i)
    }
    pub(super) fn is_header(&self) -> bool {
        REQUIRED.iter().all(|f| self.get(*f).is_some())
    }
    /// Put `f` in column `col`; the mapping wins over what the header said.
    fn set(&mut self, f: Field, col: usize) {
        self.cols.retain(|(g, c)| *g != f && *c != col);
        self.cols.push((f, col));
    }
    /// Table fields (not the budget columns) found.
    fn known(&self) -> usize {
        self.cols.iter().filter(|(f, _)| !matches!(f, Field::Budget | Field::Executed | Field::Project)).count()
    }
}

/// Where a mapped field is: a header text or a column position.
#[derive(Debug, Clone, PartialEq)]
enum ColumnRef {
    Index(usize),
    Header(String),
}

/// The user's column mapping, resolved: field → column.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Mapping {
    entries: Vec<(Field, ColumnRef)>,
}

impl Mapping {
    /// `{"年度指标值": "年初目标值(A)", "实际完成值": "E"}`: a field (any of its
    /// Chinese names, or its JSON name) → a header text or a column letter
    /// (A, B … AA) or number (1-based).
    pub fn parse(map: &BTreeMap<String, String>) -> Result<Mapping, FileError> {
        let mut entries = Vec::new();
        for (k, v) in map {
            let Some(f) = parse_field(k) else {
                let known: Vec<&str> = MAPPABLE.iter().map(|f| field_name(*f)).collect();
                return Err(FileError::Mapping(format!("不认识的字段“{k}”（可用：{}）", known.join("、"))));
            };
            let v = v.trim();
            if v.is_empty() {
                return Err(FileError::Mapping(format!("「{k}」没有给出表头或列号")));
            }
            entries.push((
                f,
                column_index(v).map_or_else(|| ColumnRef::Header(label(v).0.into_owned()), ColumnRef::Index),
            ));
        }
        Ok(Mapping { entries })
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The columns of `row` with the mapping applied, and how many of its
    /// cells name a field (by the vocabulary or a mapped header text).
    fn apply(&self, row: &[&str]) -> (Columns, usize) {
        let mut cols = Columns::of(row);
        let mut named = cols.known();
        for (f, at) in &self.entries {
            match at {
                ColumnRef::Index(i) => cols.set(*f, *i),
                ColumnRef::Header(h) => {
                    if let Some(i) = row.iter().position(|c| !h.is_empty() && label(c).0 == *h) {
                        if cols.get(*f) != Some(i) {
                            named += 1;
                        }
                        cols.set(*f, i);
                    }
                }
            }
        }
        (cols, named)
    }

    /// A mapping that places every required field by position: a table with
    /// no header row.
    fn positional(&self) -> Option<Columns> {
        let mut cols = Columns::default();
        for (f, at) in &self.entries {
            if let ColumnRef::Index(i) = at {
                cols.set(*f, *i);
            }
        }
        cols.is_header().then_some(cols)
    }
}

/// "D" → 3, "AA" → 26, "4" → 3.
fn column_index(v: &str) -> Option<usize> {
    if let Ok(n) = v.parse::<usize>() {
        return n.checked_sub(1);
    }
    if v.is_empty() || v.len() > 3 || !v.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let n = v.to_ascii_uppercase().bytes().fold(0usize, |n, b| n * 26 + usize::from(b - b'A' + 1));
    n.checked_sub(1)
}

/// An indicator header: rows `first..body` (none for a table mapped by
/// position), its columns, and the first row after it.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Header {
    pub(super) first: usize,
    pub(super) body: usize,
    pub(super) cols: Columns,
}

/// Two header rows read as one: the lower cell where it has text, else the
/// upper (the merged cell beside it).
fn combine<'a>(upper: Row<'a>, lower: Row<'a>) -> Vec<&'a str> {
    (0..upper.len().max(lower.len()))
        .map(|c| {
            let low = lower.get(c).map(str::trim).unwrap_or("");
            if low.is_empty() {
                upper.get(c).unwrap_or_default()
            } else {
                low
            }
        })
        .collect()
}

/// Does `row` only name columns (so it refines the header above it)?
fn refines(row: Row<'_>) -> bool {
    let texts: Vec<&str> = row.iter().filter(|c| !c.trim().is_empty()).collect();
    texts.len() >= 2 && texts.iter().all(|c| field_of(c).is_some() || label(c).0 == "绩效指标")
}

/// The header starting at row `r`, if any.
pub(super) fn header_at(sheet: &Sheet, r: usize, mapping: &Mapping) -> Option<Header> {
    let looks = |(cols, named): (Columns, usize)| (cols.is_header() && named >= 2).then_some(cols);
    let single = looks(mapping.apply(&sheet.row(r).to_vec()));
    if let Some(cols) = two_rows(sheet, r).and_then(|both| looks(mapping.apply(&both))) {
        if single.as_ref() != Some(&cols) {
            return Some(Header { first: r, body: r + 2, cols });
        }
    }
    single.map(|cols| Header { first: r, body: r + 1, cols })
}

/// Rows `r` and `r + 1` read as one header, when the upper names a column
/// (or is 绩效指标) and holds no label key, and the lower refines it.
fn two_rows(sheet: &Sheet, r: usize) -> Option<Vec<&str>> {
    let (upper, lower) = (sheet.row(r), sheet.row(r + 1));
    let names = upper.iter().any(|c| {
        field_of(c).is_some_and(|f| !matches!(f, Field::Budget | Field::Executed | Field::Project))
            || label(c).0 == "绩效指标"
    });
    (names && !upper.iter().any(|c| key_of(c).is_some()) && refines(lower)).then(|| combine(upper, lower))
}

/// Every header of a sheet, top to bottom; for a table mapped by position
/// with no header row, one header before the first row.
pub(super) fn find_headers(sheet: &Sheet, mapping: &Mapping) -> Vec<Header> {
    let mut out = Vec::new();
    let mut r = 0;
    // The marks of the row below the last one tested (a row is searched
    // for a group once).
    let mut below: Option<Marks> = None;
    while r < sheet.rows_len() {
        // Without a mapping, most rows fail a character test and skip the labels.
        if mapping.is_empty() {
            let mut here = below.take().filter(|m| m.r == r).unwrap_or_else(|| Marks::of(sheet, r));
            let mut next = Marks::of(sheet, r + 1);
            let all = MARKS_ORDER.iter().all(|&k| here.holds(k) || next.holds(k));
            below = Some(next);
            if !all {
                r += 1;
                continue;
            }
        }
        match header_at(sheet, r, mapping) {
            Some(h) => {
                r = h.body;
                out.push(h);
            }
            None => r += 1,
        }
    }
    if out.is_empty() {
        if let Some(cols) = mapping.positional() {
            out.push(Header { first: 0, body: 0, cols });
        }
    }
    out
}

/// The groups of `REQUIRED_MARKS` in the order searched: 值 first, which
/// indicator rows seldom hold, so most rows are searched for it alone.
const MARKS_ORDER: [usize; 3] = [1, 2, 0];

/// The groups of `REQUIRED_MARKS` row `r` holds, each searched when first asked.
struct Marks<'a> {
    r: usize,
    row: Row<'a>,
    searched: u8,
    held: u8,
}

impl<'a> Marks<'a> {
    fn of(sheet: &'a Sheet, r: usize) -> Self {
        Marks { r, row: sheet.row(r), searched: 0, held: 0 }
    }

    fn holds(&mut self, k: usize) -> bool {
        let bit = 1 << k;
        if self.searched & bit == 0 {
            self.searched |= bit;
            if holds_mark(self.row, k) {
                self.held |= bit;
            }
        }
        self.held & bit != 0
    }
}

/// The best guess at a header the vocabulary did not fully recognise: what
/// the page prefills its mapping panel with.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HeaderGuess {
    pub sheet: Option<String>,
    /// The row as the spreadsheet shows it (1-based).
    pub row: u32,
    /// The header cells (two header rows read as one).
    pub cells: Vec<String>,
    /// Each mappable field (JSON name) → its guessed column (0-based), or none.
    pub columns: Vec<GuessedColumn>,
    /// Required fields not found.
    pub missing: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GuessedColumn {
    pub field: &'static str,
    pub name: &'static str,
    pub required: bool,
    pub column: Option<usize>,
}

/// The row most like a header: the most recognised cells (two rows read as
/// one when the next refines it); else the first row with three or more cells.
pub fn guess(sheets: &[Sheet], mapping: &Mapping) -> Option<HeaderGuess> {
    let mut best: Option<(usize, HeaderGuess)> = None;
    for sheet in sheets {
        for r in 0..sheet.rows_len() {
            let row = two_rows(sheet, r).unwrap_or_else(|| sheet.row(r).to_vec());
            let (cols, named) = mapping.apply(&row);
            let filled = row.iter().filter(|c| !c.trim().is_empty()).count();
            let rank = if named > 0 {
                1000 + named
            } else if filled >= 3 {
                1
            } else {
                0
            };
            if rank > best.as_ref().map_or(0, |b| b.0) {
                best = Some((rank, make_guess(sheet, r, &row, &cols)));
            }
        }
    }
    best.map(|(_, g)| g)
}

fn make_guess(sheet: &Sheet, r: usize, row: &[&str], cols: &Columns) -> HeaderGuess {
    let columns = MAPPABLE
        .iter()
        .map(|f| GuessedColumn {
            field: field_key(*f),
            name: field_name(*f),
            required: REQUIRED.contains(f),
            column: cols.get(*f),
        })
        .collect();
    let missing = REQUIRED.iter().filter(|f| cols.get(**f).is_none()).map(|f| field_name(*f).to_owned()).collect();
    HeaderGuess {
        sheet: sheet.name.clone(),
        row: row_number(r),
        cells: row.iter().map(|c| (*c).to_owned()).collect(),
        columns,
        missing,
    }
}

/// INPUT.md "When the header is not recognised": the cells found and the
/// names expected for each missing field.
pub(super) fn not_found_message(sheets: &[Sheet], mapping: &Mapping) -> String {
    let Some(g) = guess(sheets, mapping) else {
        return "表格中没有文字".to_owned();
    };
    let found: Vec<String> =
        g.cells.iter().map(|c| c.trim()).filter(|c| !c.is_empty()).take(12).map(|c| format!("「{c}」")).collect();
    let missing: Vec<String> = REQUIRED
        .iter()
        .filter(|f| g.missing.iter().any(|m| m == field_name(**f)))
        .map(|f| format!("「{}」（可写作：{}）", field_name(*f), names(*f).join("、")))
        .collect();
    let place = Issue::at(g.sheet.as_deref(), Some(g.row), None, "").message;
    format!("{place}表头为{}，缺少{}列。请改用这些列名，或指定各列对应的表头", found.join(""), missing.join(""))
}
