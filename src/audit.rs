//! 复核 (audit): compare every figure the file states — a row's 得分, the
//! execution rate and its score, the 总分 — with what the rules give, and list
//! each discrepancy. Figures are compared at 2 decimals (S25), exactly: a
//! form whose parts are rounded the way the rules round finds nothing.

use rust_decimal::Decimal;

use crate::model::ProjectInput;
use crate::profile::Profile;
use crate::report::{Finding, ProjectResult, Status};
use crate::score::{round2, show};

/// The findings for one scored project.
pub fn audit(input: &ProjectInput, result: &ProjectResult, profile: &Profile) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut push = |row: Option<u32>,
                    name: Option<&str>,
                    kind: &str,
                    stated: Option<Decimal>,
                    computed: Option<Decimal>,
                    message: String| {
        out.push(Finding { row, name: name.map(str::to_owned), kind: kind.to_owned(), stated, computed, message });
    };
    let place = |row: u32, name: &str| format!("第 {row} 行「{name}」");

    // Rows.
    for r in &result.rows {
        let Some(stated) = r.stated_score else { continue };
        let at = place(r.row, &r.name);
        if stated > r.weight {
            push(
                Some(r.row),
                Some(&r.name),
                "over_weight",
                Some(stated),
                Some(r.weight),
                format!("{at}填报得分 {} 分，超过本行分值 {} 分", show(stated), show(r.weight)),
            );
        }
        if r.status == Status::Error && r.direction.as_deref() == Some("定性") {
            push(Some(r.row), Some(&r.name), "band", Some(stated), None, format!("{at}{}", r.explanation));
            continue;
        }
        if r.status != Status::Error && r.status != Status::Pending && round2(stated) != r.score {
            let diff = stated - r.score;
            let dir = if diff > Decimal::ZERO { "多" } else { "少" };
            push(
                Some(r.row),
                Some(&r.name),
                "row_score",
                Some(stated),
                Some(r.score),
                format!(
                    "{at}填报得分 {} 分，按规则应得 {} 分，{dir}计 {} 分",
                    show(stated),
                    show(r.score),
                    show(diff.abs())
                ),
            );
        }
    }
    for r in &result.rows {
        if r.warnings.iter().any(|w| w == "未说明偏差原因") {
            push(
                Some(r.row),
                Some(&r.name),
                "no_reason",
                None,
                Some(r.score),
                format!("{}得分 {} 低于分值 {}，未说明偏差原因", place(r.row, &r.name), show(r.score), show(r.weight)),
            );
        }
    }

    // Execution.
    let ex = &result.execution;
    if let (Some(stated), Some(rate)) = (input.stated.rate, ex.rate) {
        if round2(stated) != rate {
            push(
                None,
                None,
                "exec_rate",
                Some(stated),
                Some(rate),
                format!("填报预算执行率 {}%，按全年执行数 / 全年预算数应为 {}%", show(stated), show(rate)),
            );
        }
    }
    if let Some(stated) = input.stated.execution_score {
        if round2(stated) != ex.score {
            push(
                None,
                None,
                "exec_score",
                Some(stated),
                Some(ex.score),
                format!("填报预算执行率得分 {} 分，按规则应得 {} 分", show(stated), show(ex.score)),
            );
        }
    }

    // Totals.
    if let Some(stated) = input.stated.total {
        let parts: Option<Vec<Decimal>> = result.rows.iter().map(|r| r.stated_score).collect();
        if let (Some(parts), Some(exec)) = (parts, input.stated.execution_score) {
            let sum = parts.iter().copied().sum::<Decimal>() + exec;
            if !result.rows.is_empty() && round2(stated) != round2(sum) {
                push(
                    input.stated.total_row,
                    None,
                    "total_sum",
                    Some(stated),
                    Some(sum),
                    format!("填报总分 {} 分，不等于填报的各项得分之和 {} 分", show(stated), show(sum)),
                );
            }
        }
        if round2(stated) != result.total {
            push(
                input.stated.total_row,
                None,
                "total",
                Some(stated),
                Some(result.total),
                format!(
                    "填报总分 {} 分，按规则计算为 {} 分，相差 {} 分",
                    show(stated),
                    show(result.total),
                    show((stated - result.total).abs())
                ),
            );
        }
    }
    if result.weight_sum != profile.total {
        push(
            None,
            None,
            "weight_sum",
            Some(result.weight_sum),
            Some(profile.total),
            format!("各项分值合计 {} 分，不等于 {} 分", show(result.weight_sum), show(profile.total)),
        );
    }
    out
}
