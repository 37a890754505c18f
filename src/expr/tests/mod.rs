use std::str::FromStr;

use rust_decimal::Decimal;

use super::*;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn v(s: &str) -> ValueExpr {
    parse_value(s).unwrap_or_else(|| panic!("no value in {s:?}"))
}

fn count(s: &str) -> Unit {
    Unit::Count(s.to_owned().into())
}

fn wan() -> Unit {
    Unit::Money(Decimal::from(10_000))
}

/// A ValueExpr built by hand, for `align`.
fn ve(value: &str, unit: Unit) -> ValueExpr {
    ValueExpr {
        label: String::new(),
        comparator: None,
        value: d(value),
        unit,
        upper: None,
        full_marks: None,
        zero_word: false,
    }
}

mod comparator;
mod normalize;
mod number;
mod props;
mod value;
