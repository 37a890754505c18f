//! Decimal helpers every step uses (a leaf: imports nothing of the crate).
//! Money and scores are `rust_decimal` values; nothing here panics.

use rust_decimal::{Decimal, RoundingStrategy};

/// 100, for percentages.
pub const HUNDRED: Decimal = Decimal::ONE_HUNDRED;

/// The largest 分值 (a row's or the stated 预算执行率分值) accepted. Weights
/// are added up over every row, so bounding them keeps every sum, subtotal
/// and rescaled weight far inside `Decimal`'s range (whose `+` and `*` panic
/// on overflow).
pub const MAX_WEIGHT: Decimal = Decimal::from_parts(1_000_000, 0, 0, false, 0);

/// Decimal places of a row score, a total and a rate (S25).
pub const SCORE_DP: u32 = 2;

/// S25: half-up to 2 decimals.
pub fn round2(d: Decimal) -> Decimal {
    d.round_dp_with_strategy(SCORE_DP, RoundingStrategy::MidpointAwayFromZero)
}

/// A decimal as users read it: no trailing zeros ("12.50" → "12.5").
/// Written straight into the sentence it is formatted into (no string of
/// its own: `explain` writes a few per row of a 100,000-row file).
pub fn show(d: Decimal) -> impl std::fmt::Display + Copy {
    d.normalize()
}

/// Two decimals always ("98.88", "9.50").
pub fn show2(d: Decimal) -> impl std::fmt::Display + Copy {
    Fixed2(round2(d))
}

#[derive(Clone, Copy)]
struct Fixed2(Decimal);

impl std::fmt::Display for Fixed2 {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:.2}", self.0)
    }
}

/// A sum that cannot panic: saturates at `Decimal::MAX` (with bounded weights
/// it never gets there; stated figures are not bounded).
pub fn sum(values: impl IntoIterator<Item = Decimal>) -> Decimal {
    values.into_iter().fold(Decimal::ZERO, Decimal::saturating_add)
}

/// `a × b / c` without panicking. When `a × b` overflows, `a × (b / c)`
/// (the rules' ratios are below 1 where this matters: W × A/T with A < T).
/// `None` when the result itself is out of range or `c` is zero.
pub fn mul_div(a: Decimal, b: Decimal, c: Decimal) -> Option<Decimal> {
    a.checked_mul(b).and_then(|p| p.checked_div(c)).or_else(|| b.checked_div(c)?.checked_mul(a))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding_and_showing() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        assert_eq!(round2(d("98.885")), d("98.89"));
        assert_eq!(show(d("12.50")).to_string(), "12.5");
        assert_eq!(show2(d("9.5")).to_string(), "9.50");
        assert_eq!(sum([Decimal::MAX, Decimal::ONE]), Decimal::MAX);
        assert_eq!(mul_div(d("10"), d("5"), d("7")).map(round2), Some(d("7.14")));
        assert_eq!(mul_div(Decimal::ONE, Decimal::ONE, Decimal::ZERO), None);
    }
}
