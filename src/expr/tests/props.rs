//! No text makes the parsers panic; the fast paths agree with the scanners.

use proptest::prelude::*;

use super::*;

fn biased() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "0",
        "1",
        "9",
        "12",
        "36,500",
        "，",
        ",",
        ".",
        "．",
        "%",
        "％",
        "≥",
        "≤",
        ">",
        "<",
        "=",
        ">=",
        "<=",
        "分",
        "满分",
        "万元",
        "万",
        "亿",
        "元",
        "（",
        "）",
        "(",
        ")",
        "-",
        "－",
        "～",
        "~",
        "至",
        "以上",
        "以内",
        "控制在",
        "不低于",
        "个月",
        "日",
        "零",
        "无",
        "未发生",
        " ",
        "\u{3000}",
        "\u{200B}",
        "１",
        "e",
        "+",
        "—",
        "含",
        "人次",
        "所",
        "得分",
        "内",
    ]);
    prop::collection::vec(pieces, 0..16).prop_map(|v| v.concat())
}

fn exercise(s: &str) {
    let _ = normalize(s);
    let _ = parse_number(s);
    let _ = parse_symbol(s);
    let _ = parse_unit(s);
    let _ = is_zero_word(s);
    if let Some(e) = parse_value(s) {
        let _ = align(&e, &e);
        let _ = align(&e, &ve("1", Unit::None));
        let _ = align(&ve("1", Unit::Percent), &e);
        let _ = align(&ve("0", Unit::Money(Decimal::ZERO)), &e);
    }
}

proptest! {
    #[test]
    fn normalize_fast_path_agrees(s in "[a-z0-9 =<>\t\n指标值≧⩾═﹦﹥﹤﹪−–﹣〜０-９＞＝\u{200B}\u{FEFF}\u{3000}\u{A0}]{0,12}") {
        prop_assert_eq!(normalize(&s), crate::expr::normalize::normalize_mapped(&s));
    }

    #[test]
    fn plain_value_fast_path_agrees(s in "[≥≤<>=＞ 零无]{0,2}[0-9]{0,4}[.,]?[0-9]{0,3}[ ]{0,2}(%|％|百分比|元|万元|亿元|千元|百万元|万|万人次|个|个月|月|日|天|年|分|人次|次|余人|多家|艘|以上|内|PM|G)?[ 0-9]?") {
        prop_assert_eq!(parse_value(&s), crate::expr::value::parse_value_scanned(&s));
    }

    #[test]
    fn plain_number_fast_path_agrees(s in "[0-9.]{0,32}") {
        prop_assert_eq!(parse_number(&s), crate::expr::number::parse_number_scanned(&s));
    }

    #[test]
    fn never_panics_on_any_string(s in ".*") {
        exercise(&s);
    }

    #[test]
    fn never_panics_on_value_like_strings(s in biased()) {
        exercise(&s);
    }

    #[test]
    fn never_panics_on_pairs(a in biased(), b in biased()) {
        if let (Some(t), Some(x)) = (parse_value(&a), parse_value(&b)) {
            let _ = align(&t, &x);
        }
    }

    #[test]
    fn normalize_is_idempotent(s in biased()) {
        let once = normalize(&s).into_owned();
        prop_assert_eq!(normalize(&once).into_owned(), once);
    }
}

#[test]
fn s19_plain_number_fast_path_agrees_with_the_scanner() {
    use crate::expr::number::parse_number_scanned;
    for s in [
        "0",
        "15",
        "12.5",
        "007",
        "95.00",
        "0.5",
        "1234567890123456789012345678",
        "12345678901234567890123456789012",
        "0.000000000000000000000000000001",
        "1.",
        ".5",
        "1..2",
        "1.2.3",
        "",
        "-3",
        "+3",
        "1,000",
        "１２",
        " 12",
        "12 ",
        "12%",
        "1e5",
    ] {
        assert_eq!(parse_number(s), parse_number_scanned(s), "{s:?}");
    }
}

#[test]
fn s19_plain_value_fast_path_agrees_with_the_scanner() {
    use crate::expr::value::parse_value_scanned;
    for s in [
        "85.5%",
        "≥85%",
        "1510 户",
        "≤7 天",
        "≥300 万元",
        "200 元/户",
        "3639批次",
        "≥3560批次",
        "2023年",
        "2023年底",
        "12月",
        "10个月",
        "10 分",
        "0",
        "0.00",
        "=100%",
        ">5",
        "<5",
        "≥ 85%",
        ">=85",
        "85 ",
        " 85",
        "85  个",
        "1.2万人次",
        "3千元",
        "5百万元",
        "30多家",
        "1200余人",
        "3艘",
        "95-100%",
        "90%以上",
        "5G",
        "1,000",
        "1.2.3",
        "12.",
        "007个",
        "１２个",
        "≧90%",
        "14分（满分15分）",
        "100百分比",
        "5百分点",
        "5个百分点",
        "2平方公里",
    ] {
        assert_eq!(parse_value(s), parse_value_scanned(s), "{s:?}");
    }
}
