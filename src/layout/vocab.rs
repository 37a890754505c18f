//! The header vocabulary: the columns of an indicator table, their
//! synonyms, header-cell matching, and the label keys of layout B.

/// The columns of an indicator table (INPUT.md, layout A).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Field {
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
pub(super) const SYNONYMS: &[(Field, &[&str])] = &[
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
pub(super) fn field_name(f: Field) -> &'static str {
    SYNONYMS.iter().find(|(g, _)| *g == f).and_then(|(_, n)| n.first()).copied().unwrap_or("")
}

pub(super) const REQUIRED: [Field; 3] = [Field::Name, Field::Target, Field::Actual];

/// A header cell as matched: white space, line breaks, `*` and a trailing
/// colon removed, full-width parentheses made ASCII, and any parenthesised
/// part ("（万元）") cut off. The second value says whether that part named 元
/// (not 万元): amounts under such a header are in 元.
pub(super) fn label(cell: &str) -> (String, bool) {
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

pub(super) fn field_of(cell: &str) -> Option<Field> {
    let (l, _) = label(cell);
    SYNONYMS.iter().find(|(_, names)| names.contains(&l.as_str())).map(|(f, _)| *f)
}

/// A cheap test that must hold for [`Columns::of`] to find a header (so the
/// many rows that fail it skip [`label`]): the name column's words all hold
/// 指, the target's and the actual's 值, and [`label`] only drops characters.
pub(super) fn may_be_header(row: &[String]) -> bool {
    row.iter().any(|c| c.contains('指')) && row.iter().any(|c| c.contains('值'))
}

/// The columns of an indicator header row.
#[derive(Debug, Clone, Default)]
pub(super) struct Columns {
    pub(super) cols: Vec<(Field, usize)>,
    /// Budget columns on indicator rows are in 元.
    pub(super) budget_in_yuan: bool,
}

impl Columns {
    pub(super) fn of(row: &[String]) -> Columns {
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
    pub(super) fn get(&self, f: Field) -> Option<usize> {
        self.cols.iter().find(|(g, _)| *g == f).map(|(_, i)| *i)
    }
    pub(super) fn is_header(&self) -> bool {
        REQUIRED.iter().all(|f| self.get(*f).is_some())
    }
}

/// Label cells read as key/value pairs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Key {
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

pub(super) const KEYS: &[(&str, Key)] = &[
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
