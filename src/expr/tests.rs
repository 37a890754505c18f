use std::str::FromStr;

use proptest::prelude::*;
use rust_decimal::Decimal;

use super::*;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn v(s: &str) -> ValueExpr {
    parse_value(s).unwrap_or_else(|| panic!("no value in {s:?}"))
}

/// S18/S19: numbers inside names are not values.
#[test]
fn s19_numbers_inside_names_are_not_values() {
    assert_eq!(v("PM2.5年均浓度≤35微克/立方米").value, d("35"));
    let covid = v("COVID-19疫苗接种率≥90%");
    assert_eq!((covid.value, covid.comparator, covid.unit), (d("90"), Some(Comparator::Ge), Unit::Percent));
    assert_eq!(v("5G基站数量≥100个").value, d("100"));
    assert_eq!(parse_value("<math>P8"), None);
    assert_eq!(v("-3 个").value, d("-3"));
    assert_eq!(v("≥90%").value, d("90"));
}

fn count(s: &str) -> Unit {
    Unit::Count(s.to_owned().into())
}

fn wan() -> Unit {
    Unit::Money(Decimal::from(10_000))
}

/// A ValueExpr built by hand, for `align`.
fn ve(value: &str, unit: Unit) -> ValueExpr {
    ValueExpr {
        label: String::new(),
        comparator: None,
        value: d(value),
        unit,
        upper: None,
        full_marks: None,
        zero_word: false,
    }
}

// --- normalisation -----------------------------------------------------

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

// --- S18 comparators ---------------------------------------------------

#[test]
fn s18_comparator_symbols() {
    let cases = [
        ("≥20 名", Comparator::Ge),
        (">=20", Comparator::Ge),
        ("≧20", Comparator::Ge),
        ("＞20", Comparator::Gt),
        (">20", Comparator::Gt),
        ("≤10 个月", Comparator::Le),
        ("<=10", Comparator::Le),
        ("≦10", Comparator::Le),
        ("＜10", Comparator::Lt),
        ("<10", Comparator::Lt),
        ("=0", Comparator::Eq),
        ("＝0", Comparator::Eq),
        ("═0", Comparator::Eq),
    ];
    for (text, cmp) in cases {
        assert_eq!(v(text).comparator, Some(cmp), "{text}");
        assert_eq!(v(text).label, "", "{text}");
    }
}

#[test]
fn s18_comparator_words() {
    let cases = [
        ("不低于90%", Comparator::Ge),
        ("不少于 20 名", Comparator::Ge),
        ("至少3次", Comparator::Ge),
        ("达到95%", Comparator::Ge),
        ("大于等于90%", Comparator::Ge),
        ("超过80%", Comparator::Gt),
        ("高于80%", Comparator::Gt),
        ("大于80%", Comparator::Gt),
        ("不高于5%", Comparator::Le),
        ("不超过30天", Comparator::Le),
        ("不多于2起", Comparator::Le),
        ("小于等于5", Comparator::Le),
        ("低于5%", Comparator::Lt),
        ("少于3起", Comparator::Lt),
        ("小于3", Comparator::Lt),
        ("等于100%", Comparator::Eq),
    ];
    for (text, cmp) in cases {
        assert_eq!(v(text).comparator, Some(cmp), "{text}");
    }
}

#[test]
fn s18_overlapping_words_longest_first() {
    assert_eq!(v("大于等于5").comparator, Some(Comparator::Ge));
    assert_eq!(v("小于等于5").comparator, Some(Comparator::Le));
    assert_eq!(v("不低于5").comparator, Some(Comparator::Ge));
    assert_eq!(v("不少于5").comparator, Some(Comparator::Ge));
    assert_eq!(v("不高于5").comparator, Some(Comparator::Le));
    assert_eq!(v("不超过5").comparator, Some(Comparator::Le));
    assert_eq!(v("大于或等于5").comparator, Some(Comparator::Ge));
}

#[test]
fn s18_comparator_after_number() {
    let e = v("综合办理效能 75%以上");
    assert_eq!(e.label, "综合办理效能");
    assert_eq!(e.comparator, Some(Comparator::Ge));
    assert_eq!(e.value, d("75"));
    assert_eq!(e.unit, Unit::Percent);

    assert_eq!(v("75%以上").comparator, Some(Comparator::Ge));
    assert_eq!(v("90%及以上").comparator, Some(Comparator::Ge));
    assert_eq!(v("90%（含）以上").comparator, Some(Comparator::Ge));
    assert_eq!(v("5%以下").comparator, Some(Comparator::Le));
    assert_eq!(v("3天内").comparator, Some(Comparator::Le));
    assert_eq!(v("3天内").unit, count("天"));
    assert_eq!(v("30个工作日以内").unit, count("工作日"));
    assert_eq!(v("30个工作日以内").comparator, Some(Comparator::Le));
    assert_eq!(v("5 内容").comparator, None);
}

#[test]
fn s18_control_within() {
    let e = v("控制在12.5万元以内");
    assert_eq!(e.label, "");
    assert_eq!(e.comparator, Some(Comparator::Le));
    assert_eq!(e.value, d("12.5"));
    assert_eq!(e.unit, wan());

    let e = v("单校成本控制在 12.5 万元");
    assert_eq!(e.label, "单校成本");
    assert_eq!(e.comparator, Some(Comparator::Le));
    // A comparator after the number wins over the weak 控制在.
    assert_eq!(v("合格率控制在95%以上").comparator, Some(Comparator::Ge));
}

#[test]
fn s18_label_is_kept() {
    let e = v("群众满意率 90%");
    assert_eq!(e.label, "群众满意率");
    assert_eq!(e.comparator, None);
    assert_eq!(e.value, d("90"));
    assert_eq!(e.unit, Unit::Percent);

    let e = v("满意度：≥ 90%");
    assert_eq!(e.label, "满意度");
    assert_eq!(e.comparator, Some(Comparator::Ge));

    let e = v("群众满意率不低于90%");
    assert_eq!(e.label, "群众满意率");
    assert_eq!(e.comparator, Some(Comparator::Ge));
}

#[test]
fn s18_actual_repeating_the_comparator() {
    let e = v("≥90%");
    assert_eq!(e.comparator, Some(Comparator::Ge));
    assert_eq!(e.value, d("90"));
    assert_eq!(e.unit, Unit::Percent);
}

// --- S19 numbers and units --------------------------------------------

#[test]
fn s19_thousands_separator() {
    let e = v("36,500 人次");
    assert_eq!(e.value, d("36500"));
    assert_eq!(e.unit, count("人次"));
    assert_eq!(v("36，500人次").value, d("36500"));
    assert_eq!(v("1,234,567.5元").value, d("1234567.5"));
    assert_eq!(parse_number("36,500"), Some(d("36500")));
    // Not a thousands group: the number stops at the comma.
    assert_eq!(v("1,2").value, d("1"));
    assert_eq!(parse_number("1,2"), None);
    assert_eq!(parse_number("1,2345"), None);
}

#[test]
fn s19_full_width_digits_and_signs() {
    let e = v("≥１２ 所");
    assert_eq!(e.value, d("12"));
    assert_eq!(e.unit, count("所"));
    assert_eq!(v("-3").value, d("-3"));
    assert_eq!(v("增长率 -3%").value, d("-3"));
    assert_eq!(v("－3%").value, d("-3"));
    assert_eq!(v(".5%").value, d("0.5"));
}

#[test]
fn s19_percent_units() {
    assert_eq!(v("97.42%").unit, Unit::Percent);
    assert_eq!(v("97.42%").value, d("97.42"));
    let e = v("100百分比");
    assert_eq!(e.value, d("100"));
    assert_eq!(e.unit, Unit::Percent);
    assert_eq!(v("95 %").unit, Unit::Percent);
}

#[test]
fn s19_money_units() {
    assert_eq!(v("≤12.5 万元").unit, wan());
    assert_eq!(v("12.95 万元").value, d("12.95"));
    assert_eq!(v("1295000元").unit, Unit::Money(Decimal::ONE));
    assert_eq!(v("3亿元").unit, Unit::Money(Decimal::from(100_000_000)));
    assert_eq!(v("3亿元").unit.label(), "亿元");
    // 千元 and 百万元 are folded into 元 and 万元.
    let e = v("5千元");
    assert_eq!((e.value, e.unit), (d("5000"), Unit::Money(Decimal::ONE)));
    let e = v("1.5百万元");
    assert_eq!((e.value, e.unit), (d("150"), wan()));
}

#[test]
fn s19_count_units() {
    let cases = [
        ("≥20 名", "名"),
        ("25 名", "名"),
        ("≥12 所", "所"),
        ("11 所", "所"),
        ("0 起", "起"),
        ("3个", "个"),
        ("5人", "人"),
        ("100 人次", "人次"),
        ("2 次", "次"),
        ("4件", "件"),
        ("6项", "项"),
        ("120户", "户"),
        ("8家", "家"),
        ("2台", "台"),
        ("3套", "套"),
        ("5篇", "篇"),
        ("10场", "场"),
        ("4期", "期"),
        ("2批", "批"),
        ("1座", "座"),
        ("12公里", "公里"),
        ("300平方米", "平方米"),
        ("50亩", "亩"),
        ("24小时", "小时"),
        ("30天", "天"),
        ("30日", "天"),
        ("15个工作日", "工作日"),
        ("15工作日", "工作日"),
        ("10 个月", "月"),
        ("10月", "月"),
        ("3年", "年"),
        ("14.23分", "分"),
        ("5例", "例"),
        ("2宗", "宗"),
        ("100份", "份"),
        ("200本", "本"),
        ("300册", "册"),
        ("3辆", "辆"),
        ("500米", "米"),
        ("2千米", "千米"),
        ("10吨", "吨"),
        ("30分钟", "分钟"),
        ("2个百分点", "百分点"),
    ];
    for (text, unit) in cases {
        assert_eq!(v(text).unit, count(unit), "{text}");
    }
}

#[test]
fn s19_longest_known_unit_and_unknown_words() {
    // 所学校: the known unit 所, not the whole word.
    assert_eq!(v("12 所学校").unit, count("所"));
    let e = v("完成全县12所学校监控与消防设施改造");
    assert_eq!(e.label, "完成全县");
    assert_eq!(e.value, d("12"));
    assert_eq!(e.unit, count("所"));
    // An unknown one-character unit is kept as written.
    assert_eq!(v("3艘").unit, count("艘"));
    // …but never a comparator word or a verb.
    assert_eq!(v("90以上").unit, Unit::None);
    assert_eq!(v("90以上").comparator, Some(Comparator::Ge));
    assert_eq!(v("3 完成").unit, Unit::None);
}

#[test]
fn s19_wan_before_count_unit() {
    let e = v("1.2万人次");
    assert_eq!(e.value, d("12000"));
    assert_eq!(e.value.to_string(), "12000");
    assert_eq!(e.unit, count("人次"));
    let e = v("≥3万");
    assert_eq!(e.value, d("30000"));
    assert_eq!(e.unit, Unit::None);
    let e = v("1200余人");
    assert_eq!(e.value, d("1200"));
    assert_eq!(e.unit, count("人"));
}

#[test]
fn s19_text_after_the_value_is_ignored() {
    let e = v("完成11所，1所顺延");
    assert_eq!(e.label, "完成");
    assert_eq!(e.value, d("11"));
    assert_eq!(e.unit, count("所"));
}

#[test]
fn s19_years_parse_as_count() {
    let e = v("2023年底前完成");
    assert_eq!(e.value, d("2023"));
    assert_eq!(e.unit, count("年"));
    // A year in front of another value is part of the label.
    let e = v("2023年群众满意率≥90%");
    assert_eq!(e.label, "2023年群众满意率");
    assert_eq!(e.comparator, Some(Comparator::Ge));
    assert_eq!((e.value, e.unit), (d("90"), Unit::Percent));
    // Not a year: a count of years stays the value.
    assert_eq!(v("≥3年，每年2次").value, d("3"));
}

#[test]
fn s14_texts_without_numbers() {
    for text in [
        "我区群众信访形势整体平稳",
        "建立并有效运行",
        "基本建立",
        "没有超期办理信访案件",
        "推行“一站式”联合接访",
        "我区社会大局和谐稳定",
        "有效提升",
        "十二",
        "",
        "   ",
        "无法统计",
        "无需填报",
    ] {
        assert_eq!(parse_value(text), None, "{text}");
    }
}

#[test]
fn s19_parse_number() {
    assert_eq!(parse_number("12.5"), Some(d("12.5")));
    assert_eq!(parse_number("１２"), Some(d("12")));
    assert_eq!(parse_number("36,500"), Some(d("36500")));
    assert_eq!(parse_number("36，500"), Some(d("36500")));
    assert_eq!(parse_number("10 分"), Some(d("10")));
    assert_eq!(parse_number("142.5万元"), Some(d("142.5")));
    assert_eq!(parse_number(" 60 "), Some(d("60")));
    assert_eq!(parse_number("59.33"), Some(d("59.33")));
    assert_eq!(parse_number("-0"), Some(Decimal::ZERO));
    assert!(parse_number("-0").unwrap().is_sign_positive());
    assert_eq!(parse_number("-3.5"), Some(d("-3.5")));
    assert_eq!(parse_number("+3"), Some(d("3")));
    for bad in ["十二", "", "abc", "12.5.3", "1e5", "12abc", "约12", "12 所学校", "—", "12."] {
        assert_eq!(parse_number(bad), None, "{bad}");
    }
}

#[test]
fn s19_parse_number_keeps_scale() {
    let n = parse_number("95.00%").unwrap();
    assert_eq!(n, d("95"));
    assert_eq!(n.scale(), 2);
    assert_eq!(n.to_string(), "95.00");
}

#[test]
fn s19_numbers_too_long_are_none() {
    let long = "9".repeat(60);
    assert_eq!(parse_number(&long), None);
    assert_eq!(parse_value(&long), None);
    assert_eq!(parse_value(&format!("{long}万人次")), None);
    // Overflow when scaling by 万 is None, not a panic.
    assert_eq!(parse_value("79228162514264337593543950335万人"), None);
    // Long fractions are rounded by Decimal, never a panic.
    for text in [
        format!("0.{long}"),
        format!("1.{long}%"),
        format!("79228162514264337593543950335.{long}"),
        format!("-{long}.{long}"),
    ] {
        let _ = parse_number(&text);
        let _ = parse_value(&text);
    }
}

#[test]
fn s19_parse_unit() {
    assert_eq!(parse_unit("%"), Some(Unit::Percent));
    assert_eq!(parse_unit("％"), Some(Unit::Percent));
    assert_eq!(parse_unit("百分比"), Some(Unit::Percent));
    assert_eq!(parse_unit("元"), Some(Unit::Money(Decimal::ONE)));
    assert_eq!(parse_unit("万元"), Some(wan()));
    assert_eq!(parse_unit("（万元）"), Some(wan()));
    assert_eq!(parse_unit("亿元"), Some(Unit::Money(Decimal::from(100_000_000))));
    assert_eq!(parse_unit("人次"), Some(count("人次")));
    assert_eq!(parse_unit("天"), Some(count("天")));
    assert_eq!(parse_unit("日"), Some(count("天")));
    assert_eq!(parse_unit("个月"), Some(count("月")));
    assert_eq!(parse_unit(" 所 "), Some(count("所")));
    assert_eq!(parse_unit("艘"), Some(count("艘")));
    assert_eq!(parse_unit("km"), Some(count("km")));
    for none in ["", "  ", "—", "/", "12", "见附件说明材料"] {
        assert_eq!(parse_unit(none), None, "{none}");
    }
}

// --- symbols -----------------------------------------------------------

#[test]
fn s18_parse_symbol() {
    let cases = [
        ("≥", Symbol::Cmp(Comparator::Ge)),
        ("≧", Symbol::Cmp(Comparator::Ge)),
        (">=", Symbol::Cmp(Comparator::Ge)),
        ("＞", Symbol::Cmp(Comparator::Gt)),
        (">", Symbol::Cmp(Comparator::Gt)),
        ("＝", Symbol::Cmp(Comparator::Eq)),
        ("=", Symbol::Cmp(Comparator::Eq)),
        ("═", Symbol::Cmp(Comparator::Eq)),
        ("＜", Symbol::Cmp(Comparator::Lt)),
        ("<", Symbol::Cmp(Comparator::Lt)),
        ("≤", Symbol::Cmp(Comparator::Le)),
        ("≦", Symbol::Cmp(Comparator::Le)),
        ("<=", Symbol::Cmp(Comparator::Le)),
        (" ≥ ", Symbol::Cmp(Comparator::Ge)),
        ("大于等于", Symbol::Cmp(Comparator::Ge)),
        ("小于等于", Symbol::Cmp(Comparator::Le)),
        ("等于", Symbol::Cmp(Comparator::Eq)),
        ("大于", Symbol::Cmp(Comparator::Gt)),
        ("小于", Symbol::Cmp(Comparator::Lt)),
        ("定性", Symbol::Qualitative),
        ("定量", Symbol::Quantitative),
        ("定量指标", Symbol::Quantitative),
        ("正向", Symbol::Positive),
        ("正向指标", Symbol::Positive),
        ("反向", Symbol::Reverse),
        ("反向指标", Symbol::Reverse),
    ];
    for (text, sym) in cases {
        assert_eq!(parse_symbol(text), Some(sym), "{text}");
    }
    for none in ["", "—", "abc", "≥90%", "内", "控制在"] {
        assert_eq!(parse_symbol(none), None, "{none}");
    }
}

// --- S20 score of full marks -------------------------------------------

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

// --- never panic -------------------------------------------------------

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
        prop_assert_eq!(normalize(&s), super::normalize::normalize_mapped(&s));
    }

    #[test]
    fn plain_number_fast_path_agrees(s in "[0-9.]{0,32}") {
        prop_assert_eq!(parse_number(&s), super::number::parse_number_scanned(&s));
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
    use super::number::parse_number_scanned;
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
