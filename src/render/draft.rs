//! The 绩效自评报告 draft, in the structure of the seed report (2023 白云区信访局):
//! 一、基本情况 二、绩效目标和指标 三、综合评价 四、绩效指标分析
//! 五、综合评价得分及等级 六、存在的问题和改进措施.
//!
//! The draft is a typed structure ([`Draft`]) that the text and DOCX
//! renderings share. Every sentence is one of three kinds:
//! - [`Block::Computed`]: made from figures of the input and the scores only
//!   (the budget sentence, the indicator list, scores, the grade); nothing is
//!   invented, and the same input gives the same text;
//! - [`Block::Field`]: a passage the user writes ([`DraftFields`]); while
//!   empty it renders as a marked blank;
//! - [`Block::Drafted`]: 六's items drafted from the findings (low
//!   execution, rows below target and their reasons, targets set low), for
//!   the user to edit; an edited 六 (`DraftFields::problems`) replaces them.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::model::{DraftFields, ProjectInput};
use crate::num::{round2, show, show2};
use crate::profile::Profile;
use crate::report::decision::Flag;
use crate::report::{ProjectResult, RowResult, Status};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Draft {
    /// 「…绩效自评报告」
    pub title: String,
    pub sections: Vec<Section>,
}

/// 一 to 六.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Section {
    /// 「一、基本情况」
    pub heading: String,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Block {
    /// 「（一）项目基本情况」
    Subheading { text: String },
    /// A sentence made from figures only.
    Computed { text: String },
    /// A passage the user writes; `text` empty while not written.
    Field { field: FieldKey, label: String, text: String },
    /// An item drafted from the findings, for the user to edit.
    Drafted { text: String },
    /// The indicator table (二).
    Table { rows: Vec<TableRow> },
    /// The numbered indicator list (二): 「1.信访形势，年度指标值：…，实际完成指标值：…。」
    List { items: Vec<String> },
}

/// The user's fields, named as in [`DraftFields`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FieldKey {
    Background,
    Management,
    Evaluation,
    Problems,
}

/// One line of the indicator table: as read, with its weight and score.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TableRow {
    pub level1: String,
    pub level2: String,
    pub name: String,
    pub target: String,
    pub actual: String,
    pub weight: String,
    pub score: String,
}

/// The header of the indicator table.
pub const TABLE_HEADER: [&str; 7] = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"];

/// The section headings, 一 to 六.
pub const HEADINGS: [&str; 6] = [
    "一、基本情况",
    "二、绩效目标和指标",
    "三、综合评价",
    "四、绩效指标分析",
    "五、综合评价得分及等级",
    "六、存在的问题和改进措施",
];

const CN_NUM: [&str; 10] = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

fn cn(i: usize) -> String {
    CN_NUM.get(i).map_or_else(|| (i + 1).to_string(), |s| (*s).to_owned())
}

fn computed(text: String) -> Block {
    Block::Computed { text }
}

fn sub(text: String) -> Block {
    Block::Subheading { text }
}

fn field(fields: &DraftFields, field: FieldKey, label: &str) -> Block {
    let text = match field {
        FieldKey::Background => &fields.background,
        FieldKey::Management => &fields.management,
        FieldKey::Evaluation => &fields.evaluation,
        FieldKey::Problems => &fields.problems,
    };
    Block::Field { field, label: label.to_owned(), text: text.trim().to_owned() }
}

/// A score or weight as written in the report: 2 decimals at most, no trailing zeros.
fn pts(d: Decimal) -> String {
    show(round2(d)).to_string()
}

/// The draft of one project's report.
pub fn build(p: &ProjectInput, r: &ProjectResult, profile: &Profile) -> Draft {
    let name = r.name.clone().or_else(|| p.name.clone()).unwrap_or_else(|| "本项目".to_owned());
    let f = &p.draft;
    let sections = vec![
        Section { heading: HEADINGS[0].into(), blocks: basics(&name, p, r, f) },
        Section { heading: HEADINGS[1].into(), blocks: goals_and_indicators(r) },
        Section {
            heading: HEADINGS[2].into(),
            blocks: vec![field(f, FieldKey::Evaluation, "综合评价结论：项目目标完成情况、实施效果和主要经验")],
        },
        Section { heading: HEADINGS[3].into(), blocks: analysis(p, r) },
        Section { heading: HEADINGS[4].into(), blocks: vec![computed(grade_sentence(r, profile))] },
        Section { heading: HEADINGS[5].into(), blocks: problems(p, r, profile) },
    ];
    Draft { title: format!("{name}绩效自评报告"), sections }
}

/// The budget sentence: 「全年预算数为 60 万元，执行数为 59.33 万元，完成预算的 98.88%。」
pub fn budget_sentence(p: &ProjectInput, r: &ProjectResult) -> String {
    let e = &r.execution;
    let initial = p.budget.initial.map(|i| format!("年初预算数为 {} 万元，", show(i))).unwrap_or_default();
    match (e.budget, e.executed) {
        (Some(b), Some(x)) => {
            let rate = e.rate.map(|r| format!("，完成预算的 {}%", show2(r))).unwrap_or_default();
            format!("{initial}全年预算数为 {} 万元，执行数为 {} 万元{rate}。", show(b), show(x))
        }
        (Some(b), None) => format!("{initial}全年预算数为 {} 万元，执行数未填报。", show(b)),
        _ => "全年预算数和执行数未填报。".to_owned(),
    }
}

fn basics(name: &str, p: &ProjectInput, r: &ProjectResult, f: &DraftFields) -> Vec<Block> {
    let mut who = String::new();
    if let Some(d) = &r.department {
        who.push_str(&format!("主管部门为{d}"));
    }
    if let Some(i) = &r.implementer {
        who.push_str(&format!("{}实施单位为{i}", if who.is_empty() { "" } else { "，" }));
    }
    let mut blocks = vec![sub("（一）项目基本情况".into())];
    if !who.is_empty() {
        blocks.push(computed(format!("{name}，{who}。")));
    }
    blocks.push(field(f, FieldKey::Background, "项目背景、主要内容及实施情况"));
    blocks.push(sub("（二）项目资金使用及管理情况".into()));
    blocks.push(computed(budget_sentence(p, r)));
    blocks.push(field(f, FieldKey::Management, "资金使用及管理情况、项目组织实施和管理情况"));
    blocks
}

/// 「1.信访形势，年度指标值：我区群众信访形势整体平稳，实际完成指标值：100%。」
pub fn indicator_list(rows: &[RowResult]) -> Vec<String> {
    rows.iter()
        .enumerate()
        .map(|(i, x)| {
            format!("{}.{}，年度指标值：{}，实际完成指标值：{}。", i + 1, x.name, x.target.trim(), x.actual.trim())
        })
        .collect()
}

/// The 一级 names in order of first appearance, with their rows.
fn by_level1(rows: &[RowResult]) -> Vec<(&str, Vec<&RowResult>)> {
    let mut out: Vec<(&str, Vec<&RowResult>)> = Vec::new();
    for x in rows {
        match out.iter_mut().find(|(l, _)| *l == x.level1) {
            Some((_, v)) => v.push(x),
            None => out.push((x.level1.as_str(), vec![x])),
        }
    }
    out
}

fn goals_and_indicators(r: &ProjectResult) -> Vec<Block> {
    let mut blocks = Vec::new();
    if !r.goals.is_empty() {
        blocks.push(sub("（一）年度总体目标".into()));
        for g in &r.goals {
            blocks.push(computed(format!("预期目标：{}；实际完成情况：{}。", g.expected.trim(), g.actual.trim())));
        }
    }
    blocks.push(sub(format!("（{}）绩效指标", if r.goals.is_empty() { "一" } else { "二" })));
    let counts: Vec<String> = by_level1(&r.rows)
        .iter()
        .map(|(l, v)| format!("{} {} 个", if l.is_empty() { "未分级" } else { l }, v.len()))
        .collect();
    blocks.push(computed(format!("项目共设置三级绩效指标 {} 个，其中{}。", r.rows.len(), counts.join("、"))));
    let rows = r
        .rows
        .iter()
        .map(|x| TableRow {
            level1: x.level1.to_string(),
            level2: x.level2.to_string(),
            name: x.name.to_string(),
            target: x.target.to_string(),
            actual: x.actual.to_string(),
            weight: pts(x.weight),
            score: if matches!(x.status, Status::Error) { String::new() } else { pts(x.score) },
        })
        .collect();
    blocks.push(Block::Table { rows });
    blocks.push(Block::List { items: indicator_list(&r.rows) });
    blocks
}

/// 四: per 一级, its subtotal and each row with its score and, where points
/// were lost, the deviation and its reason; then the execution rate.
fn analysis(p: &ProjectInput, r: &ProjectResult) -> Vec<Block> {
    let mut blocks = Vec::new();
    let groups = by_level1(&r.rows);
    for (gi, (l1, rows)) in groups.iter().enumerate() {
        let label = if l1.is_empty() { "未分级指标" } else { l1 };
        let w: Decimal = rows.iter().map(|x| x.weight).fold(Decimal::ZERO, Decimal::saturating_add);
        let s: Decimal = rows.iter().map(|x| x.score).fold(Decimal::ZERO, Decimal::saturating_add);
        blocks.push(sub(format!("（{}）{label}", cn(gi))));
        blocks.push(computed(format!("{label}分值 {} 分，得分 {} 分。", pts(w), pts(s))));
        for (i, x) in rows.iter().enumerate() {
            blocks.push(computed(format!("{}.{}", i + 1, row_sentence(p, x))));
        }
    }
    let e = &r.execution;
    blocks.push(sub(format!("（{}）预算执行率", cn(groups.len()))));
    let rate = e.rate.map_or_else(|| "无法计算".to_owned(), |x| format!("{}%", show2(x)));
    blocks.push(computed(format!("预算执行率 {rate}，分值 {} 分，得分 {} 分。", pts(e.weight), pts(e.score))));
    blocks
}

/// The 偏差原因 of the input row behind a result row (found by its row number).
fn reason_of(p: &ProjectInput, x: &RowResult) -> Option<String> {
    let (_, ind) = p.indicators.iter().enumerate().find(|(i, ind)| ind.row_number(*i) == x.row)?;
    ind.reason.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned)
}

fn row_sentence(p: &ProjectInput, x: &RowResult) -> String {
    let head = format!("{}：年度指标值为{}，实际完成值为{}", x.name, x.target.trim(), x.actual.trim());
    match x.status {
        Status::Error => format!("{head}，未能计分（{}）。", x.explanation),
        Status::Pending => format!("{head}，完成情况待判定，暂计 0 分（分值 {} 分）。", pts(x.weight)),
        Status::Ok | Status::Review => {
            let lost = round2(x.weight).saturating_sub(round2(x.score));
            if lost <= Decimal::ZERO {
                return format!("{head}，分值 {} 分，得分 {} 分。", pts(x.weight), pts(x.score));
            }
            let reason = reason_of(p, x).map_or_else(|| "未填写偏差原因".to_owned(), |s| format!("偏差原因：{s}"));
            format!("{head}，分值 {} 分，得分 {} 分，扣 {} 分。{reason}。", pts(x.weight), pts(x.score), pts(lost))
                .replace("。。", "。")
        }
    }
}

fn grade_sentence(r: &ProjectResult, profile: &Profile) -> String {
    let bands: Vec<String> = profile
        .grades
        .iter()
        .enumerate()
        .map(|(i, b)| match (i, profile.grades.get(i.wrapping_sub(1))) {
            (0, _) => format!("{} 分及以上为{}", show(b.min), b.grade),
            (_, Some(up)) if b.min > Decimal::ZERO => format!("{}–{} 分为{}", show(b.min), show(up.min), b.grade),
            (_, Some(up)) => format!("{} 分以下为{}", show(up.min), b.grade),
            _ => String::new(),
        })
        .collect();
    let provisional = if r.provisional { "（暂定：有定性指标的完成情况待判定）" } else { "" };
    format!("综合评价得分 {} 分，等级为{}{provisional}（{}）。", show2(r.total), r.grade, bands.join("，"))
}

/// S8, for 六: a row whose actual is far above its target (a target set low).
fn set_low(x: &RowResult) -> bool {
    x.flags.iter().any(|f| matches!(f, Flag::OverAchievement))
}

/// 六: drafted from the findings, or the user's own text.
fn problems(p: &ProjectInput, r: &ProjectResult, profile: &Profile) -> Vec<Block> {
    if !p.draft.problems.trim().is_empty() {
        return vec![field(&p.draft, FieldKey::Problems, "存在的问题和改进措施")];
    }
    let mut items: Vec<String> = Vec::new();
    let e = &r.execution;
    if let (Some(b), Some(x), Some(rate)) = (e.budget, e.executed, e.rate) {
        if rate < Decimal::ONE_HUNDRED {
            items.push(format!(
                "支付进度较慢。全年预算数 {} 万元，执行数 {} 万元，预算执行率 {}%，尚有 {} 万元未支付。改进措施：加强预算执行管理，加快资金支付进度。",
                show(b),
                show(x),
                show2(rate),
                show(b.saturating_sub(x))
            ));
        }
    }
    for x in
        r.rows.iter().filter(|x| matches!(x.status, Status::Ok | Status::Review) && round2(x.score) < round2(x.weight))
    {
        let reason = reason_of(p, x).map_or_else(
            || "偏差原因未填写，请补充原因分析及改进措施。".to_owned(),
            |s| format!("原因：{s}。").replace("。。", "。"),
        );
        items.push(format!(
            "{}未达到年度指标值（年度指标值：{}，实际完成值：{}），扣 {} 分。{reason}",
            x.name,
            x.target.trim(),
            x.actual.trim(),
            pts(x.weight.saturating_sub(x.score))
        ));
    }
    let pending: Vec<&str> = r.rows.iter().filter(|x| x.status == Status::Pending).map(|x| x.name.as_str()).collect();
    if !pending.is_empty() {
        items.push(format!("{}的完成情况无法从完成值判定，暂计 0 分，请补充完成情况。", pending.join("、")));
    }
    let low: Vec<String> = r
        .rows
        .iter()
        .filter(|x| set_low(x))
        .map(|x| format!("{}（年度指标值：{}，实际完成值：{}）", x.name, x.target.trim(), x.actual.trim()))
        .collect();
    if !low.is_empty() {
        items.push(format!(
            "指标设置有待完善。{}的实际完成值高于年度指标值 {} 倍以上，年度指标值设置偏低。改进措施：结合历史数据和工作计划科学设置绩效指标值。",
            low.join("、"),
            show(profile.over_achievement_factor)
        ));
    }
    if items.is_empty() {
        return vec![
            computed("各项绩效指标均已完成，预算全部执行，评分中未发现扣分事项。".into()),
            field(&p.draft, FieldKey::Problems, "存在的问题和改进措施"),
        ];
    }
    items.into_iter().enumerate().map(|(i, t)| Block::Drafted { text: format!("（{}）{t}", cn(i)) }).collect()
}

/// The drafts of every project of a scored input (see [`super::scored`]).
pub fn drafts(input: &crate::Input, report: &crate::Report, profile: &Profile) -> Vec<Draft> {
    input.projects.iter().zip(&report.projects).map(|(p, r)| build(p, r, profile)).collect()
}
