//! S18 comparators, and the 计算符号 column.

use super::*;

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
