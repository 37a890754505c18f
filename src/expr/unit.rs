//! S19 units: percent, money (元 万元 亿元) and counting/time units.

use std::borrow::Cow;
use std::sync::OnceLock;

use rust_decimal::Decimal;

use compact_str::CompactString as Text;

use super::normalize::{char_len, has_at, is_cjk, normalize, skip_spaces, Chars};

/// 万: 1 万元 = 10 000 元 (also the scale of 1.2万人次).
pub const YUAN_PER_WAN: i64 = 10_000;
/// 亿: 1 亿元 = 100 000 000 元.
pub const YUAN_PER_YI: i64 = 100_000_000;

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
    /// stored as 天. A unit of the table is borrowed from it (no allocation).
    Count(Cow<'static, str>),
}

impl Unit {
    /// Is this the counting unit `word` (compared without building a `Unit`)?
    pub fn is_count(&self, word: &str) -> bool {
        matches!(self, Unit::Count(u) if u == word)
    }

    /// The unit as users write it ("%", "万元", "人次", "" for none): a
    /// compact text, no allocation for the units of the tables (issue 14).
    pub fn label(&self) -> Text {
        match self {
            Unit::None => Text::const_new(""),
            Unit::Percent => Text::const_new("%"),
            Unit::Money(f) => {
                if *f == Decimal::ONE {
                    Text::const_new("元")
                } else if *f == Decimal::from(YUAN_PER_WAN) {
                    Text::const_new("万元")
                } else {
                    Text::const_new("亿元")
                }
            }
            Unit::Count(Cow::Borrowed(s)) => Text::const_new(s),
            Unit::Count(Cow::Owned(s)) => Text::from(s.as_str()),
        }
    }
}

/// S19 counting and time units: (as written, as stored). Longest match wins,
/// so 个月 beats 个, 人次 beats 人, 分钟 beats 分. 日 is stored as 天 and
/// 个月 as 月.
pub(super) const COUNT_UNITS: &[(&str, &str)] = &[
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
pub(super) fn canonical_count(u: &str) -> &str {
    let Some(first) = u.chars().next() else { return u };
    let units = count_units();
    let from = units.partition_point(|(c, _, _, _)| *c < first);
    let mut candidates = units.get(from..).unwrap_or_default().iter().take_while(|(c, _, _, _)| *c == first);
    candidates.find(|(_, w, _, _)| *w == u).map_or(u, |(_, _, s, _)| *s)
}

/// The longest known count unit at `i`: (stored name, length in chars).
pub(super) fn count_unit_at(cs: &[char], i: usize) -> Option<(&'static str, usize)> {
    let first = *cs.get(i)?;
    let units = count_units();
    // Only the units with this first character are compared.
    let from = units.partition_point(|(c, _, _, _)| *c < first);
    units
        .get(from..)?
        .iter()
        .take_while(|(c, _, _, _)| *c == first)
        .filter(|(_, w, _, _)| has_at(cs, i, w))
        .max_by_key(|(_, _, _, len)| *len)
        .map(|(_, _, s, len)| (*s, *len))
}

/// [`COUNT_UNITS`] as (first character, as written, as stored, length in
/// chars), sorted by the first character (else in table order), built once.
fn count_units() -> &'static [(char, &'static str, &'static str, usize)] {
    static UNITS: OnceLock<Vec<(char, &'static str, &'static str, usize)>> = OnceLock::new();
    UNITS.get_or_init(|| {
        let mut units: Vec<_> =
            COUNT_UNITS.iter().filter_map(|&(w, s)| Some((w.chars().next()?, w, s, char_len(w)))).collect();
        units.sort_by_key(|(c, _, _, _)| *c);
        units
    })
}

/// A unit read after a number: the unit, a factor the written number must be
/// multiplied by (1.2万人次 → 12000 人次), and the position after it.
pub(super) struct UnitAt {
    pub(super) unit: Unit,
    pub(super) factor: Decimal,
    pub(super) end: usize,
}

/// S19: the unit written at `i` (one optional space before it). With
/// `allow_unknown`, one CJK character that is no known unit is kept as a
/// `Count` ("5栋" is known; "3艘" → Count("艘")). Nothing found → `Unit::None`
/// ending at `i`.
pub(super) fn scan_unit(cs: &[char], i: usize, allow_unknown: bool) -> UnitAt {
    let none = UnitAt { unit: Unit::None, factor: Decimal::ONE, end: i };
    let j = skip_spaces(cs, i);
    let wan = Decimal::from(YUAN_PER_WAN);
    let yi = Decimal::from(YUAN_PER_YI);
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
                return found(Unit::Count(c.to_string().into()), Decimal::ONE, 1);
            }
        }
    }
    none
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
    let cs = Chars::new(n.chars());
    let unit = scan_unit(&cs, 0, false);
    if unit.unit != Unit::None && unit.factor == Decimal::ONE && unit.end == cs.len() {
        return Some(unit.unit);
    }
    let short_word = cs.len() <= 4 && cs.iter().all(|c| is_cjk(*c) || c.is_ascii_alphabetic());
    if short_word {
        Some(Unit::Count(canonical_count(&n).to_string().into()))
    } else {
        None
    }
}
