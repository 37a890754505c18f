//! S20 full marks, S21 ranges, S10 zero words, alignment, and values of real forms.

use super::*;

#[test]
fn s20_score_of_full_marks() {
    let e = v("综合效能 14.23 分（满分 15 分）");
    assert_eq!(e.label, "综合效能");
    assert_eq!(e.value, d("14.23"));
    assert_eq!(e.unit, count("分"));
    assert_eq!(e.full_marks, Some(d("15")));
    assert_eq!(e.comparator, None);

    let e = v("14.23分(满分15分)");
    assert_eq!((e.value, e.full_marks), (d("14.23"), Some(d("15"))));

    let e = v("得分14.23（满分15）");
    assert_eq!(e.label, "得分");
    assert_eq!(e.value, d("14.23"));
    assert_eq!(e.unit, count("分"));
    assert_eq!(e.full_marks, Some(d("15")));

    let e = v("满分15分，得分14.23");
    assert_eq!(e.label, "得分");
    assert_eq!(e.value, d("14.23"));
    assert_eq!(e.full_marks, Some(d("15")));

    assert_eq!(v("14.23 分").full_marks, None);
}

#[test]
fn s20_align_against_percent_target() {
    let target = v("综合办理效能 75%以上");
    let actual = v("综合效能 14.23 分（满分 15 分）");
    let a = align(&target, &actual).unwrap();
    assert_eq!(a.target, d("75"));
    assert_eq!(a.unit, "%");
    assert_eq!(a.actual.round_dp(2), d("94.87"));
    assert!(a.actual > d("94.8666") && a.actual < d("94.8667"));
}

#[test]
fn s20_align_against_score_target() {
    let a = align(&v("≥12 分"), &v("14.23 分（满分 15 分）")).unwrap();
    assert_eq!((a.target, a.actual, a.unit.as_str()), (d("12"), d("14.23"), "分"));
    let a = align(&v("12"), &v("14.23 分（满分 15 分）")).unwrap();
    assert_eq!((a.actual, a.unit.as_str()), (d("14.23"), "分"));
    assert!(align(&v("10天"), &v("14.23 分（满分 15 分）")).is_err());
    let mut zero_marks = v("14.23 分（满分 15 分）");
    zero_marks.full_marks = Some(Decimal::ZERO);
    assert!(align(&v("75%"), &zero_marks).is_err());
}

// --- S21 ranges --------------------------------------------------------

#[test]
fn s21_range() {
    for text in ["95%-100%", "95%～100%", "95%~100%", "95-100%", "95%至100%", "95%—100%", "95% - 100%", "95%〜100%"]
    {
        let e = v(text);
        assert_eq!(e.value, d("95"), "{text}");
        assert_eq!(e.upper, Some(d("100")), "{text}");
        assert_eq!(e.unit, Unit::Percent, "{text}");
        assert_eq!(e.comparator, Some(Comparator::Ge), "{text}");
    }
    let e = v("合格率 95%-100%");
    assert_eq!(e.label, "合格率");
    let e = v("10-20 人");
    assert_eq!((e.value, e.upper, e.unit), (d("10"), Some(d("20")), count("人")));
    assert_eq!(v("95%").upper, None);
}

// --- S10 zero words ----------------------------------------------------

#[test]
fn s10_zero_words() {
    for text in ["零投诉", "无重大事故", "零事故", "无安全责任事故", "无"] {
        let e = v(text);
        assert_eq!(e.value, Decimal::ZERO, "{text}");
        assert_eq!(e.comparator, Some(Comparator::Le), "{text}");
        assert!(e.zero_word, "{text}");
        assert_eq!(e.unit, Unit::None, "{text}");
    }
    let e = v("0 起");
    assert!(!e.zero_word);
    assert_eq!((e.value, e.unit), (Decimal::ZERO, count("起")));
    let e = v("≤0 起");
    assert_eq!(e.comparator, Some(Comparator::Le));
    assert!(!e.zero_word);
    // 无法 / 无需 / 无偿 are not zero words.
    assert_eq!(
        parse_value("无偿提供10次"),
        Some(v("提供10次")).map(|mut e| {
            e.label = "无偿提供".into();
            e
        })
    );
}

#[test]
fn s10_is_zero_word() {
    for yes in [
        "无",
        "零",
        "0",
        "0起",
        "0 起",
        "０",
        "未发生",
        "没有发生",
        "无重大事故",
        "零投诉",
        "未发生安全事故",
        "全年未发生安全责任事故",
        "没有投诉",
    ] {
        assert!(is_zero_word(yes), "{yes}");
    }
    for no in ["有", "3起", "", "  ", "1", "没有完成", "无法统计", "发生2起", "0.5起"] {
        assert!(!is_zero_word(no), "{no}");
    }
}

// --- align -------------------------------------------------------------

#[test]
fn s19_align_bare_numbers_take_the_other_unit() {
    let a = align(&v("≥20 名"), &v("25")).unwrap();
    assert_eq!((a.target, a.actual, a.unit.as_str()), (d("20"), d("25"), "名"));
    let a = align(&v("90"), &v("97.42%")).unwrap();
    assert_eq!((a.target, a.actual, a.unit.as_str()), (d("90"), d("97.42"), "%"));
    let a = align(&v("90"), &v("97")).unwrap();
    assert_eq!(a.unit, "");
}

#[test]
fn s19_align_money() {
    let a = align(&v("≤12.5 万元"), &v("1295000元")).unwrap();
    assert_eq!((a.target, a.actual, a.unit.as_str()), (d("12.5"), d("129.5"), "万元"));
    let a = align(&v("≤12.5 万元"), &v("12.95 万元")).unwrap();
    assert_eq!((a.actual, a.unit.as_str()), (d("12.95"), "万元"));
    let a = align(&v("1亿元"), &v("5000万元")).unwrap();
    assert_eq!((a.actual, a.unit.as_str()), (d("0.5"), "亿元"));
    let a = align(&v("125000元"), &v("12.5万元")).unwrap();
    assert_eq!((a.actual, a.unit.as_str()), (d("125000"), "元"));
}

#[test]
fn s19_align_counts() {
    let a = align(&v("≤10 个月"), &v("11 个月")).unwrap();
    assert_eq!((a.target, a.actual, a.unit.as_str()), (d("10"), d("11"), "月"));
    let a = align(&v("≤10 个月"), &v("11月")).unwrap();
    assert_eq!(a.unit, "月");
    let a = align(&ve("5", count("日")), &ve("7", count("天"))).unwrap();
    assert_eq!(a.unit, "天");
    let a = align(&v("≥12 所"), &v("11 所")).unwrap();
    assert_eq!((a.actual, a.unit.as_str()), (d("11"), "所"));
    let a = align(&v("≥90%"), &v("94.2%")).unwrap();
    assert_eq!((a.actual, a.unit.as_str()), (d("94.2"), "%"));
}

#[test]
fn s19_align_unit_mismatch() {
    assert_eq!(align(&v("5天"), &v("3万元")), Err("单位不一致：指标值为“天”，完成值为“万元”，无法比较".to_string()));
    assert_eq!(align(&v("90%"), &v("30人")), Err("单位不一致：指标值为“%”，完成值为“人”，无法比较".to_string()));
    assert!(align(&v("5人"), &v("5人次")).is_err());
    assert!(align(&v("90%"), &v("14.23分")).is_err());
}

#[test]
fn s19_align_overflow_is_err() {
    let target = ve("1", Unit::Money(Decimal::ONE));
    let actual = ve("79228162514264337593543950335", Unit::Money(Decimal::from(100_000_000)));
    assert!(align(&target, &actual).is_err());
}

// --- fixtures ----------------------------------------------------------

#[test]
fn fixture_baiyun_xinfang_2023() {
    assert_eq!(parse_value("我区群众信访形势整体平稳"), None);
    assert_eq!(v("100%").value, d("100"));
    let t = v("≥20 名");
    let a = v("25 名");
    assert_eq!(t.comparator, Some(Comparator::Ge));
    assert_eq!(align(&t, &a).unwrap().actual, d("25"));
    let t = v("群众满意率 90%");
    let a = v("97.42%");
    let al = align(&t, &a).unwrap();
    assert_eq!((al.target, al.actual), (d("90"), d("97.42")));
}

#[test]
fn fixture_campus_safety_form_2024() {
    let t = v("≤10 个月");
    assert_eq!((t.comparator, t.value, t.unit.clone()), (Some(Comparator::Le), d("10"), count("月")));
    let t = v("≤12.5 万元");
    assert_eq!((t.comparator, t.value, t.unit.clone()), (Some(Comparator::Le), d("12.5"), wan()));
    let al = align(&t, &v("12.95 万元")).unwrap();
    assert_eq!(al.actual, d("12.95"));
    let t = v("0 起");
    assert_eq!(t.comparator, None);
    assert!(is_zero_word("0 起"));
    assert_eq!(parse_value("建立并有效运行"), None);
    assert_eq!(parse_value("基本建立"), None);
    assert_eq!(parse_number("142.5"), Some(d("142.5")));
    assert_eq!(parse_number("95.00%").unwrap().to_string(), "95.00");
}
