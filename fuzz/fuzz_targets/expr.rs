//! Arbitrary UTF-8 → every public function of the value-expression parser
//! (and the S28 date parser).
#![no_main]

use jixiao::expr;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else { return };
    // Split at the first U+0001 (or the middle) into a target and an actual.
    let (t, a) = match s.split_once('\u{1}') {
        Some(p) => p,
        None => {
            let mut mid = s.len() / 2;
            while !s.is_char_boundary(mid) {
                mid -= 1;
            }
            s.split_at(mid)
        }
    };
    for x in [s, t, a] {
        let n = expr::normalize(x);
        // normalize is idempotent
        assert_eq!(expr::normalize(&n), n, "normalize not idempotent on {x:?}");
        let _ = expr::parse_number(x);
        let _ = expr::parse_symbol(x);
        let _ = expr::parse_unit(x);
        let _ = expr::is_zero_word(x);
        if let Some(v) = expr::parse_value(x) {
            let _ = v.unit.label();
        }
        // S28 dates: a strict target date is also found leniently.
        let _ = expr::year_in(x);
        if let Some(d) = expr::parse_date(x) {
            assert_eq!(expr::find_date(x), Some(d.clone()), "parse_date and find_date disagree on {x:?}");
            let (first, last) = (d.first_day(2024), d.last_day(2023));
            let _ = (first.day_from(2023), last.day_from(i32::MAX), first.to_string());
            assert!(d.first_day(2025) <= d.last_day(2025), "span ends before it starts: {x:?}");
        }
    }
    if let (Some(tv), Some(av)) = (expr::parse_value(t), expr::parse_value(a)) {
        let _ = expr::align(&tv, &av);
        let _ = expr::align(&av, &tv);
    }
});
