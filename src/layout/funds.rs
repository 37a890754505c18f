//! The funds block (INPUT.md "Budget figures"): a header row naming a budget
//! and a spending column in any of the published wordings, then the
//! 年度资金总额 row; amounts in 元 or 万元, from the header or the value cell.

use rust_decimal::Decimal;

use super::vocab::{holds, label, split_label, weight_in_label};
use super::{Block, Context};
use crate::expr::{self, YUAN_PER_WAN, YUAN_PER_YI};
use crate::grid::{row_number, Row};
use crate::model::{Budget, MoneyUnit};

/// Rows under a funds header searched for the 年度资金总额 and 其中 rows.
const FUNDS_ROWS: usize = 7;

/// Funds-block header wordings, by column.
const BUDGET: [&str; 7] =
    ["全年预算数", "调整后预算数", "预算数", "转移支付预算数", "年度财政资金总额", "全年预算", "调整后预算"];
pub(super) const EXECUTED: [&str; 6] =
    ["全年执行数", "预算执行数", "执行数", "转移支付执行数", "实际执行数", "全年执行"];
const INITIAL: [&str; 2] = ["年初预算数", "年初预算"];
const RATE: [&str; 3] = ["执行率", "预算执行率", "资金执行率"];
const WEIGHT: [&str; 2] = ["分值", "权重"];
const SCORE: [&str; 1] = ["得分"];
/// First cells of the rows of a funds block (年度资金总额 and its parts).
const FUNDS_ROW_WORDS: [&str; 6] = ["资金总额", "其中", "财政拨款", "结转", "其他资金", "资金"];
/// Words of a funds block's title, where its weight may stand ("（20分）").
const FUNDS_TITLE_WORDS: [&str; 3] = ["预算执行", "项目资金", "资金情况"];

/// An amount written in 元 (`in_yuan`) or 万元, in 万元.
pub(super) fn to_wan(v: Decimal, in_yuan: bool) -> Decimal {
    if in_yuan {
        v / Decimal::from(YUAN_PER_WAN)
    } else {
        v
    }
}

/// A money cell in 万元: the cell's own unit wins over the header's
/// ("346400元" → 34.64, "34.64万元", "5.8万", "1.2亿元").
pub(super) fn money(text: &str, header_in_yuan: bool) -> Option<Decimal> {
    let v = expr::parse_number(text)?;
    let t = expr::normalize(text);
    let t = t.trim_end();
    if t.ends_with("亿元") || t.ends_with('亿') {
        return v.checked_mul(Decimal::from(YUAN_PER_YI / YUAN_PER_WAN));
    }
    Some(to_wan(v, unit_of(t, header_in_yuan) == MoneyUnit::Yuan))
}

/// The unit a money cell is written in: its own (元, 万元; 亿 counts as
/// 万元), else the header's.
pub(super) fn unit_of(text: &str, header_in_yuan: bool) -> MoneyUnit {
    let t = expr::normalize(text);
    let t = t.trim_end();
    let wan = t.ends_with("万元") || t.ends_with('万') || t.ends_with("亿元") || t.ends_with('亿');
    if !wan && (header_in_yuan || t.ends_with('元')) {
        MoneyUnit::Yuan
    } else {
        MoneyUnit::Wan
    }
}

/// The columns of a funds header row.
struct FundsCols {
    budget: Option<usize>,
    executed: Option<usize>,
    initial: Option<usize>,
    rate: Option<usize>,
    weight: Option<usize>,
    score: Option<usize>,
}

impl FundsCols {
    fn of(cells: Row<'_>) -> FundsCols {
        let col = |names: &[&str]| cells.iter().position(|c| names.contains(&&*label(c).0));
        FundsCols {
            budget: col(&BUDGET),
            executed: col(&EXECUTED),
            initial: col(&INITIAL),
            rate: col(&RATE),
            weight: col(&WEIGHT),
            score: col(&SCORE),
        }
    }
}

/// A row naming a budget (or 年初预算) column and a spending column, with
/// the figures below (not a key/value row `全年预算数,500,全年执行数,470`).
pub(super) fn is_funds_header(cells: Row<'_>) -> bool {
    // Every spending-column name holds 执 (a test checks it): most rows stop here.
    if !holds(cells.joined(), '执') {
        return false;
    }
    let f = FundsCols::of(cells);
    let Some(b) = f.budget.or(f.initial) else { return false };
    let value_beside = cells.iter().skip(b + 1).find(|c| !c.trim().is_empty()).and_then(expr::parse_number);
    f.executed.is_some() && value_beside.is_none()
}

/// A weight in a funds title cell: "预算执行情况（万元）（20分）".
fn title_weight(cells: Row<'_>) -> Option<Decimal> {
    cells.iter().find_map(|c| {
        let (core, _) = split_label(c);
        if !FUNDS_TITLE_WORDS.iter().any(|w| core.contains(w)) {
            return None;
        }
        weight_in_label(c).1
    })
}

impl Block<'_> {
    /// A funds title row above the block: its weight is the execution weight.
    pub(super) fn funds_title(&self, r: usize, ctx: &mut Context) {
        if let Some(w) = title_weight(self.sheet.row(r)) {
            ctx.budget.weight = ctx.budget.weight.or(Some(w));
        }
    }

    /// The funds block: a header row with budget and spending columns, then
    /// the 年度资金总额 row. A figure of that row that is zero or blank is
    /// taken from the 当年财政拨款 / 其中 row, with a warning.
    pub(super) fn funds_block(&self, h: usize, ctx: &mut Context) {
        let head = self.sheet.row(h);
        ctx.used.insert(h);
        let f = FundsCols::of(head);
        let in_yuan = head.iter().any(|c| label(c).1);
        let cell = |r: usize, c: Option<usize>| c.and_then(|c| self.sheet.row(r).get(c)).map(|v| v.trim());
        let num = |r: usize, c: Option<usize>| cell(r, c).and_then(expr::parse_number);
        let amount = |r: usize, c: Option<usize>| cell(r, c).and_then(|v| money(v, in_yuan));
        let below: Vec<usize> = (h + 1..(h + 1 + FUNDS_ROWS).min(self.sheet.rows_len())).collect();
        // The row's first own cell (not the copy of a title merged down the block).
        let first_word = |r: usize| {
            let cells = self.sheet.row(r);
            let own = cells.iter().enumerate().find(|(c, v)| !v.trim().is_empty() && !self.sheet.is_merged_copy(r, *c));
            own.map(|(_, v)| label(v).0).unwrap_or_default()
        };
        let has = |r: usize, k: &str| self.sheet.row(r).iter().any(|c| label(c).0.contains(k));
        // The block's own rows: 年度资金总额 and its parts.
        for &r in &below {
            if !FUNDS_ROW_WORDS.iter().any(|w| first_word(r).contains(w)) {
                break;
            }
            ctx.used.insert(r);
        }
        let budget_col = f.budget.or(f.initial);
        let total_row = below
            .iter()
            .find(|r| has(**r, "年度资金总额"))
            .or_else(|| below.iter().find(|r| num(**r, budget_col).is_some()));
        let Some(&t) = total_row else {
            ctx.warnings.push(self.issue(h, Some("全年预算数"), "资金表下没有找到「年度资金总额」行"));
            return;
        };
        ctx.used.insert(t);
        if ctx.budget.adjusted.is_some() || ctx.budget.initial.is_some() {
            return; // a second funds block: the first one wins
        }
        let zero = |v: Option<Decimal>| v.is_none_or(|v| v.is_zero());
        let part = below.iter().copied().find(|r| has(*r, "当年财政拨款"));
        // Each figure from the total row, or (zero or blank there) from 当年财政拨款.
        let mut taken: Vec<&str> = Vec::new();
        let mut figure = |c: Option<usize>, what: &'static str| -> Option<Decimal> {
            let v = amount(t, c);
            match part.filter(|s| zero(v) && !zero(amount(*s, c))) {
                Some(s) => {
                    taken.push(what);
                    amount(s, c)
                }
                None => v,
            }
        };
        let initial = figure(f.initial, "年初预算数");
        let adjusted = figure(f.budget, "全年预算数");
        let executed = figure(f.executed, "全年执行数");
        let mut from = t;
        if let (Some(s), false) = (part, taken.is_empty()) {
            ctx.warnings.push(self.issue(
                t,
                Some("年度资金总额"),
                &format!(
                    "年度资金总额的{}为 0 或空，改用第 {} 行「当年财政拨款」的数字",
                    taken.join("、"),
                    row_number(s)
                ),
            ));
            from = s;
        }
        ctx.budget.unit = cell(from, f.budget.or(f.executed)).map_or(MoneyUnit::Wan, |v| unit_of(v, in_yuan));
        ctx.budget.initial = initial;
        ctx.budget.adjusted = adjusted;
        ctx.budget.executed = executed;
        ctx.budget.weight = num(t, f.weight).or(title_weight(head)).or(ctx.budget.weight);
        ctx.budget.row = Some(row_number(from));
        ctx.stated.rate = num(t, f.rate);
        ctx.stated.execution_score = num(t, f.score);
    }
}

pub(super) fn merge_budget(b: &mut Budget, from: &Budget) {
    b.initial = b.initial.or(from.initial);
    if b.adjusted.is_none() && from.adjusted.is_some() {
        b.unit = from.unit;
    }
    b.adjusted = b.adjusted.or(from.adjusted);
    b.executed = b.executed.or(from.executed);
    b.weight = b.weight.or(from.weight);
    b.row = b.row.or(from.row);
}
