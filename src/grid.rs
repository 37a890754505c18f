//! A sheet of cells as text: what the text and workbook readers produce and
//! what the layout step reads. Row `i` is the user's row `i + 1`.
//!
//! The cells live in one text buffer, each a span of it: a sheet of 100 000
//! rows is three allocations, not a million (building and dropping that many
//! small strings cost more than reading the file, in wasm most of all).

use std::collections::BTreeSet;
use std::fmt;

use crate::error::FileError;

/// One sheet (a CSV file is one unnamed sheet).
#[derive(Clone, PartialEq)]
pub struct Sheet {
    /// Workbook sheet name; `None` for text input.
    pub name: Option<String>,
    /// (row, col) of cells whose value is a copy from a merge (0-based).
    /// Merged cells: every cell of the merge holds the top-left value, and
    /// `merged` marks the copies.
    pub merged: BTreeSet<(usize, usize)>,
    /// Every cell's text, one after the other.
    text: String,
    /// Cell `i` is `text[bounds[i]..bounds[i + 1]]`.
    bounds: Vec<u32>,
    /// Row `r` is cells `rows[r]..rows[r + 1]`.
    rows: Vec<u32>,
}

/// The row number the user sees (1-based) for the sheet row index `index`
/// (0-based), as written in messages and in `row` fields.
pub fn row_number(index: usize) -> u32 {
    u32::try_from(index.saturating_add(1)).unwrap_or(u32::MAX)
}

impl Default for Sheet {
    fn default() -> Self {
        SheetBuilder::default().sheet(None)
    }
}

impl Sheet {
    /// A sheet of these rows (tests, small sheets: past 4 GB of text the
    /// cells read wrong, never panic; readers use [`SheetBuilder::finish`]).
    pub fn from_rows<R, C>(name: Option<String>, rows: R) -> Sheet
    where
        R: IntoIterator<Item = C>,
        C: IntoIterator,
        C::Item: AsRef<str>,
    {
        let mut b = SheetBuilder::default();
        for row in rows {
            for cell in row {
                b.push_cell(cell.as_ref());
            }
            b.end_row();
        }
        b.sheet(name)
    }

    /// How many rows the sheet has.
    pub fn rows_len(&self) -> usize {
        self.rows.len().saturating_sub(1)
    }

    /// Row `r`; an empty row outside the sheet.
    pub fn row(&self, r: usize) -> Row<'_> {
        let span = |i: usize| self.rows.get(i).map(|&c| c as usize);
        let bounds = match (span(r), span(r + 1)) {
            (Some(a), Some(b)) => self.bounds.get(a..=b).unwrap_or(&[]),
            _ => &[],
        };
        Row { text: &self.text, bounds }
    }

    /// Every row, top to bottom.
    pub fn rows(&self) -> impl Iterator<Item = Row<'_>> + '_ {
        (0..self.rows_len()).map(|r| self.row(r))
    }

    /// The cell at (row, col), "" outside the sheet.
    pub fn cell(&self, row: usize, col: usize) -> &str {
        self.row(row).get(col).unwrap_or("")
    }

    /// Is (row, col) a copy of a merged cell's value?
    pub fn is_merged_copy(&self, row: usize, col: usize) -> bool {
        self.merged.contains(&(row, col))
    }
}

impl fmt::Debug for Sheet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Sheet")
            .field("name", &self.name)
            .field("rows", &self.rows().map(|r| r.to_vec()).collect::<Vec<_>>())
            .field("merged", &self.merged)
            .finish()
    }
}

/// One row of a sheet: its cells as `&str`.
#[derive(Clone, Copy)]
pub struct Row<'a> {
    text: &'a str,
    /// Cell `i` is `text[bounds[i]..bounds[i + 1]]` (empty for an empty row).
    bounds: &'a [u32],
}

impl<'a> Row<'a> {
    /// How many cells the row has (trailing empty ones included).
    pub fn len(&self) -> usize {
        self.bounds.len().saturating_sub(1)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Cell `c`, `None` past the row's end.
    pub fn get(&self, c: usize) -> Option<&'a str> {
        let (a, b) = (*self.bounds.get(c)?, *self.bounds.get(c + 1)?);
        self.text.get(a as usize..b as usize)
    }

    /// The cells, left to right.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = &'a str> + ExactSizeIterator + Clone + 'a {
        let text = self.text;
        self.bounds.windows(2).map(move |w| match w {
            [a, b] => text.get(*a as usize..*b as usize).unwrap_or(""),
            _ => "",
        })
    }

    /// The row's cells, one after the other, as one text (to search a row
    /// for a character at once).
    pub fn joined(&self) -> &'a str {
        let (Some(&a), Some(&b)) = (self.bounds.first(), self.bounds.last()) else { return "" };
        self.text.get(a as usize..b as usize).unwrap_or("")
    }

    /// The cells, copied into a vector (tests, messages).
    pub fn to_vec(&self) -> Vec<&'a str> {
        self.iter().collect()
    }
}

impl fmt::Debug for Row<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

/// Builds a sheet cell by cell, row by row: what every reader writes to.
#[derive(Debug)]
pub struct SheetBuilder {
    text: String,
    bounds: Vec<u32>,
    rows: Vec<u32>,
    /// The text or the cell count passed `u32::MAX`.
    overflow: bool,
}

impl Default for SheetBuilder {
    fn default() -> Self {
        SheetBuilder::with_capacity(0, 0)
    }
}

impl SheetBuilder {
    /// A builder sized for about `text` bytes in `cells` cells.
    pub fn with_capacity(text: usize, cells: usize) -> Self {
        let mut bounds = Vec::with_capacity(cells.saturating_add(1));
        bounds.push(0);
        SheetBuilder { text: String::with_capacity(text), bounds, rows: vec![0], overflow: false }
    }

    /// Add a cell to the current row.
    pub fn push_cell(&mut self, cell: &str) {
        self.text.push_str(cell);
        let end = u32::try_from(self.text.len()).unwrap_or_else(|_| {
            self.overflow = true;
            u32::MAX
        });
        self.bounds.push(end);
    }

    /// End the current row.
    pub fn end_row(&mut self) {
        let cells = u32::try_from(self.bounds.len().saturating_sub(1)).unwrap_or_else(|_| {
            self.overflow = true;
            u32::MAX
        });
        self.rows.push(cells);
    }

    /// Rows ended so far.
    pub fn rows_len(&self) -> usize {
        self.rows.len().saturating_sub(1)
    }

    /// Do the rows ended so far hold nothing but white space?
    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }

    /// The sheet, or an error when it holds more than 4 GB of text.
    pub fn finish(self, name: Option<String>) -> Result<Sheet, FileError> {
        if self.overflow {
            return Err(FileError::TooLarge { size_mb: "4096+".into(), limit_mb: "4096".into() });
        }
        Ok(self.sheet(name))
    }

    /// The sheet, ignoring an overflow (only for sheets known to be small).
    fn sheet(self, name: Option<String>) -> Sheet {
        Sheet { name, merged: BTreeSet::new(), text: self.text, bounds: self.bounds, rows: self.rows }
    }
}
