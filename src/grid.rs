//! A sheet of cells as text: what the text and workbook readers produce and
//! what the layout step reads. Row `i` of `rows` is the user's row `i + 1`.

use std::collections::BTreeSet;

/// One sheet (a CSV file is one unnamed sheet).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Sheet {
    /// Workbook sheet name; `None` for text input.
    pub name: Option<String>,
    /// Cells as the user sees them. Merged cells: every cell of the merge
    /// holds the top-left value, and `merged` marks the copies.
    pub rows: Vec<Vec<String>>,
    /// (row, col) of cells whose value is a copy from a merge (0-based).
    pub merged: BTreeSet<(usize, usize)>,
}

/// The row number the user sees (1-based) for the sheet row index `index`
/// (0-based), as written in messages and in `row` fields.
pub fn row_number(index: usize) -> u32 {
    u32::try_from(index.saturating_add(1)).unwrap_or(u32::MAX)
}

impl Sheet {
    /// The cell at (row, col), "" outside the sheet.
    pub fn cell(&self, row: usize, col: usize) -> &str {
        self.rows.get(row).and_then(|r| r.get(col)).map(String::as_str).unwrap_or("")
    }

    /// Is (row, col) a copy of a merged cell's value?
    pub fn is_merged_copy(&self, row: usize, col: usize) -> bool {
        self.merged.contains(&(row, col))
    }
}
