//! S19 numbers and units.

use super::*;

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
