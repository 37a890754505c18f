use super::table::strip_name_prefix;
use super::vocab::field_of;
use super::*;

fn sheet(text: &str) -> Sheet {
    Sheet::from_rows(None, text.lines().map(|l| l.split(',')))
}

#[test]
fn header_labels_are_normalised() {
    assert_eq!(label("全年预算数（元）"), ("全年预算数".into(), true));
    assert_eq!(label("项目资金（万元）"), ("项目资金".into(), false));
    assert_eq!(label(" 实际\n完成值 *"), ("实际完成值".into(), false));
    assert_eq!(field_of("偏差原因分析及改进措施"), Some(Field::Reason));
}

#[test]
fn forward_fill_and_projects() {
    let s = sheet("项目名称,一级指标,二级指标,三级指标,年度指标值,实际完成值\nA,产出指标,数量指标,x,1,1\n,,,y,1,1\nB,效益指标,,z,1,1\n,,,w,1,1");
    let i = read_sheets(vec![s]).unwrap();
    assert_eq!(i.projects.len(), 2);
    assert_eq!(i.projects[0].name.as_deref(), Some("A"));
    assert_eq!(i.projects[0].indicators[1].level2, "数量指标");
    assert_eq!(i.projects[1].indicators[1].level1, "效益指标");
    assert_eq!(i.projects[1].indicators[1].row, Some(5));
}

#[test]
fn near_miss_header_is_explained() {
    let s = sheet("一级指标,二级指标,三级指标,年度指标值\n产出指标,数量指标,x,1");
    let e = read_sheets(vec![s]).unwrap_err();
    assert!(matches!(&e, FileError::NoIndicatorTable(m) if m.contains("第 1 行") && m.contains("实际完成值")), "{e}");
}

#[test]
fn name_prefix() {
    assert_eq!(strip_name_prefix("指标1：改造学校数量"), "改造学校数量");
    assert_eq!(strip_name_prefix("指标名称"), "指标名称");
}

#[test]
fn weights_in_labels() {
    use super::vocab::weight_in_label;
    let w = weight_in_label;
    assert_eq!(w("产出指标（60分）"), ("产出指标".into(), Some(60.into())));
    assert_eq!(w("产出指标(60分)"), ("产出指标".into(), Some(60.into())));
    assert_eq!(w("效益指标 30分"), ("效益指标".into(), Some(30.into())));
    assert_eq!(w("预算执行情况（万元）（20分）"), ("预算执行情况（万元）".into(), Some(20.into())));
    assert_eq!(w("产出指标"), ("产出指标".into(), None));
    assert_eq!(w("60分"), ("60分".into(), None), "a weight alone names no level");
    assert_eq!(w("满意度（%）"), ("满意度（%）".into(), None));
}

#[test]
fn amounts_with_units_in_the_cell() {
    use super::funds::money;
    let d = |s: &str| s.parse::<rust_decimal::Decimal>().unwrap();
    assert_eq!(money("346400元", false), Some(d("34.64")));
    assert_eq!(money("34.64万元", true), Some(d("34.64")), "the cell's unit wins over the header's");
    assert_eq!(money("5.8万", false), Some(d("5.8")));
    assert_eq!(money("1.2亿元", false), Some(d("12000")));
    assert_eq!(money("60", true), Some(d("0.006")));
    assert_eq!(money("abc", false), None);
}

#[test]
fn the_unit_amounts_were_written_in_is_kept() {
    use super::funds::unit_of;
    use crate::model::MoneyUnit::{Wan, Yuan};
    assert_eq!([unit_of("346400元", false), unit_of("60", true), unit_of("34.64万元", true)], [Yuan, Yuan, Wan]);
    assert_eq!([unit_of("1.2亿元", true), unit_of("60", false), unit_of("5.8万", false)], [Wan, Wan, Wan]);
    let read = |csv: &str| read_sheets(vec![sheet(csv)]).unwrap().projects[0].budget.clone();
    let rows = "一级指标,二级指标,三级指标,年度指标值,实际完成值,分值\n产出指标,数量指标,x,≥1,1,90\n";
    // key/value rows, a funds block, budget columns on the indicator rows
    let b = read(&format!("全年预算数（元）,346400\n全年执行数（元）,300000\n{rows}"));
    assert_eq!((b.unit, b.adjusted), (Yuan, Some("34.64".parse().unwrap())));
    assert_eq!(read(&format!("全年预算数,60\n全年执行数,59.33\n{rows}")).unit, Wan);
    let block = "项目资金（元）,,年初预算数,全年预算数,全年执行数\n,年度资金总额,100000,100000,90000\n";
    assert_eq!(read(&format!("{block}{rows}")).unit, Yuan);
    let cols = "项目名称,全年预算数（元）,全年执行数（元）,一级指标,二级指标,三级指标,年度指标值,实际完成值,分值\n甲,500000,400000,产出指标,数量指标,x,≥1,1,90\n";
    assert_eq!(read(cols).unit, Yuan);
    // JSON: only when 元
    let json = |b: &crate::model::Budget| serde_json::to_string(b).unwrap();
    assert!(json(&read(cols)).contains("\"unit\":\"元\""));
    assert!(!json(&read(&format!("全年预算数,60\n全年执行数,59.33\n{rows}"))).contains("unit"));
}

#[test]
fn placeholders_and_titles() {
    use super::rows::{is_placeholder, is_title};
    for p in ["……", "…", "——", "略", "-", "..."] {
        assert!(is_placeholder(p), "{p}");
    }
    for v in ["无", "0", "达成", ""] {
        assert!(!is_placeholder(v), "{v}");
    }
    let title = |cells: &[&str]| is_title(Sheet::from_rows(None, [cells]).row(0));
    assert!(title(&["项目支出绩效自评表", "项目支出绩效自评表"]));
    assert!(title(&["（2024年度）"]));
    assert!(title(&["单位：万元", ""]));
    assert!(!title(&["备注：本表由财务科填报"]));
    assert!(!title(&["项目名称", "x"]));
}

#[test]
fn header_words_match_exactly_then_by_key_word() {
    assert_eq!(field_of("年初目标值(A)"), Some(Field::Target));
    assert_eq!(field_of("全年实际完成值（B）"), Some(Field::Actual));
    assert_eq!(field_of("未完成原因及拟采取的改进措施"), Some(Field::Reason));
    assert_eq!(field_of("指标权重(分)"), Some(Field::Weight));
    assert_eq!(field_of("本年实际完成值"), Some(Field::Actual), "key word 完成值");
    assert_eq!(field_of("未完成原因说明"), Some(Field::Reason), "原因 before 完成");
    assert_eq!(field_of("ＡＢ年度指标值"), Some(Field::Target), "full-width letters");
    assert_eq!(field_of("实施单位"), None, "a label is not the unit column");
    assert_eq!(field_of("为全区 60 岁以上老人提供助餐服务，完成值达到年度目标"), None, "long text is not a header");
}

#[test]
fn character_prefilters_hold_for_the_whole_vocabulary() {
    use super::funds::EXECUTED;
    use super::vocab::{KEY_WORDS, REQUIRED_MARKS, SYNONYMS};
    // A required field found by the vocabulary always leaves one of its marks in the row.
    for (field, marks) in REQUIRED_MARKS {
        let words = SYNONYMS.iter().chain(KEY_WORDS).filter(|(f, _)| *f == field).flat_map(|(_, w)| w.iter());
        for w in words {
            assert!(w.contains(marks), "{w} ({field:?}) holds none of {marks:?}");
        }
    }
    use super::vocab::{marks_in, ALL_MARKS};
    let header = Sheet::from_rows(None, [vec!["三级指标", "年度指标值", "实际完成值"], vec!["三级指标", "年度指标值"]]);
    assert_eq!(marks_in(header.row(0)), ALL_MARKS);
    assert_eq!(marks_in(header.row(1)), ALL_MARKS & !(1 << 2), "no 实/完 without the actual");
    for w in EXECUTED {
        assert!(w.contains('执'), "{w}");
    }
}

proptest::proptest! {
    /// The borrowed fast path of `label` gives what the full scan gives (an
    /// empty 【】 at the end forces the full scan and changes nothing).
    #[test]
    fn label_fast_path_matches_the_full_scan(cell in "[ 　:：*()（）【】\\[\\]Ａ-Ｚ０-９a-z0-9元万亿指标值\u{200b}\u{feff}\t\n]{0,12}") {
        let forced = format!("{cell}【】");
        let slow = label(&forced);
        proptest::prop_assert_eq!(label(&cell), slow);
    }

    /// The fast trim of table cells is `str::trim`, white space of every kind
    /// (ASCII, U+0085, U+00A0, U+2000 …, U+3000) at either end.
    #[test]
    fn cell_trim_is_str_trim(cell in "[ \t\n\u{b}\r\u{85}\u{a0}\u{1680}\u{2000}\u{2029}\u{3000}\u{feff}a.指值丁ÿ\u{10000}]{0,8}") {
        proptest::prop_assert_eq!(super::rows::trim(&cell), cell.trim());
    }

    /// The byte scan of `holds` is `str::contains` of the character (实 and
    /// 完 share their first two bytes; 指 and 执 their first).
    #[test]
    fn holds_is_contains(text in "[a指值执实完宋é\u{10000}]{0,10}", c in "[a指值执实完é\u{10000}]") {
        let c = c.chars().next().unwrap_or('a');
        proptest::prop_assert_eq!(super::vocab::holds(&text, c), text.contains(c));
    }
}

/// `split_label` one character at a time, as it was written first: the
/// reference the run-copying version is checked against.
fn split_label_by_char(cell: &str) -> (String, String) {
    let mut core = String::new();
    let mut paren = String::new();
    let mut depth = 0usize;
    for c in cell.chars() {
        let c = match c {
            '\u{3000}' => ' ',
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
            c => c,
        };
        match c {
            '(' | '[' | '【' => depth += 1,
            ')' | ']' | '】' => depth = depth.saturating_sub(1),
            c if c.is_whitespace() || c == '*' || c == '\u{200b}' || c == '\u{feff}' => {}
            c if depth > 0 => paren.push(c),
            c => core.push(c),
        }
    }
    (core.trim_end_matches([':', '：']).to_owned(), paren)
}

proptest::proptest! {
    #[test]
    fn split_label_matches_the_character_by_character_reference(
        cell in "[ 　:：*()（）【】\\[\\]Ａ-Ｚ０-９a-z0-9元万亿指标值项目名称\u{200b}\u{feff}\t\n]{0,24}"
    ) {
        let (core, paren) = super::vocab::split_label(&cell);
        proptest::prop_assert_eq!((core.into_owned(), paren), split_label_by_char(&cell));
    }
}
