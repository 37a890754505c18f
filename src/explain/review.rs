//! The 复核 sentences (S31–S36): each finding says what the form states,
//! what the rules give, the difference and what to do; the project's verdict
//! line for a 复核意见; the audit's notes; an S36 cap on the total. Plain
//! Chinese, no rule ids (those are in `Finding::rule`, for a tooltip).

use rust_decimal::Decimal;

use super::band;
use crate::num::{show, show2};
use crate::report::decision::{RowError, Rule};
use crate::report::{AuditNote, AuditSummary, Cause, CauseKind, Finding, FindingKind, ProjectResult, RowResult};

/// Rows named in a verdict before "等 N 行".
const ROWS_NAMED: usize = 3;

/// Write the findings' sentences, the verdict, the notes and the cap line.
pub(super) fn explain_review(p: &mut ProjectResult) {
    for i in 0..p.audit.len() {
        let message = p.audit.get(i).map(|f| finding(f, p)).unwrap_or_default();
        if let Some(f) = p.audit.get_mut(i) {
            f.message = message;
        }
    }
    if let Some(cap) = &mut p.cap {
        cap.explanation = format!(
            "预算执行率 {}% 在 {}%–{}% 之间，总分不超过 {} 分：{} → {}",
            show2(cap.rate),
            show(cap.rate_from),
            show(cap.rate_below),
            show(cap.max_total),
            show2(cap.uncapped),
            show2(cap.max_total)
        );
    }
    let verdict = verdict(&p.audit_summary, &p.audit);
    let notes = p.audit_summary.note_kinds.iter().map(|n| note(*n)).collect();
    p.audit_summary.verdict = verdict;
    p.audit_summary.notes = notes;
}

fn note(n: AuditNote) -> String {
    match n {
        AuditNote::WeightsAssumed => {
            "表内未给出分值，各行分值按规则推定（显示为“分值（推定）”），填报得分按推定分值核对".into()
        }
        AuditNote::NoReasonColumn => "表内没有偏差原因栏，未逐行检查偏差原因".into(),
    }
}

/// "多计 3 分" / "少计 3 分" for stated − computed.
fn more_less(diff: Decimal) -> String {
    let word = if diff > Decimal::ZERO { "多计" } else { "少计" };
    format!("{word} {} 分", show(diff.abs()))
}

/// A finding's sentence: the form's figure, the rules' figure, the
/// difference, what to do.
pub fn finding(f: &Finding, p: &ProjectResult) -> String {
    let r: Option<&RowResult> = f.row_index.and_then(|i| p.rows.get(i));
    let at = format!("第 {} 行「{}」", f.row.unwrap_or_default(), f.name.as_deref().unwrap_or_default());
    let (stated, computed) = (f.stated.unwrap_or_default(), f.computed.unwrap_or_default());
    let (s, c) = (show(stated), show(computed));
    let diff = f.difference.unwrap_or_default();
    let ex = &p.execution;
    match f.kind {
        FindingKind::RowScore => {
            format!(
                "{at}填报得分 {s} 分，按规则应得 {c} 分，{}；请核对该行计分，改为 {c} 分或说明依据",
                more_less(diff)
            )
        }
        FindingKind::OverWeight => {
            let w = show(r.map_or(Decimal::ZERO, |r| r.weight));
            format!(
                "{at}填报得分 {s} 分，超过本行分值 {w} 分；按规则应得 {c} 分，{}；得分不能超过分值，请改正",
                more_less(diff)
            )
        }
        FindingKind::Band => {
            let range = match r.map(|r| &r.decision.rule) {
                Some(Rule::Error(RowError::OutOfBand { band: b, .. })) => format!("，不在{} 内", band(*b)),
                _ => String::new(),
            };
            format!("{at}填报得分 {s} 分{range}；请在完成情况对应的分数档内给分，或改正完成情况")
        }
        FindingKind::NoReason => format!(
            "{at}得分 {c} 低于分值 {}，未说明偏差原因；请在偏差原因栏说明未完成的原因和改进措施",
            show(r.map_or(Decimal::ZERO, |r| r.weight))
        ),
        FindingKind::ExecRate => {
            let from = match (ex.executed, ex.budget) {
                (Some(e), Some(b)) => format!("按全年执行数 {} / 全年预算数 {} ", show(e), show(b)),
                _ => String::new(),
            };
            format!(
                "填报预算执行率 {s}%，{from}应为 {c}%，相差 {} 个百分点；请核对执行数、预算数和执行率",
                show(diff.abs())
            )
        }
        FindingKind::ExecScore => {
            let rate = ex.rate.or(ex.stated_rate).map(|r| format!(" × 执行率 {}%", show(r))).unwrap_or_default();
            format!(
                "填报预算执行率得分 {s} 分，按分值 {}{rate} 应得 {c} 分，{}；请改正预算执行率得分",
                show(ex.weight),
                more_less(diff)
            )
        }
        FindingKind::OverBudget => {
            let rate = ex.rate.map(|r| format!("（执行率 {}%）", show2(r))).unwrap_or_default();
            format!("全年执行数 {s} 超过全年预算数 {c}{rate}：执行数超过预算数，请核实资金数据")
        }
        FindingKind::TotalSum => format!(
            "填报总分 {s} 分，表内各项得分之和为 {c} 分，总分{} {} 分；请核对总分的合计",
            if diff > Decimal::ZERO { "多" } else { "少" },
            show(diff.abs())
        ),
        FindingKind::Total => format!(
            "填报总分 {s} 分，按规则计算为 {c} 分，相差 {} 分（填报{}）；请按各行核对结果改正总分",
            show(diff.abs()),
            if diff > Decimal::ZERO { "偏高" } else { "偏低" }
        ),
        FindingKind::WeightSum => {
            format!("各项分值合计 {s} 分，不等于 {c} 分，相差 {} 分；请核对各行分值", show(diff.abs()))
        }
        FindingKind::WeightsMissing => format!(
            "表内未给出分值，按规则推定；{} 行填报得分高于推定分值，无法按行核对；请补填各行分值后再复核",
            f.count.unwrap_or_default()
        ),
        FindingKind::TargetsLow => format!(
            "全部 {} 项定量指标完成值均超过指标值 {c} 倍以上，年初指标值可能偏低；请分析指标值设定是否合理",
            f.count.unwrap_or_default()
        ),
    }
}

/// "（第 12、15 行）", "（第 1、2、3 行等 5 行）".
fn rows(list: &[u32]) -> String {
    if list.is_empty() {
        return String::new();
    }
    let mut named: Vec<String> = list.iter().take(ROWS_NAMED).map(|r| r.to_string()).collect();
    let more = if list.len() > ROWS_NAMED { format!("等 {} 行", list.len()) } else { String::new() };
    named.truncate(ROWS_NAMED);
    format!("（第 {} 行{more}）", named.join("、"))
}

/// One cause of the difference, in words ("指标得分多计 3 分（第 15 行）").
fn cause(c: &Cause) -> String {
    let amount = show(c.amount.abs());
    let more = c.amount > Decimal::ZERO;
    match c.kind {
        CauseKind::Rows => format!("指标得分{}{}", more_less(c.amount), rows(&c.rows)),
        CauseKind::Unscored => {
            format!("无法按规则计分的指标{}填报 {amount} 分", rows(&c.rows))
        }
        CauseKind::AssumedWeights => format!("填报得分高于推定分值的指标{}多 {amount} 分", rows(&c.rows)),
        CauseKind::Execution => format!("预算执行率得分{}", more_less(c.amount)),
        CauseKind::Arithmetic => {
            format!("填报总分比各项得分之和{} {amount} 分", if more { "多" } else { "少" })
        }
        CauseKind::Unstated => format!("表内未列明得分的部分相差 {amount} 分"),
        CauseKind::Cap => format!("执行率封顶使规则总分减少 {amount} 分"),
    }
}

/// The verdict line a reviewer can paste into a 复核意见.
pub fn verdict(s: &AuditSummary, findings: &[Finding]) -> String {
    let mut causes: Vec<&Cause> = s.causes.iter().filter(|c| !c.amount.is_zero()).collect();
    causes.sort_by_key(|c| std::cmp::Reverse(c.amount.abs()));
    let because = causes.iter().map(|c| cause(c)).collect::<Vec<_>>().join("，");
    // Whether the line names the causes (else the score findings are listed below).
    let named = !because.is_empty() && !s.total_agrees;
    let mut line = match (s.stated_total, s.difference) {
        (Some(stated), Some(diff)) if !s.total_agrees => {
            let dir = if diff > Decimal::ZERO { "偏高" } else { "偏低" };
            let head = format!(
                "填报得分{dir} {} 分（填报 {}，规则计算 {}）",
                show(diff.abs()),
                show(stated),
                show(s.computed_total)
            );
            if because.is_empty() {
                head
            } else {
                format!("{head}，主要因{because}")
            }
        }
        (Some(stated), _) => format!("填报总分 {} 分与规则计算一致", show(stated)),
        (None, _) if !s.stated_any => "表内未填报得分，无可核对的填报数字".to_owned(),
        (None, _) if because.is_empty() => "表内未填报总分，填报的各项数字与规则计算一致".to_owned(),
        (None, _) => format!("表内未填报总分；{because}"),
    };
    // Findings the figures above do not cover.
    let others: Vec<&str> = findings
        .iter()
        .filter_map(|f| match f.kind {
            FindingKind::OverBudget => Some("执行数超过预算数"),
            FindingKind::TargetsLow => Some("年初指标值可能偏低"),
            FindingKind::WeightsMissing => Some("表内未给出分值"),
            FindingKind::NoReason => Some("有未说明偏差原因的指标"),
            FindingKind::WeightSum => Some("分值合计不符"),
            FindingKind::Band => Some("定性指标得分不在档内"),
            FindingKind::OverWeight => Some("有得分超过分值的指标"),
            FindingKind::ExecRate => Some("执行率与执行数不符"),
            FindingKind::RowScore if !named => Some("有指标得分与规则不符"),
            FindingKind::ExecScore if !named => Some("预算执行率得分不符"),
            FindingKind::TotalSum if !named => Some("总分与各项得分之和不符"),
            _ => None,
        })
        .collect();
    let mut unique: Vec<&str> = Vec::new();
    for o in others {
        if !unique.contains(&o) {
            unique.push(o);
        }
    }
    if !unique.is_empty() {
        line.push_str(&format!("；另需核实：{}", unique.join("、")));
    } else if findings.is_empty() && s.stated_any {
        line.push_str("，未发现问题");
    }
    line
}
