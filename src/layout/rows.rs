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

/// Placeholders a template leaves in cells nobody filled.
pub(super) fn is_placeholder(cell: &str) -> bool {
    let t = cell.trim();
    !t.is_empty()
        && (t == "略"
            || t.chars().all(|c| matches!(c, '…' | '.' | '。' | '-' | '—' | '－' | '─' | '_' | '·' | '/' | '／')))
}

/// A cell with something in it that is not a placeholder.
pub(super) fn is_filled(cell: &str) -> bool {
    !cell.trim().is_empty() && !is_placeholder(cell)
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

/// The rows of `range` that hold something and were not read.
pub(super) fn unused(sheet: &Sheet, range: Range<usize>, used: &BTreeSet<usize>) -> Vec<Ignored> {
    range
        .filter(|r| !used.contains(r))
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
