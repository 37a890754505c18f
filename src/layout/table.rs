//! The indicator table: rows grouped into projects, 一级/二级 forward-filled.

use super::funds::{merge_budget, to_wan};
use super::vocab::{Columns, Field};
use super::{row, Block, Context};
use crate::expr;
use crate::grid::row_number;
use crate::model::{IndicatorInput, Issue, ProjectInput};

impl Block<'_> {
    /// The indicator rows, grouped into projects by the 项目名称 column.
    pub(super) fn read_table(&self, cols: &Columns, rows: &[usize], ctx: Context) -> Vec<ProjectInput> {
        // Cells as trimmed slices of the sheet; copied only into what is kept.
        let cell_str = |r: usize, f: Field| cols.get(f).map(|c| row(self.sheet, r).get(c).map_or("", |s| s.trim()));
        let cell = |r: usize, f: Field| cell_str(r, f).map(str::to_owned);
        let mut projects: Vec<ProjectInput> = Vec::new();
        // Project name → index in `projects` (a lookup per row, not a scan).
        let mut by_name: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
        let mut current: Option<usize> = None;
        let (mut last1, mut last2) = ("", "");
        for &r in rows {
            let text = |f: Field| cell_str(r, f).unwrap_or("");
            let (name, target, actual) = (text(Field::Name), text(Field::Target), text(Field::Actual));
            // The project column forward-fills like a merged cell.
            let project = text(Field::Project);
            if !project.is_empty() || current.is_none() {
                let key = Some(project).filter(|p| cols.get(Field::Project).is_some() && !p.is_empty());
                // Rows of one project mostly follow each other: the current
                // project first, then the map.
                let same = |i: usize| projects.get(i).and_then(|p| p.name.as_deref()) == key;
                let found = match current {
                    Some(i) if key.is_some() && same(i) => Some(i),
                    _ => key.and_then(|k| by_name.get(k)).copied(),
                };
                current = Some(match found {
                    Some(i) => i,
                    None => {
                        if let Some(k) = key {
                            by_name.insert(k.to_owned(), projects.len());
                        }
                        projects.push(ProjectInput {
                            name: key.map(str::to_owned),
                            sheet: self.sheet.name.clone(),
                            ..Default::default()
                        });
                        projects.len() - 1
                    }
                });
                if found.is_none() {
                    last1 = "";
                    last2 = "";
                }
            }
            let Some(p) = current.and_then(|i| projects.get_mut(i)) else { continue };
            // Budget columns on indicator rows: the first value per project wins.
            for (f, slot) in [(Field::Budget, &mut p.budget.adjusted), (Field::Executed, &mut p.budget.executed)] {
                if slot.is_none() {
                    if let Some(v) = cell(r, f).as_deref().and_then(expr::parse_number) {
                        *slot = Some(to_wan(v, cols.budget_in_yuan));
                        p.budget.row = Some(row_number(r));
                    }
                }
            }
            if name.is_empty() && target.is_empty() && actual.is_empty() {
                // A blank row, a note, or a parent row (产出指标 with its
                // subtotal): not an indicator, but its 一级/二级 cells still
                // name the rows under it.
                let (l1, l2) = (text(Field::Level1), text(Field::Level2));
                if !l1.is_empty() {
                    last1 = l1;
                    last2 = l2;
                } else if !l2.is_empty() {
                    last2 = l2;
                }
                continue;
            }
            // S2/INPUT: blank 一级/二级 inherit the value above within the project;
            // a new 一级 does not inherit the previous 二级.
            let mut l1 = text(Field::Level1);
            let mut l2 = text(Field::Level2);
            if l1.is_empty() {
                l1 = last1;
                if l2.is_empty() {
                    l2 = last2;
                }
            } else if l2.is_empty() && l1 == last1 {
                l2 = last2;
            }
            last1 = l1;
            last2 = l2;
            p.indicators.push(IndicatorInput {
                row: Some(row_number(r)),
                level1: l1.to_owned(),
                level2: l2.to_owned(),
                name: strip_name_prefix(name),
                target: target.to_owned(),
                actual: actual.to_owned(),
                weight: cell(r, Field::Weight),
                score: cell(r, Field::Score)
                    .filter(|_| !self.sheet.is_merged_copy(r, cols.get(Field::Score).unwrap_or(0))),
                symbol: cell(r, Field::Symbol),
                unit: cell(r, Field::Unit),
                level: cell(r, Field::Level),
                deduction: cell(r, Field::Deduction),
                reason: cell(r, Field::Reason),
            });
        }
        if projects.is_empty() {
            projects.push(ProjectInput { sheet: self.sheet.name.clone(), ..Default::default() });
        }
        let single = projects.len() == 1;
        for p in &mut projects {
            if single {
                p.name = p.name.take().or(ctx.name.clone());
                p.department = ctx.department.clone();
                p.implementer = ctx.implementer.clone();
                merge_budget(&mut p.budget, &ctx.budget);
                p.stated = ctx.stated.clone();
                p.goals = ctx.goals.clone();
                p.errors = ctx.errors.clone();
                p.warnings = ctx.warnings.clone();
            }
        }
        if !single && (ctx.budget.adjusted.is_some() || ctx.stated.total.is_some()) {
            if let Some(first) = projects.first_mut() {
                first.warnings.push(Issue::at(
                    self.sheet_name(),
                    None,
                    None,
                    "表中有多个项目，表外的预算数和总分无法对应到某一个项目，未使用；请在表中加「全年预算数」「全年执行数」列",
                ));
            }
        }
        projects
    }
}

/// "指标1：改造学校数量" → "改造学校数量".
pub(super) fn strip_name_prefix(name: &str) -> String {
    let rest = name.strip_prefix("指标").unwrap_or("");
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 {
        if let Some(after) = rest.get(digits..) {
            if let Some(n) = after.strip_prefix([':', '：', '.', '、']) {
                return n.trim().to_owned();
            }
        }
    }
    name.to_owned()
}
