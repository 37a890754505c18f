//! Cells as the text the user reads in Excel/WPS (see the module docs of
//! `read::workbook`).

use calamine::{Data, DataRef, ExcelDateTime};

/// An XLSX cell's text; `percent` is the decimals of its percent format.
pub(super) fn dataref_text(value: &DataRef<'_>, percent: Option<usize>) -> String {
    match value {
        DataRef::Int(i) => int_text(*i, percent),
        DataRef::Float(x) => float_text(*x, percent),
        DataRef::String(s) => s.clone(),
        DataRef::SharedString(s) => (*s).to_owned(),
        DataRef::Bool(b) => bool_text(*b),
        DataRef::DateTime(dt) => datetime_text(dt),
        DataRef::DateTimeIso(s) => iso_text(s),
        DataRef::DurationIso(s) => s.clone(),
        DataRef::Error(e) => e.to_string(),
        DataRef::Empty => String::new(),
    }
}

/// An XLS cell's text; `percent` is the decimals of its percent format
/// (read by [`XlsFormats`], calamine exposes no number formats for XLS).
pub(super) fn data_text(value: &Data, percent: Option<usize>) -> String {
    match value {
        Data::Int(i) => int_text(*i, percent),
        Data::Float(x) => float_text(*x, percent),
        Data::String(s) => s.clone(),
        Data::Bool(b) => bool_text(*b),
        Data::DateTime(dt) => datetime_text(dt),
        Data::DateTimeIso(s) => iso_text(s),
        Data::DurationIso(s) => s.clone(),
        Data::Error(e) => e.to_string(),
        Data::Empty => String::new(),
    }
}

fn bool_text(b: bool) -> String {
    if b { "TRUE" } else { "FALSE" }.to_owned()
}

fn int_text(i: i64, percent: Option<usize>) -> String {
    match percent {
        None => i.to_string(),
        Some(_) => float_text(i as f64, percent),
    }
}

/// A number as text; with `percent = Some(d)`, as a percentage with at least
/// `d` decimals (see the module docs).
fn float_text(x: f64, percent: Option<usize>) -> String {
    match percent {
        None => number_text(x),
        Some(decimals) => {
            let mut s = number_text(x * 100.0);
            if decimals > 0 {
                let have = match s.find('.') {
                    Some(dot) => s.len() - dot - 1,
                    None => {
                        s.push('.');
                        0
                    }
                };
                for _ in have..decimals {
                    s.push('0');
                }
            }
            s.push('%');
            s
        }
    }
}

/// The shortest decimal text of a number without float noise: at most 10
/// decimal places and 15 significant digits, trailing zeros removed.
pub(super) fn number_text(x: f64) -> String {
    if !x.is_finite() {
        return x.to_string();
    }
    if x == 0.0 {
        return "0".to_owned();
    }
    let magnitude = x.abs().log10().floor();
    let decimals = (14.0 - magnitude).clamp(0.0, 10.0) as usize;
    let mut s = format!("{x:.decimals$}");
    if s.contains('.') {
        let keep = s.trim_end_matches('0').trim_end_matches('.').len();
        s.truncate(keep);
    }
    if s == "-0" {
        s = "0".to_owned();
    }
    s
}

/// The decimals shown by a percent number format (`0.00%` → 2, `0%` → 0),
/// `None` when the format is not a percent format. Only the first section
/// (positive numbers) is looked at; quoted text, escaped characters and
/// `[…]` parts (colours, conditions) are not format characters.
pub(super) fn percent_decimals(format: &str) -> Option<usize> {
    let section = first_section(format);
    let mut percent = false;
    let mut after_dot = false;
    let mut decimals = 0;
    for_each_format_char(section, |ch| match ch {
        '%' => percent = true,
        '.' if !percent => after_dot = true,
        '0' | '#' | '?' if after_dot && !percent => decimals += 1,
        _ => {}
    });
    percent.then_some(decimals)
}

/// The format up to the first unquoted `;`.
fn first_section(format: &str) -> &str {
    let mut quoted = false;
    let mut escaped = false;
    for (i, ch) in format.char_indices() {
        match ch {
            _ if escaped => escaped = false,
            '"' => quoted = !quoted,
            _ if quoted => {}
            '\\' | '_' | '*' => escaped = true,
            ';' => return format.get(..i).unwrap_or(format),
            _ => {}
        }
    }
    format
}

/// Call `f` for each character of a format section that is a format code,
/// skipping quoted text, `\x`, `_x`, `*x` and `[…]`.
fn for_each_format_char(section: &str, mut f: impl FnMut(char)) {
    let mut quoted = false;
    let mut escaped = false;
    let mut bracket = false;
    for ch in section.chars() {
        match ch {
            _ if escaped => escaped = false,
            '"' => quoted = !quoted,
            _ if quoted => {}
            ']' if bracket => bracket = false,
            _ if bracket => {}
            '[' => bracket = true,
            '\\' | '_' | '*' => escaped = true,
            ch => f(ch),
        }
    }
}

/// A date as `2024-03-31`, with a time `2024-03-31 08:30[:15]`, a time alone
/// `08:30`, a duration `36:00:00`.
fn datetime_text(dt: &ExcelDateTime) -> String {
    let serial = dt.as_f64();
    if dt.is_duration() {
        let total = (serial.abs() * 86_400.0).round() as u64;
        let sign = if serial < 0.0 { "-" } else { "" };
        return format!("{sign}{}:{:02}:{:02}", total / 3600, total / 60 % 60, total % 60);
    }
    let (y, mo, d, h, mi, s, ms) = dt.to_ymd_hms_milli();
    let time = if (h, mi, s, ms) == (0, 0, 0, 0) {
        None
    } else if (s, ms) == (0, 0) {
        Some(format!("{h:02}:{mi:02}"))
    } else if ms == 0 {
        Some(format!("{h:02}:{mi:02}:{s:02}"))
    } else {
        Some(format!("{h:02}:{mi:02}:{s:02}.{ms:03}"))
    };
    match time {
        // A time of day without a date (serial below 1).
        Some(time) if (0.0..1.0).contains(&serial) => time,
        Some(time) => format!("{y:04}-{mo:02}-{d:02} {time}"),
        None => format!("{y:04}-{mo:02}-{d:02}"),
    }
}

/// An ISO 8601 date/time (`t="d"` cells): the date alone at midnight, else
/// with a space instead of `T`.
fn iso_text(s: &str) -> String {
    let s = s.strip_suffix("T00:00:00").unwrap_or(s);
    s.replacen('T', " ", 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_without_float_noise() {
        assert_eq!(number_text(15.0), "15");
        assert_eq!(number_text(0.1 + 0.2), "0.3");
        assert_eq!(number_text(95.00000000001), "95");
        assert_eq!(number_text(142.5), "142.5");
        assert_eq!(number_text(12_345_678_901.23), "12345678901.23");
        assert_eq!(number_text(-0.000_000_000_01), "0");
        assert_eq!(number_text(-3.25), "-3.25");
        assert_eq!(number_text(0.000_012_345), "0.000012345");
    }

    #[test]
    fn percent_formats() {
        assert_eq!(percent_decimals("0%"), Some(0));
        assert_eq!(percent_decimals("0.00%"), Some(2));
        assert_eq!(percent_decimals("#,##0.0%;[Red]-#,##0.0%"), Some(1));
        assert_eq!(percent_decimals("0.00\"%\""), None);
        assert_eq!(percent_decimals("0.00\\%"), None);
        assert_eq!(percent_decimals("General"), None);
        assert_eq!(percent_decimals("0.00"), None);
        assert_eq!(float_text(0.95, Some(2)), "95.00%");
        assert_eq!(float_text(0.95, Some(0)), "95%");
        assert_eq!(float_text(0.9488, Some(2)), "94.88%");
        assert_eq!(float_text(0.94875, Some(2)), "94.875%");
        assert_eq!(float_text(0.942, Some(0)), "94.2%");
        assert_eq!(int_text(1, Some(0)), "100%");
    }

    #[test]
    fn iso_dates() {
        assert_eq!(iso_text("2024-03-31T00:00:00"), "2024-03-31");
        assert_eq!(iso_text("2024-03-31T08:30:00"), "2024-03-31 08:30:00");
    }
}
