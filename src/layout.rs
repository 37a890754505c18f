//! Normalise: sheets of text cells → projects.
//!
//! One reader for both layouts of INPUT.md: the indicator block is found by
//! its header row (layout A is a sheet that is nothing but that block), and
//! everything around it — 项目名称 / 主管部门 / 实施单位 cells, the funds
//! block with its 年度资金总额 row, key/value budget rows, 年度总体目标 rows,
//! the 总分 row — is read by its label cells, wherever it stands (layout B).
//! A sheet may hold several forms one under another: each indicator header
//! starts a new block, and the labels between two blocks belong to the block
//! they precede or, after the last table, to the last one.

use rust_decimal::Decimal;

use crate::expr;
use crate::grid::Sheet;
use crate::model::{Budget, Goal, IndicatorInput, Input, Issue, ProjectInput};
use crate::FileError;

/// The columns of an indicator table (INPUT.md, layout A).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Project,
    Level1,
    Level2,
    Name,
    Target,
    Actual,
    Weight,
    Score,
    Symbol,
    Unit,
    Level,
    Deduction,
    Reason,
    Budget,
    Executed,
}

/// Header names accepted for each field, matched after [`label`].
const SYNONYMS: &[(Field, &[&str])] = &[
    (Field::Project, &["项目名称", "项目"]),
    (Field::Level1, &["一级指标"]),
    (Field::Level2, &["二级指标"]),
    (Field::Name, &["三级指标", "指标名称"]),
    (Field::Target, &["年度指标值", "指标值", "目标值", "年度目标值", "预期指标值"]),
    (Field::Actual, &["实际完成值", "实际完成指标值", "全年实际值", "完成值", "实际值"]),
    (Field::Weight, &["分值", "权重", "权重分值", "指标分值"]),
    (Field::Score, &["得分", "自评得分"]),
    (Field::Symbol, &["计算符号", "指标方向", "指标性质", "运算符号"]),
    (Field::Unit, &["计量单位", "度量单位", "单位"]),
    (Field::Level, &["完成情况", "达成情况", "定性评价"]),
    (Field::Deduction, &["扣减分数", "扣分"]),
    (Field::Reason, &["偏差原因分析及改进措施", "偏差原因", "未完成原因分析", "原因分析"]),
    (Field::Budget, &["全年预算数"]),
    (Field::Executed, &["全年执行数"]),
];

/// The canonical Chinese name of a field, for messages.
fn field_name(f: Field) -> &'static str {
    SYNONYMS.iter().find(|(g, _)| *g == f).and_then(|(_, n)| n.first()).copied().unwrap_or("")
}

const REQUIRED: [Field; 3] = [Field::Name, Field::Target, Field::Actual];

/// A header cell as matched: white space, line breaks, `*` and a trailing
/// colon removed, full-width parentheses made ASCII, and any parenthesised
/// part ("（万元）") cut off. The second value says whether that part named 元
/// (not 万元): amounts under such a header are in 元.
fn label(cell: &str) -> (String, bool) {
    let mut core = String::new();
    let mut paren = String::new();
    let mut depth = 0usize;
    for c in cell.chars() {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' => depth = depth.saturating_sub(1),
            c if c.is_whitespace() || c == '*' || c == '\u{200b}' || c == '\u{feff}' => {}
            c if depth > 0 => paren.push(c),
            c => core.push(c),
        }
    }
    let core = core.trim_end_matches([':', '：']).to_owned();
    let in_yuan = paren.contains('元') && !paren.contains("万元") && !paren.contains("亿元");
    (core, in_yuan)
}

fn field_of(cell: &str) -> Option<Field> {
    let (l, _) = label(cell);
    SYNONYMS.iter().find(|(_, names)| names.contains(&l.as_str())).map(|(f, _)| *f)
}

/// The columns of an indicator header row.
#[derive(Debug, Clone, Default)]
struct Columns {
    cols: Vec<(Field, usize)>,
    /// Budget columns on indicator rows are in 元.
    budget_in_yuan: bool,
}

impl Columns {
    fn of(row: &[String]) -> Columns {
        let mut c = Columns::default();
        for (i, cell) in row.iter().enumerate() {
            if let Some(f) = field_of(cell) {
                // the first column with a given meaning wins
                if c.get(f).is_none() {
                    c.cols.push((f, i));
                    if matches!(f, Field::Budget | Field::Executed) && label(cell).1 {
                        c.budget_in_yuan = true;
                    }
                }
            }
        }
        c
    }
    fn get(&self, f: Field) -> Option<usize> {
        self.cols.iter().find(|(g, _)| *g == f).map(|(_, i)| *i)
    }
    fn is_header(&self) -> bool {
        REQUIRED.iter().all(|f| self.get(*f).is_some())
    }
}

/// Read every indicator block of every sheet.
pub fn read_sheets(sheets: &[Sheet]) -> Result<Input, FileError> {
    let mut input = Input::default();
    let mut near_miss: Option<String> = None;
    for sheet in sheets {
        let headers: Vec<usize> = (0..sheet.rows.len()).filter(|&r| Columns::of(row(sheet, r)).is_header()).collect();
        if headers.is_empty() {
            if near_miss.is_none() {
                near_miss = near_miss_message(sheet);
            }
            continue;
        }
        let mut start = 0;
        for (i, &h) in headers.iter().enumerate() {
            let next = headers.get(i + 1).copied().unwrap_or(sheet.rows.len());
            let block = Block { sheet, start, header: h, next };
            let (projects, end) = block.read();
            input.projects.extend(projects);
            start = end;
        }
    }
    if input.projects.is_empty() {
        return Err(FileError::NoIndicatorTable(near_miss.unwrap_or_else(|| {
            "表头需含「三级指标」（或「指标名称」）、「年度指标值」和「实际完成值」等列".to_owned()
        })));
    }
    Ok(input)
}

/// A row that looks like a header but lacks a required column.
fn near_miss_message(sheet: &Sheet) -> Option<String> {
    sheet.rows.iter().enumerate().find_map(|(r, cells)| {
        let c = Columns::of(cells);
        let known =
            c.cols.iter().filter(|(f, _)| !matches!(f, Field::Budget | Field::Executed | Field::Project)).count();
        if known < 2 {
            return None;
        }
        let missing: Vec<String> =
            REQUIRED.iter().filter(|f| c.get(**f).is_none()).map(|f| format!("「{}」", field_name(*f))).collect();
        let place = Issue::at(sheet.name.as_deref(), u32::try_from(r + 1).ok(), None, "").message;
        Some(format!("{place}像是表头，但缺少{}列", missing.join("")))
    })
}

fn row(sheet: &Sheet, r: usize) -> &[String] {
    sheet.rows.get(r).map(Vec::as_slice).unwrap_or(&[])
}

fn row_no(r: usize) -> u32 {
    u32::try_from(r + 1).unwrap_or(u32::MAX)
}

/// One indicator block: its header row and the label cells around it.
struct Block<'a> {
    sheet: &'a Sheet,
    /// First row that may hold this block's labels.
    start: usize,
    header: usize,
    /// The next block's header row (or the end of the sheet).
    next: usize,
}

/// Figures and names read from label cells around a table.
#[derive(Default)]
struct Context {
    name: Option<String>,
    department: Option<String>,
    implementer: Option<String>,
    budget: Budget,
    stated: crate::model::Stated,
    goals: Vec<Goal>,
    errors: Vec<Issue>,
    warnings: Vec<Issue>,
}

impl Block<'_> {
    fn sheet_name(&self) -> Option<&str> {
        self.sheet.name.as_deref()
    }

    fn issue(&self, r: usize, column: Option<&str>, text: &str) -> Issue {
        Issue::at(self.sheet_name(), Some(row_no(r)), column, text)
    }

    /// Read the block; returns its projects and the first row after its table.
    fn read(&self) -> (Vec<ProjectInput>, usize) {
        let cols = Columns::of(row(self.sheet, self.header));
        let mut ctx = Context::default();
        let mut table_rows = Vec::new();
        let mut end = self.next;
        let mut r = self.header + 1;
        while r < self.next {
            let cells = row(self.sheet, r);
            if let Some(first) = cells.iter().map(|c| label(c).0).find(|c| !c.is_empty()) {
                if ["总分", "合计", "总计"].iter().any(|k| first.starts_with(k)) {
                    self.stated_total(r, &cols, &mut ctx);
                    end = r + 1;
                    break;
                }
            }
            if is_funds_header(cells) {
                end = r;
                break;
            }
            table_rows.push(r);
            r += 1;
        }
        // Labels: above the header (from this block's start) and, for the
        // sheet's last block, after the table.
        let after = if self.next >= self.sheet.rows.len() { end..self.next } else { 0..0 };
        let label_rows = (self.start..self.header).chain(after);
        self.read_labels(label_rows, &mut ctx);
        let projects = self.read_table(&cols, &table_rows, ctx);
        // `end` is past the header and at most `next`: the loop starts at
        // header + 1 and stops before `next`.
        (projects, end)
    }

    /// The 总分 row: the stated total is the 得分 column's number, else the
    /// row's last number.
    fn stated_total(&self, r: usize, cols: &Columns, ctx: &mut Context) {
        let cells = row(self.sheet, r);
        let by_col = cols.get(Field::Score).and_then(|c| cells.get(c)).and_then(|c| expr::parse_number(c));
        let last = cells.iter().rev().find_map(|c| expr::parse_number(c));
        ctx.stated.total = by_col.or(last);
        ctx.stated.total_row = Some(row_no(r));
    }

    fn read_labels(&self, rows: impl Iterator<Item = usize>, ctx: &mut Context) {
        for r in rows {
            let cells = row(self.sheet, r);
            if is_funds_header(cells) {
                self.funds_block(r, ctx);
                continue;
            }
            for (c, cell) in cells.iter().enumerate() {
                let (l, in_yuan) = label(cell);
                if l.is_empty() || self.sheet.is_merged_copy(r, c) {
                    continue;
                }
                if l == "年度总体目标" {
                    self.goals(r, ctx);
                    continue;
                }
                let Some(key) = KEYS.iter().find(|(k, _)| *k == l).map(|(_, k)| *k) else { continue };
                let Some(value) = self.next_value(r, c) else { continue };
                let value = value.trim().to_owned();
                match key {
                    Key::Name => ctx.name = ctx.name.clone().or(Some(value)),
                    Key::Department => ctx.department = ctx.department.clone().or(Some(value)),
                    Key::Implementer => ctx.implementer = ctx.implementer.clone().or(Some(value)),
                    _ => {
                        let Some(n) = expr::parse_number(&value) else {
                            ctx.errors.push(self.issue(r, Some(&l), &format!("“{value}”不是数字")));
                            continue;
                        };
                        let money = if in_yuan { n / Decimal::from(10_000) } else { n };
                        let slot = match key {
                            Key::Initial => &mut ctx.budget.initial,
                            Key::Adjusted => &mut ctx.budget.adjusted,
                            Key::Executed => &mut ctx.budget.executed,
                            Key::Weight => &mut ctx.budget.weight,
                            Key::Rate => &mut ctx.stated.rate,
                            Key::ExecScore => &mut ctx.stated.execution_score,
                            Key::Total => &mut ctx.stated.total,
                            Key::Name | Key::Department | Key::Implementer => continue,
                        };
                        if slot.is_none() {
                            *slot = Some(if matches!(key, Key::Initial | Key::Adjusted | Key::Executed) {
                                money
                            } else {
                                n
                            });
                        }
                        if matches!(key, Key::Adjusted | Key::Executed) && ctx.budget.row.is_none() {
                            ctx.budget.row = Some(row_no(r));
                        }
                        if key == Key::Total {
                            ctx.stated.total_row = Some(row_no(r));
                        }
                    }
                }
            }
        }
    }

    /// The value of the label at (r, c): the next non-empty cell to its
    /// right that is not a copy of a merged label, unless that cell is
    /// another label (a blank 主管部门 beside 实施单位).
    fn next_value(&self, r: usize, c: usize) -> Option<&String> {
        let cells = row(self.sheet, r);
        let (_, value) = cells
            .iter()
            .enumerate()
            .skip(c + 1)
            .find(|(cc, v)| !v.trim().is_empty() && !self.sheet.is_merged_copy(r, *cc))?;
        let (l, _) = label(value);
        (!KEYS.iter().any(|(k, _)| *k == l)).then_some(value)
    }

    /// 年度总体目标: the rows under the label hold (预期目标, 实际完成情况)
    /// pairs; read the non-empty cells of the next rows until a blank row or
    /// another label row.
    fn goals(&self, r: usize, ctx: &mut Context) {
        for rr in r + 1..(r + 6).min(self.header) {
            let cells: Vec<&str> = row(self.sheet, rr)
                .iter()
                .enumerate()
                .filter(|(c, _)| !self.sheet.is_merged_copy(rr, *c))
                .map(|(_, c)| c.trim())
                .filter(|c| !c.is_empty())
                .collect();
            let (Some(first), rest) = (cells.first(), cells.get(1..).unwrap_or(&[])) else { break };
            if field_of(first).is_some() || KEYS.iter().any(|(k, _)| *k == label(first).0) {
                break;
            }
            ctx.goals.push(Goal { expected: (*first).to_owned(), actual: rest.join(" ") });
        }
    }

    /// The funds block: a header row with 全年预算数 and 全年执行数, then the
    /// 年度资金总额 row. When that row is zero or empty but a 其中 row
    /// (当年财政拨款) holds figures, those are used, with a note.
    fn funds_block(&self, h: usize, ctx: &mut Context) {
        let head = row(self.sheet, h);
        let col = |name: &str| head.iter().position(|c| label(c).0 == name);
        let in_yuan = head.iter().any(|c| label(c).1);
        let (adj, exe) = (col("全年预算数"), col("全年执行数"));
        let (init, weight, rate, score) = (col("年初预算数"), col("分值"), col("执行率"), col("得分"));
        let num =
            |r: usize, c: Option<usize>| c.and_then(|c| row(self.sheet, r).get(c)).and_then(|v| expr::parse_number(v));
        let money = |v: Option<Decimal>| v.map(|v| if in_yuan { v / Decimal::from(10_000) } else { v });
        let below: Vec<usize> = (h + 1..(h + 8).min(self.sheet.rows.len())).collect();
        let has = |r: &usize, k: &str| row(self.sheet, *r).iter().any(|c| label(c).0.contains(k));
        let total_row =
            below.iter().find(|r| has(r, "年度资金总额")).or_else(|| below.iter().find(|r| num(**r, adj).is_some()));
        let Some(&t) = total_row else {
            ctx.warnings.push(self.issue(h, Some("全年预算数"), "资金表下没有找到「年度资金总额」行"));
            return;
        };
        let zero = |v: Option<Decimal>| v.is_none_or(|v| v.is_zero());
        let mut from = t;
        if zero(num(t, adj)) && zero(num(t, exe)) {
            if let Some(&s) = below.iter().find(|r| has(r, "当年财政拨款") && !zero(num(**r, adj))) {
                from = s;
                ctx.warnings.push(self.issue(
                    t,
                    Some("年度资金总额"),
                    &format!("年度资金总额为 0 或空，改用第 {} 行「当年财政拨款」的数字", row_no(s)),
                ));
            }
        }
        if ctx.budget.adjusted.is_some() {
            return; // a second funds block: the first one wins
        }
        ctx.budget.initial = money(num(from, init));
        ctx.budget.adjusted = money(num(from, adj));
        ctx.budget.executed = money(num(from, exe));
        ctx.budget.weight = num(t, weight);
        ctx.budget.row = Some(row_no(from));
        ctx.stated.rate = num(t, rate);
        ctx.stated.execution_score = num(t, score);
    }

    /// The indicator rows, grouped into projects by the 项目名称 column.
    fn read_table(&self, cols: &Columns, rows: &[usize], ctx: Context) -> Vec<ProjectInput> {
        let cell = |r: usize, f: Field| {
            cols.get(f).map(|c| row(self.sheet, r).get(c).map(|s| s.trim().to_owned()).unwrap_or_default())
        };
        let mut projects: Vec<ProjectInput> = Vec::new();
        // Project name → index in `projects` (a lookup per row, not a scan).
        let mut by_name: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
        let mut current: Option<usize> = None;
        let (mut last1, mut last2) = (String::new(), String::new());
        for &r in rows {
            let text = |f: Field| cell(r, f).unwrap_or_default();
            let (name, target, actual) = (text(Field::Name), text(Field::Target), text(Field::Actual));
            // The project column forward-fills like a merged cell.
            let project = text(Field::Project);
            if !project.is_empty() || current.is_none() {
                let key = if cols.get(Field::Project).is_some() {
                    Some(project.clone()).filter(|p| !p.is_empty())
                } else {
                    None
                };
                let found = key.as_ref().and_then(|k| by_name.get(k)).copied();
                current = Some(match found {
                    Some(i) => i,
                    None => {
                        if let Some(k) = &key {
                            by_name.insert(k.clone(), projects.len());
                        }
                        projects.push(ProjectInput { name: key, sheet: self.sheet.name.clone(), ..Default::default() });
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
                    if let Some(v) = cell(r, f).as_deref().and_then(expr::parse_number) {
                        *slot = Some(if cols.budget_in_yuan { v / Decimal::from(10_000) } else { v });
                        p.budget.row = Some(row_no(r));
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
                l1 = last1.clone();
                if l2.is_empty() {
                    l2 = last2.clone();
                }
            } else if l2.is_empty() && l1 == last1 {
                l2 = last2.clone();
            }
            last1 = l1.clone();
            last2 = l2.clone();
            p.indicators.push(IndicatorInput {
                row: Some(row_no(r)),
                level1: l1,
                level2: l2,
                name: strip_name_prefix(&name),
                target,
                actual,
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

fn merge_budget(b: &mut Budget, from: &Budget) {
    b.initial = b.initial.or(from.initial);
    b.adjusted = b.adjusted.or(from.adjusted);
    b.executed = b.executed.or(from.executed);
    b.weight = b.weight.or(from.weight);
    b.row = b.row.or(from.row);
}

/// Label cells read as key/value pairs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Key {
    Name,
    Department,
    Implementer,
    Initial,
    Adjusted,
    Executed,
    Weight,
    Rate,
    ExecScore,
    Total,
}

const KEYS: &[(&str, Key)] = &[
    ("项目名称", Key::Name),
    ("主管部门", Key::Department),
    ("实施单位", Key::Implementer),
    ("年初预算数", Key::Initial),
    ("全年预算数", Key::Adjusted),
    ("全年执行数", Key::Executed),
    ("预算执行率分值", Key::Weight),
    ("执行率", Key::Rate),
    ("预算执行率", Key::Rate),
    ("预算执行率得分", Key::ExecScore),
    ("总分", Key::Total),
];

/// A row holding both 全年预算数 and 全年执行数 labels.
fn is_funds_header(cells: &[String]) -> bool {
    let has = |k: &str| cells.iter().any(|c| label(c).0 == k);
    has("全年预算数") && has("全年执行数")
}

/// "指标1：改造学校数量" → "改造学校数量".
fn strip_name_prefix(name: &str) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn sheet(text: &str) -> Sheet {
        Sheet {
            name: None,
            rows: text.lines().map(|l| l.split(',').map(str::to_owned).collect()).collect(),
            merged: Default::default(),
        }
    }

    #[test]
    fn header_labels_are_normalised() {
        assert_eq!(label("全年预算数（元）"), ("全年预算数".into(), true));
        assert_eq!(label("项目资金（万元）"), ("项目资金".into(), false));
        assert_eq!(label(" 实际\n完成值 *"), ("实际完成值".into(), false));
        assert_eq!(field_of("偏差原因分析及改进措施"), Some(Field::Reason));
    }

    #[test]
    fn forward_fill_and_projects() {
        let s = sheet("项目名称,一级指标,二级指标,三级指标,年度指标值,实际完成值\nA,产出指标,数量指标,x,1,1\n,,,y,1,1\nB,效益指标,,z,1,1\n,,,w,1,1");
        let i = read_sheets(&[s]).unwrap();
        assert_eq!(i.projects.len(), 2);
        assert_eq!(i.projects[0].name.as_deref(), Some("A"));
        assert_eq!(i.projects[0].indicators[1].level2, "数量指标");
        assert_eq!(i.projects[1].indicators[1].level1, "效益指标");
        assert_eq!(i.projects[1].indicators[1].row, Some(5));
    }

    #[test]
    fn near_miss_header_is_explained() {
        let s = sheet("一级指标,二级指标,三级指标,年度指标值\n产出指标,数量指标,x,1");
        let e = read_sheets(&[s]).unwrap_err();
        assert!(
            matches!(&e, FileError::NoIndicatorTable(m) if m.contains("第 1 行") && m.contains("实际完成值")),
            "{e}"
        );
    }

    #[test]
    fn name_prefix() {
        assert_eq!(strip_name_prefix("指标1：改造学校数量"), "改造学校数量");
        assert_eq!(strip_name_prefix("指标名称"), "指标名称");
    }
}
