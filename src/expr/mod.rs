//! Value expressions (S18–S21) and dates (S28): the text of a 年度指标值 or 实际完成值 cell
//! turned into a comparator, a decimal number and a unit.
//!
//! Full-width and look-alike glyphs are normalised first (≧ ≦ ═ ＝ ％ ＞ ＜,
//! full-width digits and punctuation). Text before the number is a label
//! ("群众满意率 90%"), kept for display.

mod comparator;
mod date;
mod normalize;
mod number;
mod plain;
mod unit;
mod value;

pub use comparator::{parse_symbol, Comparator, Symbol};
pub use date::{find_date, parse_date, year_in, DateExpr, Period, Ymd};
pub use normalize::normalize;
pub use number::parse_number;
pub use unit::{parse_unit, Unit, YUAN_PER_WAN, YUAN_PER_YI};
pub use value::{align, is_zero_word, parse_value, Aligned, ValueExpr};

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests;

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod date_tests;
