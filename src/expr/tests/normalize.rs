//! Normalisation of cell text.

use super::*;

#[test]
fn normalize_full_width_and_look_alikes() {
    assert_eq!(normalize("１２．５％"), "12.5%");
    assert_eq!(normalize("ＡＢＣ"), "ABC");
    assert_eq!(normalize("≧９０％"), "≥90%");
    assert_eq!(normalize("≦10"), "≤10");
    assert_eq!(normalize("═5"), "=5");
    assert_eq!(normalize("＝5"), "=5");
    assert_eq!(normalize("＞5 ＜6"), ">5 <6");
    assert_eq!(normalize(">=90%"), "≥90%");
    assert_eq!(normalize("<=10"), "≤10");
    assert_eq!(normalize("36，500"), "36,500");
    assert_eq!(normalize("（满分１５分）"), "(满分15分)");
    assert_eq!(normalize("－3"), "-3");
    assert_eq!(normalize("95％～100％"), "95%~100%");
    assert_eq!(normalize("满意度：90%"), "满意度:90%");
}

#[test]
fn normalize_spaces_and_invisible_chars() {
    assert_eq!(normalize("  群众满意率\u{3000}\u{3000}90%  "), "群众满意率 90%");
    assert_eq!(normalize("a\u{00A0}b"), "a b");
    assert_eq!(normalize("综合效能\r\n14.23\t分"), "综合效能 14.23 分");
    assert_eq!(normalize("9\u{200B}0\u{FEFF}%"), "90%");
    assert_eq!(normalize(" \n\t "), "");
    assert_eq!(normalize(""), "");
}

#[test]
fn normalize_keeps_chinese_punctuation() {
    assert_eq!(normalize("推行“一站式”联合接访"), "推行“一站式”联合接访");
    assert_eq!(normalize("完成11所、1所顺延。"), "完成11所、1所顺延。");
    assert_eq!(normalize("—"), "—");
}
