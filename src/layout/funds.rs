//! The funds block (全年预算数 / 全年执行数 header, 年度资金总额 row) and
//! budget figures in 元 or 万元.

use rust_decimal::Decimal;

use super::vocab::label;
use super::{row, Block, Context};
use crate::expr::{self, YUAN_PER_WAN};
use crate::grid::row_number;
use crate::model::Budget;

/// Rows under a funds header searched for the 年度资金总额 and 其中 rows.
const FUNDS_ROWS: usize = 7;

/// An amount written in 元 (`in_yuan`) or 万元, in 万元.
pub(super) fn to_wan(v: Decimal, in_yuan: bool) -> Decimal {
    if in_yuan {
        v / Decimal::from(YUAN_PER_WAN)
    } else {
        v
    }
}

impl Block<'_> {
    /// The funds block: a header row with 全年预算数 and 全年执行数, then the
    /// 年度资金总额 row. When that row is zero or empty but a 其中 row
    /// (当年财政拨款) holds figures, those are used, with a note.
    pub(super) fn funds_block(&self, h: usize, ctx: &mut Context) {
        let head = row(self.sheet, h);
        let col = |name: &str| head.iter().position(|c| label(c).0 == name);
        let in_yuan = head.iter().any(|c| label(c).1);
        let (adj, exe) = (col("全年预算数"), col("全年执行数"));
        let (init, weight, rate, score) = (col("年初预算数"), col("分值"), col("执行率"), col("得分"));
        let num =
            |r: usize, c: Option<usize>| c.and_then(|c| row(self.sheet, r).get(c)).and_then(|v| expr::parse_number(v));
        let money = |v: Option<Decimal>| v.map(|v| to_wan(v, in_yuan));
        let below: Vec<usize> = (h + 1..(h + 1 + FUNDS_ROWS).min(self.sheet.rows.len())).collect();
        let has = |r: &usize, k: &str| row(self.sheet, *r).iter().any(|c| label(c).0.contains(k));
        let total_row =
            below.iter().find(|r| has(r, "年度资金总额")).or_else(|| below.iter().find(|r| num(**r, adj).is_some()));
        let Some(&t) = total_row else {
            ctx.warnings.push(self.issue(h, Some("全年预算数"), "资金表下没有找到「年度资金总额」行"));
            return;
        };
        let zero = |v: Option<Decimal>| v.is_none_or(|v| v.is_zero());
        let mut from = t;
        if zero(num(t, adj)) && zero(num(t, exe)) {
            if let Some(&s) = below.iter().find(|r| has(r, "当年财政拨款") && !zero(num(**r, adj))) {
                from = s;
                ctx.warnings.push(self.issue(
                    t,
                    Some("年度资金总额"),
                    &format!("年度资金总额为 0 或空，改用第 {} 行「当年财政拨款」的数字", row_number(s)),
                ));
            }
        }
        if ctx.budget.adjusted.is_some() {
            return; // a second funds block: the first one wins
        }
        ctx.budget.initial = money(num(from, init));
        ctx.budget.adjusted = money(num(from, adj));
        ctx.budget.executed = money(num(from, exe));
        ctx.budget.weight = num(t, weight);
        ctx.budget.row = Some(row_number(from));
        ctx.stated.rate = num(t, rate);
        ctx.stated.execution_score = num(t, score);
    }
}

pub(super) fn merge_budget(b: &mut Budget, from: &Budget) {
    b.initial = b.initial.or(from.initial);
    b.adjusted = b.adjusted.or(from.adjusted);
    b.executed = b.executed.or(from.executed);
    b.weight = b.weight.or(from.weight);
    b.row = b.row.or(from.row);
}

/// A row holding both 全年预算数 and 全年执行数 labels.
pub(super) fn is_funds_header(cells: &[String]) -> bool {
    // The characters first, so most rows skip `label` ([`label`] only drops characters).
    let holds = |ch: char| cells.iter().any(|c| c.contains(ch));
    let has = |k: &str| cells.iter().any(|c| label(c).0 == k);
    holds('预') && holds('执') && has("全年预算数") && has("全年执行数")
}
