//! The scorer (SCORING.md S1–S27): normalised input + profile → report.
//!
//! Every number a rule leaves to a setting comes from the [`Profile`]. All
//! arithmetic is decimal; a row score is rounded half-up to 2 places (S25)
//! and the total is the sum of the rounded parts.
//!
//! Choices of ours where the spec is silent, written down here:
//! - With 分值 given, a 一级 name the profile does not know is only a
//!   warning (the weight does not depend on it); without 分值 it is an error,
//!   since the row's weight cannot be found (S2).
//! - A quantitative row whose actual holds no number is an error on the row
//!   (a zero target accepts zero words such as "无" / "未发生", S10).
//! - A qualitative row with a manual score but no readable level takes the
//!   level whose band holds the score (S14), flagged for review.
//! - A row marked 不适用 with `not_applicable_rescale` off keeps its weight and
//!   scores 0, with a warning (S22).
//! - A row's status is `review` when it carries any warning.

use rust_decimal::{Decimal, RoundingStrategy};

use crate::expr::{self, Comparator, Symbol, ValueExpr};
use crate::model::{Budget, IndicatorInput, Input, Issue, ProjectInput, UNGRADED};
use crate::profile::{Profile, ReverseFormula};
use crate::report::{Execution, ProjectResult, Report, RowResult, Status, Subtotal};

/// Score every project of the input.
pub fn score(input: &Input, profile: &Profile) -> Report {
    Report { profile: profile.id.clone(), projects: input.projects.iter().map(|p| score_project(p, profile)).collect() }
}

/// S25: half-up to 2 decimals.
pub fn round2(d: Decimal) -> Decimal {
    d.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

/// A decimal as users read it: no trailing zeros ("12.50" → "12.5").
pub fn show(d: Decimal) -> String {
    d.normalize().to_string()
}

/// Two decimals always ("98.88", "9.50").
pub fn show2(d: Decimal) -> String {
    format!("{:.2}", round2(d))
}

const HUNDRED: Decimal = Decimal::ONE_HUNDRED;

/// The largest 分值 (a row's or the stated 预算执行率分值) accepted. Weights
/// are added up over every row, so bounding them keeps every sum, subtotal
/// and rescaled weight far inside `Decimal`'s range (whose `+` and `*` panic
/// on overflow).
pub const MAX_WEIGHT: Decimal = Decimal::from_parts(1_000_000, 0, 0, false, 0);

/// A figure too large to compute with (Decimal arithmetic overflowed).
const TOO_LARGE: &str = "数值过大，无法计算";

/// A sum that cannot panic: saturates at `Decimal::MAX` (with bounded weights
/// it never gets there; stated figures are not bounded).
fn sum(values: impl IntoIterator<Item = Decimal>) -> Decimal {
    values.into_iter().fold(Decimal::ZERO, Decimal::saturating_add)
}

/// `a × b / c` without panicking. When `a × b` overflows, `a × (b / c)`
/// (the rules' ratios are below 1 where this matters: W × A/T with A < T).
/// `None` when the result itself is out of range or `c` is zero.
fn mul_div(a: Decimal, b: Decimal, c: Decimal) -> Option<Decimal> {
    a.checked_mul(b).and_then(|p| p.checked_div(c)).or_else(|| b.checked_div(c)?.checked_mul(a))
}

/// Qualitative levels (S14).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Level {
    Achieved,
    Partial,
    NotAchieved,
}

impl Level {
    fn label(self) -> &'static str {
        match self {
            Level::Achieved => "达成",
            Level::Partial => "部分达成",
            Level::NotAchieved => "未达成",
        }
    }
}

const PENDING: &str = "待判定";

fn score_project(p: &ProjectInput, profile: &Profile) -> ProjectResult {
    let sheet = p.sheet.as_deref();
    let mut errors: Vec<Issue> = p.errors.clone();
    let mut warnings: Vec<Issue> = p.warnings.clone();
    let row_of = |i: usize, ind: &IndicatorInput| ind.row.unwrap_or(u32::try_from(i + 1).unwrap_or(u32::MAX));

    let weights = weights(p, profile, &mut warnings);
    let mut rows: Vec<RowResult> = Vec::with_capacity(p.indicators.len());
    for (i, ind) in p.indicators.iter().enumerate() {
        let row = row_of(i, ind);
        let (weight, weight_error) = match weights.get(i) {
            Some(Ok(w)) => (*w, None),
            Some(Err(e)) => (Decimal::ZERO, Some(e.clone())),
            None => (Decimal::ZERO, None),
        };
        let (mut r, mut column) = score_row(ind, row, weight, profile);
        if let Some(e) = weight_error {
            r.status = Status::Error;
            r.score = Decimal::ZERO;
            r.explanation = e;
            column = Some("分值");
        }
        if r.status == Status::Error {
            errors.push(Issue::at(sheet, Some(row), column, &r.explanation));
        }
        rows.push(r);
    }
    // S22: rows marked 不适用 are left out and the rest rescaled to the same total.
    let na_weight = sum(rows.iter().filter(|r| r.level.as_deref() == Some(NOT_APPLICABLE)).map(|r| r.weight));
    if profile.not_applicable_rescale && !na_weight.is_zero() {
        let all = sum(rows.iter().map(|r| r.weight));
        let left = all.saturating_sub(na_weight);
        // Every rescaled figure first, so an overflow leaves the rows unchanged.
        let rescaled: Option<Vec<(Decimal, Decimal)>> = rows
            .iter()
            .map(|r| Some((round2(mul_div(r.weight, all, left)?), round2(mul_div(r.score, all, left)?))))
            .collect();
        match rescaled {
            Some(rescaled) if left > Decimal::ZERO => {
                for (r, (weight, score)) in rows.iter_mut().zip(rescaled) {
                    if r.level.as_deref() == Some(NOT_APPLICABLE) {
                        r.weight = Decimal::ZERO;
                        continue;
                    }
                    r.weight = weight;
                    r.score = score;
                    r.explanation.push_str(&format!(
                        "；因不适用指标，分值与得分按 {}/{} 折算（S22）",
                        show(all),
                        show(left)
                    ));
                }
            }
            None if left > Decimal::ZERO => {
                warnings.push(Issue::at(sheet, None, None, &format!("不适用指标的折算{TOO_LARGE}，未折算（S22）")));
            }
            _ => {}
        }
    }

    let execution = execution(&p.budget, profile, sheet, &mut errors, &mut warnings);
    let total = sum(rows.iter().map(|r| r.score).chain([execution.score]));
    let weight_sum = sum(rows.iter().map(|r| r.weight).chain([execution.weight]));
    // S3: weights not summing to the profile's total is a warning.
    if weight_sum != profile.total {
        warnings.push(Issue::at(
            sheet,
            None,
            None,
            &format!(
                "各指标分值与预算执行率分值合计为 {}，不等于 {}；仍按实际合计计算总分",
                show(weight_sum),
                show(profile.total)
            ),
        ));
    }
    for r in &rows {
        for w in &r.warnings {
            warnings.push(Issue::at(sheet, Some(r.row), None, &format!("{}：{w}", r.name)));
        }
    }
    let provisional = rows.iter().any(|r| r.status == Status::Pending);
    let mut result = ProjectResult {
        name: p.name.clone(),
        department: p.department.clone(),
        implementer: p.implementer.clone(),
        sheet: p.sheet.clone(),
        file: None,
        total,
        grade: profile.grade_of(total),
        provisional,
        stated_total: p.stated.total,
        weight_sum,
        subtotals: subtotals(&rows),
        execution,
        rows,
        errors,
        warnings,
        audit: Vec::new(),
        goals: p.goals.clone(),
        ignored: p.ignored.clone(),
    };
    result.audit = crate::audit::audit(p, &result, profile);
    result
}

/// S1/S2: each row's weight, or the error that keeps it from having one.
fn weights(p: &ProjectInput, profile: &Profile, warnings: &mut Vec<Issue>) -> Vec<Result<Decimal, String>> {
    let sheet = p.sheet.as_deref();
    let given: Vec<Option<&str>> =
        p.indicators.iter().map(|i| i.weight.as_deref().map(str::trim).filter(|w| !w.is_empty())).collect();
    if given.iter().any(Option::is_some) {
        // S1: weights as given; a row without one, when others have them, is an error (S2).
        return p
            .indicators
            .iter()
            .zip(&given)
            .map(|(ind, w)| {
                if profile.level_of(&ind.level1).is_none() && !ind.level1.trim().is_empty() && ind.level1 != UNGRADED {
                    let row = ind.row;
                    warnings.push(Issue::at(
                        sheet,
                        row,
                        Some("一级指标"),
                        &format!("“{}”不是规则配置中的一级指标", ind.level1),
                    ));
                }
                match w {
                    None => Err("缺少分值：其他行填有分值，本行也需填写（S2）".to_owned()),
                    Some(t) => match expr::parse_number(t) {
                        Some(v) if v > MAX_WEIGHT => Err(format!("分值“{t}”过大（上限 {}）", show(MAX_WEIGHT))),
                        Some(v) if v >= Decimal::ZERO => Ok(v),
                        Some(_) => Err(format!("分值“{t}”不能为负数")),
                        None => Err(format!("「分值」“{t}”不是数字")),
                    },
                }
            })
            .collect();
    }
    // S30: the form's own level weights, by the profile's level they name
    // (or by their text for a level the profile does not know).
    let stated: Vec<(String, Decimal)> = p
        .level_weights
        .iter()
        .map(|l| (profile.level_of(&l.level1).map_or_else(|| l.level1.trim().to_owned(), |s| s.name.clone()), l.weight))
        .collect();
    let stated_weight = |k: &str| stated.iter().find(|(n, _)| n == k).map(|(_, w)| *w);
    // S2: split each 一级's weight equally over its rows; 成本 shares 产出
    // unless the form weighs it on its own.
    let level_of = |ind: &IndicatorInput| -> Option<String> {
        let Some(spec) = profile.level_of(&ind.level1) else {
            return Some(ind.level1.trim().to_owned()).filter(|l| stated_weight(l).is_some());
        };
        if stated_weight(&spec.name).is_some() {
            return Some(spec.name.clone());
        }
        Some(spec.share_with.clone().unwrap_or_else(|| spec.name.clone()))
    };
    let keys: Vec<Option<String>> = p.indicators.iter().map(level_of).collect();
    // Rows per level, and the last row of each (one pass: not once per row).
    let mut members: std::collections::HashMap<&str, (usize, usize)> = std::collections::HashMap::new();
    for (i, k) in keys.iter().enumerate() {
        if let Some(k) = k {
            let m = members.entry(k.as_str()).or_insert((0, i));
            *m = (m.0 + 1, i);
        }
    }
    let mut out: Vec<Result<Decimal, String>> = Vec::with_capacity(keys.len());
    for (i, key) in keys.iter().enumerate() {
        let Some(k) = key else {
            let l1 = p.indicators.get(i).map(|x| x.level1.as_str()).unwrap_or("");
            let known: Vec<&str> = profile.levels.iter().map(|l| l.name.as_str()).collect();
            out.push(Err(if l1 == UNGRADED {
                "表中没有一级指标列，无法按规则分配分值：请每行填写分值（S2）".to_owned()
            } else if l1.trim().is_empty() {
                "缺少一级指标，无法按规则分配分值（S2）".to_owned()
            } else {
                format!("一级指标“{l1}”不在规则配置中（可用：{}），无法分配分值（S2）", known.join("、"))
            }));
            continue;
        };
        let weight = stated_weight(k)
            .or_else(|| profile.levels.iter().find(|l| &l.name == k).map(|l| l.weight))
            .unwrap_or_default();
        let (count, last) = members.get(k.as_str()).copied().unwrap_or((1, i));
        let n = Decimal::from(count.max(1));
        let each = round2(weight / n);
        let is_last = last == i;
        out.push(Ok(if is_last { weight.saturating_sub(each.saturating_mul(n - Decimal::ONE)) } else { each }));
    }
    out
}

/// A scored row, and the column to name when it is in error.
type Scored = (RowResult, Option<&'static str>);

const NOT_APPLICABLE: &str = "不适用";

fn score_row(ind: &IndicatorInput, row: u32, weight: Decimal, profile: &Profile) -> Scored {
    let mut result = RowResult {
        row,
        level1: ind.level1.clone(),
        level2: ind.level2.clone(),
        name: ind.name.clone(),
        target: ind.target.clone(),
        actual: ind.actual.clone(),
        direction: None,
        direction_inferred: false,
        weight,
        score: Decimal::ZERO,
        level: None,
        level_inferred: false,
        stated_score: ind.score.as_deref().and_then(expr::parse_number),
        status: Status::Ok,
        explanation: String::new(),
        warnings: Vec::new(),
    };
    let outcome = evaluate(ind, weight, profile, &mut result);
    let (mut score, explanation, status, column) = match outcome {
        Ok((s, e)) => (s, e, None, None),
        Err((column, msg)) => (Decimal::ZERO, msg, Some(Status::Error), column),
    };
    let mut explanation = explanation;
    if status.is_none() {
        // S23: deduction.
        if let Some(d) = ind.deduction.as_deref().map(str::trim).filter(|d| !d.is_empty()) {
            match expr::parse_number(d) {
                Some(d) if d > Decimal::ZERO => {
                    let before = score;
                    score = score.saturating_sub(d).max(Decimal::ZERO);
                    explanation.push_str(&format!(
                        "；扣减 {} 分，{} → {}",
                        show(d),
                        show(round2(before)),
                        show(round2(score))
                    ));
                }
                Some(_) => {}
                None => {
                    return finish(
                        result,
                        Decimal::ZERO,
                        format!("「扣减分数」“{d}”不是数字"),
                        Status::Error,
                        Some("扣减分数"),
                    );
                }
            }
        }
        // S13: 0 ≤ score ≤ W, always.
        score = score.max(Decimal::ZERO).min(weight.max(Decimal::ZERO));
        score = round2(score);
        // S24: a shortfall needs a reason.
        if score < weight
            && result.level.as_deref() != Some(PENDING)
            && ind.reason.as_deref().is_none_or(|r| r.trim().is_empty())
        {
            result.warnings.push("未说明偏差原因".to_owned());
        }
    }
    let status = status.unwrap_or(if result.level.as_deref() == Some(PENDING) {
        Status::Pending
    } else if result.warnings.is_empty() {
        Status::Ok
    } else {
        Status::Review
    });
    finish(result, score, explanation, status, column)
}

fn finish(
    mut result: RowResult,
    score: Decimal,
    explanation: String,
    status: Status,
    column: Option<&'static str>,
) -> Scored {
    result.score = score;
    result.status = status;
    result.explanation = explanation;
    (result, column)
}

type RowError = (Option<&'static str>, String);

/// How a row is scored: its direction or 定性, and whether that was inferred.
enum Kind {
    Quantitative(Comparator, bool),
    Qualitative,
}

fn evaluate(
    ind: &IndicatorInput,
    w: Decimal,
    profile: &Profile,
    r: &mut RowResult,
) -> Result<(Decimal, String), RowError> {
    if ind.name.trim().is_empty() {
        return Err((Some("三级指标"), "缺少三级指标名称".into()));
    }
    if ind.target.trim().is_empty() {
        return Err((Some("年度指标值"), "缺少年度指标值".into()));
    }
    // S22: 不适用.
    let na = |s: &str| expr::normalize(s) == NOT_APPLICABLE;
    if na(&ind.target) || na(&ind.actual) || ind.level.as_deref().is_some_and(na) {
        r.level = Some(NOT_APPLICABLE.into());
        r.direction = None;
        if profile.not_applicable_rescale {
            return Ok((Decimal::ZERO, "不适用：本指标不计分，其余指标按比例折算（S22）".into()));
        }
        r.warnings.push("标为不适用：按现行规则配置不折算，本指标计 0 分".into());
        return Ok((Decimal::ZERO, "不适用：规则配置未开启按比例折算，计 0 分（S22）".into()));
    }
    if ind.actual.trim().is_empty() {
        return Err((Some("实际完成值"), "缺少实际完成值".into()));
    }
    let symbol = ind.symbol.as_deref().map(str::trim).filter(|s| !s.is_empty());
    let parsed_symbol = match symbol {
        Some(s) => match expr::parse_symbol(s) {
            Some(sym) => Some(sym),
            None => {
                return Err((Some("计算符号"), format!("计算符号“{s}”无法识别（可用 ≥ ＞ ＝ ＜ ≤ 定性 正向 反向）")))
            }
        },
        None => None,
    };
    let mut target = expr::parse_value(&ind.target);
    if let (Some(t), Some(u)) = (target.as_mut(), ind.unit.as_deref().and_then(expr::parse_unit)) {
        if t.unit == expr::Unit::None {
            t.unit = u;
        }
    }
    let kind = match (parsed_symbol, &target) {
        (Some(Symbol::Qualitative), _) | (None, None) => Kind::Qualitative,
        (Some(Symbol::Cmp(c)), Some(_)) => Kind::Quantitative(c, false),
        (Some(Symbol::Positive), Some(_)) => Kind::Quantitative(Comparator::Ge, false),
        (Some(Symbol::Reverse), Some(_)) => Kind::Quantitative(Comparator::Le, false),
        (Some(_), None) => {
            return Err((Some("年度指标值"), format!("计算符号为定量，但年度指标值“{}”中没有数字", ind.target)));
        }
        // S18 comparator in the text, else S11: a bare number is ≥, marked inferred.
        (None, Some(t)) => match t.comparator {
            Some(c) => Kind::Quantitative(c, false),
            None => Kind::Quantitative(Comparator::Ge, true),
        },
    };
    match (kind, target) {
        (Kind::Quantitative(c, inferred), Some(t)) => quantitative(ind, &t, c, inferred, w, profile, r),
        _ => qualitative(ind, w, profile, r),
    }
}

fn quantitative(
    ind: &IndicatorInput,
    t: &ValueExpr,
    c: Comparator,
    inferred: bool,
    w: Decimal,
    profile: &Profile,
    r: &mut RowResult,
) -> Result<(Decimal, String), RowError> {
    r.direction = Some(c.symbol().to_owned());
    r.direction_inferred = inferred;
    if inferred {
        r.warnings.push("方向为推断：指标值未写计算符号，按正向（≥）计分（S11）".into());
    }
    if let Some(upper) = t.upper {
        r.warnings.push(format!(
            "指标值为区间 {}–{}{}，按下限 ≥{}{} 计分（S21）",
            show(t.value),
            show(upper),
            t.unit.label(),
            show(t.value),
            t.unit.label()
        ));
    }
    let zero_target = t.value.is_zero();
    let actual = match expr::parse_value(&ind.actual) {
        Some(a) => a,
        None if zero_target && expr::is_zero_word(&ind.actual) => ValueExpr {
            label: String::new(),
            comparator: None,
            value: Decimal::ZERO,
            unit: expr::Unit::None,
            upper: None,
            full_marks: None,
            zero_word: true,
        },
        None => return Err((Some("实际完成值"), format!("实际完成值“{}”中没有可与指标值比较的数字", ind.actual))),
    };
    let aligned = expr::align(t, &actual).map_err(|m| (Some("实际完成值"), m))?;
    // S19: a bare actual takes the target's unit; a bare fraction against a
    // percent target is most likely a ratio typed without %: say so, never guess.
    if actual.unit == expr::Unit::None
        && t.unit == expr::Unit::Percent
        && actual.value > Decimal::ZERO
        && actual.value <= Decimal::ONE
        && t.value > Decimal::ONE
    {
        let v = show(actual.value);
        let pct = show(actual.value * HUNDRED);
        r.warnings.push(format!("完成值 {v} 未写单位，按指标值的单位计为 {v}%；若实为 {pct}%，请写成“{pct}%”（S19）"));
    }
    let (tv, mut av, unit) = (aligned.target, aligned.actual, aligned.unit);
    // S12: a negative actual is clamped to 0.
    if av < Decimal::ZERO {
        r.warnings.push(format!("实际完成值为负数 {}，按 0 计分（S12）", show(av)));
        av = Decimal::ZERO;
    }
    let q =
        |v: Decimal| format!("{}{}{}", show(round2(v)), if unit.is_empty() || unit == "%" { "" } else { " " }, unit);
    let wd = show(w);
    let full = |why: String| Ok((w, format!("{why}，得满分 {wd} 分")));
    // S20: say how a score-of-full-marks actual was read.
    let mut prefix = String::new();
    if let Some(fm) = actual.full_marks {
        if unit == "%" {
            prefix = format!("完成值 {} 分（满分 {} 分）折合 {}；", show(actual.value), show(fm), q(av));
        }
    }
    let kind = if c.is_reverse() {
        "反向指标"
    } else if c == Comparator::Eq {
        "等值指标"
    } else {
        "正向指标"
    };
    // S10: a zero target — A = 0 gives W, A > 0 gives 0. Never divide by zero.
    if zero_target {
        return if av <= Decimal::ZERO {
            full(format!("{prefix}零目标：完成值 {} = 指标值 0", q(av)))
        } else {
            Ok((Decimal::ZERO, format!("{prefix}零目标：完成值 {} > 0，得 0 分，扣 {wd} 分（S10）", q(av))))
        };
    }
    if c.is_reverse() {
        // S9: A ≤ T → W; else W × T/A (ratio) or the linear formula.
        if av <= tv {
            return full(format!("{prefix}{kind}：完成值 {} ≤ 指标值 {}", q(av), q(tv)));
        }
        if tv < Decimal::ZERO {
            return Ok((Decimal::ZERO, format!("{prefix}{kind}：指标值为负数，完成值未达到，得 0 分")));
        }
        let too_large = || (Some("实际完成值"), TOO_LARGE.to_owned());
        let (s, formula) = match profile.reverse_formula {
            ReverseFormula::Ratio => {
                (mul_div(w, tv, av).ok_or_else(too_large)?, format!("{wd} × {}/{}", show(tv), show(av)))
            }
            ReverseFormula::Linear => {
                // tv > 0 here; twice a huge target is beyond any actual.
                if tv.checked_mul(Decimal::TWO).is_some_and(|twice| av >= twice) {
                    (Decimal::ZERO, format!("完成值达到指标值 2 倍及以上，{wd} × 0"))
                } else {
                    let over = av.checked_sub(tv).and_then(|d| d.checked_div(tv));
                    (
                        over.and_then(|o| w.checked_mul(Decimal::ONE - o)).ok_or_else(too_large)?,
                        format!("{wd} × (1 − ({} − {})/{})", show(av), show(tv), show(tv)),
                    )
                }
            }
        };
        let s2 = round2(s);
        return Ok((
            s,
            format!(
                "{prefix}{kind}：完成值 {} > 指标值 {}，得分 = {formula} = {}，扣 {} 分",
                q(av),
                q(tv),
                show2(s2),
                show2(w.saturating_sub(s2))
            ),
        ));
    }
    // S7 (≥ ＞) and S10 (＝ with T > 0).
    if tv < Decimal::ZERO {
        return if av >= tv {
            full(format!("{prefix}{kind}：完成值 {} ≥ 指标值 {}", q(av), q(tv)))
        } else {
            Ok((Decimal::ZERO, format!("{prefix}{kind}：完成值低于负的指标值，得 0 分")))
        };
    }
    if av >= tv {
        // S8: far above the target: full marks, and a flag for review.
        if profile.over_achievement_factor.checked_mul(tv).is_some_and(|far| av >= far) {
            r.warnings.push("完成值高于指标值较多，请分析年初指标值是否偏低".into());
        }
        return full(format!("{prefix}{kind}：完成值 {} ≥ 指标值 {}", q(av), q(tv)));
    }
    let s = mul_div(w, av, tv).ok_or_else(|| (Some("实际完成值"), TOO_LARGE.to_owned()))?;
    let s2 = round2(s);
    Ok((
        s,
        format!(
            "{prefix}{kind}：完成值 {} < 指标值 {}，得分 = {wd} × {}/{} = {}，扣 {} 分",
            q(av),
            q(tv),
            show(round2(av)),
            show(round2(tv)),
            show2(s2),
            show2(w.saturating_sub(s2))
        ),
    ))
}

/// S14–S17: qualitative rows.
fn qualitative(
    ind: &IndicatorInput,
    w: Decimal,
    profile: &Profile,
    r: &mut RowResult,
) -> Result<(Decimal, String), RowError> {
    r.direction = Some("定性".into());
    let q = &profile.qualitative;
    let band = |l: Level| -> (Decimal, Decimal) {
        match l {
            Level::Achieved => (q.achieved_min.saturating_mul(w), w),
            Level::Partial => (q.partial_min.saturating_mul(w), q.achieved_min.saturating_mul(w)),
            Level::NotAchieved => (Decimal::ZERO, q.partial_min.saturating_mul(w)),
        }
    };
    let in_band = |l: Level, s: Decimal| {
        let (lo, hi) = band(l);
        s >= lo && (s < hi || (l == Level::Achieved && s <= hi))
    };
    let band_text = |l: Level| {
        let (lo, hi) = band(l);
        let close = if l == Level::Achieved { "]" } else { ")" };
        format!("{}档 [{}, {}{close}", l.label(), show(round2(lo)), show(round2(hi)))
    };
    // The level: the 完成情况 column or a page edit; else inferred (S17).
    let given = ind.level.as_deref().map(str::trim).filter(|l| !l.is_empty());
    let (level, how) = match given {
        Some(text) => match level_label(text) {
            Some(l) => (Some(l), "完成情况为"),
            None if text == PENDING => (None, ""),
            None => {
                return Err((Some("完成情况"), format!("完成情况“{text}”无法识别（可用 达成 / 部分达成 / 未达成）")))
            }
        },
        None => (infer_level(&ind.target, &ind.actual), "由完成值判定为"),
    };
    let how = match how {
        "由完成值判定为" => format!("由完成值“{}”判定为", ind.actual.trim()),
        h => h.to_owned(),
    };
    let manual = match ind.score.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(t) => match expr::parse_number(t) {
            Some(v) => Some(v),
            None => return Err((Some("得分"), format!("「得分」“{t}”不是数字"))),
        },
        None => None,
    };
    let level = match (level, manual) {
        (Some(l), _) => {
            r.level_inferred = given.is_none();
            l
        }
        // A manual score places a row whose text cannot be read in the band that holds it.
        (None, Some(s)) if s >= Decimal::ZERO && s <= w => {
            let l = [Level::Achieved, Level::Partial, Level::NotAchieved]
                .into_iter()
                .find(|l| in_band(*l, s))
                .unwrap_or(Level::NotAchieved);
            r.level_inferred = true;
            r.warnings.push(format!("完成情况由得分 {} 所在档次推定为{}，请确认", show(s), l.label()));
            l
        }
        _ => {
            // S17: never award points for text it cannot read.
            r.level = Some(PENDING.into());
            return Ok((
                Decimal::ZERO,
                format!("定性指标：无法从完成值“{}”判定完成情况，暂计 0 分，请选择达成情况（S17）", ind.actual.trim()),
            ));
        }
    };
    r.level = Some(level.label().into());
    if let Some(s) = manual {
        // S16: a manual score inside its level's band is kept.
        if !in_band(level, s) {
            return Err((Some("得分"), format!("得分 {} 不在{}内（S16）", show(s), band_text(level))));
        }
        return Ok((
            s,
            format!("定性指标：{how}{}，采用填报得分 {} 分（{}）", level.label(), show(s), band_text(level)),
        ));
    }
    // S15: default points of the level.
    let f = match level {
        Level::Achieved => q.achieved_points,
        Level::Partial => q.partial_points,
        Level::NotAchieved => q.not_achieved_points,
    };
    let s = w.saturating_mul(f);
    let lost = w.saturating_sub(round2(s));
    if lost.is_zero() {
        return Ok((s, format!("定性指标：{how}{}，得满分 {} 分", level.label(), show(w))));
    }
    Ok((
        s,
        format!(
            "定性指标：{how}{}，得分 = {} × {} = {}，扣 {} 分",
            level.label(),
            show(w),
            show(f),
            show2(s),
            show2(lost)
        ),
    ))
}

/// The level labels, full or short (S14).
fn level_label(text: &str) -> Option<Level> {
    let t = expr::normalize(text);
    match t.as_str() {
        "达成年度指标" | "达成" => Some(Level::Achieved),
        "部分达成年度指标并具有一定效果" | "部分达成" => Some(Level::Partial),
        "未达成年度指标且效果较差" | "未达成" => Some(Level::NotAchieved),
        _ => None,
    }
}

/// S17: infer the level from the actual text, in the rule's order.
fn infer_level(target: &str, actual: &str) -> Option<Level> {
    let a = expr::normalize(actual);
    // (1) the level labels themselves
    if let Some(l) = level_label(&a) {
        return Some(l);
    }
    // (2) actual equal to target after normalising punctuation
    let bare = |s: &str| -> String { expr::normalize(s).chars().filter(|c| c.is_alphanumeric()).collect() };
    if !bare(&a).is_empty() && bare(&a) == bare(target) {
        return Some(Level::Achieved);
    }
    // (3) not achieved (not a bare 未: "未发生安全事故" is a good outcome)
    const NOT: [&str; 7] = ["未完成", "未达成", "未达到", "未实现", "未开展", "没有完成", "没有达到"];
    if a == "否" || NOT.iter().any(|k| a.contains(k)) {
        return Some(Level::NotAchieved);
    }
    // (4) partial
    if a.contains("部分") || a.contains("基本") {
        return Some(Level::Partial);
    }
    // (5) achieved
    const YES: [&str; 9] = ["100%", "完成", "已完成", "达成", "达到", "是", "按时完成", "有效", "显著提升"];
    if YES.contains(&a.as_str()) {
        return Some(Level::Achieved);
    }
    None
}

/// S4–S6: the budget execution row.
fn execution(
    b: &Budget,
    profile: &Profile,
    sheet: Option<&str>,
    errors: &mut Vec<Issue>,
    warnings: &mut Vec<Issue>,
) -> Execution {
    let mut weight = b.weight.unwrap_or(profile.execution_weight);
    let mut weight_error = None;
    if let Some(w) = b.weight.filter(|w| *w < Decimal::ZERO || *w > MAX_WEIGHT) {
        let why = if w < Decimal::ZERO {
            "不能为负数".to_owned()
        } else {
            format!("过大（上限 {}）", show(MAX_WEIGHT))
        };
        weight_error = Some(format!("预算执行率分值“{}”{why}，按 0 分计", show(w)));
        weight = Decimal::ZERO;
    }
    let mut e = Execution {
        budget: b.adjusted,
        executed: b.executed,
        rate: None,
        weight,
        score: Decimal::ZERO,
        explanation: String::new(),
    };
    if let Some(msg) = weight_error {
        errors.push(Issue::at(sheet, b.row, Some("预算执行率分值"), &msg));
        e.explanation = msg;
        return e;
    }
    let missing = "未提供预算执行数据";
    match (b.adjusted, b.executed) {
        (Some(budget), Some(spent)) if budget > Decimal::ZERO => {
            // S5: W × min(rate, 1), or W × rate when the cap is off.
            // Checked: a tiny budget and a huge spend overflow `Decimal`.
            let figures = || {
                let rate = spent.checked_div(budget)?;
                let used = if profile.exec_cap { rate.min(Decimal::ONE) } else { rate };
                Some((
                    rate,
                    rate.checked_mul(HUNDRED)?,
                    used.checked_mul(HUNDRED)?,
                    weight.checked_mul(used.max(Decimal::ZERO))?,
                ))
            };
            let Some((rate, rate_pct, used_pct, score)) = figures() else {
                let msg = format!("全年执行数 {} / 全年预算数 {}：{TOO_LARGE}执行率", show(spent), show(budget));
                errors.push(Issue::at(sheet, b.row, Some("全年执行数"), &msg));
                e.explanation = msg;
                return e;
            };
            e.rate = Some(round2(rate_pct));
            e.score = round2(score);
            let cap =
                if profile.exec_cap && rate > Decimal::ONE { "（执行率超过 100% 按 100% 计）" } else { "" };
            let lost = weight.saturating_sub(e.score);
            let tail = if lost > Decimal::ZERO { format!("，扣 {} 分", show2(lost)) } else { String::new() };
            e.explanation = format!(
                "预算执行率 = 全年执行数 {} / 全年预算数 {} = {}%，得分 = {} × {}%{cap} = {}{tail}",
                show(spent),
                show(budget),
                show2(rate_pct),
                show(weight),
                show2(used_pct),
                show2(e.score)
            );
        }
        (Some(budget), Some(spent)) if budget.is_zero() && spent > Decimal::ZERO => {
            let msg = format!("全年预算数为 0，全年执行数为 {}，无法计算执行率（S6）", show(spent));
            errors.push(Issue::at(sheet, b.row, Some("全年预算数"), &msg));
            e.explanation = msg;
        }
        (Some(budget), _) if budget < Decimal::ZERO => {
            let msg = format!("全年预算数为负数 {}，无法计算执行率", show(budget));
            errors.push(Issue::at(sheet, b.row, Some("全年预算数"), &msg));
            e.explanation = msg;
        }
        _ => {
            // S6: no budget figures (or both 0).
            e.explanation = format!("{missing}，预算执行率计 0 分（S6）");
            warnings.push(Issue::at(sheet, b.row, None, &format!("{missing}：请填写全年预算数和全年执行数")));
        }
    }
    e
}

/// S25: subtotals per 一级 and per 二级, in order of first appearance.
fn subtotals(rows: &[RowResult]) -> Vec<Subtotal> {
    let mut out: Vec<Subtotal> = Vec::new();
    // (一级, 二级) → index in `out`: one lookup per row, however many levels.
    let mut index: std::collections::HashMap<(String, Option<String>), usize> = std::collections::HashMap::new();
    for r in rows {
        for key in [None, Some(r.level2.clone())] {
            match index.get(&(r.level1.clone(), key.clone())).and_then(|&i| out.get_mut(i)) {
                Some(s) => {
                    s.weight = s.weight.saturating_add(r.weight);
                    s.score = s.score.saturating_add(r.score);
                }
                None => {
                    index.insert((r.level1.clone(), key.clone()), out.len());
                    out.push(Subtotal { level1: r.level1.clone(), level2: key, weight: r.weight, score: r.score });
                }
            }
        }
    }
    out
}
