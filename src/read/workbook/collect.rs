//! Collecting cells into a sheet, within the limits.

use calamine::Dimensions;

use super::errors::{sheet_too_large, text_too_large, too_many_cells, too_many_rows};
use super::{MAX_CELLS, MAX_TEXT_BYTES};
use crate::grid::{Sheet, SheetBuilder};
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
        let rows = self.cells.iter().map(|&(r, _, _)| r as usize + 1).max().unwrap_or(0);
        let cols = self.cells.iter().map(|&(_, c, _)| c as usize + 1).max().unwrap_or(0);
        if rows > self.max_rows {
            return Err(too_many_rows(self.name, self.max_rows));
        }
        let area = (rows as u64).saturating_mul(cols as u64);
        if area > MAX_CELLS {
            return Err(sheet_too_large(self.name, rows, cols));
        }
        // Each slot: the index of its cell in `self.cells`, or none.
        let mut grid: Vec<Option<usize>> = vec![None; rows * cols];
        for (i, &(r, c, _)) in self.cells.iter().enumerate() {
            if let Some(slot) = grid.get_mut(r as usize * cols + c as usize) {
                *slot = Some(i);
            }
        }
        let len =
            |cells: &[(u32, u32, String)], i: Option<usize>| i.and_then(|i| cells.get(i)).map_or(0, |c| c.2.len());
        let mut merged = std::collections::BTreeSet::new();
        let mut copies: u64 = 0;
        for d in merges {
            let (r0, r1) = (d.start.0.min(d.end.0) as usize, d.start.0.max(d.end.0) as usize);
            let (c0, c1) = (d.start.1.min(d.end.1) as usize, d.start.1.max(d.end.1) as usize);
            if r0 >= rows || c0 >= cols {
                continue;
            }
            let (r1, c1) = (r1.min(rows - 1), c1.min(cols - 1));
            let value = grid.get(r0 * cols + c0).copied().flatten();
            for r in r0..=r1 {
                for c in c0..=c1 {
                    if (r, c) == (r0, c0) {
                        continue;
                    }
                    copies += 1;
                    if copies > MAX_CELLS {
                        return Err(too_many_cells(self.name));
                    }
                    if let Some(slot) = grid.get_mut(r * cols + c) {
                        self.text_bytes = self.text_bytes.saturating_sub(len(&self.cells, *slot));
                        self.add_bytes(len(&self.cells, value))?;
                        *slot = value;
                        merged.insert((r, c));
                    }
                }
            }
        }
        // Trailing empty rows and columns go (a merge with an empty top-left
        // can leave them); rows stay rectangular.
        let row_of = |r: usize| grid.get(r * cols..(r + 1) * cols).unwrap_or_default();
        let rows = (0..rows).rposition(|r| row_of(r).iter().any(Option::is_some)).map_or(0, |r| r + 1);
        let cols = (0..rows).filter_map(|r| row_of(r).iter().rposition(Option::is_some)).max().map_or(0, |c| c + 1);
        let mut sheet = SheetBuilder::with_capacity(self.text_bytes, rows * cols);
        for r in 0..rows {
            for slot in row_of(r).iter().take(cols) {
                sheet.push_cell(slot.and_then(|i| self.cells.get(i)).map_or("", |c| c.2.as_str()));
            }
            sheet.end_row();
        }
        let mut sheet = sheet.finish(Some(self.name.to_owned()))?;
        merged.retain(|&(r, c)| r < rows && c < cols);
        sheet.merged = merged;
        Ok(sheet)
    }
}

pub(super) fn empty_sheet(name: String) -> Sheet {
    Sheet::from_rows(Some(name), Vec::<Vec<&str>>::new())
}
