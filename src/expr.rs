//! Value expressions (S18–S21): the text of a 年度指标值 or 实际完成值 cell
//! turned into a comparator, a decimal number and a unit.
//!
//! Full-width and look-alike glyphs are normalised first (≧ ≦ ═ ＝ ％ ＞ ＜,
//! full-width digits and punctuation). Text before the number is a label
//! ("群众满意率 90%"), kept for display.

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

/// Normalise full-width and look-alike characters to their plain forms:
/// full-width ASCII (０-９ Ａ-Ｚ ％ ＋ － ． ，) → ASCII, ≧ → ≥, ≦ → ≤,
/// ═ ＝ → =, ＞ → >, ＜ → <, ～ 〜 ~ kept as range marks, ideographic space
/// → space; trims and collapses runs of white space (line breaks included).
pub fn normalize(s: &str) -> String {
    s.trim().to_string()
}

/// Parse a value expression; `None` when the text holds no number (and is not
/// a zero word): such a target makes the row qualitative (S14).
pub fn parse_value(_s: &str) -> Option<ValueExpr> {
    None
}

/// Parse a cell that should be just a number, possibly with a unit or % after
/// it and thousands separators: "12.5", "１２", "36,500", "95.00%" (→ 95.00),
/// "10 分", "142.5万元" (→ 142.5). `None` for anything else ("十二", "").
pub fn parse_number(_s: &str) -> Option<Decimal> {
    None
}

/// Parse a unit cell (计量单位 column): "%", "百分比", "万元", "人次", "天".
pub fn parse_unit(_s: &str) -> Option<Unit> {
    None
}

/// Parse a 计算符号 / 指标方向 / 指标性质 cell: ≥ ＞ ＝ ＜ ≤ (and their
/// full-width / ASCII / word forms), 定性, 正向, 反向, 定量 (→ Positive).
pub fn parse_symbol(_s: &str) -> Option<Symbol> {
    None
}

/// Does an actual value express zero/absence in words ("无", "零", "0 起",
/// "未发生", "没有发生")? Used when the target is a zero word.
pub fn is_zero_word(_s: &str) -> bool {
    false
}

/// Bring target and actual to one unit (S19, S20).
///
/// - A bare actual takes the target's unit; a bare target takes the actual's.
/// - 元 / 万元 / 亿元 convert among themselves (to the target's unit).
/// - S20: an actual with `full_marks` against a percent target becomes
///   value / full_marks × 100 (14.23/15 → 94.866…%, not rounded here);
///   against any other target it is its value in 分.
/// - Units that cannot be compared (天 vs 万元, % vs 人) are an `Err` with a
///   Chinese message: "单位不一致：指标值为“天”，完成值为“万元”，无法比较".
pub fn align(_target: &ValueExpr, _actual: &ValueExpr) -> Result<Aligned, String> {
    Err("未实现".into())
}
