//! Collecting cells into a sheet, within the limits.

use calamine::Dimensions;

use super::errors::{sheet_too_large, text_too_large, too_many_cells, too_many_rows};
use super::{MAX_CELLS, MAX_TEXT_BYTES};
use crate::grid::Sheet;
use crate::FileError;

/// The non-empty cells of one sheet, sparse, until the extent is known.
pub(super) struct Collector<'a> {
    name: &'a str,
    max_rows: usize,
    cells: Vec<(u32, u32, String)>,
    text_bytes: usize,
}

impl<'a> Collector<'a> {
    pub(super) fn new(name: &'a str, max_rows: usize) -> Self {
        Collector { name, max_rows, cells: Vec::new(), text_bytes: 0 }
    }

    pub(super) fn push(&mut self, row: u32, col: u32, text: String) -> Result<(), FileError> {
        if text.is_empty() {
            return Ok(());
        }
        if row as usize >= self.max_rows {
            return Err(too_many_rows(self.name, self.max_rows));
        }
        if self.cells.len() as u64 >= MAX_CELLS {
            return Err(too_many_cells(self.name));
        }
        self.add_bytes(text.len())?;
        self.cells.push((row, col, text));
        Ok(())
    }

    fn add_bytes(&mut self, n: usize) -> Result<(), FileError> {
        self.text_bytes = self.text_bytes.saturating_add(n);
        if self.text_bytes > MAX_TEXT_BYTES {
            return Err(text_too_large(self.name));
        }
        Ok(())
    }

    /// Lay the cells out on a dense grid and apply the merges.
    pub(super) fn finish(mut self, merges: &[Dimensions]) -> Result<Sheet, FileError> {
        let name = self.name.to_owned();
        let rows = self.cells.iter().map(|&(r, _, _)| r as usize + 1).max().unwrap_or(0);
        let cols = self.cells.iter().map(|&(_, c, _)| c as usize + 1).max().unwrap_or(0);
        if rows > self.max_rows {
            return Err(too_many_rows(self.name, self.max_rows));
        }
        let area = (rows as u64).saturating_mul(cols as u64);
        if area > MAX_CELLS {
            return Err(sheet_too_large(self.name, rows, cols));
        }
        let mut grid = vec![vec![String::new(); cols]; rows];
        for (r, c, text) in std::mem::take(&mut self.cells) {
            if let Some(slot) = grid.get_mut(r as usize).and_then(|row| row.get_mut(c as usize)) {
                *slot = text;
            }
        }
        let mut merged = std::collections::BTreeSet::new();
        let mut copies: u64 = 0;
        for d in merges {
            let (r0, r1) = (d.start.0.min(d.end.0) as usize, d.start.0.max(d.end.0) as usize);
            let (c0, c1) = (d.start.1.min(d.end.1) as usize, d.start.1.max(d.end.1) as usize);
            if r0 >= rows || c0 >= cols {
                continue;
            }
            let (r1, c1) = (r1.min(rows - 1), c1.min(cols - 1));
            let value = grid.get(r0).and_then(|row| row.get(c0)).cloned().unwrap_or_default();
            for r in r0..=r1 {
                for c in c0..=c1 {
                    if (r, c) == (r0, c0) {
                        continue;
                    }
                    copies += 1;
                    if copies > MAX_CELLS {
                        return Err(too_many_cells(self.name));
                    }
                    if let Some(slot) = grid.get_mut(r).and_then(|row| row.get_mut(c)) {
                        self.text_bytes = self.text_bytes.saturating_sub(slot.len());
                        self.add_bytes(value.len())?;
                        slot.clone_from(&value);
                        merged.insert((r, c));
                    }
                }
            }
        }
        trim(&mut grid);
        merged.retain(|&(r, c)| grid.get(r).is_some_and(|row| c < row.len()));
        Ok(Sheet { name: Some(name), rows: grid, merged })
    }
}

/// Drop trailing empty rows and columns (a merge with an empty top-left can
/// leave them), keeping rows rectangular.
fn trim(grid: &mut Vec<Vec<String>>) {
    while grid.last().is_some_and(|row| row.iter().all(String::is_empty)) {
        grid.pop();
    }
    let cols = grid.iter().filter_map(|row| row.iter().rposition(|c| !c.is_empty())).max().map_or(0, |c| c + 1);
    for row in grid.iter_mut() {
        row.truncate(cols);
    }
}

pub(super) fn empty_sheet(name: String) -> Sheet {
    Sheet { name: Some(name), ..Sheet::default() }
}
