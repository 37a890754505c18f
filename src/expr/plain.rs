//! The fast path of [`super::parse_value`] for the cells most forms are
//! made of: "85.5%", "≥85%", "1510 户", "≤7 天", "≥300 万元". For such a
//! cell the scanner's steps (S18 comparator, S19 number and unit) read the
//! text the same way; reading the bytes directly skips normalising,
//! the char buffer and the word tables. Any other cell takes the scanner.

use std::str::FromStr;
use std::sync::OnceLock;

use rust_decimal::Decimal;

use super::comparator::Comparator;
use super::normalize::Chars;
use super::number::plain_number_end;
use super::unit::{scan_unit, Unit, COUNT_UNITS};
use super::value::ValueExpr;

/// The value of a plain cell: an optional comparator symbol (≥ ≤ > < =),
/// ASCII digits with at most one `.` between digits, an optional space and
/// a whole unit word (%, 百分比, 元, 万元, 亿元, a counting unit) or
/// nothing. `None`: not such a cell (the scanner reads it).
pub(super) fn plain_value(s: &str) -> Option<ValueExpr> {
    let (comparator, rest) = match s.chars().next()? {
        '≥' => (Some(Comparator::Ge), s.get('≥'.len_utf8()..)?),
        '≤' => (Some(Comparator::Le), s.get('≤'.len_utf8()..)?),
        '>' => (Some(Comparator::Gt), s.get(1..)?),
        '<' => (Some(Comparator::Lt), s.get(1..)?),
        '=' => (Some(Comparator::Eq), s.get(1..)?),
        _ => (None, s),
    };
    let number_end = plain_number_end(rest.as_bytes())?;
    let (number, unit_text) = rest.split_at_checked(number_end)?;
    let unit = match unit_text.strip_prefix(' ') {
        Some(word) => whole_unit(word)?,
        None if unit_text.is_empty() => Unit::None,
        None => whole_unit(unit_text)?,
    };
    let value = Decimal::from_str(number).ok()?;
    Some(ValueExpr { label: String::new(), comparator, value, unit, upper: None, full_marks: None, zero_word: false })
}

/// A unit word that is all of `word`, as [`scan_unit`] reads it there.
fn whole_unit(word: &str) -> Option<Unit> {
    if word == "%" {
        return Some(Unit::Percent);
    }
    let first = word.chars().next()?;
    let table = plain_units();
    let from = table.partition_point(|(c, _, _)| *c < first);
    let mut candidates = table.get(from..)?.iter().take_while(|(c, _, _)| *c == first);
    candidates.find(|(_, w, _)| *w == word).map(|(_, _, u)| u.clone())
}

/// The unit words [`whole_unit`] knows by their first character, each with the unit
/// [`scan_unit`] reads for it. Only words it reads whole, with no scale on
/// the number (百万元, 千元 and 万人次 take the scanner), and none that
/// starts with 余 or 多 (an approximate count, "30多家").
fn plain_units() -> &'static [(char, &'static str, Unit)] {
    static UNITS: OnceLock<Vec<(char, &'static str, Unit)>> = OnceLock::new();
    UNITS.get_or_init(|| {
        let words = ["%", "百分比", "元", "万元", "亿元"].into_iter().chain(COUNT_UNITS.iter().map(|(w, _)| *w));
        let mut units: Vec<(char, &'static str, Unit)> = words
            .filter(|w| !w.starts_with(['余', '多']))
            .filter_map(|w| {
                let cs = Chars::new(w.chars());
                let read = scan_unit(&cs, 0, true);
                let whole = read.end == cs.len() && read.factor == Decimal::ONE && read.unit != Unit::None;
                Some((w.chars().next()?, w, read.unit)).filter(|_| whole)
            })
            .collect();
        units.sort_by_key(|(c, _, _)| *c);
        units
    })
}
