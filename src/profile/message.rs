//! The Chinese words for a refused profile setting: the setting's name, what
//! is wrong and the allowed range ("「产出指标」分值 120 超出范围，应在 0 分至
//! 100 分之间"). Shares of a row's 分值 are shown as percentages.

use rust_decimal::Decimal;

use super::check::{Field, Problem, ProfileError, Range};
use crate::num::show;

impl ProfileError {
    /// One sentence naming the setting, the value and the allowed range.
    pub fn message(&self) -> String {
        let label = label(self.field, &self.subject);
        let unit = |d: Decimal| value(self.field, d);
        match &self.problem {
            Problem::Unreadable(why) => format!("规则配置无法读取：{why}"),
            Problem::NotANumber { text, range } => {
                format!("{label}“{text}”不是数字，应在{}", words(*range, unit))
            }
            Problem::OutOfRange { value, range } => {
                format!("{label} {} 超出范围，应在{}", unit(*value), words(*range, unit))
            }
            Problem::Empty => match self.field {
                Field::Levels | Field::Grades => format!("规则配置至少需要一个{label}"),
                Field::LevelKeywords(_) => format!("{label}中有空的关键词"),
                _ => format!("{label}不能为空"),
            },
            Problem::Duplicate(name) => format!("{label}“{name}”重复"),
            Problem::UnknownLevel(name) => {
                format!("{label}“{name}”不是本规则中另一个自行计分的一级指标")
            }
        }
    }
}

/// Several refusals in one text (the CLI's `--profile FILE` error).
pub fn joined(errors: &[ProfileError]) -> String {
    errors.iter().map(ProfileError::message).collect::<Vec<_>>().join("；")
}

/// The name of a setting as the rule editor shows it.
fn label(field: Field, subject: &str) -> String {
    let nth = |what: &str, i: usize| format!("第 {} 个{what}", i.saturating_add(1));
    let cap = |what: &str, i: usize| format!("第 {} 条总分封顶的{what}", i.saturating_add(1));
    match field {
        Field::File => "规则配置".into(),
        Field::Id => "规则编号（id）".into(),
        Field::Name => "规则名称".into(),
        Field::ExecutionWeight => "预算执行率分值".into(),
        Field::Total => "满分".into(),
        Field::OverAchievementFactor => "超额完成系数".into(),
        Field::AchievedMin => "定性「达成」档下限".into(),
        Field::PartialMin => "定性「部分达成」档下限".into(),
        Field::AchievedPoints => "定性「达成」默认得分".into(),
        Field::PartialPoints => "定性「部分达成」默认得分".into(),
        Field::NotAchievedPoints => "定性「未达成」默认得分".into(),
        Field::Levels => "一级指标".into(),
        Field::LevelName(i) => nth("一级指标的名称", i),
        Field::LevelWeight(_) => format!("「{subject}」分值"),
        Field::LevelKeywords(_) => format!("「{subject}」的关键词"),
        Field::LevelShareWith(_) => format!("「{subject}」所计入的指标"),
        Field::Grades => "等级".into(),
        Field::GradeName(i) => nth("等级的名称", i),
        Field::GradeMin(_) => format!("等级「{subject}」的分数线"),
        Field::CapRateFrom(i) => cap("执行率下限", i),
        Field::CapRateBelow(i) => cap("执行率上限", i),
        Field::CapMaxTotal(i) => cap("总分上限", i),
    }
}

/// A value of `field` with its unit: a share as a percentage, a weight in 分.
fn value(field: Field, d: Decimal) -> String {
    match field {
        f if f.is_fraction() => format!("{}%", show(d.saturating_mul(Decimal::ONE_HUNDRED))),
        Field::OverAchievementFactor => format!("{} 倍", show(d)),
        Field::CapRateFrom(_) | Field::CapRateBelow(_) => format!("{}%", show(d)),
        _ => format!("{} 分", show(d)),
    }
}

/// "0 分至 100 分之间", with the ends it excludes named.
fn words(r: Range, unit: impl Fn(Decimal) -> String) -> String {
    let (lo, hi) = (unit(r.lo), unit(r.hi));
    let open = match (r.lo_open, r.hi_open) {
        (false, false) => String::new(),
        (true, false) => format!("（不含 {lo}）"),
        (false, true) => format!("（不含 {hi}）"),
        (true, true) => "（不含两端）".into(),
    };
    format!(" {lo}{}至 {hi}{}之间{open}", gap(&lo), gap(&hi))
}

/// A space after a figure that ends in a digit or %, none after 分 or 倍.
fn gap(s: &str) -> &'static str {
    if s.ends_with(|c: char| c.is_ascii_digit() || c == '%') {
        " "
    } else {
        ""
    }
}
