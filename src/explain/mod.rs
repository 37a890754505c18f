//! S27: the Chinese sentences. Every rule returns what it decided
//! ([`crate::report::decision`]); this step writes, from those decisions,
//! each row's `explanation` and `warnings`, the execution's `explanation`,
//! the project's scorer `errors` and `warnings`, and each finding's
//! `message`. Nothing before this step writes Chinese about a score, so a
//! caller that needs only the figures can stop before it.

use rust_decimal::Decimal;

use crate::model::Issue;
use crate::num::{round2, show, show2, HUNDRED, MAX_WEIGHT};
use crate::report::decision::{
    Band, ExecDecision, Flag, LevelSource, NoteKind, QualPoints, Qualitative, QuantKind, QuantOutcome, Quantitative,
    ReverseFormula, RowDecision, RowError, Rule,
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
            NoteKind::RescaleTooLarge => at(None, &format!("不适用指标的折算{TOO_LARGE}，未折算（S22）")),
            NoteKind::NoBudget => at(None, "未提供预算执行数据：请填写全年预算数和全年执行数"),
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
        Rule::NotApplicable { rescaled: true } => "不适用：本指标不计分，其余指标按比例折算（S22）".into(),
        Rule::NotApplicable { rescaled: false } => "不适用：规则配置未开启按比例折算，计 0 分（S22）".into(),
        Rule::Quantitative(q) => quantitative(q),
        Rule::Pending { actual } => {
            format!("定性指标：无法从完成值“{actual}”判定完成情况，暂计 0 分，请选择达成情况（S17）")
        }
        Rule::Qualitative(q) => qualitative(q),
    };
    if let Some(x) = d.deduction {
        text.push_str(&format!("；扣减 {} 分，{} → {}", show(x.points), show(x.before), show(x.after)));
    }
    if let Some((all, left)) = d.rescale {
        text.push_str(&format!("；因不适用指标，分值与得分按 {}/{} 折算（S22）", show(all), show(left)));
    }
    text
}

fn quantitative(q: &Quantitative) -> String {
    let (w, tv, av) = (q.weight, q.target, q.actual);
    let gap = if q.unit.is_empty() || q.unit == "%" { "" } else { " " };
    let v = |x: Decimal| format!("{}{gap}{}", show(round2(x)), q.unit);
    let wd = show(w);
    let prefix = q.full_marks.map(|(x, fm)| format!("完成值 {} 分（满分 {} 分）折合 {}；", show(x), show(fm), v(av)));
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
        QuantOutcome::ZeroTargetMissed => format!("{prefix}零目标：完成值 {} > 0，得 0 分，扣 {wd} 分（S10）", v(av)),
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

fn qualitative(q: &Qualitative) -> String {
    let how = match &q.how {
        LevelSource::Column => "完成情况为".to_owned(),
        LevelSource::Actual(a) => format!("由完成值“{a}”判定为"),
        LevelSource::Unstated => String::new(),
    };
    let level = q.level.label();
    match q.points {
        QualPoints::Manual { score, band: b } => {
            format!("定性指标：{how}{level}，采用填报得分 {} 分（{}）", show(score), band(b))
        }
        QualPoints::Full => format!("定性指标：{how}{level}，得满分 {} 分", show(q.weight)),
        QualPoints::Share { factor, score, lost } => format!(
            "定性指标：{how}{level}，得分 = {} × {} = {}，扣 {} 分",
            show(q.weight),
            show(factor),
            show2(score),
            show2(lost)
        ),
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
        RowError::WeightMissing => "缺少分值：其他行填有分值，本行也需填写（S2）".into(),
        RowError::WeightTooLarge(t) => format!("分值“{t}”过大（上限 {}）", show(MAX_WEIGHT)),
        RowError::WeightNegative(t) => format!("分值“{t}”不能为负数"),
        RowError::WeightNotNumber(t) => format!("「分值」“{t}”不是数字"),
        RowError::Level1Missing => "缺少一级指标，无法按规则分配分值（S2）".into(),
        RowError::Level1Unknown { level1, known } => {
            format!("一级指标“{level1}”不在规则配置中（可用：{}），无法分配分值（S2）", known.join("、"))
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
        RowError::OutOfBand { score, band: b } => format!("得分 {} 不在{}内（S16）", show(*score), band(*b)),
        RowError::DeductionNotNumber(d) => format!("「扣减分数」“{d}”不是数字"),
    }
}

/// A row's flag as one line.
pub fn flag(f: &Flag) -> String {
    match f {
        Flag::InferredDirection => "方向为推断：指标值未写计算符号，按正向（≥）计分（S11）".into(),
        Flag::Range { low, high, unit } => {
            let (low, high) = (show(*low), show(*high));
            format!("指标值为区间 {low}–{high}{unit}，按下限 ≥{low}{unit} 计分（S21）")
        }
        Flag::BareFraction(x) => {
            let (v, pct) = (show(*x), show(x.saturating_mul(HUNDRED)));
            format!("完成值 {v} 未写单位，按指标值的单位计为 {v}%；若实为 {pct}%，请写成“{pct}%”（S19）")
        }
        Flag::NegativeActual(x) => format!("实际完成值为负数 {}，按 0 计分（S12）", show(*x)),
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
        ExecDecision::Rate { executed, budget, rate_pct, used_pct, capped } => {
            let cap = if *capped { "（执行率超过 100% 按 100% 计）" } else { "" };
            let lost = e.weight.saturating_sub(e.score);
            let tail = if lost > Decimal::ZERO { format!("，扣 {} 分", show2(lost)) } else { String::new() };
            format!(
                "预算执行率 = 全年执行数 {} / 全年预算数 {} = {}%，得分 = {} × {}%{cap} = {}{tail}",
                show(*executed),
                show(*budget),
                show2(*rate_pct),
                show(e.weight),
                show2(*used_pct),
                show2(e.score)
            )
        }
        ExecDecision::ZeroBudget { executed } => {
            format!("全年预算数为 0，全年执行数为 {}，无法计算执行率（S6）", show(*executed))
        }
        ExecDecision::NegativeBudget(b) => format!("全年预算数为负数 {}，无法计算执行率", show(*b)),
        ExecDecision::Missing => "未提供预算执行数据，预算执行率计 0 分（S6）".into(),
    }
}

/// The cell an execution error is about.
fn exec_column(e: &Execution) -> Option<&'static str> {
    match e.decision.as_ref()? {
        ExecDecision::WeightOutOfRange(_) => Some("预算执行率分值"),
        ExecDecision::TooLarge { .. } => Some("全年执行数"),
        ExecDecision::ZeroBudget { .. } | ExecDecision::NegativeBudget(_) => Some("全年预算数"),
        ExecDecision::Rate { .. } | ExecDecision::Missing => None,
    }
}
