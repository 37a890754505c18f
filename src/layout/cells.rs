//! Label/value cells around a table: 项目名称 / 主管部门 / 实施单位, key/value
//! budget rows (above, below or inside the table), stated figures, 年度总体目标
//! rows and title rows.

use super::funds::{is_funds_header, money, unit_of};
use super::rows::is_title;
use super::vocab::{field_of, key_of, label, Key};
use super::{Block, Context, GOALS};
use crate::expr;
use crate::grid::row_number;
use crate::model::Goal;

/// Rows under a 年度总体目标 label that may hold goals.
const GOAL_ROWS: usize = 5;

impl Block<'_> {
    pub(super) fn read_labels(&self, rows: impl Iterator<Item = usize>, ctx: &mut Context) {
        for r in rows {
            if ctx.used.contains(r) {
                continue;
            }
            let cells = self.sheet.row(r);
            if is_funds_header(cells) {
                self.funds_block(r, ctx);
                continue;
            }
            if is_title(cells) {
                ctx.used.insert(r);
                self.funds_title(r, ctx);
                continue;
            }
            for (c, cell) in cells.iter().enumerate() {
                let (l, in_yuan) = label(cell);
                if l.is_empty() || self.sheet.is_merged_copy(r, c) {
                    continue;
                }
                if l == GOALS {
                    ctx.used.insert(r);
                    self.goals(r, ctx);
                    continue;
                }
                let Some(key) = key_of(cell) else { continue };
                ctx.used.insert(r);
                // A header cell is a label, never a value.
                let Some(value) = self.next_value(r, c) else { continue };
                let value = value.trim().to_owned();
                match key {
                    Key::Name => ctx.name = ctx.name.clone().or(Some(value)),
                    Key::Department => ctx.department = ctx.department.clone().or(Some(value)),
                    Key::Implementer => ctx.implementer = ctx.implementer.clone().or(Some(value)),
                    Key::Initial | Key::Adjusted | Key::Executed => {
                        let Some(v) = money(&value, in_yuan) else {
                            ctx.errors.push(self.issue(r, Some(&l), &format!("“{value}”不是数字")));
                            continue;
                        };
                        let slot = match key {
                            Key::Initial => &mut ctx.budget.initial,
                            Key::Adjusted => &mut ctx.budget.adjusted,
                            _ => &mut ctx.budget.executed,
                        };
                        if key == Key::Adjusted && slot.is_none() {
                            ctx.budget.unit = unit_of(&value, in_yuan);
                        }
                        *slot = slot.or(Some(v));
                        if key != Key::Initial && ctx.budget.row.is_none() {
                            ctx.budget.row = Some(row_number(r));
                        }
                    }
                    Key::Weight | Key::Rate | Key::ExecScore | Key::Total => {
                        let Some(n) = expr::parse_number(&value) else {
                            ctx.errors.push(self.issue(r, Some(&l), &format!("“{value}”不是数字")));
                            continue;
                        };
                        let slot = match key {
                            Key::Weight => &mut ctx.budget.weight,
                            Key::Rate => &mut ctx.stated.rate,
                            Key::ExecScore => &mut ctx.stated.execution_score,
                            _ => &mut ctx.stated.total,
                        };
                        *slot = slot.or(Some(n));
                        if key == Key::Total && ctx.stated.total_row.is_none() {
                            ctx.stated.total_row = Some(row_number(r));
                        }
                    }
                }
            }
        }
    }

    /// 年度总体目标: the rows under the label hold (预期目标, 实际完成情况)
    /// pairs; read the non-empty cells of the next rows until a blank row or
    /// another label row.
    fn goals(&self, r: usize, ctx: &mut Context) {
        for rr in r + 1..(r + 1 + GOAL_ROWS).min(self.header.first) {
            // merged cells (年度总体目标 down the rows, 预期目标 across) count once
            let cells: Vec<&str> = self
                .sheet
                .row(rr)
                .iter()
                .enumerate()
                .filter(|(c, _)| !self.sheet.is_merged_copy(rr, *c))
                .map(|(_, c)| c.trim())
                .filter(|c| !c.is_empty())
                .collect();
            let (Some(first), rest) = (cells.first(), cells.get(1..).unwrap_or(&[])) else { break };
            if field_of(first).is_some() || key_of(first).is_some() || is_funds_header(self.sheet.row(rr)) {
                break;
            }
            ctx.used.insert(rr);
            ctx.goals.push(Goal { expected: (*first).to_owned(), actual: rest.join(" ") });
        }
    }

    /// The value of the label at (r, c): the next non-empty cell to its
    /// right that is not a copy of a merged label, unless that cell is
    /// another label (a blank 主管部门 beside 实施单位).
    fn next_value(&self, r: usize, c: usize) -> Option<&str> {
        let (_, value) = self
            .sheet
            .row(r)
            .iter()
            .enumerate()
            .skip(c + 1)
            .find(|(cc, v)| !v.trim().is_empty() && !self.sheet.is_merged_copy(r, *cc))?;
        (key_of(value).is_none() && field_of(value).is_none()).then_some(value)
    }
}
