//! Value expressions (S18–S21): the text of a 年度指标值 or 实际完成值 cell
//! turned into a comparator, a decimal number and a unit.
//!
//! Full-width and look-alike glyphs are normalised first (≧ ≦ ═ ＝ ％ ＞ ＜,
//! full-width digits and punctuation). Text before the number is a label
//! ("群众满意率 90%"), kept for display.

use std::str::FromStr;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// S18 comparators, in the budget system's 计算符号 order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Comparator {
    #[serde(rename = "≥")]
    Ge,
    #[serde(rename = ">")]
    Gt,
    #[serde(rename = "=")]
    Eq,
    #[serde(rename = "<")]
    Lt,
    #[serde(rename = "≤")]
    Le,
}

impl Comparator {
    /// The symbol shown to users: ≥ > = < ≤.
    pub fn symbol(self) -> &'static str {
        match self {
            Comparator::Ge => "≥",
            Comparator::Gt => ">",
            Comparator::Eq => "=",
            Comparator::Lt => "<",
            Comparator::Le => "≤",
        }
    }

    /// ≤ and < are reverse indicators (S9).
    pub fn is_reverse(self) -> bool {
        matches!(self, Comparator::Lt | Comparator::Le)
    }
}

/// What a 计算符号 / 指标方向 / 指标性质 column cell says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Symbol {
    Cmp(Comparator),
    /// 定性
    Qualitative,
    /// 正向 / 定量 with no direction → ≥
    Positive,
    /// 反向 → ≤
    Reverse,
}

/// S19 units.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unit {
    /// No unit written.
    None,
    /// % or 百分比: the value is in percent (90% → 90).
    Percent,
    /// 元 / 万元 / 亿元: the factor to 元 (1, 10000, 100000000).
    Money(Decimal),
    /// A counting or time unit, counted as given (个 名 人次 天 …). 日 is
    /// stored as 天.
    Count(String),
}

impl Unit {
    /// The unit as users write it ("%", "万元", "人次", "" for none).
    pub fn label(&self) -> String {
        match self {
            Unit::None => String::new(),
            Unit::Percent => "%".into(),
            Unit::Money(f) => {
                if *f == Decimal::ONE {
                    "元".into()
                } else if *f == Decimal::from(10_000) {
                    "万元".into()
                } else {
                    "亿元".into()
                }
            }
            Unit::Count(s) => s.clone(),
        }
    }
}

/// A parsed value expression.
#[derive(Debug, Clone, PartialEq)]
pub struct ValueExpr {
    /// Text before the comparator/number, trimmed ("群众满意率"), "" if none.
    pub label: String,
    /// Comparator written in the text (symbol or words, before or after the number).
    pub comparator: Option<Comparator>,
    /// The number as written (90% → 90; 36,500 → 36500; 14.23 分（满分 15 分） → 14.23).
    pub value: Decimal,
    pub unit: Unit,
    /// S21: upper bound of a range "95%-100%" / "95%～100%" (value holds the lower bound).
    pub upper: Option<Decimal>,
    /// S20: "满分 Y 分" → Y.
    pub full_marks: Option<Decimal>,
    /// The target states zero in words ("零投诉", "无重大事故"): value 0,
    /// comparator ≤ (S10).
    pub zero_word: bool,
}

/// Target and actual brought to one unit for comparison.
#[derive(Debug, Clone, PartialEq)]
pub struct Aligned {
    pub target: Decimal,
    pub actual: Decimal,
    /// The common unit's label for explanations ("%", "万元", "名", "").
    pub unit: String,
}

// ---------------------------------------------------------------------------
// Normalisation
// ---------------------------------------------------------------------------

/// Normalise full-width and look-alike characters to their plain forms:
/// full-width ASCII (０-９ Ａ-Ｚ ％ ＋ － ． ， ： （ ） ＞ ＜ ＝ ～) → ASCII,
/// ≧ ⩾ → ≥, ≦ ⩽ → ≤, ═ → =, `>=` → ≥, `<=` → ≤, − – ﹣ → -, 〜 → ~ (range
/// marks, S21), ﹪ → %; ideographic space, NBSP and every other white space →
/// space; zero-width characters are removed; trims and collapses runs of
/// white space (line breaks included). Chinese punctuation outside the
/// full-width ASCII block (“” 、 。 —) is kept as is.
pub fn normalize(s: &str) -> String {
    let mut mapped: Vec<char> = Vec::with_capacity(s.len());
    for c in s.chars() {
        let c = match c {
            // Full-width ASCII block ！..～ → ASCII ! .. ~.
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '≧' | '⩾' => '≥',
            '≦' | '⩽' => '≤',
            '═' | '﹦' => '=',
            '﹥' => '>',
            '﹤' => '<',
            '﹪' => '%',
            '−' | '–' | '﹣' => '-',
            '〜' => '~',
            // Zero-width characters and the soft hyphen: dropped.
            '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => continue,
            c if c.is_whitespace() => ' ',
            c => c,
        };
        mapped.push(c);
    }
    let mut out = String::with_capacity(mapped.len());
    let mut i = 0;
    while let Some(&c) = mapped.get(i) {
        let next = mapped.get(i + 1).copied();
        match (c, next) {
            ('>', Some('=')) => {
                out.push('≥');
                i += 2;
                continue;
            }
            ('<', Some('=')) => {
                out.push('≤');
                i += 2;
                continue;
            }
            (' ', _) => {
                // Collapse runs; leading and trailing spaces go.
                if !out.is_empty() && !out.ends_with(' ') {
                    out.push(' ');
                }
            }
            (c, _) => out.push(c),
        }
        i += 1;
    }
    let trimmed_len = out.trim_end().len();
    out.truncate(trimmed_len);
    out
}

// ---------------------------------------------------------------------------
// Char-level scanning helpers (no byte indices, no panicking slices)
// ---------------------------------------------------------------------------

/// Does `cs` hold `word` starting at `i`?
fn has_at(cs: &[char], i: usize, word: &str) -> bool {
    word.chars().enumerate().all(|(k, w)| cs.get(i + k) == Some(&w))
}

/// Number of chars in `word`.
fn char_len(word: &str) -> usize {
    word.chars().count()
}

/// The first position at or after `i` that is not a space.
fn skip_spaces(cs: &[char], mut i: usize) -> usize {
    while cs.get(i) == Some(&' ') {
        i += 1;
    }
    i
}

fn is_digit_at(cs: &[char], i: usize) -> bool {
    cs.get(i).is_some_and(|c| c.is_ascii_digit())
}

/// The chars `from..to` as a string (empty when out of range).
fn text_of(cs: &[char], from: usize, to: usize) -> String {
    cs.get(from..to).map(|s| s.iter().collect()).unwrap_or_default()
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

/// S19: a written number times a unit scale (1.2万人次 → 12000), `None` on
/// overflow (Decimal's `*` panics on overflow). A scale of 1 keeps the
/// number as written (95.00 stays 95.00); a scaled number drops trailing
/// zeros (12000, not 12000.0).
fn scale(value: Decimal, factor: Decimal) -> Option<Decimal> {
    if factor == Decimal::ONE {
        Some(value)
    } else {
        value.checked_mul(factor).map(|v| v.normalize())
    }
}

// ---------------------------------------------------------------------------
// S19 numbers
// ---------------------------------------------------------------------------

/// S19: is the `,` at `j` a thousands separator? It must be followed by
/// exactly three digits.
fn is_thousands_sep(cs: &[char], j: usize) -> bool {
    cs.get(j) == Some(&',') && (1..=3).all(|k| is_digit_at(cs, j + k)) && !is_digit_at(cs, j + 4)
}

/// Can a number start at `i`? A digit; a `-`/`+` sign or a `.` directly
/// before a digit (a sign only when not glued to an ASCII letter or digit:
/// "95-100" is a range, not 95 and −100).
fn number_starts_at(cs: &[char], i: usize) -> bool {
    match cs.get(i) {
        Some(c) if c.is_ascii_digit() => true,
        Some('.') => is_digit_at(cs, i + 1),
        Some('-') | Some('+') => {
            let glued = i.checked_sub(1).and_then(|p| cs.get(p)).is_some_and(|p| p.is_ascii_alphanumeric());
            !glued && (is_digit_at(cs, i + 1) || (cs.get(i + 1) == Some(&'.') && is_digit_at(cs, i + 2)))
        }
        _ => false,
    }
}

/// S19: the number written at `i`: optional sign, digits with `,` thousands
/// separators, optional decimals. Returns the value (scale as written:
/// "95.00" keeps two decimals) and the position after it. `None` when no
/// number starts at `i` or it does not fit a `Decimal`.
fn scan_number(cs: &[char], i: usize) -> Option<(Decimal, usize)> {
    let mut text = String::new();
    let mut j = i;
    match cs.get(j) {
        Some('-') => {
            text.push('-');
            j += 1;
        }
        Some('+') => j += 1,
        _ => {}
    }
    let int_start = j;
    while let Some(&c) = cs.get(j) {
        if c.is_ascii_digit() {
            text.push(c);
            j += 1;
        } else if j > int_start && is_thousands_sep(cs, j) {
            j += 1;
        } else {
            break;
        }
    }
    let has_int = j > int_start;
    if cs.get(j) == Some(&'.') && is_digit_at(cs, j + 1) {
        if !has_int {
            text.push('0');
        }
        text.push('.');
        j += 1;
        while let Some(&c) = cs.get(j) {
            if !c.is_ascii_digit() {
                break;
            }
            text.push(c);
            j += 1;
        }
    } else if !has_int {
        return None;
    }
    let mut value = Decimal::from_str(&text).ok()?;
    if value.is_zero() {
        // "-0" is 0.
        value.set_sign_positive(true);
    }
    Some((value, j))
}

// ---------------------------------------------------------------------------
// S19 units
// ---------------------------------------------------------------------------

/// S19 counting and time units: (as written, as stored). Longest match wins,
/// so 个月 beats 个, 人次 beats 人, 分钟 beats 分. 日 is stored as 天 and
/// 个月 as 月.
const COUNT_UNITS: &[(&str, &str)] = &[
    ("个工作日", "工作日"),
    ("个百分点", "百分点"),
    ("平方公里", "平方公里"),
    ("工作日", "工作日"),
    ("百分点", "百分点"),
    ("平方米", "平方米"),
    ("立方米", "立方米"),
    ("个月", "月"),
    ("人次", "人次"),
    ("户次", "户次"),
    ("公里", "公里"),
    ("千米", "千米"),
    ("小时", "小时"),
    ("分钟", "分钟"),
    ("公顷", "公顷"),
    ("学时", "学时"),
    ("课时", "课时"),
    ("千瓦", "千瓦"),
    ("个", "个"),
    ("名", "名"),
    ("人", "人"),
    ("次", "次"),
    ("件", "件"),
    ("项", "项"),
    ("户", "户"),
    ("家", "家"),
    ("所", "所"),
    ("台", "台"),
    ("套", "套"),
    ("篇", "篇"),
    ("场", "场"),
    ("期", "期"),
    ("批", "批"),
    ("座", "座"),
    ("亩", "亩"),
    ("天", "天"),
    ("日", "天"),
    ("月", "月"),
    ("年", "年"),
    ("周", "周"),
    ("分", "分"),
    ("起", "起"),
    ("例", "例"),
    ("宗", "宗"),
    ("份", "份"),
    ("本", "本"),
    ("册", "册"),
    ("辆", "辆"),
    ("米", "米"),
    ("吨", "吨"),
    ("间", "间"),
    ("栋", "栋"),
    ("处", "处"),
    ("条", "条"),
    ("张", "张"),
    ("位", "位"),
    ("部", "部"),
    ("种", "种"),
    ("类", "类"),
    ("轮", "轮"),
];

/// Characters that never stand for an unknown one-character unit right after
/// a number: they start comparator words, ranges, 满分, or ordinary verbs.
const NOT_A_UNIT: &str = "以及或不内之至到左右满的和与前后等即为是完达超高低少小大多控未无零余约共均已尚";

/// S19: the canonical form of a count unit (日 → 天, 个月 → 月).
fn canonical_count(u: &str) -> &str {
    COUNT_UNITS.iter().find(|(w, _)| *w == u).map(|(_, s)| *s).unwrap_or(u)
}

/// The longest known count unit at `i`: (stored name, length in chars).
fn count_unit_at(cs: &[char], i: usize) -> Option<(&'static str, usize)> {
    COUNT_UNITS
        .iter()
        .filter(|(w, _)| has_at(cs, i, w))
        .max_by_key(|(w, _)| char_len(w))
        .map(|(w, s)| (*s, char_len(w)))
}

/// A unit read after a number: the unit, a factor the written number must be
/// multiplied by (1.2万人次 → 12000 人次), and the position after it.
struct UnitAt {
    unit: Unit,
    factor: Decimal,
    end: usize,
}

/// S19: the unit written at `i` (one optional space before it). With
/// `allow_unknown`, one CJK character that is no known unit is kept as a
/// `Count` ("5栋" is known; "3艘" → Count("艘")). Nothing found → `Unit::None`
/// ending at `i`.
fn scan_unit(cs: &[char], i: usize, allow_unknown: bool) -> UnitAt {
    let none = UnitAt { unit: Unit::None, factor: Decimal::ONE, end: i };
    let j = skip_spaces(cs, i);
    let wan = Decimal::from(10_000);
    let yi = Decimal::from(100_000_000);
    let found = |unit: Unit, factor: Decimal, len: usize| UnitAt { unit, factor, end: j + len };
    if cs.get(j) == Some(&'%') {
        return found(Unit::Percent, Decimal::ONE, 1);
    }
    if has_at(cs, j, "百分比") {
        return found(Unit::Percent, Decimal::ONE, 3);
    }
    // Money: 元 万元 亿元, plus 千元 and 百万元 folded into 元 / 万元.
    let money: [(&str, Unit, Decimal); 5] = [
        ("百万元", Unit::Money(wan), Decimal::from(100)),
        ("亿元", Unit::Money(yi), Decimal::ONE),
        ("万元", Unit::Money(wan), Decimal::ONE),
        ("千元", Unit::Money(Decimal::ONE), Decimal::from(1000)),
        ("元", Unit::Money(Decimal::ONE), Decimal::ONE),
    ];
    for (word, unit, factor) in money {
        if has_at(cs, j, word) {
            return found(unit, factor, char_len(word));
        }
    }
    // 万 / 亿 before a count unit, or alone: a scale on the number.
    for (scale_char, scale) in [('万', wan), ('亿', yi)] {
        if cs.get(j) == Some(&scale_char) {
            return match count_unit_at(cs, j + 1) {
                Some((name, len)) => found(Unit::Count(name.into()), scale, 1 + len),
                None => found(Unit::None, scale, 1),
            };
        }
    }
    if let Some((name, len)) = count_unit_at(cs, j) {
        return found(Unit::Count(name.into()), Decimal::ONE, len);
    }
    if allow_unknown {
        if let Some(&c) = cs.get(j) {
            if is_cjk(c) && !NOT_A_UNIT.contains(c) {
                return found(Unit::Count(c.to_string()), Decimal::ONE, 1);
            }
        }
    }
    none
}

// ---------------------------------------------------------------------------
// S18 comparators
// ---------------------------------------------------------------------------

/// S18 comparator words and symbols written before the number. Checked
/// longest first, so 大于等于 is not read as 大于, 不低于 not as 低于,
/// 不少于 not as 少于, 不高于 not as 高于, 不超过 not as 超过.
const CMP_BEFORE: &[(&str, Comparator)] = &[
    ("大于或等于", Comparator::Ge),
    ("小于或等于", Comparator::Le),
    ("大于等于", Comparator::Ge),
    ("小于等于", Comparator::Le),
    ("不低于", Comparator::Ge),
    ("不少于", Comparator::Ge),
    ("不小于", Comparator::Ge),
    ("不高于", Comparator::Le),
    ("不超过", Comparator::Le),
    ("不多于", Comparator::Le),
    ("不大于", Comparator::Le),
    ("至少", Comparator::Ge),
    ("达到", Comparator::Ge),
    ("超过", Comparator::Gt),
    ("高于", Comparator::Gt),
    ("大于", Comparator::Gt),
    ("多于", Comparator::Gt),
    ("低于", Comparator::Lt),
    ("少于", Comparator::Lt),
    ("小于", Comparator::Lt),
    ("等于", Comparator::Eq),
    ("≥", Comparator::Ge),
    (">", Comparator::Gt),
    ("≤", Comparator::Le),
    ("<", Comparator::Lt),
    ("=", Comparator::Eq),
];

/// S18: "控制在 X 以内": 控制在 alone reads as ≤, but a comparator after the
/// number ("控制在 95% 以上") wins.
const CMP_WEAK_LE: &str = "控制在";

/// S18 comparator words written after the number (and its unit). 内 counts
/// only as "3天内", not in 内容 / 内部.
const CMP_AFTER: &[(&str, Comparator)] = &[
    ("及以上", Comparator::Ge),
    ("或以上", Comparator::Ge),
    ("以上", Comparator::Ge),
    ("及以下", Comparator::Le),
    ("或以下", Comparator::Le),
    ("以下", Comparator::Le),
    ("以内", Comparator::Le),
    ("之内", Comparator::Le),
    ("内", Comparator::Le),
];

/// S18: a comparator written at the end of `prefix` (the text before the
/// number): the comparator, whether it is the weak 控制在, and the label
/// left in front of it.
fn comparator_before(prefix: &[char]) -> (Option<(Comparator, bool)>, String) {
    let end = prefix.len();
    let trimmed_end = {
        let mut e = end;
        while e > 0 && prefix.get(e - 1) == Some(&' ') {
            e -= 1;
        }
        e
    };
    let mut words: Vec<(&str, Comparator, bool)> = CMP_BEFORE.iter().map(|(w, c)| (*w, *c, false)).collect();
    words.push((CMP_WEAK_LE, Comparator::Le, true));
    words.sort_by_key(|(w, _, _)| std::cmp::Reverse(char_len(w)));
    for (word, cmp, weak) in words {
        let len = char_len(word);
        if let Some(start) = trimmed_end.checked_sub(len) {
            if has_at(prefix, start, word) {
                return (Some((cmp, weak)), clean_label(&text_of(prefix, 0, start)));
            }
        }
    }
    (None, clean_label(&text_of(prefix, 0, end)))
}

/// A label without the spaces and separators (: ,) around it.
fn clean_label(s: &str) -> String {
    s.trim_matches(|c: char| c == ' ' || c == ':' || c == ',' || c == '、').to_string()
}

/// S18: a comparator word at `i` after the number: (comparator, end).
fn comparator_after(cs: &[char], i: usize) -> Option<(Comparator, usize)> {
    let mut j = skip_spaces(cs, i);
    // "90%(含)以上", "90%（含本数）以上"
    for skip in ["(含)", "(含本数)"] {
        if has_at(cs, j, skip) {
            j = skip_spaces(cs, j + char_len(skip));
        }
    }
    for (word, cmp) in CMP_AFTER {
        if has_at(cs, j, word) {
            if *word == "内" && (j != i || has_at(cs, j, "内容") || has_at(cs, j, "内部")) {
                continue;
            }
            return Some((*cmp, j + char_len(word)));
        }
    }
    None
}

// ---------------------------------------------------------------------------
// S20 full marks, S21 ranges
// ---------------------------------------------------------------------------

/// S20: "(满分 15 分)", "（满分15）", "满分:15分" at `i`: (full marks, end).
fn full_marks_at(cs: &[char], i: usize) -> Option<(Decimal, usize)> {
    let mut j = skip_spaces(cs, i);
    let open = cs.get(j) == Some(&'(');
    if open {
        j = skip_spaces(cs, j + 1);
    }
    if !has_at(cs, j, "满分") {
        return None;
    }
    j = skip_spaces(cs, j + 2);
    if matches!(cs.get(j), Some(':') | Some('为')) {
        j = skip_spaces(cs, j + 1);
    }
    let (marks, mut j) = scan_number(cs, j)?;
    let unit = scan_unit(cs, j, false);
    if unit.unit == Unit::Count("分".into()) {
        j = unit.end;
    }
    if open {
        let k = skip_spaces(cs, j);
        if cs.get(k) == Some(&')') {
            j = k + 1;
        }
    }
    Some((marks, j))
}

/// S21: range marks between a lower and an upper bound.
const RANGE_MARKS: &[char] = &['-', '~', '至', '到', '—'];

/// S21: "-100%", "～100%", "至100%" at `i`: (upper bound, its unit, end).
fn range_upper_at(cs: &[char], i: usize) -> Option<(Decimal, UnitAt)> {
    let j = skip_spaces(cs, i);
    let mark = cs.get(j)?;
    if !RANGE_MARKS.contains(mark) {
        return None;
    }
    let mut k = j + 1;
    // "—" is sometimes doubled ("——").
    while cs.get(k) == Some(&'—') {
        k += 1;
    }
    let k = skip_spaces(cs, k);
    let starts_number = is_digit_at(cs, k) || (cs.get(k) == Some(&'.') && is_digit_at(cs, k + 1));
    if !starts_number {
        return None;
    }
    let (upper, end) = scan_number(cs, k)?;
    let unit = scan_unit(cs, end, true);
    Some((upper, unit))
}

// ---------------------------------------------------------------------------
// Value expressions
// ---------------------------------------------------------------------------

/// S10: does the text start with a zero word (零…, 无…, but not 无法 / 无需 /
/// 无偿)?
fn starts_with_zero_word(n: &str) -> bool {
    (n.starts_with('零') || n.starts_with('无')) && !["无法", "无需", "无偿"].iter().any(|w| n.starts_with(w))
}

/// The first position at or after `from` where a number starts.
fn find_number(cs: &[char], from: usize) -> Option<usize> {
    let mut i = from;
    while i < cs.len() {
        if number_starts_at(cs, i) {
            match name_number_end(cs, i) {
                Some(end) => i = end.max(i + 1),
                None => return Some(i),
            }
        } else {
            i += 1;
        }
    }
    None
}

/// A number that is part of a name, not a value: glued to a Latin letter
/// before it ("PM2.5", "COVID-19", "P8") or to a capital after it ("5G",
/// "4K", "3D"). Returns the end of its digits, to skip them.
fn name_number_end(cs: &[char], i: usize) -> Option<usize> {
    let is_letter = |k: Option<usize>| k.and_then(|k| cs.get(k)).is_some_and(char::is_ascii_alphabetic);
    let prev = i.checked_sub(1);
    let glued_before = is_letter(prev) || (prev.and_then(|k| cs.get(k)) == Some(&'-') && is_letter(i.checked_sub(2)));
    let mut end = i;
    while cs.get(end).is_some_and(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+')) {
        end += 1;
    }
    let glued_after = cs.get(end).is_some_and(char::is_ascii_uppercase);
    (glued_before || glued_after).then_some(end)
}

/// Parse a value expression; `None` when the text holds no number (and is not
/// a zero word): such a target makes the row qualitative (S14).
///
/// The scanner reads, after [`normalize`]: label → comparator (S18) →
/// number (S19) → unit (S19) → range upper bound (S21) → trailing comparator
/// words (S18) → 满分 (S20). Text after that is ignored ("完成11所，1所顺延"
/// → 11 所). Chinese numerals are not numbers here ("“一站式”" has none).
pub fn parse_value(s: &str) -> Option<ValueExpr> {
    let n = normalize(s);
    // S10: "零投诉", "无重大事故" → 0, ≤, no unit.
    if starts_with_zero_word(&n) {
        return Some(ValueExpr {
            label: String::new(),
            comparator: Some(Comparator::Le),
            value: Decimal::ZERO,
            unit: Unit::None,
            upper: None,
            full_marks: None,
            zero_word: true,
        });
    }
    let cs: Vec<char> = n.chars().collect();
    let start = find_number(&cs, 0)?;
    let first = parse_from(&cs, start)?;
    // S20 written the other way round: "满分15分，得分14.23".
    let (_, label_before) = comparator_before(cs.get(..start).unwrap_or_default());
    if label_before.ends_with("满分") && first.full_marks.is_none() {
        let after = full_marks_end(&cs, start);
        if let Some(next) = after.and_then(|a| find_number(&cs, a)) {
            if let Some(mut second) = parse_from(&cs, next) {
                let between = text_of(&cs, after.unwrap_or(next), next);
                let (_, label) = comparator_before(&between.chars().collect::<Vec<_>>());
                second.label = label;
                second.full_marks = Some(first.value);
                if second.unit == Unit::None {
                    second.unit = Unit::Count("分".into());
                }
                return Some(second);
            }
        }
    }
    // A year in front of the value: "2023年群众满意率≥90%" reads the 90%,
    // with "2023年群众满意率" as the label. A year alone ("2023年底前完成")
    // stays the value.
    if is_year(&first) {
        let after = full_marks_end(&cs, start).unwrap_or(start);
        if let Some(next) = find_number(&cs, after) {
            if let Some(mut second) = parse_from(&cs, next) {
                let (_, label) = comparator_before(cs.get(..next).unwrap_or_default());
                second.label = label;
                return Some(second);
            }
        }
    }
    Some(first)
}

/// A four-digit year (1900–2100) with 年, no comparator, no range.
fn is_year(e: &ValueExpr) -> bool {
    e.unit == Unit::Count("年".into())
        && e.comparator.is_none()
        && e.upper.is_none()
        && e.value.scale() == 0
        && e.value >= Decimal::from(1900)
        && e.value <= Decimal::from(2100)
}

/// The end of "15分" (a 满分 number and its optional 分) starting at `i`.
fn full_marks_end(cs: &[char], i: usize) -> Option<usize> {
    let (_, end) = scan_number(cs, i)?;
    let unit = scan_unit(cs, end, false);
    Some(if unit.unit == Unit::Count("分".into()) { unit.end } else { end })
}

/// The value expression whose number starts at `start`; the label and
/// comparator are read from the text before it.
fn parse_from(cs: &[char], start: usize) -> Option<ValueExpr> {
    let (before, label) = comparator_before(cs.get(..start).unwrap_or_default());
    let (value, after_number) = scan_number(cs, start)?;
    // "1200余人", "30多家": approximate counts read as written.
    let mut i = after_number;
    if matches!(cs.get(i), Some('余') | Some('多')) && count_unit_at(cs, i + 1).is_some() {
        i += 1;
    }
    let unit_at = scan_unit(cs, i, true);
    let mut unit = unit_at.unit;
    let mut value = scale(value, unit_at.factor)?;
    let mut i = unit_at.end;

    // S21: a range; the comparator reads as ≥ the lower bound.
    let mut upper = None;
    if let Some((up, up_unit)) = range_upper_at(cs, i) {
        let up_value = scale(up, up_unit.factor)?;
        if unit == Unit::None && up_unit.unit != Unit::None {
            // "95-100%": the unit written once, after the upper bound.
            unit = up_unit.unit;
            value = scale(value, up_unit.factor)?;
        }
        upper = Some(up_value);
        i = up_unit.end;
    }

    let after = comparator_after(cs, i);
    if let Some((_, end)) = after {
        i = end;
    }
    let comparator = match (before, after) {
        (Some((cmp, false)), _) => Some(cmp),
        (_, Some((cmp, _))) => Some(cmp),
        (Some((cmp, true)), None) => Some(cmp),
        (None, None) => None,
    };
    let comparator = match (comparator, upper) {
        (None, Some(_)) => Some(Comparator::Ge),
        (c, _) => c,
    };

    // S20: "14.23 分（满分 15 分）", "得分14.23（满分15）".
    let full_marks = full_marks_at(cs, i).map(|(marks, _)| marks);
    if full_marks.is_some() && unit == Unit::None {
        unit = Unit::Count("分".into());
    }

    Some(ValueExpr { label, comparator, value, unit, upper, full_marks, zero_word: false })
}

/// Parse a cell that should be just a number, possibly with a unit or % after
/// it and thousands separators: "12.5", "１２", "36,500", "95.00%" (→ 95.00),
/// "10 分", "142.5万元" (→ 142.5). `None` for anything else ("十二", "",
/// "12.5.3", "1e5"). The number is returned as written: no unit scaling
/// (S19).
pub fn parse_number(s: &str) -> Option<Decimal> {
    let n = normalize(s);
    let cs: Vec<char> = n.chars().collect();
    if !number_starts_at(&cs, 0) {
        return None;
    }
    let (value, end) = scan_number(&cs, 0)?;
    let unit = scan_unit(&cs, end, false);
    let rest = skip_spaces(&cs, unit.end);
    if rest == cs.len() {
        Some(value)
    } else {
        None
    }
}

/// Parse a unit cell (计量单位 column): "%", "百分比", "万元", "人次", "天"
/// (S19). Parentheses around the unit are ignored ("（万元）"). `None` for an
/// empty cell (no unit) and for text that is no unit (digits, long text, "—",
/// "/"); an unknown short word of CJK characters or ASCII letters (at most 4)
/// is kept as `Count` ("艘" → Count("艘")).
pub fn parse_unit(s: &str) -> Option<Unit> {
    let n = normalize(s);
    let n = n.trim_start_matches('(').trim_end_matches(')').trim().to_string();
    if n.is_empty() {
        return None;
    }
    let cs: Vec<char> = n.chars().collect();
    let unit = scan_unit(&cs, 0, false);
    if unit.unit != Unit::None && unit.factor == Decimal::ONE && unit.end == cs.len() {
        return Some(unit.unit);
    }
    let short_word = cs.len() <= 4 && cs.iter().all(|c| is_cjk(*c) || c.is_ascii_alphabetic());
    if short_word {
        Some(Unit::Count(canonical_count(&n).to_string()))
    } else {
        None
    }
}

/// Parse a 计算符号 / 指标方向 / 指标性质 cell: ≥ ＞ ＝ ＜ ≤ (and their
/// full-width / ASCII / word forms, S18), 定性, 正向, 反向, 定量 (→ Positive).
pub fn parse_symbol(s: &str) -> Option<Symbol> {
    let n: String = normalize(s).chars().filter(|c| *c != ' ').collect();
    match n.as_str() {
        "定性" | "定性指标" => return Some(Symbol::Qualitative),
        "定量" | "定量指标" | "正向" | "正向指标" => return Some(Symbol::Positive),
        "反向" | "反向指标" => return Some(Symbol::Reverse),
        _ => {}
    }
    CMP_BEFORE
        .iter()
        .chain(CMP_AFTER.iter().filter(|(w, _)| *w != "内"))
        .find(|(w, _)| *w == n)
        .map(|(_, c)| Symbol::Cmp(*c))
}

/// Does an actual value express zero/absence in words ("无", "零", "0 起",
/// "未发生", "没有发生")? Used when the target is a zero word (S10).
pub fn is_zero_word(s: &str) -> bool {
    let n = normalize(s);
    if n.is_empty() {
        return false;
    }
    if starts_with_zero_word(&n) {
        return true;
    }
    if ["未发生", "没有发生", "未出现", "没有出现"].iter().any(|w| n.contains(w)) {
        return true;
    }
    if n.starts_with("没有") && !["没有完成", "没有达到", "没有实现"].iter().any(|w| n.starts_with(w)) {
        return true;
    }
    parse_value(&n).is_some_and(|v| v.value.is_zero() && v.upper.is_none())
}

// ---------------------------------------------------------------------------
// Alignment
// ---------------------------------------------------------------------------

/// Canonical unit for comparison (日 → 天, 个月 → 月).
fn canonical(u: &Unit) -> Unit {
    match u {
        Unit::Count(s) => Unit::Count(canonical_count(s).to_string()),
        other => other.clone(),
    }
}

fn unit_mismatch(target: &Unit, actual: &Unit) -> String {
    format!("单位不一致：指标值为“{}”，完成值为“{}”，无法比较", target.label(), actual.label())
}

const TOO_LARGE: &str = "数值过大，无法比较";

/// Bring target and actual to one unit (S19, S20).
///
/// - A bare actual takes the target's unit; a bare target takes the actual's.
/// - 元 / 万元 / 亿元 convert among themselves (to the target's unit).
/// - S20: an actual with `full_marks` against a percent target becomes
///   value / full_marks × 100 (14.23/15 → 94.866…%, not rounded here);
///   against any other target it is its value in 分.
/// - Units that cannot be compared (天 vs 万元, % vs 人) are an `Err` with a
///   Chinese message: "单位不一致：指标值为“天”，完成值为“万元”，无法比较".
pub fn align(target: &ValueExpr, actual: &ValueExpr) -> Result<Aligned, String> {
    let t_unit = canonical(&target.unit);
    let mut a_unit = canonical(&actual.unit);
    let mut a_value = actual.value;

    // S20: a score out of full marks.
    if let Some(marks) = actual.full_marks {
        if t_unit == Unit::Percent {
            if marks.is_zero() {
                return Err("满分为 0，无法换算为百分比".into());
            }
            let pct = a_value
                .checked_mul(Decimal::ONE_HUNDRED)
                .and_then(|v| v.checked_div(marks))
                .ok_or_else(|| TOO_LARGE.to_string())?;
            return Ok(Aligned { target: target.value, actual: pct, unit: Unit::Percent.label() });
        }
        a_unit = Unit::Count("分".into());
    }

    let (t_value, unit) = match (&t_unit, &a_unit) {
        (Unit::None, Unit::None) => (target.value, Unit::None),
        (t, Unit::None) => (target.value, t.clone()),
        (Unit::None, a) => (target.value, a.clone()),
        (Unit::Percent, Unit::Percent) => (target.value, Unit::Percent),
        (Unit::Money(ft), Unit::Money(fa)) => {
            if ft.is_zero() {
                return Err(unit_mismatch(&t_unit, &a_unit));
            }
            a_value = a_value.checked_mul(*fa).and_then(|v| v.checked_div(*ft)).ok_or_else(|| TOO_LARGE.to_string())?;
            (target.value, t_unit.clone())
        }
        (Unit::Count(t), Unit::Count(a)) if t == a => (target.value, t_unit.clone()),
        _ => return Err(unit_mismatch(&t_unit, &a_unit)),
    };
    Ok(Aligned { target: t_value, actual: a_value, unit: unit.label() })
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;
    use proptest::prelude::*;

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
        Unit::Count(s.into())
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
            ("定量", Symbol::Positive),
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
        assert_eq!(
            align(&v("5天"), &v("3万元")),
            Err("单位不一致：指标值为“天”，完成值为“万元”，无法比较".to_string())
        );
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
            let once = normalize(&s);
            prop_assert_eq!(normalize(&once), once);
        }
    }
}
