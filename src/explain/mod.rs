//! S27: the Chinese sentences. Every rule returns what it decided
//! ([`crate::report::decision`]); this step writes, from those decisions,
//! each row's `explanation` and `warnings`, the execution's `explanation`,
//! the project's scorer `errors` and `warnings`, and each finding's
//! `message`. Nothing before this step writes Chinese about a score, so a
//! caller that needs only the figures can stop before it.

pub mod labels;

use std::fmt::Write as _;

use rust_decimal::Decimal;

use crate::expr::{Period, Ymd};
use crate::model::Issue;
use crate::num::{round2, show, show2, HUNDRED, MAX_WEIGHT};
use crate::report::decision::{
    Band, Deadline, DeadlineOutcome, ExecDecision, Flag, LevelSource, NoteKind, QualPoints, Qualitative, QuantKind,
    QuantOutcome, Quantitative, ReverseFormula, RowDecision, RowError, Rule, YearTaken,
};
use crate::report::{Execution, Level, ProjectResult, Report};

mod review;

pub use review::{finding, verdict};

/// A figure too large to compute with (Decimal arithmetic overflowed).
const TOO_LARGE: &str = "数值过大，无法计算";

/// Write every text field of a freshly scored and audited report (once).
pub fn explain(report: &mut Report) {
    for p in &mut report.projects {
        explain_project(p);
    }
}

/// Write the text fields of one project.
pub fn explain_project(p: &mut ProjectResult) {
    for r in &mut p.rows {
        r.explanation = row(&r.decision);
        r.warnings = r.flags.iter().map(flag).collect();
    }
    p.execution.explanation = p.execution.decision.as_ref().map(|d| execution(d, &p.execution)).unwrap_or_default();
    let sheet = p.sheet.as_deref();
    for note in p.notes.iter() {
        let at = |column: Option<&str>, text: &str| Issue::at(sheet, note.row, column, text);
        let issue = match &note.kind {
            NoteKind::Row { error, .. } => at(error.column(), &row_error(error)),
            NoteKind::Execution => at(exec_column(&p.execution), &p.execution.explanation),
            NoteKind::Level1NotInProfile(l1) => at(Some("一级指标"), &format!("“{l1}”不是规则配置中的一级指标")),
            NoteKind::RescaleTooLarge => at(None, &format!("不适用指标的折算{TOO_LARGE}，未折算")),
            NoteKind::NoBudget => at(None, "未提供预算执行数据：请填写全年预算数和全年执行数"),
            NoteKind::StatedRate => at(None, "未提供预算金额，按表内执行率计算"),
            NoteKind::WeightSum { sum, total } => at(
                None,
                &format!(
                    "各指标分值与预算执行率分值合计为 {}，不等于 {}；仍按实际合计计算总分",
                    show(*sum),
                    show(*total)
                ),
            ),
            NoteKind::RowFlag { index, flag } => match p.rows.get(*index) {
                Some(r) => at(None, &format!("{}：{}", r.name, r.warnings.get(*flag).map_or("", String::as_str))),
                None => continue,
            },
        };
        if note.kind.is_error() {
            p.errors.push(issue);
        } else {
            p.warnings.push(issue);
        }
    }
    review::explain_review(p);
}

/// S27: a row's line: its rule, then the deduction (S23) and rescaling (S22).
pub fn row(d: &RowDecision) -> String {
    let mut text = match &d.rule {
        Rule::Unknown => String::new(),
        Rule::Error(e) => row_error(e),
        Rule::NotApplicable { rescaled: true } => "不适用：本指标不计分，其余指标按比例折算".into(),
        Rule::NotApplicable { rescaled: false } => "不适用：规则配置未开启按比例折算，计 0 分".into(),
        Rule::Quantitative(q) => quantitative(q),
        Rule::Pending { actual } => {
            format!("定性指标：无法从完成值“{actual}”判定完成情况，暂计 0 分，请选择达成情况")
        }
        Rule::Qualitative(q) => qualitative(q),
        Rule::Deadline(x) => deadline(x),
    };
    if let Some(x) = d.deduction.as_deref() {
        let _ = write!(text, "；扣减 {} 分，{} → {}", show(x.points), show(x.before), show(x.after));
    }
    if let Some(&(all, left)) = d.rescale.as_deref() {
        let _ = write!(text, "；因不适用指标，分值与得分按 {}/{} 折算", show(all), show(left));
    }
    text
}

/// A value with its unit as a sentence shows it: "45 个工作日", "87%".
struct WithUnit<'a>(Decimal, &'a str);

impl std::fmt::Display for WithUnit<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let gap = if self.1.is_empty() || self.1 == "%" { "" } else { " " };
        write!(f, "{}{gap}{}", show(self.0), self.1)
    }
}

fn quantitative(q: &Quantitative) -> String {
    let (w, tv, av) = (q.weight, q.target, q.actual);
    let v = |x: Decimal| WithUnit(round2(x), &q.unit);
    let wd = show(w);
    let prefix = q
        .full_marks
        .as_deref()
        .map(|&(x, fm)| format!("完成值 {} 分（满分 {} 分）折合 {}；", show(x), show(fm), v(av)));
    let prefix = prefix.unwrap_or_default();
    let kind = match q.kind {
        QuantKind::Reverse => "反向指标",
        QuantKind::Equal => "等值指标",
        QuantKind::Positive => "正向指标",
    };
    let reverse = q.kind == QuantKind::Reverse;
    let lost = |s: Decimal| show2(w.saturating_sub(s));
    match q.outcome {
        QuantOutcome::ZeroTargetMet => format!("{prefix}零目标：完成值 {} = 指标值 0，得满分 {wd} 分", v(av)),
        QuantOutcome::ZeroTargetMissed => format!("{prefix}零目标：完成值 {} > 0，得 0 分，扣 {wd} 分", v(av)),
        QuantOutcome::Met => {
            let cmp = if reverse { "≤" } else { "≥" };
            format!("{prefix}{kind}：完成值 {} {cmp} 指标值 {}，得满分 {wd} 分", v(av), v(tv))
        }
        QuantOutcome::NegativeTargetMissed if reverse => format!("{prefix}{kind}：指标值为负数，完成值未达到，得 0 分"),
        QuantOutcome::NegativeTargetMissed => format!("{prefix}{kind}：完成值低于负的指标值，得 0 分"),
        QuantOutcome::ReverseShort { formula, score } => {
            let formula = match formula {
                ReverseFormula::Ratio => format!("{wd} × {}/{}", show(tv), show(av)),
                ReverseFormula::LinearZero { at } => format!("完成值达到指标值 {} 倍及以上，{wd} × 0", show(at)),
                ReverseFormula::Linear => format!("{wd} × (1 − ({} − {})/{})", show(av), show(tv), show(tv)),
            };
            let (a, t, s) = (v(av), v(tv), show2(score));
            format!("{prefix}{kind}：完成值 {a} > 指标值 {t}，得分 = {formula} = {s}，扣 {} 分", lost(score))
        }
        QuantOutcome::PositiveShort { score } => format!(
            "{prefix}{kind}：完成值 {} < 指标值 {}，得分 = {wd} × {}/{} = {}，扣 {} 分",
            v(av),
            v(tv),
            show(round2(av)),
            show(round2(tv)),
            show2(score),
            lost(score)
        ),
    }
}

/// S28: "完成时间 2022-01-15 晚于期限 2021-12-31：第 380 天 / 第 365 天，
/// 得分 = 25 × 365/380 = 24.01，扣 0.99 分".
fn deadline(x: &Deadline) -> String {
    let known = x.year != YearTaken::Unknown;
    let limit = day_text(x.limit, known);
    let done = span_text(x.done, x.done_span, known);
    let w = show(x.weight);
    let year = match x.year {
        YearTaken::Written => String::new(),
        YearTaken::OtherDate(y) => format!("（未写年份的日期按同行日期取 {y} 年）"),
        YearTaken::Project(y) => format!("（日期未写年份，按项目年度取 {y} 年）"),
        YearTaken::LastYear(y) => format!("（日期未写年份，取上一年 {y} 年）"),
        YearTaken::Unknown => "（日期未写年份）".into(),
    };
    match x.outcome {
        DeadlineOutcome::Met => format!("时效指标：完成时间 {done} 不晚于期限 {limit}，得满分 {w} 分{year}"),
        DeadlineOutcome::Late { limit_day, done_day, score } => format!(
            "时效指标：完成时间 {done} 晚于期限 {limit}：第 {done_day} 天 / 第 {limit_day} 天，得分 = {w} × {limit_day}/{done_day} = {}，扣 {} 分{year}",
            show2(score),
            show2(x.weight.saturating_sub(score))
        ),
        DeadlineOutcome::LateZero => {
            format!("时效指标：完成时间 {done} 晚于期限 {limit}，按规则配置逾期计 0 分，扣 {w} 分{year}")
        }
    }
}

/// A day: "2021-12-31", or "12-31" when its year is not known.
fn day_text(d: Ymd, known_year: bool) -> String {
    if known_year {
        d.to_string()
    } else {
        format!("{:02}-{:02}", d.month, d.day)
    }
}

/// The span an actual names, from its first day: "2022-01-15", "2025年7月",
/// "2025年第三季度", "2025年上半年", "2025年".
fn span_text(first: Ymd, span: Period, known_year: bool) -> String {
    let year = if known_year { format!("{}年", first.year) } else { String::new() };
    const QUARTERS: [&str; 4] = ["一", "二", "三", "四"];
    match span {
        Period::Day => day_text(first, known_year),
        Period::Month => format!("{year}{}月", first.month),
        Period::Quarter => {
            let q = QUARTERS.get(first.month.saturating_sub(1) as usize / 3).copied().unwrap_or_default();
            format!("{year}第{q}季度")
        }
        Period::HalfYear if first.month <= 6 => format!("{year}上半年"),
        Period::HalfYear => format!("{year}下半年"),
        Period::Year if known_year => year,
        Period::Year => "当年".into(),
    }
}

fn qualitative(q: &Qualitative) -> String {
    let how = match &q.how {
        LevelSource::Column => "完成情况为".to_owned(),
        LevelSource::Chosen => "人工判定为".to_owned(),
        LevelSource::Actual(a) => format!("由完成值“{a}”判定为"),
        LevelSource::Unstated => String::new(),
    };
    let level = q.level.label();
    let text = match q.points {
        QualPoints::Manual { score, band: b, typed } => {
            let whose = if typed { "人工评分" } else { "采用填报得分" };
            format!("定性指标：{how}{level}，{whose} {} 分（{}）", show(score), band(b))
        }
        QualPoints::Full => format!("定性指标：{how}{level}，得满分 {} 分", show(q.weight)),
        QualPoints::Share { factor, score, lost } => format!(
            "定性指标：{how}{level}，得分 = {} × {} = {}，扣 {} 分",
            show(q.weight),
            show(factor),
            show2(score),
            show2(lost)
        ),
    };
    match &q.basis {
        Some(b) => format!("{text}；判定依据：{b}"),
        None => text,
    }
}

/// S14: "部分达成档 [9, 12)".
pub(crate) fn band(b: Band) -> String {
    let close = if b.level == Level::Achieved { "]" } else { ")" };
    format!("{}档 [{}, {}{close}", b.level.label(), show(round2(b.low)), show(round2(b.high)))
}

/// Why a row could not be scored.
pub fn row_error(e: &RowError) -> String {
    match e {
        RowError::WeightMissing => "缺少分值：其他行填有分值，本行也需填写".into(),
        RowError::WeightTooLarge(t) => format!("分值“{t}”过大（上限 {}）", show(MAX_WEIGHT)),
        RowError::WeightNegative(t) => format!("分值“{t}”不能为负数"),
        RowError::WeightNotNumber(t) => format!("「分值」“{t}”不是数字"),
        RowError::Level1Missing => "缺少一级指标，无法按规则分配分值".into(),
        RowError::Ungraded => "表中没有一级指标列，无法按规则分配分值：请每行填写分值".into(),
        RowError::Level1Unknown { level1, known } => {
            format!("一级指标“{level1}”不在规则配置中（可用：{}），无法分配分值", known.join("、"))
        }
        RowError::NameMissing => "缺少三级指标名称".into(),
        RowError::TargetMissing => "缺少年度指标值".into(),
        RowError::ActualMissing => "缺少实际完成值".into(),
        RowError::SymbolUnknown(s) => format!("计算符号“{s}”无法识别（可用 ≥ ＞ ＝ ＜ ≤ 定性 正向 反向）"),
        RowError::TargetNoNumber(t) => format!("计算符号为定量，但年度指标值“{t}”中没有数字"),
        RowError::ActualNoNumber(a) => format!("实际完成值“{a}”中没有可与指标值比较的数字"),
        RowError::Units(message) => message.clone(),
        RowError::TooLarge => TOO_LARGE.into(),
        RowError::LevelUnknown(t) => format!("完成情况“{t}”无法识别（可用 达成 / 部分达成 / 未达成）"),
        RowError::ScoreNotNumber(t) => format!("「得分」“{t}”不是数字"),
        RowError::OutOfBand { score, band: b } => format!("得分 {} 不在{}内", show(*score), band(*b)),
        RowError::DeductionNotNumber(d) => format!("「扣减分数」“{d}”不是数字"),
    }
}

/// A row's flag as one line.
pub fn flag(f: &Flag) -> String {
    match f {
        Flag::InferredDirection => "方向为推断：指标值未写计算符号，按正向（≥）计分".into(),
        Flag::CostCeiling => "方向为推断：成本指标的金额未写计算符号，按上限（≤）计分".into(),
        Flag::Range { low, high, unit } => {
            let (low, high) = (show(*low), show(*high));
            format!("指标值为区间 {low}–{high}{unit}，按下限 ≥{low}{unit} 计分")
        }
        Flag::BareFraction(x) => {
            let (v, pct) = (show(*x), show(x.saturating_mul(HUNDRED)));
            format!("完成值 {v} 未写单位，按指标值的单位计为 {v}%；若实为 {pct}%，请写成“{pct}%”")
        }
        Flag::NegativeActual(x) => format!("实际完成值为负数 {}，按 0 计分", show(*x)),
        Flag::OverAchievement => "完成值高于指标值较多，请分析年初指标值是否偏低".into(),
        Flag::NotApplicableKept => "标为不适用：按现行规则配置不折算，本指标计 0 分".into(),
        Flag::LevelFromScore { score, level } => {
            format!("完成情况由得分 {} 所在档次推定为{}，请确认", show(*score), level.label())
        }
        Flag::NoReason => "未说明偏差原因".into(),
    }
}

/// S4–S6: the execution row's line.
pub fn execution(d: &ExecDecision, e: &Execution) -> String {
    match d {
        ExecDecision::WeightOutOfRange(w) => {
            let why = if *w < Decimal::ZERO {
                "不能为负数".to_owned()
            } else {
                format!("过大（上限 {}）", show(MAX_WEIGHT))
            };
            format!("预算执行率分值“{}”{why}，按 0 分计", show(*w))
        }
        ExecDecision::TooLarge { executed, budget } => {
            format!("全年执行数 {} / 全年预算数 {}：{TOO_LARGE}执行率", show(*executed), show(*budget))
        }
        ExecDecision::Rate { executed, budget, rate_pct, used_pct, capped } => format!(
            "预算执行率 = 全年执行数 {} / 全年预算数 {} = {}%，{}",
            show(*executed),
            show(*budget),
            show2(*rate_pct),
            exec_score(e, *used_pct, *capped)
        ),
        ExecDecision::StatedRate { rate_pct, used_pct, capped } => format!(
            "预算执行率 {}%（表内填报，未提供预算金额），{}",
            show2(*rate_pct),
            exec_score(e, *used_pct, *capped)
        ),
        ExecDecision::ZeroBudget { executed } => {
            format!("全年预算数为 0，全年执行数为 {}，无法计算执行率", show(*executed))
        }
        ExecDecision::NegativeBudget(b) => format!("全年预算数为负数 {}，无法计算执行率", show(*b)),
        ExecDecision::Missing => "未提供预算执行数据，预算执行率计 0 分".into(),
    }
}

/// S5: "得分 = 10 × 79.27% = 7.93，扣 2.07 分".
fn exec_score(e: &Execution, used_pct: Decimal, capped: bool) -> String {
    let cap = if capped { "（执行率超过 100% 按 100% 计）" } else { "" };
    let lost = e.weight.saturating_sub(e.score);
    let tail = if lost > Decimal::ZERO { format!("，扣 {} 分", show2(lost)) } else { String::new() };
    format!("得分 = {} × {}%{cap} = {}{tail}", show(e.weight), show2(used_pct), show2(e.score))
}

/// The cell an execution error is about.
fn exec_column(e: &Execution) -> Option<&'static str> {
    match e.decision.as_ref()? {
        ExecDecision::WeightOutOfRange(_) => Some("预算执行率分值"),
        ExecDecision::TooLarge { .. } => Some("全年执行数"),
        ExecDecision::ZeroBudget { .. } | ExecDecision::NegativeBudget(_) => Some("全年预算数"),
        ExecDecision::Rate { .. } | ExecDecision::StatedRate { .. } | ExecDecision::Missing => None,
    }
}

#[cfg(test)]
mod tests;
