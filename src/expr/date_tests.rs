//! S28: dates and deadlines as written in targets and actuals.

use super::date::days_in_month;
use super::*;

fn date(s: &str) -> DateExpr {
    parse_date(s).unwrap_or_else(|| panic!("{s} should be a date"))
}

fn ymd(year: i32, month: u32, day: u32) -> Ymd {
    Ymd { year, month, day }
}

#[test]
fn s28_time_limits_of_the_spec_are_dates() {
    // (text, year, month, day, span, deadline word)
    let cases = [
        ("9月前", None, 9, None, Period::Month, true),
        ("12月底前", None, 12, None, Period::Month, true),
        ("2021年12月31日前", Some(2021), 12, Some(31), Period::Day, true),
        ("2022年3月", Some(2022), 3, None, Period::Month, false),
        ("第三季度前", None, 9, None, Period::Quarter, true),
        ("于6月30日前完成", None, 6, Some(30), Period::Day, true),
        ("7月", None, 7, None, Period::Month, false),
        ("2022年1月15日", Some(2022), 1, Some(15), Period::Day, false),
        ("2024-03-31", Some(2024), 3, Some(31), Period::Day, false),
        ("2024/3/5", Some(2024), 3, Some(5), Period::Day, false),
        ("2021.12.31", Some(2021), 12, Some(31), Period::Day, false),
        ("十二月底前", None, 12, None, Period::Month, true),
        ("2023年底前完成", Some(2023), 12, None, Period::Month, true),
        ("年底前", None, 12, None, Period::Month, true),
        ("年内完成", None, 12, None, Period::Year, true),
        ("2023年上半年", Some(2023), 6, None, Period::HalfYear, false),
        ("截至2022年6月", Some(2022), 6, None, Period::Month, true),
        ("一季度末", None, 3, None, Period::Quarter, false),
        ("第4季度之前", None, 12, None, Period::Quarter, true),
        ("10月30号以前", None, 10, Some(30), Period::Day, true),
        ("2023年度", Some(2023), 12, None, Period::Year, false),
        ("２０２２年３月", Some(2022), 3, None, Period::Month, false),
    ];
    for (text, year, month, day, period, deadline) in cases {
        let d = date(text);
        assert_eq!((d.year, d.month, d.day, d.period, d.deadline), (year, month, day, period, deadline), "{text}");
    }
}

#[test]
fn s28_counts_and_labels_are_not_dates() {
    for text in [
        "≤10 个月",
        "10个月",
        "≤10月",
        "≥3月",
        "95%",
        "2000人",
        "2000",
        "2021.12",
        "2021-2022",
        "1-12月",
        "13月",
        "按时完成",
        "三年内完成",
        "半年内",
        "2023年群众满意率≥90%",
        "2023年底前完成80%",
        "2023年实现全覆盖",
        "2023年完成10个",
        "每月底前报送",
        "",
    ] {
        assert_eq!(parse_date(text), None, "{text}");
    }
}

#[test]
fn s28_an_actual_may_say_more_after_its_date() {
    let d = find_date("2022年1月15日（延期15天）").unwrap();
    assert_eq!((d.year, d.month, d.day), (Some(2022), 1, Some(15)));
    assert_eq!(parse_date("2022年1月15日（延期15天）"), None);
    assert!(find_date("已于7月完成").is_some_and(|d| d.month == 7 && d.year.is_none()));
    assert_eq!(find_date("按时完成"), None);
}

#[test]
fn s28_spans_give_first_and_last_days() {
    // "9月前" is met by any day of September (inclusive).
    assert_eq!(date("9月前").last_day(2025), ymd(2025, 9, 30));
    assert_eq!(date("7月").first_day(2025), ymd(2025, 7, 1));
    // A quarter means its last month; its first day opens the quarter.
    assert_eq!(date("第三季度前").last_day(2025), ymd(2025, 9, 30));
    assert_eq!(date("第三季度").first_day(2025), ymd(2025, 7, 1));
    assert_eq!(date("2023年上半年").first_day(2000), ymd(2023, 1, 1));
    assert_eq!(date("年内").first_day(2024), ymd(2024, 1, 1));
    assert_eq!(date("年内").last_day(2024), ymd(2024, 12, 31));
    // A written year wins over the one given; February follows leap years.
    assert_eq!(date("2022年2月").last_day(2024), ymd(2022, 2, 28));
    assert_eq!(date("2月底前").last_day(2024), ymd(2024, 2, 29));
    assert_eq!(date("2月30日").last_day(2023), ymd(2023, 2, 28));
    assert_eq!(days_in_month(2100, 2), 28);
    assert_eq!(days_in_month(2000, 2), 29);
}

#[test]
fn s28_days_are_counted_from_1_january_of_the_targets_year() {
    // The spec's example: 2022-01-15 against 2021-12-31 is day 380 / day 365.
    assert_eq!(ymd(2021, 12, 31).day_from(2021), 365);
    assert_eq!(ymd(2022, 1, 15).day_from(2021), 380);
    assert_eq!(ymd(2024, 1, 1).day_from(2024), 1);
    assert_eq!(ymd(2024, 12, 31).day_from(2024), 366);
    assert_eq!(ymd(2023, 12, 31).day_from(2024), 0);
    assert_eq!(ymd(2021, 12, 31).to_string(), "2021-12-31");
}

#[test]
fn s28_the_projects_year_comes_from_its_name() {
    assert_eq!(year_in("2023年度信访工作经费"), Some(2023));
    assert_eq!(year_in("白云区2021年校园安全项目"), Some(2021));
    assert_eq!(year_in("信访工作经费"), None);
    assert_eq!(year_in("12023年"), None);
    assert_eq!(year_in("3000年计划"), None);
}

#[test]
fn unix_days_to_dates_and_back() {
    assert_eq!(Ymd::from_unix_days(0), ymd(1970, 1, 1));
    assert_eq!(Ymd::from_unix_days(20_819), ymd(2027, 1, 1));
    assert_eq!(Ymd::from_unix_days(20_818), ymd(2026, 12, 31));
    assert_eq!(Ymd::from_unix_days(11_016), ymd(2000, 2, 29));
    for days in [-800_000, -1, 0, 59, 10_957, 20_000, 700_000] {
        let d = Ymd::from_unix_days(days);
        assert_eq!(d.day_from(1970) - 1, days, "{d}");
    }
}
