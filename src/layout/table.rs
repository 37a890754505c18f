//! The indicator table: rows grouped into projects, 一级/二级 forward-filled,
//! level weights in level cells (S30), tables without level columns.

use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;

use super::funds::{merge_budget, money, unit_of};
use super::header::Columns;
use super::rows::{filled, unused, RowSet};
use super::vocab::{weight_in_label, Field, FIELD_COUNT};
use super::{Block, Context};
use crate::expr;
use crate::grid::{row_number, Row};
use crate::model::{IndicatorInput, Issue, LevelWeight, ProjectInput, Text, UNGRADED};

impl Block<'_> {
    /// The indicator rows, grouped into projects by the 项目名称 column; the
    /// labels read around them go to the single project (`ctx`), and the rows
    /// of `span` read by neither are listed as ignored. Also returns the rows read.
    pub(super) fn read_table(
        &self,
        cols: &Columns,
        rows: &[usize],
        mut ctx: Context,
        span: Range<usize>,
    ) -> (Vec<ProjectInput>, RowSet) {
        let levelless = cols.get(Field::Level1).is_none() && cols.get(Field::Level2).is_none();
        let mut projects: Vec<ProjectInput> = Vec::new();
        // Project name → index in `projects` (a lookup per new name, not a scan).
        let mut by_name: HashMap<&str, usize, BuildHasherDefault<NameHasher>> = HashMap::default();
        let mut current: Option<usize> = None;
        let mut current_key: Option<&str> = None;
        // The cells stay slices of the sheet until an indicator is made of them.
        let (mut last1, mut last2): (Cow<str>, &str) = (Cow::Borrowed(""), "");
        for &r in rows {
            let cells = Cells::of(self.sheet.row(r), cols);
            let cell = |f: Field| cells.get(f);
            let text = |f: Field| cell(f).unwrap_or_default();
            let (name, target, actual) = (text(Field::Name), text(Field::Target), text(Field::Actual));
            // The project column forward-fills like a merged cell.
            let project = text(Field::Project);
            if !project.is_empty() || current.is_none() {
                let key = Some(project).filter(|p| !p.is_empty() && cols.get(Field::Project).is_some());
                // The row above's project first: no lookup for the rows of one project.
                let found = if key.is_some() && key == current_key {
                    current
                } else {
                    key.and_then(|k| by_name.get(k)).copied()
                };
                current = Some(match found {
                    Some(i) => i,
                    None => {
                        if let Some(k) = key {
                            by_name.insert(k, projects.len());
                        }
                        // Room for as many rows as the project before had: the
                        // projects of one table are alike in size, and a row
                        // vector grown 4 → 8 → 16 copies its rows each time.
                        let room = projects.last().map_or(0, |p: &ProjectInput| p.indicators.len().min(64));
                        projects.push(ProjectInput {
                            name: key.map(str::to_owned),
                            sheet: self.sheet.name.clone(),
                            indicators: Vec::with_capacity(room),
                            ..Default::default()
                        });
                        projects.len() - 1
                    }
                });
                current_key = key;
                if found.is_none() {
                    last1 = Cow::Borrowed("");
                    last2 = "";
                }
            }
            let Some(p) = current.and_then(|i| projects.get_mut(i)) else { continue };
            // Budget columns on indicator rows: the first value per project wins.
            if p.budget.adjusted.is_none() {
                if let Some(v) = cell(Field::Budget).filter(|v| money(v, cols.budget_in_yuan).is_some()) {
                    p.budget.unit = unit_of(v, cols.budget_in_yuan);
                }
            }
            for (f, slot) in [(Field::Budget, &mut p.budget.adjusted), (Field::Executed, &mut p.budget.executed)] {
                if let (None, Some(v)) = (*slot, cell(f).and_then(|v| money(v, cols.budget_in_yuan))) {
                    *slot = Some(v);
                    p.budget.row = Some(row_number(r));
                    ctx.used.insert(r);
                }
            }
            // S30: "产出指标（60分）" names the level and states its weight.
            let (l1_text, l1_weight) = weight_in_label(text(Field::Level1));
            if let Some(w) = l1_weight {
                p.level_weights.push(LevelWeight { level1: l1_text.to_string(), weight: w, row: Some(row_number(r)) });
            }
            if name.is_empty() && target.is_empty() && actual.is_empty() {
                // A blank row, a note, or a parent row (产出指标 with its
                // subtotal): not an indicator, but its 一级/二级 cells still
                // name the rows under it; a 一级 row's 分值 is the level's weight (S30).
                let l2 = text(Field::Level2);
                if !l1_text.is_empty() {
                    ctx.used.insert(r);
                    let stated = cols
                        .get(Field::Weight)
                        .filter(|c| !self.sheet.is_merged_copy(r, *c))
                        .and_then(|_| cell(Field::Weight))
                        .and_then(expr::parse_number);
                    if let (Some(w), None) = (stated, l1_weight) {
                        p.level_weights.push(LevelWeight {
                            level1: l1_text.to_string(),
                            weight: w,
                            row: Some(row_number(r)),
                        });
                    }
                    last1 = l1_text;
                    last2 = l2;
                } else if !l2.is_empty() {
                    ctx.used.insert(r);
                    last2 = l2;
                }
                continue;
            }
            ctx.used.insert(r);
            // S2/INPUT: blank 一级/二级 inherit the value above within the project;
            // a new 一级 does not inherit the previous 二级.
            let mut l1 = l1_text;
            let mut l2 = text(Field::Level2);
            if l1.is_empty() {
                l1 = if levelless { Cow::Borrowed(UNGRADED) } else { last1.clone() };
                if l2.is_empty() {
                    l2 = last2;
                }
            } else if l2.is_empty() && l1 == last1 {
                l2 = last2;
            }
            last1 = l1.clone();
            last2 = l2;
            let owned = |f: Field| cell(f).map(Text::from);
            p.indicators.push(IndicatorInput {
                row: Some(row_number(r)),
                level1: Text::from(l1),
                level2: l2.into(),
                name: strip_name_prefix(name).into(),
                target: target.into(),
                actual: actual.into(),
                weight: owned(Field::Weight),
                score: owned(Field::Score)
                    .filter(|_| !self.sheet.is_merged_copy(r, cols.get(Field::Score).unwrap_or(0))),
                symbol: owned(Field::Symbol),
                unit: owned(Field::Unit),
                level: owned(Field::Level),
                deduction: owned(Field::Deduction),
                reason: owned(Field::Reason),
                ..Default::default()
            });
        }
        if projects.is_empty() {
            projects.push(ProjectInput { sheet: self.sheet.name.clone(), ..Default::default() });
        }
        self.finish(projects, ctx, span, levelless)
    }

    /// Hand the labels read around the table to its project, and list the rows
    /// nobody read.
    fn finish(
        &self,
        mut projects: Vec<ProjectInput>,
        mut ctx: Context,
        span: Range<usize>,
        levelless: bool,
    ) -> (Vec<ProjectInput>, RowSet) {
        if ctx.budget.adjusted.is_none() && ctx.budget.initial.is_some() {
            ctx.budget.adjusted = ctx.budget.initial;
            ctx.warnings.push(Issue::at(
                self.sheet_name(),
                ctx.budget.row,
                None,
                "只有年初预算数，没有全年预算数：按年初预算数计算执行率",
            ));
        }
        if levelless && projects.iter().any(|p| !p.indicators.is_empty()) {
            ctx.warnings.push(self.issue(
                self.header.first,
                None,
                "表中没有一级、二级指标列：指标归入「未分级」，无法按一级指标核对分值，各行须填写分值",
            ));
        }
        let ignored = unused(self.sheet, span, &ctx.used);
        let single = projects.len() == 1;
        if single {
            if let Some(p) = projects.first_mut() {
                p.name = p.name.take().or(ctx.name);
                p.department = ctx.department;
                p.implementer = ctx.implementer;
                merge_budget(&mut p.budget, &ctx.budget);
                p.stated = ctx.stated;
                p.goals = ctx.goals;
                p.errors = ctx.errors;
                p.warnings = ctx.warnings;
            }
        } else if let Some(first) = projects.first_mut() {
            if ctx.budget.adjusted.is_some() || ctx.stated.total.is_some() {
                first.warnings.push(Issue::at(
                    self.sheet_name(),
                    None,
                    None,
                    "表中有多个项目，表外的预算数和总分无法对应到某一个项目，未使用；请在表中加「全年预算数」「全年执行数」列",
                ));
            }
            first.errors.extend(ctx.errors);
            first.warnings.extend(ctx.warnings);
        }
        if let Some(first) = projects.first_mut() {
            first.ignored = ignored;
        }
        (projects, ctx.used)
    }
}

/// "指标1：改造学校数量" → "改造学校数量".
pub(super) fn strip_name_prefix(name: &str) -> &str {
    let rest = name.strip_prefix("指标").unwrap_or("");
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 {
        if let Some(after) = rest.get(digits..) {
            if let Some(n) = after.strip_prefix([':', '：', '.', '、']) {
                return n.trim();
            }
        }
    }
    name
}

/// A table row's cells by field, trimmed; placeholders ("……") read as
/// blank. Each is looked up once per row, however often it is read.
struct Cells<'s>([Option<&'s str>; FIELD_COUNT]);

impl<'s> Cells<'s> {
    fn of(row: Row<'s>, cols: &Columns) -> Cells<'s> {
        let mut cells = [None; FIELD_COUNT];
        for &(f, c) in &cols.cols {
            if let Some(slot) = cells.get_mut(f as usize) {
                *slot = Some(filled(row.get(c).unwrap_or_default()));
            }
        }
        Cells(cells)
    }

    /// The cell of the table's column `f`; `None` when it has no such column.
    fn get(&self, f: Field) -> Option<&'s str> {
        self.0.get(f as usize).copied().flatten()
    }
}

/// The hash of the project-name index: rustc's FxHash, eight bytes a step
/// (names are the user's own table, no attacker to resist; SipHash cost
/// several times more on the 30–60 bytes of a name).
#[derive(Default)]
struct NameHasher(u64);

impl Hasher for NameHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word.iter_mut().zip(chunk).for_each(|(w, b)| *w = *b);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(0x517c_c1b7_2722_0a95);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}
