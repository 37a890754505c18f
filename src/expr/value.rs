//! Value expressions: label → comparator → number → unit → range → 满分
//! (S18–S21), zero words (S10), and target/actual alignment (S19, S20).

use std::borrow::Cow;

use rust_decimal::Decimal;

use compact_str::CompactString as Text;

use super::comparator::{comparator_after, comparator_before, Comparator};
use super::normalize::{has_at, is_digit_at, normalize, skip_spaces, Chars};
use super::number::{number_starts_at, scale, scan_number};
use super::plain::plain_value;
use super::unit::{canonical_count, count_unit_at, scan_unit, Unit, UnitAt};

/// A parsed value expression.
#[derive(Debug, Clone, PartialEq)]
pub struct ValueExpr {
    /// Text before the comparator/number, trimmed ("群众满意率"), "" if none.
    pub label: String,
    /// Comparator written in the text (symbol or words, before or after the number).
    pub comparator: Option<Comparator>,
    /// The number as written (90% → 90; 36,500 → 36500; 14.23 分（满分 15 分） → 14.23).
    pub value: Decimal,
    pub unit: Unit,
    /// S21: upper bound of a range "95%-100%" / "95%～100%" (value holds the lower bound).
    pub upper: Option<Decimal>,
    /// S20: "满分 Y 分" → Y.
    pub full_marks: Option<Decimal>,
    /// The target states zero in words ("零投诉", "无重大事故"): value 0,
    /// comparator ≤ (S10).
    pub zero_word: bool,
}

/// Target and actual brought to one unit for comparison.
#[derive(Debug, Clone, PartialEq)]
pub struct Aligned {
    pub target: Decimal,
    pub actual: Decimal,
    /// The common unit's label for explanations ("%", "万元", "名", "").
    pub unit: Text,
}

/// S20: "(满分 15 分)", "（满分15）", "满分:15分" at `i`: (full marks, end).
fn full_marks_at(cs: &[char], i: usize) -> Option<(Decimal, usize)> {
    let mut j = skip_spaces(cs, i);
    let open = cs.get(j) == Some(&'(');
    if open {
        j = skip_spaces(cs, j + 1);
    }
    if !has_at(cs, j, "满分") {
        return None;
    }
    j = skip_spaces(cs, j + 2);
    if matches!(cs.get(j), Some(':') | Some('为')) {
        j = skip_spaces(cs, j + 1);
    }
    let (marks, mut j) = scan_number(cs, j)?;
    let unit = scan_unit(cs, j, false);
    if unit.unit.is_count("分") {
        j = unit.end;
    }
    if open {
        let k = skip_spaces(cs, j);
        if cs.get(k) == Some(&')') {
            j = k + 1;
        }
    }
    Some((marks, j))
}

/// S21: range marks between a lower and an upper bound.
const RANGE_MARKS: &[char] = &['-', '~', '至', '到', '—'];

/// S21: "-100%", "～100%", "至100%" at `i`: (upper bound, its unit, end).
fn range_upper_at(cs: &[char], i: usize) -> Option<(Decimal, UnitAt)> {
    let j = skip_spaces(cs, i);
    let mark = cs.get(j)?;
    if !RANGE_MARKS.contains(mark) {
        return None;
    }
    let mut k = j + 1;
    // "—" is sometimes doubled ("——").
    while cs.get(k) == Some(&'—') {
        k += 1;
    }
    let k = skip_spaces(cs, k);
    let starts_number = is_digit_at(cs, k) || (cs.get(k) == Some(&'.') && is_digit_at(cs, k + 1));
    if !starts_number {
        return None;
    }
    let (upper, end) = scan_number(cs, k)?;
    let unit = scan_unit(cs, end, true);
    Some((upper, unit))
}

/// S10: does the text start with a zero word (零…, 无…, but not 无法 / 无需 /
/// 无偿)?
fn starts_with_zero_word(n: &str) -> bool {
    (n.starts_with('零') || n.starts_with('无')) && !["无法", "无需", "无偿"].iter().any(|w| n.starts_with(w))
}

/// The first position at or after `from` where a number starts.
fn find_number(cs: &[char], from: usize) -> Option<usize> {
    let mut i = from;
    while i < cs.len() {
        if number_starts_at(cs, i) {
            match name_number_end(cs, i) {
                Some(end) => i = end.max(i + 1),
                None => return Some(i),
            }
        } else {
            i += 1;
        }
    }
    None
}

/// A number that is part of a name, not a value: glued to a Latin letter
/// before it ("PM2.5", "COVID-19", "P8") or to a capital after it ("5G",
/// "4K", "3D"). Returns the end of its digits, to skip them.
fn name_number_end(cs: &[char], i: usize) -> Option<usize> {
    let is_letter = |k: Option<usize>| k.and_then(|k| cs.get(k)).is_some_and(char::is_ascii_alphabetic);
    let prev = i.checked_sub(1);
    let glued_before = is_letter(prev) || (prev.and_then(|k| cs.get(k)) == Some(&'-') && is_letter(i.checked_sub(2)));
    let mut end = i;
    while cs.get(end).is_some_and(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+')) {
        end += 1;
    }
    let glued_after = cs.get(end).is_some_and(char::is_ascii_uppercase);
    (glued_before || glued_after).then_some(end)
}

/// Parse a value expression; `None` when the text holds no number (and is not
/// a zero word): such a target makes the row qualitative (S14).
///
/// The scanner reads, after [`normalize`]: label → comparator (S18) →
/// number (S19) → unit (S19) → range upper bound (S21) → trailing comparator
/// words (S18) → 满分 (S20). Text after that is ignored ("完成11所，1所顺延"
/// → 11 所). Chinese numerals are not numbers here ("“一站式”" has none).
pub fn parse_value(s: &str) -> Option<ValueExpr> {
    match plain_value(s) {
        Some(plain) => Some(plain),
        None if may_hold_value(s) => parse_value_scanned(s),
        None => None,
    }
}

/// Can `s` hold a value? A number needs a digit (ASCII or full-width,
/// S19), a zero word its 零 or 无 (S10).
fn may_hold_value(s: &str) -> bool {
    let b = s.as_bytes();
    // In UTF-8, ０-９ are EF BC 90 … EF BC 99, 零 E9 9B B6, 无 E6 97 A0.
    b.iter().enumerate().any(|(i, &c)| {
        c.is_ascii_digit()
            || matches!(
                (c, b.get(i + 1..i + 3)),
                (0xEF, Some([0xBC, 0x90..=0x99])) | (0xE9, Some([0x9B, 0xB6])) | (0xE6, Some([0x97, 0xA0]))
            )
    })
}

/// [`parse_value`] by the scanner, for any text.
pub(super) fn parse_value_scanned(s: &str) -> Option<ValueExpr> {
    let n = normalize(s);
    // S10: "零投诉", "无重大事故" → 0, ≤, no unit.
    if starts_with_zero_word(&n) {
        return Some(ValueExpr {
            label: String::new(),
            comparator: Some(Comparator::Le),
            value: Decimal::ZERO,
            unit: Unit::None,
            upper: None,
            full_marks: None,
            zero_word: true,
        });
    }
    let cs = Chars::new(n.chars());
    let start = find_number(&cs, 0)?;
    let first = parse_from(&cs, start)?;
    // S20 written the other way round: "满分15分，得分14.23".
    // (The label is part of the text before the number: without 满 there, no 满分.)
    let before = cs.get(..start).unwrap_or_default();
    let label_before = if before.contains(&'满') { comparator_before(before).1 } else { String::new() };
    if label_before.ends_with("满分") && first.full_marks.is_none() {
        let after = full_marks_end(&cs, start);
        if let Some(next) = after.and_then(|a| find_number(&cs, a)) {
            if let Some(mut second) = parse_from(&cs, next) {
                let between = cs.get(after.unwrap_or(next)..next).unwrap_or_default();
                let (_, label) = comparator_before(between);
                second.label = label;
                second.full_marks = Some(first.value);
                if second.unit == Unit::None {
                    second.unit = Unit::Count("分".into());
                }
                return Some(second);
            }
        }
    }
    // A year in front of the value: "2023年群众满意率≥90%" reads the 90%,
    // with "2023年群众满意率" as the label. A year alone ("2023年底前完成")
    // stays the value.
    if is_year(&first) {
        let after = full_marks_end(&cs, start).unwrap_or(start);
        if let Some(next) = find_number(&cs, after) {
            if let Some(mut second) = parse_from(&cs, next) {
                let (_, label) = comparator_before(cs.get(..next).unwrap_or_default());
                second.label = label;
                return Some(second);
            }
        }
    }
    Some(first)
}

/// A four-digit year (1900–2100) with 年, no comparator, no range.
fn is_year(e: &ValueExpr) -> bool {
    e.unit.is_count("年")
        && e.comparator.is_none()
        && e.upper.is_none()
        && e.value.scale() == 0
        && e.value >= Decimal::from(1900)
        && e.value <= Decimal::from(2100)
}

/// The end of "15分" (a 满分 number and its optional 分) starting at `i`.
fn full_marks_end(cs: &[char], i: usize) -> Option<usize> {
    let (_, end) = scan_number(cs, i)?;
    let unit = scan_unit(cs, end, false);
    Some(if unit.unit.is_count("分") { unit.end } else { end })
}

/// The value expression whose number starts at `start`; the label and
/// comparator are read from the text before it.
fn parse_from(cs: &[char], start: usize) -> Option<ValueExpr> {
    let (before, label) = comparator_before(cs.get(..start).unwrap_or_default());
    let (value, after_number) = scan_number(cs, start)?;
    // "1200余人", "30多家": approximate counts read as written.
    let mut i = after_number;
    if matches!(cs.get(i), Some('余') | Some('多')) && count_unit_at(cs, i + 1).is_some() {
        i += 1;
    }
    let unit_at = scan_unit(cs, i, true);
    let mut unit = unit_at.unit;
    let mut value = scale(value, unit_at.factor)?;
    let mut i = unit_at.end;

    // S21: a range; the comparator reads as ≥ the lower bound.
    let mut upper = None;
    if let Some((up, up_unit)) = range_upper_at(cs, i) {
        let up_value = scale(up, up_unit.factor)?;
        if unit == Unit::None && up_unit.unit != Unit::None {
            // "95-100%": the unit written once, after the upper bound.
            unit = up_unit.unit;
            value = scale(value, up_unit.factor)?;
        }
        upper = Some(up_value);
        i = up_unit.end;
    }

    let after = comparator_after(cs, i);
    if let Some((_, end)) = after {
        i = end;
    }
    let comparator = match (before, after) {
        (Some((cmp, false)), _) => Some(cmp),
        (_, Some((cmp, _))) => Some(cmp),
        (Some((cmp, true)), None) => Some(cmp),
        (None, None) => None,
    };
    let comparator = match (comparator, upper) {
        (None, Some(_)) => Some(Comparator::Ge),
        (c, _) => c,
    };

    // S20: "14.23 分（满分 15 分）", "得分14.23（满分15）".
    let full_marks = full_marks_at(cs, i).map(|(marks, _)| marks);
    if full_marks.is_some() && unit == Unit::None {
        unit = Unit::Count("分".into());
    }

    Some(ValueExpr { label, comparator, value, unit, upper, full_marks, zero_word: false })
}

/// Does an actual value express zero/absence in words ("无", "零", "0 起",
/// "未发生", "没有发生")? Used when the target is a zero word (S10).
pub fn is_zero_word(s: &str) -> bool {
    let n = normalize(s);
    if n.is_empty() {
        return false;
    }
    if starts_with_zero_word(&n) {
        return true;
    }
    if ["未发生", "没有发生", "未出现", "没有出现"].iter().any(|w| n.contains(w)) {
        return true;
    }
    if n.starts_with("没有") && !["没有完成", "没有达到", "没有实现"].iter().any(|w| n.starts_with(w)) {
        return true;
    }
    parse_value(&n).is_some_and(|v| v.value.is_zero() && v.upper.is_none())
}

/// Canonical unit for comparison (日 → 天, 个月 → 月).
fn canonical(u: &Unit) -> Unit {
    match u {
        // A unit of the table stays borrowed; canonical forms are in the table too.
        Unit::Count(Cow::Borrowed(s)) => Unit::Count(Cow::Borrowed(canonical_count(s))),
        Unit::Count(s) => Unit::Count(canonical_count(s).to_string().into()),
        other => other.clone(),
    }
}

fn unit_mismatch(target: &Unit, actual: &Unit) -> String {
    format!("单位不一致：指标值为“{}”，完成值为“{}”，无法比较", target.label(), actual.label())
}

const TOO_LARGE: &str = "数值过大，无法比较";

/// Bring target and actual to one unit (S19, S20).
///
/// - A bare actual takes the target's unit; a bare target takes the actual's.
/// - 元 / 万元 / 亿元 convert among themselves (to the target's unit).
/// - S20: an actual with `full_marks` against a percent target becomes
///   value / full_marks × 100 (14.23/15 → 94.866…%, not rounded here);
///   against any other target it is its value in 分.
/// - Units that cannot be compared (天 vs 万元, % vs 人) are an `Err` with a
///   Chinese message: "单位不一致：指标值为“天”，完成值为“万元”，无法比较".
pub fn align(target: &ValueExpr, actual: &ValueExpr) -> Result<Aligned, String> {
    let t_unit = canonical(&target.unit);
    let mut a_unit = canonical(&actual.unit);
    let mut a_value = actual.value;

    // S20: a score out of full marks.
    if let Some(marks) = actual.full_marks {
        if t_unit == Unit::Percent {
            if marks.is_zero() {
                return Err("满分为 0，无法换算为百分比".into());
            }
            let pct = a_value
                .checked_mul(Decimal::ONE_HUNDRED)
                .and_then(|v| v.checked_div(marks))
                .ok_or_else(|| TOO_LARGE.to_string())?;
            return Ok(Aligned { target: target.value, actual: pct, unit: Unit::Percent.label() });
        }
        a_unit = Unit::Count("分".into());
    }

    let (t_value, unit) = match (&t_unit, &a_unit) {
        (Unit::None, Unit::None) => (target.value, Unit::None),
        (t, Unit::None) => (target.value, t.clone()),
        (Unit::None, a) => (target.value, a.clone()),
        (Unit::Percent, Unit::Percent) => (target.value, Unit::Percent),
        (Unit::Money(ft), Unit::Money(fa)) => {
            if ft.is_zero() {
                return Err(unit_mismatch(&t_unit, &a_unit));
            }
            a_value = a_value.checked_mul(*fa).and_then(|v| v.checked_div(*ft)).ok_or_else(|| TOO_LARGE.to_string())?;
            (target.value, t_unit.clone())
        }
        (Unit::Count(t), Unit::Count(a)) if t == a => (target.value, t_unit.clone()),
        _ => return Err(unit_mismatch(&t_unit, &a_unit)),
    };
    Ok(Aligned { target: t_value, actual: a_value, unit: unit.label() })
}
