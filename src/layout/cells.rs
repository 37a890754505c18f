//! Label/value cells around a table: 项目名称 / 主管部门 / 实施单位, key/value
//! budget rows, 年度总体目标 rows.

use super::funds::{is_funds_header, to_wan};
use super::vocab::{field_of, label, Key, KEYS};
use super::{row, Block, Context};
use crate::expr;
use crate::grid::row_number;
use crate::model::Goal;

/// Rows under a 年度总体目标 label that may hold goals.
const GOAL_ROWS: usize = 5;

impl Block<'_> {
    pub(super) fn read_labels(&self, rows: impl Iterator<Item = usize>, ctx: &mut Context) {
        for r in rows {
            let cells = row(self.sheet, r);
            if is_funds_header(cells) {
                self.funds_block(r, ctx);
                continue;
            }
            for (c, cell) in cells.iter().enumerate() {
                let (l, in_yuan) = label(cell);
                if l.is_empty() || self.sheet.is_merged_copy(r, c) {
                    continue;
                }
                if l == "年度总体目标" {
                    self.goals(r, ctx);
                    continue;
                }
                let Some(key) = KEYS.iter().find(|(k, _)| *k == l).map(|(_, k)| *k) else { continue };
                let Some(value) = self.next_value(r, c) else { continue };
                let value = value.trim().to_owned();
                match key {
                    Key::Name => ctx.name = ctx.name.clone().or(Some(value)),
                    Key::Department => ctx.department = ctx.department.clone().or(Some(value)),
                    Key::Implementer => ctx.implementer = ctx.implementer.clone().or(Some(value)),
                    _ => {
                        let Some(n) = expr::parse_number(&value) else {
                            ctx.errors.push(self.issue(r, Some(&l), &format!("“{value}”不是数字")));
                            continue;
                        };
                        let money = to_wan(n, in_yuan);
                        let slot = match key {
                            Key::Initial => &mut ctx.budget.initial,
                            Key::Adjusted => &mut ctx.budget.adjusted,
                            Key::Executed => &mut ctx.budget.executed,
                            Key::Weight => &mut ctx.budget.weight,
                            Key::Rate => &mut ctx.stated.rate,
                            Key::ExecScore => &mut ctx.stated.execution_score,
                            Key::Total => &mut ctx.stated.total,
                            Key::Name | Key::Department | Key::Implementer => continue,
                        };
                        if slot.is_none() {
                            *slot = Some(if matches!(key, Key::Initial | Key::Adjusted | Key::Executed) {
                                money
                            } else {
                                n
                            });
                        }
                        if matches!(key, Key::Adjusted | Key::Executed) && ctx.budget.row.is_none() {
                            ctx.budget.row = Some(row_number(r));
                        }
                        if key == Key::Total {
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
        for rr in r + 1..(r + 1 + GOAL_ROWS).min(self.header) {
            // merged cells (年度总体目标 down the rows, 预期目标 across) count once
            let cells: Vec<&str> = row(self.sheet, rr)
                .iter()
                .enumerate()
                .filter(|(c, _)| !self.sheet.is_merged_copy(rr, *c))
                .map(|(_, c)| c.trim())
                .filter(|c| !c.is_empty())
                .collect();
            let (Some(first), rest) = (cells.first(), cells.get(1..).unwrap_or(&[])) else { break };
            if field_of(first).is_some() || KEYS.iter().any(|(k, _)| *k == label(first).0) {
                break;
            }
            ctx.goals.push(Goal { expected: (*first).to_owned(), actual: rest.join(" ") });
        }
    }

    /// The value of the label at (r, c): the next non-empty cell to its
    /// right that is not a copy of a merged label, unless that cell is
    /// another label (a blank 主管部门 beside 实施单位).
    fn next_value(&self, r: usize, c: usize) -> Option<&String> {
        let (_, value) = row(self.sheet, r)
            .iter()
            .enumerate()
            .skip(c + 1)
            .find(|(cc, v)| !v.trim().is_empty() && !self.sheet.is_merged_copy(r, *cc))?;
        let (l, _) = label(value);
        (!KEYS.iter().any(|(k, _)| *k == l)).then_some(value)
    }
}
