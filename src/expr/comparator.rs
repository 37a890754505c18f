//! S18 comparators: symbols and words before or after the number, and the
//! 计算符号 / 指标方向 / 指标性质 column.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::normalize::{char_len, has_at, normalize, skip_spaces};

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
    /// 正向 → ≥
    Positive,
    /// 定量 / 定量指标: quantitative, nothing more; the direction comes from
    /// the target text or S11.
    Quantitative,
    /// 反向 → ≤
    Reverse,
}

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
pub(super) fn comparator_before(prefix: &[char]) -> (Option<(Comparator, bool)>, String) {
    let end = prefix.len();
    let trimmed_end = {
        let mut e = end;
        while e > 0 && prefix.get(e - 1) == Some(&' ') {
            e -= 1;
        }
        e
    };
    for &(word, len, cmp, weak) in words_before() {
        if let Some(start) = trimmed_end.checked_sub(len) {
            if has_at(prefix, start, word) {
                return (Some((cmp, weak)), clean_label(prefix.get(..start).unwrap_or_default()));
            }
        }
    }
    (None, clean_label(prefix))
}

/// [`CMP_BEFORE`] and [`CMP_WEAK_LE`] as (word, length in chars, comparator,
/// weak), longest first (ties in table order), built once.
fn words_before() -> &'static [(&'static str, usize, Comparator, bool)] {
    static WORDS: OnceLock<Vec<(&'static str, usize, Comparator, bool)>> = OnceLock::new();
    WORDS.get_or_init(|| {
        let mut words: Vec<_> = CMP_BEFORE.iter().map(|&(w, c)| (w, char_len(w), c, false)).collect();
        words.push((CMP_WEAK_LE, char_len(CMP_WEAK_LE), Comparator::Le, true));
        words.sort_by_key(|&(_, len, _, _)| std::cmp::Reverse(len));
        words
    })
}

/// A label without the spaces and separators (: ,) around it.
fn clean_label(cs: &[char]) -> String {
    let separator = |c: &char| matches!(c, ' ' | ':' | ',' | '、');
    let start = cs.iter().position(|c| !separator(c)).unwrap_or(cs.len());
    let end = cs.iter().rposition(|c| !separator(c)).map_or(start, |e| e + 1);
    cs.get(start..end).unwrap_or_default().iter().collect()
}

/// S18: a comparator word at `i` after the number: (comparator, end).
pub(super) fn comparator_after(cs: &[char], i: usize) -> Option<(Comparator, usize)> {
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

/// Parse a 计算符号 / 指标方向 / 指标性质 cell: ≥ ＞ ＝ ＜ ≤ (and their
/// full-width / ASCII / word forms, S18), 定性, 正向, 反向, 定量 (no direction).
pub fn parse_symbol(s: &str) -> Option<Symbol> {
    let n: String = normalize(s).chars().filter(|c| *c != ' ').collect();
    match n.as_str() {
        "定性" | "定性指标" => return Some(Symbol::Qualitative),
        "定量" | "定量指标" => return Some(Symbol::Quantitative),
        "正向" | "正向指标" => return Some(Symbol::Positive),
        "反向" | "反向指标" => return Some(Symbol::Reverse),
        _ => {}
    }
    CMP_BEFORE
        .iter()
        .chain(CMP_AFTER.iter().filter(|(w, _)| *w != "内"))
        .find(|(w, _)| *w == n)
        .map(|(_, c)| Symbol::Cmp(*c))
}
