//! S19 numbers: digits with thousands separators, signs and decimals.

use std::str::FromStr;

use rust_decimal::Decimal;

use super::normalize::{is_digit_at, normalize, skip_spaces, Chars};
use super::unit::scan_unit;

/// S19: a written number times a unit scale (1.2万人次 → 12000), `None` on
/// overflow (Decimal's `*` panics on overflow). A scale of 1 keeps the
/// number as written (95.00 stays 95.00); a scaled number drops trailing
/// zeros (12000, not 12000.0).
pub(super) fn scale(value: Decimal, factor: Decimal) -> Option<Decimal> {
    if factor == Decimal::ONE {
        Some(value)
    } else {
        value.checked_mul(factor).map(|v| v.normalize())
    }
}

/// S19: is the `,` at `j` a thousands separator? It must be followed by
/// exactly three digits.
fn is_thousands_sep(cs: &[char], j: usize) -> bool {
    cs.get(j) == Some(&',') && (1..=3).all(|k| is_digit_at(cs, j + k)) && !is_digit_at(cs, j + 4)
}

/// Can a number start at `i`? A digit; a `-`/`+` sign or a `.` directly
/// before a digit (a sign only when not glued to an ASCII letter or digit:
/// "95-100" is a range, not 95 and −100).
pub(super) fn number_starts_at(cs: &[char], i: usize) -> bool {
    match cs.get(i) {
        Some(c) if c.is_ascii_digit() => true,
        Some('.') => is_digit_at(cs, i + 1),
        Some('-') | Some('+') => {
            let glued = i.checked_sub(1).and_then(|p| cs.get(p)).is_some_and(|p| p.is_ascii_alphanumeric());
            !glued && (is_digit_at(cs, i + 1) || (cs.get(i + 1) == Some(&'.') && is_digit_at(cs, i + 2)))
        }
        _ => false,
    }
}

/// S19: the number written at `i`: optional sign, digits with `,` thousands
/// separators, optional decimals. Returns the value (scale as written:
/// "95.00" keeps two decimals) and the position after it. `None` when no
/// number starts at `i` or it does not fit a `Decimal`.
pub(super) fn scan_number(cs: &[char], i: usize) -> Option<(Decimal, usize)> {
    let mut text = NumberText::default();
    let mut j = i;
    match cs.get(j) {
        Some('-') => {
            text.push('-');
            j += 1;
        }
        Some('+') => j += 1,
        _ => {}
    }
    let int_start = j;
    while let Some(&c) = cs.get(j) {
        if c.is_ascii_digit() {
            text.push(c);
            j += 1;
        } else if j > int_start && is_thousands_sep(cs, j) {
            j += 1;
        } else {
            break;
        }
    }
    let has_int = j > int_start;
    if cs.get(j) == Some(&'.') && is_digit_at(cs, j + 1) {
        if !has_int {
            text.push('0');
        }
        text.push('.');
        j += 1;
        while let Some(&c) = cs.get(j) {
            if !c.is_ascii_digit() {
                break;
            }
            text.push(c);
            j += 1;
        }
    } else if !has_int {
        return None;
    }
    let mut value = text.value()?;
    if value.is_zero() {
        // "-0" is 0.
        value.set_sign_positive(true);
    }
    Some((value, j))
}

/// The text of a number as [`scan_number`] reads it (sign, digits, `.`):
/// on the stack while it is short, so that reading one allocates nothing.
#[derive(Default)]
struct NumberText {
    short: [u8; NumberText::SHORT],
    len: usize,
    long: String,
}

impl NumberText {
    const SHORT: usize = 32;

    fn push(&mut self, c: char) {
        match (self.long.is_empty(), self.short.get_mut(self.len)) {
            (true, Some(slot)) if c.is_ascii() => {
                *slot = c as u8;
                self.len += 1;
            }
            _ => {
                if self.long.is_empty() {
                    self.long.extend(self.short.iter().take(self.len).map(|&b| char::from(b)));
                }
                self.long.push(c);
            }
        }
    }

    /// The number the text spells, `None` when it does not fit a `Decimal`.
    fn value(&self) -> Option<Decimal> {
        if !self.long.is_empty() {
            return Decimal::from_str(&self.long).ok();
        }
        let short = std::str::from_utf8(self.short.get(..self.len)?).ok()?;
        Decimal::from_str(short).ok()
    }
}

/// Parse a cell that should be just a number, possibly with a unit or % after
/// it and thousands separators: "12.5", "１２", "36,500", "95.00%" (→ 95.00),
/// "10 分", "142.5万元" (→ 142.5). `None` for anything else ("十二", "",
/// "12.5.3", "1e5"). The number is returned as written: no unit scaling
/// (S19).
pub fn parse_number(s: &str) -> Option<Decimal> {
    match plain_ascii_number(s) {
        Some(plain) => plain,
        None => parse_number_scanned(s),
    }
}

/// [`parse_number`] the long way: normalise, scan, check the rest.
pub(super) fn parse_number_scanned(s: &str) -> Option<Decimal> {
    let n = normalize(s);
    let cs = Chars::new(n.chars());
    if !number_starts_at(&cs, 0) {
        return None;
    }
    let (value, end) = scan_number(&cs, 0)?;
    let unit = scan_unit(&cs, end, false);
    let rest = skip_spaces(&cs, unit.end);
    if rest == cs.len() {
        Some(value)
    } else {
        None
    }
}

/// The fast path of [`parse_number`] for the common cell "15" / "12.5":
/// ASCII digits with at most one `.` between digits. For such text
/// normalising and scanning give the text itself, so the value is
/// `Decimal::from_str` of it (`None` inside when it does not fit). `None`
/// outside for any other text, which takes the full path.
fn plain_ascii_number(s: &str) -> Option<Option<Decimal>> {
    (plain_number_end(s.as_bytes()) == Some(s.len())).then(|| Decimal::from_str(s).ok())
}

/// The end of `d+(\.d+)?` at the start of `b` (a digit first), `None` when
/// the text does not start so or a `.` / `,` follows it.
pub(super) fn plain_number_end(b: &[u8]) -> Option<usize> {
    let digits = |from: usize| b.iter().skip(from).take_while(|c| c.is_ascii_digit()).count();
    let int = digits(0);
    if int == 0 {
        return None;
    }
    let end = match b.get(int) {
        Some(b'.') => match digits(int + 1) {
            0 => return None,
            frac => int + 1 + frac,
        },
        _ => int,
    };
    match b.get(end) {
        Some(b'.' | b',') => None,
        _ => Some(end),
    }
}
