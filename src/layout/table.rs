//! The indicator table: rows grouped into projects, 一级/二级 forward-filled.

use super::funds::{merge_budget, to_wan};
use super::vocab::{Columns, Field};
use super::{row, Block, Context};
use crate::expr;
use crate::grid::{row_number, Sheet};
use crate::model::{IndicatorInput, Issue, ProjectInput};

impl Block<'_> {
    /// The indicator rows, grouped into projects by the 项目名称 column.
    /// The cells an indicator keeps are moved out of the sheet (the table's
    /// rows are read once, here), so they are not copied.
    pub(super) fn read_table(&mut self, cols: &Columns, rows: &[usize], ctx: Context) -> Vec<ProjectInput> {
        let mut projects: Vec<ProjectInput> = Vec::new();
        // Project name → index in `projects` (a lookup per row, not a scan).
        let mut by_name: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
        let mut current: Option<usize> = None;
        let (mut last1, mut last2) = (String::new(), String::new());
        for &r in rows {
            // Cells as trimmed slices of the sheet, for the decisions.
            let sheet = &*self.sheet;
            let text = |f: Field| cols.get(f).and_then(|c| row(sheet, r).get(c)).map_or("", |s| s.trim());
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
                            sheet: sheet.name.clone(),
                            ..Default::default()
                        });
                        projects.len() - 1
                    }
                });
                if found.is_none() {
                    last1.clear();
                    last2.clear();
                }
            }
            let Some(p) = current.and_then(|i| projects.get_mut(i)) else { continue };
            // Budget columns on indicator rows: the first value per project wins.
            for (f, slot) in [(Field::Budget, &mut p.budget.adjusted), (Field::Executed, &mut p.budget.executed)] {
                if slot.is_none() {
                    if let Some(v) = cols.get(f).and_then(|_| expr::parse_number(text(f))) {
                        *slot = Some(to_wan(v, cols.budget_in_yuan));
                        p.budget.row = Some(row_number(r));
                    }
                }
            }
            let (l1, l2) = (text(Field::Level1), text(Field::Level2));
            if text(Field::Name).is_empty() && text(Field::Target).is_empty() && text(Field::Actual).is_empty() {
                // A blank row, a note, or a parent row (产出指标 with its
                // subtotal): not an indicator, but its 一级/二级 cells still
                // name the rows under it.
                if !l1.is_empty() {
                    l1.clone_into(&mut last1);
                    l2.clone_into(&mut last2);
                } else if !l2.is_empty() {
                    l2.clone_into(&mut last2);
                }
                continue;
            }
            // S2/INPUT: blank 一级/二级 inherit the value above within the project;
            // a new 一级 does not inherit the previous 二级.
            let inherit1 = l1.is_empty();
            let inherit2 = l2.is_empty() && (inherit1 || l1 == last1);
            let score_is_copy = sheet.is_merged_copy(r, cols.get(Field::Score).unwrap_or(0));
            // From here on the row's cells are moved out.
            let mut take = |f: Field| take_cell(self.sheet, cols, r, f);
            let level1 = if inherit1 { last1.clone() } else { take(Field::Level1).unwrap_or_default() };
            let level2 = if inherit2 { last2.clone() } else { take(Field::Level2).unwrap_or_default() };
            if level1 != last1 {
                level1.clone_into(&mut last1);
            }
            if level2 != last2 {
                level2.clone_into(&mut last2);
            }
            p.indicators.push(IndicatorInput {
                row: Some(row_number(r)),
                level1,
                level2,
                name: take(Field::Name)
                    .map(|n| if n.starts_with("指标") { strip_name_prefix(&n) } else { n })
                    .unwrap_or_default(),
                target: take(Field::Target).unwrap_or_default(),
                actual: take(Field::Actual).unwrap_or_default(),
                weight: take(Field::Weight),
                score: take(Field::Score).filter(|_| !score_is_copy),
                symbol: take(Field::Symbol),
                unit: take(Field::Unit),
                level: take(Field::Level),
                deduction: take(Field::Deduction),
                reason: take(Field::Reason),
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

/// The cell of field `f` on row `r`, trimmed, moved out of the sheet (""
/// when the row is short); `None` when the table has no such column.
fn take_cell(sheet: &mut Sheet, cols: &Columns, r: usize, f: Field) -> Option<String> {
    let c = cols.get(f)?;
    let cell = sheet.rows.get_mut(r).and_then(|cells| cells.get_mut(c)).map(std::mem::take).unwrap_or_default();
    Some(if cell.trim().len() == cell.len() { cell } else { cell.trim().to_owned() })
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
