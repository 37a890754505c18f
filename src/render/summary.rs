//! The overview of a report (the page's collection view, `jixiao.summarize`):
//! per project its name, total, grade, budget execution rate and how many
//! rows ended in each status, in columns, so that the page gets a few arrays
//! instead of one object per row. It reads figures and typed results only,
//! so it works on a report that `explain` has not written yet.

use rust_decimal::prelude::ToPrimitive;
use serde::Serialize;

use crate::report::{ProjectResult, Report, Status};

/// Columns over the projects of a report, in report order.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Summary {
    /// Number of projects.
    pub projects: usize,
    /// Number of indicator rows over all projects.
    pub rows: usize,
    /// Project names ("" for a project without one).
    pub name: Vec<String>,
    /// 主管部门 (else 实施单位; "" for neither).
    pub department: Vec<String>,
    /// The sheet each project was read from ("" for none).
    pub sheet: Vec<String>,
    /// 全年预算数 and 全年执行数 (万元); NaN where the file gives none.
    pub budget: Vec<f64>,
    pub executed: Vec<f64>,
    /// 填报总分 (the total the file states); NaN where it states none.
    pub stated: Vec<f64>,
    /// Totals, as the report's JSON gives them (2 decimals).
    pub total: Vec<f64>,
    /// Index into `grades` of each project's grade.
    pub grade: Vec<u8>,
    /// The distinct grade labels, in order of first appearance.
    pub grades: Vec<String>,
    /// Budget execution rate in percent; NaN where the file gives none.
    pub rate: Vec<f64>,
    /// Provisional totals (a qualitative row is 待判定, S17): 1, else 0.
    pub provisional: Vec<u8>,
    /// Per project four counts: rows ok, review, pending, error.
    pub status: Vec<u32>,
    /// Per project three counts: errors and warnings (the reader's and the
    /// scorer's: as many as `errors` / `warnings` hold once explained), and
    /// audit findings.
    pub issues: Vec<u32>,
}

impl Summary {
    /// The overview of a scored (and audited) report that `explain` has
    /// not written yet.
    pub fn of(report: &Report) -> Summary {
        let mut s = Summary::with_capacity(report.projects.len());
        for p in &report.projects {
            s.push(p);
        }
        s
    }

    /// An empty overview with room for `projects` projects (no column grows
    /// while they are pushed).
    pub fn with_capacity(projects: usize) -> Summary {
        let n = projects;
        Summary {
            name: Vec::with_capacity(n),
            department: Vec::with_capacity(n),
            sheet: Vec::with_capacity(n),
            budget: Vec::with_capacity(n),
            executed: Vec::with_capacity(n),
            stated: Vec::with_capacity(n),
            total: Vec::with_capacity(n),
            grade: Vec::with_capacity(n),
            rate: Vec::with_capacity(n),
            provisional: Vec::with_capacity(n),
            status: Vec::with_capacity(4 * n),
            issues: Vec::with_capacity(3 * n),
            ..Summary::default()
        }
    }

    /// The overview line of one project (`projects` = 1).
    pub fn one(p: &ProjectResult) -> Summary {
        let mut s = Summary::default();
        s.push(p);
        s
    }

    /// Add the line of the next project.
    fn push(&mut self, p: &ProjectResult) {
        let department = p.department.as_ref().or(p.implementer.as_ref());
        self.add(p, [p.name.clone(), department.cloned(), p.sheet.clone()]);
    }

    /// Add the line of the next project (an overview built while scoring),
    /// for a caller done with the project: its name,
    /// department and sheet move into the overview (not copied).
    pub fn push_owned(&mut self, mut p: ProjectResult) {
        let department = p.department.take().or_else(|| p.implementer.take());
        let texts = [p.name.take(), department, p.sheet.take()];
        self.add(&p, texts);
    }

    /// The line of `p`, whose name, department and sheet are `texts`.
    fn add(&mut self, p: &ProjectResult, [name, department, sheet]: [Option<String>; 3]) {
        self.projects += 1;
        self.rows += p.rows.len();
        self.name.push(name.unwrap_or_default());
        self.department.push(department.unwrap_or_default());
        self.sheet.push(sheet.unwrap_or_default());
        let f = |d: Option<rust_decimal::Decimal>| d.and_then(|v| v.to_f64()).unwrap_or(f64::NAN);
        self.budget.push(f(p.execution.budget));
        self.executed.push(f(p.execution.executed));
        self.stated.push(f(p.stated_total));
        self.total.push(p.total.to_f64().unwrap_or(f64::NAN));
        let grade = match self.grades.iter().position(|g| *g == p.grade) {
            Some(i) => i,
            None => {
                self.grades.push(p.grade.to_string());
                self.grades.len() - 1
            }
        };
        self.grade.push(u8::try_from(grade).unwrap_or(u8::MAX));
        self.rate.push(p.execution.rate.and_then(|r| r.to_f64()).unwrap_or(f64::NAN));
        self.provisional.push(u8::from(p.provisional));
        let mut counts = [0u32; 4];
        for r in &p.rows {
            let k = match r.status {
                Status::Ok => 0,
                Status::Review => 1,
                Status::Pending => 2,
                Status::Error => 3,
            };
            if let Some(c) = counts.get_mut(k) {
                *c += 1;
            }
        }
        self.status.extend(counts);
        // Before `explain` the scorer's problems are only in `notes`;
        // `explain` appends one issue per note to `errors` / `warnings`.
        let scorer_errors = p.notes.iter().filter(|n| n.kind.is_error()).count();
        let errors = p.errors.len() + scorer_errors;
        let warnings = p.warnings.len() + (p.notes.len() - scorer_errors);
        let n = |v: usize| u32::try_from(v).unwrap_or(u32::MAX);
        self.issues.extend([n(errors), n(warnings), n(p.audit.len())]);
    }
}
