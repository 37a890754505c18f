//! Nothing dropped silently (INPUT.md): every non-empty row a block does not
//! read is listed as ignored, with its row number and first cells; template
//! leftovers ("……", "——", "略") and title rows are recognised here.

use std::collections::BTreeSet;
use std::ops::Range;

use crate::grid::{row_number, Row, Sheet};
use crate::model::Ignored;

/// Cells shown for an ignored row.
const SHOWN_CELLS: usize = 3;
/// Characters of a cell shown for an ignored row.
const SHOWN_CHARS: usize = 20;

/// Placeholders a template leaves in cells nobody filled (`t` trimmed).
pub(super) fn is_placeholder(t: &str) -> bool {
    !t.is_empty()
        && (t == "略"
            || t.chars().all(|c| matches!(c, '…' | '.' | '。' | '-' | '—' | '－' | '─' | '_' | '·' | '/' | '／')))
}

/// A cell trimmed; a placeholder ("……") reads as blank.
pub(super) fn filled(cell: &str) -> &str {
    let t = trim(cell);
    if is_placeholder(t) {
        ""
    } else {
        t
    }
}

/// `cell.trim()`, without decoding a character when the cell starts and
/// ends with one that cannot be white space: ASCII other than 9..=13 and
/// space, or U+4000 and above (lead byte 0xE4 or more; Unicode's white
/// space ends at U+3000). Most cells of a form are such.
pub(super) fn trim(cell: &str) -> &str {
    let plain = |b: u8| if b.is_ascii() { !matches!(b, 9..=13 | b' ') } else { b >= 0xE4 };
    let b = cell.as_bytes();
    // The last character's first byte: at most three continuation bytes back.
    let last = b.iter().rev().take(4).find(|x| **x & 0xC0 != 0x80);
    match (b.first(), last) {
        (Some(&f), Some(&l)) if plain(f) && plain(l) => cell,
        _ => cell.trim(),
    }
}

/// A title row: one text (merged across the row, or alone) that names the
/// form ("项目支出绩效自评表", "（2024年度）", "单位：万元", "填报单位：…",
/// "预算执行情况（20分）").
pub(super) fn is_title(cells: Row<'_>) -> bool {
    let texts: BTreeSet<&str> = cells.iter().map(|c| c.trim()).filter(|c| !c.is_empty()).collect();
    let [t] = texts.into_iter().collect::<Vec<_>>()[..] else { return false };
    let core = t.trim_matches(|c: char| matches!(c, '(' | ')' | '（' | '）' | ' '));
    t.ends_with('表')
        || core.ends_with("年度")
        || ["单位：", "单位:", "填报单位", "金额单位"].iter().any(|w| t.starts_with(w))
        || t.contains("预算执行情况")
}

/// Rows read, as flags from the first one inserted (a block's rows lie
/// together; a set of a sheet's 100 000 rows is 100 000 bytes, not a tree).
#[derive(Debug, Default)]
pub(super) struct RowSet {
    from: usize,
    flags: Vec<bool>,
}

impl RowSet {
    pub(super) fn insert(&mut self, r: usize) {
        if self.flags.is_empty() {
            self.from = r;
        } else if r < self.from {
            self.flags.splice(0..0, std::iter::repeat_n(false, self.from - r));
            self.from = r;
        }
        let i = r - self.from;
        if i >= self.flags.len() {
            self.flags.resize(i + 1, false);
        }
        if let Some(f) = self.flags.get_mut(i) {
            *f = true;
        }
    }

    pub(super) fn contains(&self, r: usize) -> bool {
        r.checked_sub(self.from).and_then(|i| self.flags.get(i)).is_some_and(|f| *f)
    }

    pub(super) fn extend(&mut self, rows: impl IntoIterator<Item = usize>) {
        for r in rows {
            self.insert(r);
        }
    }

    /// The rows, in order.
    pub(super) fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.flags.iter().enumerate().filter(|(_, f)| **f).map(|(i, _)| self.from + i)
    }
}

/// The rows of `range` that hold something and were not read.
pub(super) fn unused(sheet: &Sheet, range: Range<usize>, used: &RowSet) -> Vec<Ignored> {
    range
        .filter(|r| !used.contains(*r))
        .filter_map(|r| {
            let cells: Vec<String> = sheet
                .row(r)
                .iter()
                .enumerate()
                .filter(|(c, v)| !v.trim().is_empty() && !sheet.is_merged_copy(r, *c))
                .map(|(_, v)| v.trim().to_owned())
                .collect();
            if cells.is_empty() {
                return None;
            }
            Some(ignored(sheet.name.as_deref(), row_number(r), cells))
        })
        .collect()
}

fn ignored(sheet: Option<&str>, row: u32, mut cells: Vec<String>) -> Ignored {
    let more = cells.len() > SHOWN_CELLS;
    cells.truncate(SHOWN_CELLS);
    let shown: Vec<String> = cells
        .iter()
        .map(|c| {
            let short: String = c.chars().take(SHOWN_CHARS).collect();
            if short.len() < c.len() {
                format!("「{short}…」")
            } else {
                format!("「{short}」")
            }
        })
        .collect();
    let place = sheet.map(|s| format!("工作表「{s}」")).unwrap_or_default();
    let message = format!("{place}第 {row} 行未使用：{}{}", shown.join(""), if more { "…" } else { "" });
    Ignored { sheet: sheet.map(str::to_owned), row, cells, message }
}
