//! The header vocabulary (INPUT.md): the columns of an indicator table, their
//! names as published forms write them, header-cell normalisation and
//! matching (exact name first, then key word), and the label keys of layout B.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

use rust_decimal::Decimal;

use crate::grid::Row;

/// The columns of an indicator table (INPUT.md, layout A).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Field {
    Project,
    Level1,
    Level2,
    Name,
    Target,
    Actual,
    Weight,
    Score,
    Symbol,
    Unit,
    Level,
    Deduction,
    Reason,
    Budget,
    Executed,
}

/// How many fields there are (`Field as usize` indexes a table of them).
pub(super) const FIELD_COUNT: usize = Field::Executed as usize + 1;

/// Header names accepted for each field, matched exactly after [`label`].
/// The first name is the canonical one, used in messages.
pub(super) const SYNONYMS: &[(Field, &[&str])] = &[
    (
        Field::Project,
        &["项目名称", "项目", "项目资金名称", "专项资金名称", "专项名称", "资金名称", "部门名称", "部门", "单位名称"],
    ),
    (Field::Level1, &["一级指标"]),
    (Field::Level2, &["二级指标"]),
    (Field::Name, &["三级指标", "指标名称", "具体指标"]),
    (
        Field::Target,
        &[
            "年度指标值",
            "指标值",
            "目标值",
            "年度目标值",
            "预期指标值",
            "年初目标值",
            "年初指标值",
            "全年目标值",
            "全年指标值",
            "计划目标值",
            "预期目标值",
        ],
    ),
    (
        Field::Actual,
        &[
            "实际完成值",
            "实际完成指标值",
            "全年实际值",
            "完成值",
            "实际值",
            "全年完成值",
            "年终完成值",
            "单项指标实际完成值",
            "全年实际完成值",
            "实际完成情况",
        ],
    ),
    (Field::Weight, &["分值", "权重", "权重分值", "指标分值", "指标权重", "权重占比", "标准分值"]),
    (Field::Score, &["得分", "自评得分", "自评分", "指标得分", "单项指标得分", "实际得分"]),
    (Field::Symbol, &["计算符号", "指标方向", "指标性质", "运算符号", "符号"]),
    (Field::Unit, &["计量单位", "度量单位", "单位"]),
    (Field::Level, &["完成情况", "达成情况", "定性评价"]),
    (Field::Deduction, &["扣减分数", "扣分"]),
    (
        Field::Reason,
        &[
            "偏差原因分析及改进措施",
            "偏差原因",
            "未完成原因分析",
            "原因分析",
            "未完成原因及拟采取的改进措施",
            "未完成原因和改进措施",
            "未完成原因分析及改进措施",
            "偏差原因及改进措施",
        ],
    ),
    (Field::Budget, &["全年预算数"]),
    (Field::Executed, &["全年执行数"]),
];

/// Key words, tried in this order when no name matches exactly: a cell
/// containing 完成值 is the actual, 原因 the reason … (原因 first: 未完成原因
/// holds 完成).
pub(super) const KEY_WORDS: &[(Field, &[&str])] = &[
    (Field::Reason, &["原因", "改进措施"]),
    (Field::Actual, &["完成值", "实际值", "实际完成"]),
    (Field::Score, &["得分"]),
    (Field::Weight, &["分值", "权重"]),
    (Field::Target, &["指标值", "目标值"]),
    (Field::Name, &["三级指标"]),
    (Field::Symbol, &["计算符号", "指标方向"]),
    (Field::Deduction, &["扣分", "扣减"]),
];

/// Header cells longer than this are text, not column names: no key-word match.
const KEY_WORD_MAX_CHARS: usize = 16;

/// English names of the fields (the JSON form's), also accepted by `--map`.
const ENGLISH: &[(Field, &str)] = &[
    (Field::Project, "project"),
    (Field::Level1, "level1"),
    (Field::Level2, "level2"),
    (Field::Name, "name"),
    (Field::Target, "target"),
    (Field::Actual, "actual"),
    (Field::Weight, "weight"),
    (Field::Score, "score"),
    (Field::Symbol, "symbol"),
    (Field::Unit, "unit"),
    (Field::Level, "level"),
    (Field::Deduction, "deduction"),
    (Field::Reason, "reason"),
];

/// The canonical Chinese name of a field, for messages.
pub fn field_name(f: Field) -> &'static str {
    names(f).first().copied().unwrap_or("")
}

/// Every header name accepted for a field.
pub(super) fn names(f: Field) -> &'static [&'static str] {
    SYNONYMS.iter().find(|(g, _)| *g == f).map(|(_, n)| *n).unwrap_or(&[])
}

/// The English (JSON) name of a field.
pub fn field_key(f: Field) -> &'static str {
    ENGLISH.iter().find(|(g, _)| *g == f).map(|(_, n)| *n).unwrap_or("")
}

/// The fields of the table a user can map (`--map`), in the order shown.
pub const MAPPABLE: [Field; 13] = [
    Field::Level1,
    Field::Level2,
    Field::Name,
    Field::Target,
    Field::Actual,
    Field::Weight,
    Field::Score,
    Field::Symbol,
    Field::Unit,
    Field::Level,
    Field::Deduction,
    Field::Reason,
    Field::Project,
];

pub const REQUIRED: [Field; 3] = [Field::Name, Field::Target, Field::Actual];

/// A field named in Chinese (any accepted name) or in English.
pub fn parse_field(name: &str) -> Option<Field> {
    let n = name.trim();
    ENGLISH.iter().find(|(_, e)| e.eq_ignore_ascii_case(n)).map(|(f, _)| *f).or_else(|| field_of(n))
}

/// A header cell as matched (INPUT.md): white space, line breaks, `*` and a
/// trailing colon removed, full-width forms made ASCII, and bracketed parts
/// ("（万元）", "(A)", "（分）") set aside. The second value says whether a
/// bracket named 元 (not 万元): amounts under such a header are in 元.
/// Borrowed when nothing but a trailing colon goes (most cells).
pub fn label(cell: &str) -> (Cow<'_, str>, bool) {
    let (core, paren) = split_label(cell);
    let in_yuan = paren.contains('元') && !paren.contains("万元") && !paren.contains("亿元");
    (core, in_yuan)
}

/// Does [`split_label`] drop or change `c` (or open/close a bracket)?
fn is_special(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '*' | '(' | ')' | '[' | ']' | '【' | '】' | '\u{200b}' | '\u{feff}' | '\u{3000}' | '\u{FF01}'..='\u{FF5E}'
        )
}

/// The first character of `cell`'s label, when the cell's own first
/// character is one [`label`] keeps as it is (neither drops, maps, opens a
/// bracket nor may trim as a colon): then the label is not empty and starts
/// with it. `None`: only [`label`] can tell.
pub(super) fn plain_first(cell: &str) -> Option<char> {
    cell.chars().next().filter(|c| !is_special(*c) && !matches!(c, ':' | '：'))
}

/// [`label`]'s core and the text of its brackets.
pub(super) fn split_label(cell: &str) -> (Cow<'_, str>, String) {
    if !cell.chars().any(is_special) {
        // Nothing to drop or map: the core is the cell less a trailing colon.
        return (Cow::Borrowed(cell.trim_end_matches([':', '：'])), String::new());
    }
    // Sized once: neither grows past the cell. Runs of plain characters are
    // copied whole; the special ones one by one.
    let mut core = String::with_capacity(cell.len());
    let mut paren = String::new();
    let mut depth = 0usize;
    let mut run = 0;
    for (i, c) in cell.char_indices().filter(|(_, c)| is_special(*c)) {
        let to = if depth > 0 { &mut paren } else { &mut core };
        to.push_str(cell.get(run..i).unwrap_or_default());
        run = i + c.len_utf8();
        match half_width(c) {
            '(' | '[' | '【' => depth += 1,
            ')' | ']' | '】' => depth = depth.saturating_sub(1),
            c if c.is_whitespace() || c == '*' || c == '\u{200b}' || c == '\u{feff}' => {}
            c => to.push(c),
        }
    }
    let to = if depth > 0 { &mut paren } else { &mut core };
    to.push_str(cell.get(run..).unwrap_or_default());
    let kept = core.trim_end_matches([':', '：']).len();
    core.truncate(kept);
    (Cow::Owned(core), paren)
}

/// Full-width ASCII forms (Ａ１（) and the ideographic space as ASCII.
fn half_width(c: char) -> char {
    match c {
        '\u{3000}' => ' ',
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
        c => c,
    }
}

/// Every accepted header name → its field (the first field naming it wins),
/// built once: one hash lookup per cell instead of a scan of [`SYNONYMS`].
fn synonym(l: &str) -> Option<Field> {
    static TABLE: OnceLock<HashMap<&'static str, Field>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut t = HashMap::new();
        for (f, names) in SYNONYMS {
            for n in *names {
                t.entry(*n).or_insert(*f);
            }
        }
        t
    });
    table.get(l).copied()
}

/// The field a header cell names: exactly, else by key word.
pub fn field_of(cell: &str) -> Option<Field> {
    let (l, _) = label(cell);
    if l.is_empty() {
        return None;
    }
    if let Some(f) = synonym(&l) {
        return Some(f);
    }
    if l.chars().count() > KEY_WORD_MAX_CHARS {
        return None;
    }
    KEY_WORDS.iter().find(|(_, words)| words.iter().any(|w| l.contains(w))).map(|(f, _)| *f)
}

/// Characters every name and key word of a required field holds, one of
/// each group (`label` only drops characters and maps ASCII forms): a row
/// with none of a group names no such column (checked against the
/// vocabulary by a test).
pub(super) const REQUIRED_MARKS: [(Field, &[char]); 3] =
    [(Field::Name, &['指']), (Field::Target, &['值']), (Field::Actual, &['实', '完'])];

/// Does a row hold a character of group `k` of [`REQUIRED_MARKS`]? A header
/// found by the vocabulary alone, in one row or two, holds every group in
/// those rows. The cells are searched at once (a mark never spans two
/// cells: each is whole UTF-8). Yes for a group there is not: no mark to
/// require.
pub(super) fn holds_mark(row: Row<'_>, k: usize) -> bool {
    let text = row.joined();
    REQUIRED_MARKS.get(k).is_none_or(|(_, marks)| marks.iter().any(|m| holds(text, *m)))
}

/// Which groups of [`REQUIRED_MARKS`] a row holds, as bits.
#[cfg(test)]
pub(super) fn marks_in(row: Row<'_>) -> u8 {
    (0..REQUIRED_MARKS.len()).filter(|k| holds_mark(row, *k)).fold(0, |bits, k| bits | 1 << k)
}

/// Every group of [`REQUIRED_MARKS`].
#[cfg(test)]
pub(super) const ALL_MARKS: u8 = (1 << REQUIRED_MARKS.len()) - 1;

/// Does `text` hold the character `c`? `memchr` for the last byte of its
/// UTF-8 form (of a CJK character, a continuation byte: about one in 64 of
/// a Chinese text's), then the bytes before it: `str::contains` with a
/// non-ASCII `char` builds a substring searcher on every call, which in
/// wasm (no SIMD) cost more than the rest of the row's layout. UTF-8 is
/// self-synchronising, so a match of the whole form is the character.
pub(super) fn holds(text: &str, c: char) -> bool {
    let mut buf = [0u8; 4];
    let Some((last, head)) = c.encode_utf8(&mut buf).as_bytes().split_last() else { return false };
    let bytes = text.as_bytes();
    memchr::memchr_iter(*last, bytes)
        .any(|at| at.checked_sub(head.len()).and_then(|from| bytes.get(from..at)) == Some(head))
}

/// A weight written in brackets or at the end of a label: "产出指标（60分）",
/// "效益指标 30分", "预算执行情况（万元）（20分）" → (the label without it, 60).
pub(super) fn weight_in_label(cell: &str) -> (Cow<'_, str>, Option<Decimal>) {
    let t = cell.trim();
    if !holds(t, '分') {
        return (Cow::Borrowed(t), None);
    }
    // bracketed: the last bracket holding "N分"
    for (open, close) in [('（', '）'), ('(', ')')] {
        let mut rest = t;
        while let Some(i) = rest.rfind(open) {
            let (head, tail) = rest.split_at(i);
            let inner = tail.trim_start_matches(open);
            let inner = inner.split(close).next().unwrap_or("");
            if let Some(w) = points(inner) {
                let after = tail.split_once(close).map(|(_, a)| a).unwrap_or("");
                return (Cow::Owned(format!("{}{}", head.trim_end(), after.trim())), Some(w));
            }
            rest = head;
        }
    }
    // "效益指标 30分"
    if let Some(body) = t.strip_suffix('分') {
        let digits = body.trim_end_matches(|c: char| c.is_ascii_digit() || c == '.');
        let number = &body[digits.len()..];
        if !number.is_empty() && !digits.trim().is_empty() && digits.trim_end().ends_with(|c: char| !c.is_ascii_digit())
        {
            if let Ok(w) = number.parse::<Decimal>() {
                return (Cow::Borrowed(digits.trim_end()), Some(w));
            }
        }
    }
    (Cow::Borrowed(t), None)
}

/// "60分", "20 分" → 60.
fn points(s: &str) -> Option<Decimal> {
    let n = s.trim().strip_suffix('分')?.trim();
    if n.is_empty() || !n.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return None;
    }
    n.parse().ok()
}

/// Label cells read as key/value pairs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Key {
    Name,
    Department,
    Implementer,
    Initial,
    Adjusted,
    Executed,
    Weight,
    Rate,
    ExecScore,
    Total,
}

pub(super) const KEYS: &[(&str, Key)] = &[
    ("项目名称", Key::Name),
    ("专项资金名称", Key::Name),
    ("专项名称", Key::Name),
    ("项目资金名称", Key::Name),
    ("主管部门", Key::Department),
    ("部门", Key::Name),
    ("部门名称", Key::Name),
    ("单位名称", Key::Name),
    ("实施单位", Key::Implementer),
    ("年初预算数", Key::Initial),
    ("年初预算", Key::Initial),
    ("全年预算数", Key::Adjusted),
    ("调整后预算数", Key::Adjusted),
    ("全年预算", Key::Adjusted),
    ("全年执行数", Key::Executed),
    ("预算执行数", Key::Executed),
    ("预算执行率分值", Key::Weight),
    ("执行率", Key::Rate),
    ("预算执行率", Key::Rate),
    ("预算执行率得分", Key::ExecScore),
    ("总分", Key::Total),
    ("自评得分", Key::Total),
    ("自评总分", Key::Total),
    ("综合得分", Key::Total),
    ("总得分", Key::Total),
];

/// The key a label cell names.
pub(super) fn key_of(cell: &str) -> Option<Key> {
    let (l, _) = label(cell);
    KEYS.iter().find(|(k, _)| *k == l).map(|(_, k)| *k)
}
