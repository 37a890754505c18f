//! Dates and deadlines (S28): "9月前", "12月底前", "2021年12月31日前",
//! "2022年3月", "第三季度前", "于6月30日前完成", "2022-01-15".
//!
//! A date names a span of the calendar (a day, a month, a quarter, a half
//! year, a year), with or without its year. A target that names one is a
//! time limit: it is met by any day of its span or earlier (S28); the
//! scorer resolves a missing year and counts days.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::normalize::{has_at, normalize, Chars};

/// How much of the calendar a written date names (S28 granularity).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Period {
    Day,
    Month,
    Quarter,
    HalfYear,
    Year,
}

/// A date as written in a cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateExpr {
    /// The year, when written (1900–2100).
    pub year: Option<i32>,
    /// The month; for a quarter, half year or year its last month.
    pub month: u32,
    /// The day, for [`Period::Day`].
    pub day: Option<u32>,
    pub period: Period,
    /// A deadline word was written (前, 之前, 以前, 底前, 以内, 截至 …).
    pub deadline: bool,
}

/// A calendar day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Ymd {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl fmt::Display for Ymd {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Ymd {
    /// The day `days` after 1970-01-01 (H. Hinnant's `civil_from_days`), for
    /// a caller turning its clock into a current year.
    pub fn from_unix_days(days: i64) -> Ymd {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = yoe + era * 400 + i64::from(month <= 2);
        Ymd { year: year.clamp(i64::from(i32::MIN), i64::from(i32::MAX)) as i32, month, day }
    }

    /// The day's number counted from 1 January of `year` (that day is 1):
    /// 2022-01-15 from 2021 is day 380.
    pub fn day_from(&self, year: i32) -> i64 {
        days_from_civil(self.year, self.month, self.day) - days_from_civil(year, 1, 1) + 1
    }
}

impl DateExpr {
    /// The first day of the span, in `year` when the date has none.
    pub fn first_day(&self, year: i32) -> Ymd {
        let year = self.year.unwrap_or(year);
        let (month, day) = match self.period {
            Period::Day => (self.month, self.day.unwrap_or(1).min(days_in_month(year, self.month))),
            Period::Month => (self.month, 1),
            Period::Quarter => (self.month.saturating_sub(2).max(1), 1),
            Period::HalfYear => (self.month.saturating_sub(5).max(1), 1),
            Period::Year => (1, 1),
        };
        Ymd { year, month, day }
    }

    /// The last day of the span, in `year` when the date has none.
    pub fn last_day(&self, year: i32) -> Ymd {
        let year = self.year.unwrap_or(year);
        let day = match self.period {
            Period::Day => self.day.unwrap_or(1).min(days_in_month(year, self.month)),
            _ => days_in_month(year, self.month),
        };
        Ymd { year, month: self.month, day }
    }
}

/// The date a target names, when that is all it names: text around it
/// holds no other number ("2023年底前完成80%" is a percentage with a label,
/// "2023年群众满意率≥90%" likewise). A count of months ("10个月", "≤10月")
/// is not a date.
pub fn parse_date(s: &str) -> Option<DateExpr> {
    let (date, rest) = date_and_rest(s)?;
    if rest.digit {
        return None;
    }
    // A bare year before other words is a label ("2023年实现全覆盖"),
    // unless it is a time limit ("2023年前完成", "2023年内").
    let bare_year = date.period == Period::Year && !date.deadline && !rest.empty;
    (!bare_year).then_some(date)
}

/// The date an actual starts with, whatever follows it
/// ("2022年1月15日（延期15天）").
pub fn find_date(s: &str) -> Option<DateExpr> {
    date_and_rest(s).map(|(date, _)| date)
}

/// The year a project's name gives ("2023年度…", "2023年…"): the first
/// four-digit year (1900–2100) followed by 年.
pub fn year_in(name: &str) -> Option<i32> {
    let cs = Chars::new(normalize(name).chars());
    (0..cs.len()).find_map(|i| {
        let starts = i == 0 || !cs.get(i - 1).is_some_and(char::is_ascii_digit);
        let (n, end) = digits(&cs, i).filter(|_| starts)?;
        ((1900..=2100).contains(&n) && end - i == 4 && cs.get(end) == Some(&'年')).then_some(n as i32)
    })
}

/// Deadline words before the date.
const DEADLINE_BEFORE: &[&str] = &["截至", "截止", "不晚于", "不迟于", "最迟"];
/// Deadline words after the date (前 also covers 底前, 之前 via 之).
const DEADLINE_AFTER: &[&str] = &["之前", "以前", "前", "以内", "之内", "内"];
/// Words after a month that keep the month's span.
const MONTH_TAIL: &[&str] = &["底", "末", "份", "上旬", "中旬", "下旬"];

/// What follows a date (its words read): anything at all, any digit.
struct Rest {
    empty: bool,
    digit: bool,
}

fn date_and_rest(s: &str) -> Option<(DateExpr, Rest)> {
    // A comparator first ("≥85%", ">=3"; normalising keeps it first): no date
    // can follow it (below).
    if s.starts_with(['≥', '≤', '<', '>', '=']) {
        return None;
    }
    let cs = Chars::new(normalize(s).chars().filter(|c| *c != ' '));
    // A comparator symbol or a number before the date: a count, not a date.
    // (A digit starts a date or ends the search.)
    let count_mark = |c: &char| c.is_ascii_digit() || matches!(c, '≤' | '≥' | '<' | '>' | '=');
    let start = (0..cs.len()).find(|&i| starts_date(&cs, i) || cs.get(i).is_some_and(count_mark))?;
    let prefix = cs.get(..start).unwrap_or_default();
    if cs.get(start).is_some_and(|c| !c.is_ascii_digit() && count_mark(c)) {
        return None;
    }
    let (mut date, mut i) = date_at(&cs, start)?;
    let prefix: String = prefix.iter().collect();
    date.deadline = DEADLINE_BEFORE.iter().any(|w| prefix.contains(w));
    if date.period == Period::Month || date.period == Period::Quarter {
        if let Some(w) = MONTH_TAIL.iter().find(|w| has_at(&cs, i, w)) {
            i += w.chars().count();
        }
    }
    if let Some(w) = DEADLINE_AFTER.iter().find(|w| has_at(&cs, i, w)) {
        i += w.chars().count();
        date.deadline = true;
    }
    let rest = cs.get(i..).unwrap_or_default();
    Some((date, Rest { empty: rest.is_empty(), digit: rest.iter().any(char::is_ascii_digit) }))
}

/// Chinese numerals for months and quarters.
const CN_DIGITS: &[char] = &['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/// Does a date start at `i` (a digit, a Chinese month, a quarter, a half year)?
fn starts_date(cs: &[char], i: usize) -> bool {
    let Some(&c) = cs.get(i) else { return false };
    // A quarter starts with 第, a digit or a numeral; a half year with 上, 下 or 年.
    c.is_ascii_digit()
        || (CN_DIGITS.contains(&c) && (month_cn_at(cs, i).is_some() || quarter_at(cs, i).is_some()))
        || (c == '第' && quarter_at(cs, i).is_some())
        || (matches!(c, '上' | '下' | '年') && half_year_at(cs, i).is_some())
}

/// The date starting at `i` and the position after it.
fn date_at(cs: &[char], i: usize) -> Option<(DateExpr, usize)> {
    let plain = |month, day: Option<u32>, period| DateExpr { year: None, month, day, period, deadline: false };
    if let Some((q, end)) = quarter_at(cs, i) {
        return Some((plain(q * 3, None, Period::Quarter), end));
    }
    if let Some((month, period, end)) = half_year_at(cs, i) {
        return Some((plain(month, None, period), end));
    }
    if let Some(month_end) = month_cn_at(cs, i) {
        let (month, end) = month_end;
        return Some(with_day(cs, plain(month, None, Period::Month), end));
    }
    let (n, j) = digits(cs, i)?;
    if (1900..=2100).contains(&n) {
        return year_date(cs, n as i32, j);
    }
    // "9月", "12月31日": a month, not "10个月" (个 sits between).
    if (1..=12).contains(&n) && cs.get(j) == Some(&'月') {
        return Some(with_day(cs, plain(n, None, Period::Month), j + 1));
    }
    None
}

/// A date after a four-digit year at `j`: "年" then a month, a quarter,
/// 上/下半年, 底/末/内, or nothing; or "-MM[-DD]", "/MM[/DD]", ".MM.DD".
fn year_date(cs: &[char], year: i32, j: usize) -> Option<(DateExpr, usize)> {
    let dated = |month, day, period| DateExpr { year: Some(year), month, day, period, deadline: false };
    match cs.get(j) {
        Some('年') => {
            let k = j + 1;
            let k = if cs.get(k) == Some(&'度') { k + 1 } else { k };
            if let Some((q, end)) = quarter_at(cs, k) {
                return Some((dated(q * 3, None, Period::Quarter), end));
            }
            if let Some((month, period, end)) = half_year_at(cs, k) {
                return Some((dated(month, None, period), end));
            }
            if let Some((month, end)) = month_cn_at(cs, k) {
                return Some(with_day(cs, dated(month, None, Period::Month), end));
            }
            if let Some((m, end)) = digits(cs, k) {
                if (1..=12).contains(&m) && cs.get(end) == Some(&'月') {
                    return Some(with_day(cs, dated(m, None, Period::Month), end + 1));
                }
                return None;
            }
            // "2023年底", "2023年末": its December.
            if matches!(cs.get(k), Some('底') | Some('末')) {
                return Some((dated(12, None, Period::Month), k + 1));
            }
            Some((dated(12, None, Period::Year), k))
        }
        Some(&sep @ ('-' | '/' | '.')) => {
            let (m, k) = digits(cs, j + 1).filter(|(m, _)| (1..=12).contains(m))?;
            if cs.get(k) == Some(&sep) {
                let (d, end) = digits(cs, k + 1).filter(|(d, _)| (1..=31).contains(d))?;
                return Some((dated(m, Some(d), Period::Day), end));
            }
            // "2021.12" is a number, not a date.
            (sep != '.').then(|| (dated(m, None, Period::Month), k))
        }
        _ => None,
    }
}

/// A day after a month ("31日", "30号") at `i`, if any.
fn with_day(cs: &[char], mut date: DateExpr, i: usize) -> (DateExpr, usize) {
    if let Some((d, end)) = digits(cs, i) {
        if (1..=31).contains(&d) && matches!(cs.get(end), Some('日') | Some('号')) {
            date.day = Some(d);
            date.period = Period::Day;
            return (date, end + 1);
        }
    }
    (date, i)
}

/// ASCII digits at `i` (at most 4, as u32) and the position after them.
fn digits(cs: &[char], i: usize) -> Option<(u32, usize)> {
    let mut n: u32 = 0;
    let mut j = i;
    while let Some(d) = cs.get(j).and_then(|c| c.to_digit(10)) {
        if j - i == 4 {
            return None;
        }
        n = n * 10 + d;
        j += 1;
    }
    (j > i).then_some((n, j))
}

/// A Chinese numeral 1–12 at `i` and the position after it.
fn cn_number_at(cs: &[char], i: usize) -> Option<(u32, usize)> {
    let value = |c: &char| CN_DIGITS.iter().position(|d| d == c).map(|p| p as u32 + 1);
    let first = value(cs.get(i)?)?;
    match (first, cs.get(i + 1).and_then(value)) {
        (10, Some(unit @ 1..=2)) => Some((10 + unit, i + 2)),
        (n, _) => Some((n, i + 1)),
    }
}

/// "九月", "十二月" at `i`: (month, position after 月).
fn month_cn_at(cs: &[char], i: usize) -> Option<(u32, usize)> {
    let (m, j) = cn_number_at(cs, i)?;
    (cs.get(j) == Some(&'月')).then_some((m, j + 1))
}

/// "第三季度", "三季度", "第3季度", "一季度" at `i`: (quarter, end).
fn quarter_at(cs: &[char], i: usize) -> Option<(u32, usize)> {
    let k = if cs.get(i) == Some(&'第') { i + 1 } else { i };
    let (q, j) = match cs.get(k)?.to_digit(10) {
        Some(d) => (d, k + 1),
        None => cn_number_at(cs, k)?,
    };
    ((1..=4).contains(&q) && has_at(cs, j, "季度")).then_some((q, j + 2))
}

/// "上半年" (June, a half year), "下半年" (December, a half year), "年底" /
/// "年末" (December), "年内" (the year) at `i`: (month, span, end). 年内
/// keeps its 内 for the deadline words. Not a count of years ("三年内",
/// "半年内").
fn half_year_at(cs: &[char], i: usize) -> Option<(u32, Period, usize)> {
    let counted = i
        .checked_sub(1)
        .and_then(|k| cs.get(k))
        .is_some_and(|c| CN_DIGITS.contains(c) || matches!(c, '两' | '几' | '半' | '多'));
    if has_at(cs, i, "上半年") {
        Some((6, Period::HalfYear, i + 3))
    } else if has_at(cs, i, "下半年") {
        Some((12, Period::HalfYear, i + 3))
    } else if counted {
        None
    } else if has_at(cs, i, "年底") || has_at(cs, i, "年末") {
        Some((12, Period::Month, i + 2))
    } else if has_at(cs, i, "年内") {
        Some((12, Period::Year, i + 1))
    } else {
        None
    }
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Days in `month` of `year` (31 for a month out of range).
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 (H. Hinnant's `days_from_civil`).
fn days_from_civil(year: i32, month: u32, day: u32) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}
